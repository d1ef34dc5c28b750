// The diagnosis journal: observations, hypotheses with their status and evidence (the runs
// that tested them), and the plan for the next run — which hypothesis it tests and what the
// learner predicts it will show.
import { useId, useState } from 'react'
import { HYPOTHESIS_STATUSES, MAX_JOURNAL_TEXT, type HypothesisStatus } from '#app/attempts/events.ts'
import type { JournalEntryView } from '#app/attempts/journal.ts'
import { DEFAULT_CONFIDENCE, describePrediction, type Prediction } from '#app/attempts/prediction.ts'
import { CONFIDENCE_LEVELS } from '#app/growth/calibration.ts'
import { Button } from '#app/components/ui/button.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { LocalTimeOfDay } from '#app/components/ui/local-time.tsx'

export type RunSummary = {
	id: string
	number: number
	status: string
	passed: number
	failed: number
	hypothesisId: string | null
	prediction: Prediction | null
	predictionCorrect: boolean | null
}

type TestPrediction = Extract<Prediction, { kind: 'test' }>
type TextPrediction = Extract<Prediction, { kind: 'text' }>

export type NextRunPlan = { hypothesisId: string | null; prediction: Prediction | null }

const STATUS_LABEL: Record<HypothesisStatus, string> = { open: 'Open', confirmed: 'Confirmed', refuted: 'Refuted' }
const inputClass =
	'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none dark:border-slate-600 dark:bg-slate-900'

export function JournalPanel({
	entries,
	runs,
	testNames,
	plan,
	readOnly,
	onAdd,
	onEdit,
	onPlan,
	onShowRun,
	onMarkPrediction,
}: {
	entries: JournalEntryView[]
	runs: RunSummary[]
	testNames: string[]
	plan: NextRunPlan
	readOnly: boolean
	onAdd(kind: 'observation' | 'hypothesis', text: string): void
	onEdit(entryId: string, change: { status?: HypothesisStatus; text?: string }): void
	onPlan(plan: NextRunPlan): void
	onShowRun(runId: string): void
	onMarkPrediction(runId: string, correct: boolean): void
}) {
	const [kind, setKind] = useState<'observation' | 'hypothesis'>('hypothesis')
	const [text, setText] = useState('')
	const [problem, setProblem] = useState<string | null>(null)
	const textId = useId()
	const length = text.trim().length
	const over = length > MAX_JOURNAL_TEXT
	const add = () => {
		const trimmed = text.trim()
		if (!trimmed) return setProblem(`Write the ${kind} first.`)
		if (trimmed.length > MAX_JOURNAL_TEXT) {
			return setProblem(
				`An entry can have at most ${MAX_JOURNAL_TEXT.toLocaleString('en')} characters; this one has ${trimmed.length.toLocaleString('en')}. Shorten it, or split it into two entries.`,
			)
		}
		onAdd(kind, trimmed)
		setText('')
		setProblem(null)
	}
	const hypotheses = entries.filter((entry) => entry.kind === 'hypothesis')
	const unmarked = runs.filter((run) => run.prediction?.kind === 'text' && run.predictionCorrect === null)
	return (
		<div className="space-y-4 p-3">
			{readOnly ? null : (
				<form
					className="space-y-2"
					onSubmit={(event) => {
						event.preventDefault()
						add()
					}}
				>
					<fieldset className="flex gap-1" aria-label="Kind of entry">
						{(['hypothesis', 'observation'] as const).map((option) => (
							<label
								key={option}
								className={cn(
									'cursor-pointer rounded-md px-2.5 py-1 text-xs font-semibold ring-1 ring-slate-300 dark:ring-slate-600',
									kind === option ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white text-slate-700 dark:bg-slate-800 dark:text-slate-200',
								)}
							>
								<input type="radio" name="journal-kind" value={option} checked={kind === option} onChange={() => setKind(option)} className="sr-only" />
								{option === 'hypothesis' ? 'Hypothesis' : 'Observation'}
							</label>
						))}
					</fieldset>
					<label htmlFor={textId} className="sr-only">
						{kind === 'hypothesis' ? 'New hypothesis' : 'New observation'}
					</label>
					<textarea
						id={textId}
						value={text}
						onChange={(event) => setText(event.target.value)}
						onKeyDown={(event) => {
							if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
								event.preventDefault()
								add()
							}
						}}
						rows={2}
						placeholder={kind === 'hypothesis' ? 'I think … because …' : 'What did you see? (a log line, a value, a timing)'}
						className={inputClass}
						aria-invalid={problem || over ? true : undefined}
						aria-describedby={`${textId}-count${problem ? ` ${textId}-problem` : ''}`}
					/>
					{/* No maxLength: a long paste is kept whole, so it can be shortened instead of silently cut. */}
					<p
						id={`${textId}-count`}
						className={cn('text-right text-xs tabular-nums', over ? 'font-semibold text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400')}
					>
						{length.toLocaleString('en')} / {MAX_JOURNAL_TEXT.toLocaleString('en')} characters
						{over ? ` · ${(length - MAX_JOURNAL_TEXT).toLocaleString('en')} too many` : ''}
					</p>
					{problem ? (
						<p id={`${textId}-problem`} className="text-xs text-red-700 dark:text-red-400">
							{problem}
						</p>
					) : null}
					<Button type="submit" variant="secondary" className="w-full">
						Add {kind}
					</Button>
				</form>
			)}

			{readOnly ? null : <NextRun plan={plan} hypotheses={hypotheses} testNames={testNames} onPlan={onPlan} />}

			{unmarked.length ? (
				<section aria-label="Predictions to mark" className="space-y-2 rounded-md bg-amber-50 p-2 dark:bg-amber-950/50">
					<h3 className="text-xs font-semibold text-amber-900 dark:text-amber-100">Were these predictions right?</h3>
					{unmarked.map((run) => (
						<div key={run.id} className="text-xs">
							<p>
								Run {run.number}: <em>{run.prediction ? describePrediction(run.prediction) : ''}</em>
							</p>
							<div className="mt-1 flex gap-2">
								<Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => onMarkPrediction(run.id, true)}>
									Right
								</Button>
								<Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => onMarkPrediction(run.id, false)}>
									Wrong
								</Button>
							</div>
						</div>
					))}
				</section>
			) : null}

			<section aria-label="Journal entries">
				{entries.length === 0 ? (
					<p className="text-sm text-slate-600 dark:text-slate-400">
						Nothing recorded yet. Start with what you observe in the brief and the failing test, then write a hypothesis you can test.
					</p>
				) : (
					<ol className="space-y-2">
						{[...entries].reverse().map((entry) => (
							<JournalItem
								key={entry.id}
								entry={entry}
								runs={runs.filter((run) => run.hypothesisId === entry.id)}
								readOnly={readOnly}
								onEdit={onEdit}
								onShowRun={onShowRun}
							/>
						))}
					</ol>
				)}
			</section>
		</div>
	)
}

function NextRun({
	plan,
	hypotheses,
	testNames,
	onPlan,
}: {
	plan: NextRunPlan
	hypotheses: JournalEntryView[]
	testNames: string[]
	onPlan(plan: NextRunPlan): void
}) {
	const id = useId()
	const mode = plan.prediction?.kind ?? 'none'
	const open = hypotheses.filter((entry) => entry.status === 'open')
	return (
		<section aria-labelledby={`${id}-title`} className="space-y-2 rounded-md bg-slate-50 p-2.5 ring-1 ring-slate-200 dark:bg-slate-800/60 dark:ring-slate-700">
			<h3 id={`${id}-title`} className="text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300">
				Before the next run
			</h3>
			<div className="space-y-1">
				<label htmlFor={`${id}-hypothesis`} className="block text-xs font-medium">
					It tests the hypothesis
				</label>
				<select
					id={`${id}-hypothesis`}
					className={inputClass}
					value={plan.hypothesisId ?? ''}
					onChange={(event) => onPlan({ ...plan, hypothesisId: event.target.value || null })}
				>
					<option value="">— none —</option>
					{open.map((entry) => (
						<option key={entry.id} value={entry.id}>
							{entry.text.length > 70 ? `${entry.text.slice(0, 70)}…` : entry.text}
						</option>
					))}
				</select>
			</div>
			<div className="space-y-1">
				<label htmlFor={`${id}-mode`} className="block text-xs font-medium">
					I predict
				</label>
				<select
					id={`${id}-mode`}
					className={inputClass}
					value={mode}
					onChange={(event) => {
						const value = event.target.value
						const confidence = plan.prediction?.confidence ?? DEFAULT_CONFIDENCE
						if (value === 'test') onPlan({ ...plan, prediction: { kind: 'test', test: testNames[0] ?? '', outcome: 'fail', confidence } })
						else if (value === 'text') onPlan({ ...plan, prediction: { kind: 'text', text: '', confidence } })
						else onPlan({ ...plan, prediction: null })
					}}
				>
					<option value="none">— no prediction —</option>
					<option value="test" disabled={testNames.length === 0}>
						a test will pass or fail
					</option>
					<option value="text">something else (in words)</option>
				</select>
			</div>
			{plan.prediction?.kind === 'test' ? (
				<div className="space-y-2">
					<div>
						<label htmlFor={`${id}-test`} className="sr-only">
							Test
						</label>
						<select
							id={`${id}-test`}
							className={inputClass}
							value={plan.prediction.test}
							onChange={(event) => onPlan({ ...plan, prediction: { ...(plan.prediction as TestPrediction), test: event.target.value } })}
						>
							{testNames.map((name) => (
								<option key={name} value={name}>
									{name}
								</option>
							))}
						</select>
					</div>
					<div>
						<label htmlFor={`${id}-outcome`} className="sr-only">
							Outcome
						</label>
						<select
							id={`${id}-outcome`}
							className={inputClass}
							value={plan.prediction.outcome}
							onChange={(event) => onPlan({ ...plan, prediction: { ...(plan.prediction as TestPrediction), outcome: event.target.value as 'pass' | 'fail' } })}
						>
							<option value="pass">will pass</option>
							<option value="fail">will fail</option>
						</select>
					</div>
					{/* A select shows as much of a long test name as fits; the prediction is spelled out whole. */}
					<p className="text-xs break-words text-slate-700 dark:text-slate-300" aria-live="polite">
						Predicting: “{plan.prediction.test}” {plan.prediction.outcome === 'pass' ? 'will pass' : 'will fail'}
					</p>
				</div>
			) : null}
			{plan.prediction?.kind === 'text' ? (
				<div>
					<label htmlFor={`${id}-text`} className="sr-only">
						Prediction in words
					</label>
					<input
						id={`${id}-text`}
						className={inputClass}
						value={plan.prediction.text}
						maxLength={1000}
						placeholder="e.g. the total will be 57.95"
						onChange={(event) => onPlan({ ...plan, prediction: { ...(plan.prediction as TextPrediction), text: event.target.value } })}
					/>
				</div>
			) : null}
			{plan.prediction ? (
				<fieldset className="space-y-1">
					<legend className="text-xs font-medium">How sure are you?</legend>
					<div className="flex gap-1.5">
						{CONFIDENCE_LEVELS.map((level) => (
							<label
								key={level}
								className="flex cursor-pointer items-center gap-1 rounded-md px-2 py-1 text-xs ring-1 ring-slate-300 has-[:checked]:bg-blue-50 has-[:checked]:font-semibold has-[:checked]:ring-blue-600 dark:ring-slate-600 dark:has-[:checked]:bg-blue-950"
							>
								<input
									type="radio"
									name={`${id}-confidence`}
									value={level}
									checked={(plan.prediction?.confidence ?? DEFAULT_CONFIDENCE) === level}
									onChange={() => onPlan({ ...plan, prediction: { ...plan.prediction!, confidence: level } })}
								/>
								{level} %
							</label>
						))}
					</div>
				</fieldset>
			) : null}
		</section>
	)
}

function JournalItem({
	entry,
	runs,
	readOnly,
	onEdit,
	onShowRun,
}: {
	entry: JournalEntryView
	runs: RunSummary[]
	readOnly: boolean
	onEdit(entryId: string, change: { status?: HypothesisStatus }): void
	onShowRun(runId: string): void
}) {
	const id = useId()
	return (
		<li className="rounded-md bg-white p-2.5 text-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
			<div className="flex items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
				<span className="font-semibold tracking-wide uppercase">{entry.kind === 'hypothesis' ? 'Hypothesis' : 'Observation'}</span>
				<LocalTimeOfDay at={entry.createdAt} />
			</div>
			<p className="mt-1 break-words whitespace-pre-wrap">{entry.text}</p>
			{entry.kind === 'hypothesis' ? (
				<div className="mt-2 flex flex-wrap items-center gap-2">
					<label htmlFor={`${id}-status`} className="text-xs font-medium">
						Status
					</label>
					<select
						id={`${id}-status`}
						disabled={readOnly}
						value={entry.status ?? 'open'}
						onChange={(event) => onEdit(entry.id, { status: event.target.value as HypothesisStatus })}
						className="rounded-md border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
					>
						{HYPOTHESIS_STATUSES.map((status) => (
							<option key={status} value={status}>
								{STATUS_LABEL[status]}
							</option>
						))}
					</select>
					{runs.length ? (
						<span className="text-xs text-slate-600 dark:text-slate-400">
							Evidence:{' '}
							{runs.map((run) => (
								<button key={run.id} type="button" onClick={() => onShowRun(run.id)} className={cn('mr-1', linkClass)}>
									run {run.number} ({run.status === 'pass' ? 'passed' : `${run.failed} failed`})
								</button>
							))}
						</span>
					) : (
						<span className="text-xs text-slate-600 dark:text-slate-400">No run has tested it yet.</span>
					)}
				</div>
			) : null}
		</li>
	)
}
