// Handing in a stage of an architecture attempt: what the decision record still lacks, the
// button that plays every scenario of the stage (hidden grading ones too), and the stages
// handed in so far with what each measured. Once the attempt has ended: the unaided
// attestation (as a diagnosis asks for it) and the reference design with its reasoning.
import { useEffect, useId } from 'react'
import { useFetcher } from 'react-router'
import { checkDecisionRecord, isComplete, type DecisionRecord, type DecisionRecordErrors } from '#app/architecture/decision-record.ts'
import type { ScenarioSummary, Stage } from '#app/architecture/stages.ts'
import type { WorkspaceActionData } from '#app/attempts/submission.ts'
import type { WorkspaceView } from '#app/attempts/workspace-view.ts'
import { Button } from '#app/components/ui/button.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { FormAlert } from '#app/components/ui/field.tsx'
import { formatMetric } from './consequences-table.tsx'
import { GiveUp } from './give-up.tsx'

export type StageSubmissionView = {
	id: string
	number: number
	stage: number
	passed: boolean
	scenariosPassed: number
	scenariosTotal: number
	scenarios: ScenarioSummary[]
	createdAt: string
}

export function StagePanel({
	stage,
	status,
	record,
	submissions,
	getFiles,
	beforeSubmit,
	onErrors,
	end,
}: {
	stage: Stage
	status: 'in_progress' | 'solved' | 'gave_up'
	record: DecisionRecord
	submissions: StageSubmissionView[]
	getFiles(): Record<string, string>
	beforeSubmit(): void
	onErrors(errors: DecisionRecordErrors): void
	/** What the attempt's end shows; empty while it is in progress. */
	end?: Pick<WorkspaceView, 'reference' | 'referenceDesign' | 'attestation'>
}) {
	const fetcher = useFetcher<WorkspaceActionData>()
	const result = fetcher.data?.intent === 'submit-stage' ? fetcher.data : null
	const grading = fetcher.state !== 'idle'
	const missing = checkDecisionRecord(record, stage)
	const missingSections = Object.keys(missing)
	const finished = status !== 'in_progress'
	// The server's check of the record is the last word; its findings go next to the fields.
	useEffect(() => {
		if (result && !result.ok && result.fieldErrors) onErrors(result.fieldErrors)
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [result])
	return (
		<div className="space-y-4 p-3 text-sm">
			{status === 'solved' ? <FormAlert tone="success" message="Solved: the design meets every threshold of both stages." /> : null}
			{status === 'gave_up' ? <FormAlert message="You gave up on this attempt." /> : null}
			{finished && end ? <AttestationForm attestation={end.attestation} /> : null}
			{finished && end ? <ReferenceDesign reasoningHtml={end.reference?.explanationHtml ?? null} design={end.referenceDesign} /> : null}
			{result?.ok ? (
				<FormAlert
					tone={result.passed ? 'success' : 'error'}
					message={`Stage ${result.stage}: ${result.scenariosPassed} of ${result.scenariosTotal} scenarios meet every threshold.${result.unlocked ? ' Stage 2 is open: read “Six months later” in the brief.' : result.solved ? '' : result.passed ? '' : ' Adapt the design and submit again.'}`}
				/>
			) : null}
			{!finished ? (
				<fetcher.Form
					method="post"
					onSubmit={(event) => {
						beforeSubmit()
						const errors = checkDecisionRecord(record, stage)
						if (!isComplete(errors)) {
							event.preventDefault()
							onErrors(errors)
							return
						}
						const form = event.currentTarget
						;(form.elements.namedItem('files') as HTMLInputElement).value = JSON.stringify(getFiles())
						;(form.elements.namedItem('record') as HTMLInputElement).value = JSON.stringify(record)
					}}
					className="space-y-3"
				>
					<input type="hidden" name="intent" value="submit-stage" />
					<input type="hidden" name="stage" value={stage} />
					<input type="hidden" name="files" value="" />
					<input type="hidden" name="record" value="" />
					<h2 className="font-semibold">{stage === 1 ? 'Submit stage 1: the launch' : 'Submit stage 2: six months later'}</h2>
					<p className="text-slate-700 dark:text-slate-300">
						{stage === 1
							? 'Every launch scenario plays against your design, the hidden grading ones too. Stage 2 opens once you submit, whatever they measure: from then on you live with this design.'
							: 'Every scenario of both stages plays against your design. Meeting every threshold solves the attempt; a missed one counts as a failed change, and you can adapt and submit again.'}
					</p>
					{missingSections.length ? (
						<div className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
							<p className="font-medium">The decision record is not complete yet (write it in the Decision record tab):</p>
							<ul className="mt-1 list-disc pl-5">
								{Object.entries(missing).map(([key, message]) => (
									<li key={key}>{message}</li>
								))}
							</ul>
						</div>
					) : (
						<p className="text-emerald-700 dark:text-emerald-400">The decision record has every section{stage === 2 ? ', the follow-up included' : ''}.</p>
					)}
					{result && !result.ok && result.message ? <FormAlert message={result.message} /> : null}
					<Button type="submit" disabled={grading}>
						{grading ? 'Playing every scenario…' : `Submit stage ${stage}`}
					</Button>
				</fetcher.Form>
			) : null}
			{submissions.length ? (
				<div className="space-y-2">
					<h2 className="font-semibold">Submitted</h2>
					{submissions.map((submission) => (
						<section
							key={submission.id}
							aria-label={`Submission ${submission.number}, stage ${submission.stage}`}
							className={cn('rounded-md p-2 ring-1', submission.passed ? 'ring-emerald-300 dark:ring-emerald-800' : 'ring-red-300 dark:ring-red-800')}
						>
							<p className="font-medium">
								Stage {submission.stage} · submission {submission.number}:{' '}
								<span className={submission.passed ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}>
									{submission.scenariosPassed} of {submission.scenariosTotal} scenarios meet every threshold
								</span>
							</p>
							<ul className="mt-1 space-y-0.5 text-xs">
								{submission.scenarios.map((scenario) => {
									const missed = scenario.metrics.filter((metric) => metric.passed === false)
									return (
										<li key={scenario.name}>
											<span aria-hidden="true" className={scenario.passed ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}>
												{scenario.passed ? '✓ ' : '✗ '}
											</span>
											<span className="sr-only">{scenario.passed ? 'Meets: ' : 'Misses: '}</span>
											Stage {scenario.stage} · {scenario.name}
											{missed.length ? (
												<span className="text-slate-600 dark:text-slate-400">
													{' '}
													— {missed.map((metric) => `${metric.label} ${formatMetric(metric.value, metric.unit)}`).join(', ')}
												</span>
											) : null}
										</li>
									)
								})}
							</ul>
						</section>
					))}
				</div>
			) : null}
			{!finished ? (
				<GiveUp
					label="Give up and see the reference design"
					consequence="The attempt ends unsolved and the reference design is shown, with its reasoning. Your runs, decision record and stages handed in stay recorded. You can start a fresh attempt later."
					beforeGiveUp={beforeSubmit}
				/>
			) : null}
		</div>
	)
}

/** The attestation a diagnosis asks for, asked once an architecture attempt has ended. */
function AttestationForm({ attestation }: { attestation: WorkspaceView['attestation'] }) {
	const fetcher = useFetcher<WorkspaceActionData>()
	const id = useId()
	const answer = fetcher.data?.intent === 'attest' ? fetcher.data : null
	if (attestation === 'not-applicable') return null
	if (attestation === 'attested' || answer?.ok)
		return <p className="text-emerald-700 dark:text-emerald-400">You attested that you worked on this without AI assistance.</p>
	return (
		<fetcher.Form method="post" className="space-y-2 rounded-md p-2.5 ring-1 ring-slate-200 dark:ring-slate-700" aria-labelledby={`${id}-title`}>
			<h2 id={`${id}-title`} className="font-semibold">
				Was this your own work?
			</h2>
			<p className="text-slate-700 dark:text-slate-300">
				As with a diagnosis, an attempt counts as independent only when you attest it: no hints, no outside pastes, and no AI assistance.
			</p>
			<input type="hidden" name="intent" value="attest" />
			<label className="flex items-start gap-2">
				<input type="checkbox" name="attested" className="mt-0.5 size-4" aria-describedby={answer && !answer.ok ? `${id}-error` : undefined} />
				<span>I worked on this without AI assistance.</span>
			</label>
			{answer && !answer.ok ? (
				<p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
					{answer.message}
				</p>
			) : null}
			<Button type="submit" variant="secondary" disabled={fetcher.state !== 'idle'}>
				{fetcher.state !== 'idle' ? 'Recording…' : 'Record attestation'}
			</Button>
		</fetcher.Form>
	)
}

/** The reference design: its reasoning, then its code, file by file. */
function ReferenceDesign({ reasoningHtml, design }: { reasoningHtml: string | null; design: WorkspaceView['referenceDesign'] }) {
	const id = useId()
	if (!reasoningHtml && !design) return null
	return (
		<section aria-labelledby={`${id}-title`} className="space-y-2">
			<h2 id={`${id}-title`} className="font-semibold">
				The reference design
			</h2>
			{reasoningHtml ? <div className="prose-brief" dangerouslySetInnerHTML={{ __html: reasoningHtml }} /> : null}
			{design?.files.length ? (
				<div className="space-y-1.5">
					<p className="text-xs text-slate-600 dark:text-slate-400">
						Its code, in place of the starter’s {design.files.length === 1 ? 'file' : 'files'}. Compare it with yours in the editor.
					</p>
					{design.files.map((file) => (
						<details key={file.path} className="rounded-md ring-1 ring-slate-200 dark:ring-slate-700">
							<summary className="cursor-pointer px-2.5 py-1.5 font-mono text-xs font-medium">{file.path}</summary>
							<pre
								role="region"
								tabIndex={0}
								aria-label={`Reference design: ${file.path}`}
								className="max-h-96 overflow-auto border-t border-slate-200 bg-slate-50 p-2.5 font-mono text-xs leading-relaxed dark:border-slate-700 dark:bg-slate-950"
							>
								<code>{file.text}</code>
							</pre>
						</details>
					))}
				</div>
			) : null}
		</section>
	)
}
