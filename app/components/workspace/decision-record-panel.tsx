// The decision record editor of an architecture attempt: context, at least two options with
// their pros and cons, the decision, the consequences expected, and — once stage 2 opens —
// the follow-up. Every change is saved as a draft; completeness is checked on submit. Once
// stage 1 is handed in, its sections are the decision the learner lives with: they read as
// text, not as boxes that ignore typing, and only the follow-up stays open.
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
	// The server keeps stage 1's sections as handed in (stage.server.ts), whatever a draft says.
	const stageOneHandedIn = readOnly || stage === 2
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
	if (stageOneHandedIn) {
		return (
			<div className="space-y-4 p-3">
				<h2 className="text-sm font-semibold">{title}</h2>
				{stage === 2 ? readOnly ? <RecordText label={SECTION_LABELS.followUp} text={record.followUp} /> : section('followUp', 6) : null}
				<HandedInRecord record={record} finished={readOnly} />
			</div>
		)
	}
	return (
		<div className="space-y-4 p-3">
			<div>
				<h2 className="text-sm font-semibold">{title}</h2>
				{guidance ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{guidance}</p> : null}
			</div>
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

/** Stage 1's sections as they were handed in: text to read, with nothing that looks editable. */
function HandedInRecord({ record, finished }: { record: DecisionRecord; finished: boolean }) {
	const options = record.options.filter((option) => option.name.trim() || option.pros.trim() || option.cons.trim())
	return (
		<section
			aria-label="Stage 1 decision record, read-only"
			className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-800/50"
		>
			<p className="flex items-start gap-2 text-xs text-slate-700 dark:text-slate-300">
				<svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 size-3.5 shrink-0 fill-current">
					<path d="M4.5 7V5a3.5 3.5 0 1 1 7 0v2h.5A1.5 1.5 0 0 1 13.5 8.5v5A1.5 1.5 0 0 1 12 15H4a1.5 1.5 0 0 1-1.5-1.5v-5A1.5 1.5 0 0 1 4 7h.5Zm1.5 0h4V5a2 2 0 1 0-4 0v2Z" />
				</svg>
				<span>
					{finished
						? 'The attempt has ended; the decision record is read-only.'
						: 'Handed in with stage 1, so it is read-only: this is the decision you live with now. Say what it cost in the follow-up above.'}
				</span>
			</p>
			<RecordText label={SECTION_LABELS.context} text={record.context} />
			<div>
				<h3 className="text-sm font-semibold">{SECTION_LABELS.options}</h3>
				{options.length === 0 ? (
					<p className="mt-1 text-sm text-slate-600 italic dark:text-slate-400">Not written.</p>
				) : (
					<ol className="mt-1 space-y-2">
						{options.map((option, index) => (
							<li key={index} className="text-sm">
								<p className="font-medium">
									Option {index + 1}: {option.name || 'unnamed'}
								</p>
								<p className="break-words whitespace-pre-line">
									<span className="text-slate-600 dark:text-slate-400">Pros: </span>
									{option.pros || '—'}
								</p>
								<p className="break-words whitespace-pre-line">
									<span className="text-slate-600 dark:text-slate-400">Cons: </span>
									{option.cons || '—'}
								</p>
							</li>
						))}
					</ol>
				)}
			</div>
			<RecordText label={SECTION_LABELS.decision} text={record.decision} />
			<RecordText label={SECTION_LABELS.consequences} text={record.consequences} />
		</section>
	)
}

function RecordText({ label, text }: { label: string; text: string }) {
	return (
		<div>
			<h3 className="text-sm font-semibold">{label}</h3>
			{text.trim() ? (
				<p className="mt-1 text-sm break-words whitespace-pre-line">{text}</p>
			) : (
				<p className="mt-1 text-sm text-slate-600 italic dark:text-slate-400">Not written.</p>
			)}
		</div>
	)
}
