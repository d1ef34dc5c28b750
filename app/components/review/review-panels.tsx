// The panels beside the replay: the diagnosis and its grade (or the reference design notes),
// the decision record and handed-in stages of an architecture attempt, the journal at the
// moment, and the recorded facts.
import type { ReactNode } from 'react'
import { SECTION_LABELS } from '#app/architecture/decision-record.ts'
import type { JournalEntryView } from '#app/attempts/journal.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { rootCauseCategory, type RootCauseCategoryId } from '#app/exercises/taxonomy.ts'
import { decisionRecordAt, type AttemptReviewView } from '#app/reviews/review-view.ts'
import { formatClock, formatDuration } from '#app/utils/time-format.ts'

export function DiagnosisAndGrade({ data }: { data: AttemptReviewView }) {
	const { attempt, exercise } = data
	const { reference } = exercise
	// While the attempt is in progress the page carries no reference to show.
	if (exercise.kind === 'architecture' && !reference) return null
	return (
		<Panel title={exercise.kind === 'architecture' ? 'Reference design notes' : 'Diagnosis and grade'}>
			{exercise.kind === 'architecture' ? null : data.submissions.length === 0 ? (
				<p className="text-sm text-slate-600 dark:text-slate-400">
					{attempt.status === 'gave_up'
						? 'Gave up without submitting a diagnosis.'
						: attempt.status === 'in_progress'
							? 'No diagnosis submitted yet.'
							: 'No diagnosis submitted.'}
				</p>
			) : (
				<ol className="space-y-3">
					{data.submissions.map((submission) => (
						<li key={submission.id} className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
							<p className="flex flex-wrap items-center gap-2 font-medium">
								Submission {submission.number}
								<Badge tone={submission.correct ? 'success' : 'warning'}>{submission.correct ? 'Correct' : 'Not yet'}</Badge>
								{submission.attested ? <span className="text-xs font-normal text-slate-600 dark:text-slate-400">attested unaided</span> : null}
							</p>
							<ul className="mt-1.5 space-y-0.5">
								<GradeLine ok={submission.locationCorrect} label={`Location: ${submission.file} lines ${submission.startLine}–${submission.endLine}`} />
								<GradeLine ok={submission.categoryCorrect} label={`Category: ${categoryLabel(submission.category)}`} />
								<GradeLine
									ok={submission.fixCorrect}
									label={`Fix: ${submission.testsPassed} of ${submission.testsPassed + submission.testsFailed} hidden and visible tests pass`}
								/>
							</ul>
							<p className="mt-2 break-words whitespace-pre-line text-slate-800 dark:text-slate-200">{submission.explanation}</p>
						</li>
					))}
				</ol>
			)}
			{reference ? (
				<details className={cn('text-sm', exercise.kind !== 'architecture' && 'mt-3')}>
					<summary className="cursor-pointer font-medium">
						{exercise.kind === 'architecture' ? 'Why the naive design fails, and what the reference does' : 'Reference root cause'}
					</summary>
					<p className="mt-1 text-slate-700 dark:text-slate-300">
						{categoryLabel(reference.category)} ·{' '}
						{reference.locations.map((location) => `${location.file} ${location.startLine}–${location.endLine}`).join(', ')}
					</p>
					<div className="prose-sm mt-1 text-slate-700 dark:text-slate-300" dangerouslySetInnerHTML={{ __html: reference.explanationHtml }} />
				</details>
			) : null}
		</Panel>
	)
}

export function JournalAtMoment({ journal, offset }: { journal: JournalEntryView[]; offset: number }) {
	return (
		<Panel title={`Journal at ${formatClock(offset)}`}>
			{journal.length === 0 ? (
				<p className="text-sm text-slate-600 dark:text-slate-400">Nothing written yet at this moment.</p>
			) : (
				<ul className="space-y-2 text-sm">
					{journal.map((entry) => (
						<li key={entry.id} className="rounded-md bg-slate-50 px-2.5 py-2 dark:bg-slate-800/60">
							<span className="mr-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
								{entry.kind === 'hypothesis' ? 'Hypothesis' : 'Observation'}
							</span>
							{entry.status ? (
								<Badge tone={entry.status === 'confirmed' ? 'success' : entry.status === 'refuted' ? 'danger' : 'neutral'}>{entry.status}</Badge>
							) : null}
							<p className="mt-1 break-words whitespace-pre-line">{entry.text}</p>
						</li>
					))}
				</ul>
			)}
		</Panel>
	)
}

export function RecordedFacts({ integrity }: { integrity: AttemptReviewView['attempt']['integrity'] }) {
	return (
		<Panel title="Recorded">
			<dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
				<dt>Hints revealed</dt>
				<dd className="tabular-nums">{integrity.hintsRevealed}</dd>
				<dt>Outside pastes</dt>
				<dd className="tabular-nums">
					{integrity.outsidePastes}
					{integrity.outsidePastes ? ` (${integrity.outsidePasteChars} characters)` : ''}
				</dd>
				<dt>Refused pastes</dt>
				<dd className="tabular-nums">{integrity.blockedPastes}</dd>
				<dt>Large insertions</dt>
				<dd className="tabular-nums">{integrity.largeInsertions}</dd>
				<dt>Time away</dt>
				<dd className="tabular-nums">
					{integrity.focusLosses}× · {formatDuration(integrity.awayMs)}
				</dd>
			</dl>
			<p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Facts, not verdicts: ask about them in the review if they matter.</p>
		</Panel>
	)
}

/** An architecture attempt's decision record as it read at the moment, and the stages handed in. */
export function ArchitecturePanels({ data, at, offset }: { data: AttemptReviewView; at: number; offset: number }) {
	const record = decisionRecordAt(data.events, at)
	return (
		<>
			<Panel title={`Decision record at ${formatClock(offset)}`}>
				{!record ? (
					<p className="text-sm text-slate-600 dark:text-slate-400">Nothing written yet at this moment.</p>
				) : (
					<div className="space-y-3 text-sm">
						{(['followUp', 'context'] as const).map((section) =>
							record[section].trim() ? (
								<div key={section}>
									<h3 className="font-semibold">{SECTION_LABELS[section]}</h3>
									<p className="mt-0.5 break-words whitespace-pre-line">{record[section]}</p>
								</div>
							) : null,
						)}
						<div>
							<h3 className="font-semibold">{SECTION_LABELS.options}</h3>
							<ol className="mt-1 space-y-1.5">
								{record.options
									.filter((option) => option.name.trim() || option.pros.trim() || option.cons.trim())
									.map((option, index) => (
										<li key={index} className="rounded-md bg-slate-50 px-2.5 py-1.5 dark:bg-slate-800/60">
											<p className="font-medium">{option.name || `Option ${index + 1}`}</p>
											<p className="break-words whitespace-pre-line">
												<span className="text-emerald-700 dark:text-emerald-400">Pros:</span> {option.pros || '—'}
											</p>
											<p className="break-words whitespace-pre-line">
												<span className="text-red-700 dark:text-red-400">Cons:</span> {option.cons || '—'}
											</p>
										</li>
									))}
							</ol>
						</div>
						{(['decision', 'consequences'] as const).map((section) => (
							<div key={section}>
								<h3 className="font-semibold">{SECTION_LABELS[section]}</h3>
								<p className="mt-0.5 break-words whitespace-pre-line">{record[section].trim() || '—'}</p>
							</div>
						))}
					</div>
				)}
			</Panel>
			<Panel title="Stages handed in">
				{data.stageSubmissions.length === 0 ? (
					<p className="text-sm text-slate-600 dark:text-slate-400">No stage submitted.</p>
				) : (
					<ol className="space-y-2 text-sm">
						{data.stageSubmissions.map((submission) => (
							<li key={submission.id} className="rounded-md bg-slate-50 p-2.5 dark:bg-slate-800/60">
								<p className="flex flex-wrap items-center gap-2 font-medium">
									Stage {submission.stage} · submission {submission.number}
									<Badge tone={submission.passed ? 'success' : 'warning'}>
										{submission.scenariosPassed} of {submission.scenariosTotal} scenarios
									</Badge>
								</p>
								<ul className="mt-1 space-y-0.5">
									{submission.scenarios.map((scenario) => (
										<GradeLine
											key={scenario.name}
											ok={scenario.passed}
											label={`Stage ${scenario.stage} · ${scenario.name}${
												scenario.passed
													? ''
													: ` — misses ${
															scenario.metrics
																.filter((metric) => metric.passed === false)
																.map((metric) => metric.label)
																.join(', ') || 'its run'
														}`
											}`}
										/>
									))}
								</ul>
							</li>
						))}
					</ol>
				)}
			</Panel>
		</>
	)
}

export function Panel({ title, children }: { title: string; children: ReactNode }) {
	return (
		<section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
			<h2 className="mb-3 text-base font-semibold">{title}</h2>
			{children}
		</section>
	)
}

function GradeLine({ ok, label }: { ok: boolean; label: string }) {
	return (
		<li className="flex gap-1.5">
			<span aria-hidden="true" className={ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}>
				{ok ? '✓' : '✗'}
			</span>
			<span className="sr-only">{ok ? 'Right:' : 'Wrong:'}</span>
			<span className="break-words">{label}</span>
		</li>
	)
}

function categoryLabel(id: string) {
	try {
		return rootCauseCategory(id as RootCauseCategoryId).label
	} catch {
		return id
	}
}
