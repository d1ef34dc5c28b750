// The decision record editor of an architecture attempt: context, at least two options with
// their pros and cons, the decision, the consequences expected, and — once stage 2 opens —
// the follow-up. Every change is saved as a draft; completeness is checked on submit.
import { useId } from 'react'
import {
	emptyOption,
	MAX_OPTIONS,
	MAX_OPTION_FIELD_LENGTH,
	MAX_SECTION_LENGTH,
	SECTION_LABELS,
	type DecisionRecord,
	type DecisionRecordErrors,
} from '#app/architecture/decision-record.ts'
import { Button } from '#app/components/ui/button.tsx'

const areaClass =
	'block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900 read-only:bg-slate-50 dark:read-only:bg-slate-800'

export type DecisionPrompts = Partial<Record<'context' | 'options' | 'decision' | 'consequences' | 'followUp', string>>

export function DecisionRecordPanel({
	record,
	stage,
	readOnly,
	errors,
	guidance,
	prompts,
	title,
	onChange,
}: {
	record: DecisionRecord
	stage: 1 | 2
	readOnly: boolean
	errors: DecisionRecordErrors
	guidance: string | null
	prompts: DecisionPrompts
	title: string
	onChange(record: DecisionRecord): void
}) {
	const id = useId()
	const set = (change: Partial<DecisionRecord>) => onChange({ ...record, ...change })
	const section = (name: 'context' | 'decision' | 'consequences' | 'followUp', rows: number) => (
		<div className="space-y-1">
			<label htmlFor={`${id}-${name}`} className="block text-sm font-semibold">
				{SECTION_LABELS[name]}
			</label>
			{prompts[name] ? (
				<p id={`${id}-${name}-prompt`} className="text-xs text-slate-600 dark:text-slate-400">
					{prompts[name]}
				</p>
			) : null}
			<textarea
				id={`${id}-${name}`}
				rows={rows}
				value={record[name]}
				readOnly={readOnly}
				maxLength={MAX_SECTION_LENGTH}
				onChange={(event) => set({ [name]: event.currentTarget.value })}
				aria-invalid={errors[name] ? true : undefined}
				aria-describedby={[prompts[name] ? `${id}-${name}-prompt` : null, errors[name] ? `${id}-${name}-error` : null].filter(Boolean).join(' ') || undefined}
				className={areaClass}
			/>
			{errors[name] ? (
				<p id={`${id}-${name}-error`} className="text-sm text-red-700 dark:text-red-400">
					{errors[name]}
				</p>
			) : null}
		</div>
	)
	return (
		<div className="space-y-4 p-3">
			<div>
				<h2 className="text-sm font-semibold">{title}</h2>
				{guidance ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{guidance}</p> : null}
			</div>
			{stage === 2 ? section('followUp', 6) : null}
			{section('context', 5)}
			<fieldset className="space-y-2" aria-describedby={errors.options ? `${id}-options-error` : undefined}>
				<legend className="text-sm font-semibold">{SECTION_LABELS.options}</legend>
				{prompts.options ? <p className="text-xs text-slate-600 dark:text-slate-400">{prompts.options}</p> : null}
				{record.options.map((option, index) => {
					const update = (change: Partial<typeof option>) =>
						set({ options: record.options.map((candidate, i) => (i === index ? { ...candidate, ...change } : candidate)) })
					const optionError = errors[`options.${index}`]
					return (
						<div key={index} className="space-y-1.5 rounded-md bg-slate-50 p-2 dark:bg-slate-800/60" role="group" aria-label={`Option ${index + 1}`}>
							<div className="flex items-center gap-2">
								<label htmlFor={`${id}-option-${index}-name`} className="w-16 shrink-0 text-xs font-semibold">
									Option {index + 1}
								</label>
								<input
									id={`${id}-option-${index}-name`}
									value={option.name}
									readOnly={readOnly}
									maxLength={200}
									placeholder="A short name"
									onChange={(event) => update({ name: event.currentTarget.value })}
									aria-invalid={optionError && !option.name.trim() ? true : undefined}
									className={areaClass}
								/>
								{!readOnly && record.options.length > 2 ? (
									<Button
										variant="ghost"
										className="px-2 py-1 text-xs"
										onClick={() => set({ options: record.options.filter((_, i) => i !== index) })}
										aria-label={`Remove option ${index + 1}`}
									>
										Remove
									</Button>
								) : null}
							</div>
							{(['pros', 'cons'] as const).map((part) => (
								<div key={part} className="flex items-start gap-2">
									<label htmlFor={`${id}-option-${index}-${part}`} className="w-16 shrink-0 pt-1.5 text-xs capitalize">
										{part}
										<span className="sr-only"> of option {index + 1}</span>
									</label>
									<textarea
										id={`${id}-option-${index}-${part}`}
										rows={2}
										value={option[part]}
										readOnly={readOnly}
										maxLength={MAX_OPTION_FIELD_LENGTH}
										onChange={(event) => update({ [part]: event.currentTarget.value })}
										aria-invalid={optionError && !option[part].trim() ? true : undefined}
										className={areaClass}
									/>
								</div>
							))}
							{optionError ? <p className="text-sm text-red-700 dark:text-red-400">{optionError}</p> : null}
						</div>
					)
				})}
				{errors.options ? (
					<p id={`${id}-options-error`} className="text-sm text-red-700 dark:text-red-400">
						{errors.options}
					</p>
				) : null}
				{!readOnly && record.options.length < MAX_OPTIONS ? (
					<Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => set({ options: [...record.options, emptyOption()] })}>
						Add an option
					</Button>
				) : null}
			</fieldset>
			{section('decision', 4)}
			{section('consequences', 5)}
		</div>
	)
}
