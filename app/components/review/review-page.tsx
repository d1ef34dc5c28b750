// The lead's review of one finished attempt: a replay of the attempt (the code as it was at
// any moment, the runs and their output, the journal, hints, pastes and time away on one
// timeline) beside the diagnosis, the grade, the rubric form and comments anchored to a
// moment or a line. An attempt still in progress shows the same replay, so far, read-only:
// no rubric, no comments, no reference.
import { useMemo, useState } from 'react'
import { Link, useRevalidator } from 'react-router'
import { RuleBadges } from '#app/components/progress-badge.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_TONES } from '#app/practice/attempt-summary.ts'
import { changedPaths, journalAt, runIdAt, runNumberAt, type AttemptReviewView, type ReviewActionData } from '#app/reviews/review-view.ts'
import { CodeAtMoment, type SelectedLine } from './code-at-moment.tsx'
import { ReplayControls } from './replay-controls.tsx'
import { ArchitecturePanels, DiagnosisAndGrade, JournalAtMoment, RecordedFacts } from './review-panels.tsx'
import { Comments } from './review-comments.tsx'
import { PersonName } from './person-name.tsx'
import { RubricForm } from './rubric-form.tsx'
import { RunOutput } from './run-output.tsx'
import { useReplay } from './use-replay.ts'
import { Button } from '#app/components/ui/button.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatDuration } from '#app/utils/time-format.ts'

export function ReviewPage({ data, actionData }: { data: AttemptReviewView; actionData?: ReviewActionData }) {
	const { attempt, exercise } = data
	const clock = useReplay(data)
	const { replay, offset } = clock
	const code = useMemo(() => replay.codeAtTime(new Date(clock.at)), [replay, clock.at])
	const paths = useMemo(() => Object.keys(data.starter).sort(), [data.starter])
	const [activePath, setActivePath] = useState(
		() => changedPaths(data.starter, replay.codeAtTime(new Date(replay.startedAt.getTime() + replay.durationMs)))[0] ?? paths[0] ?? '',
	)
	const [selectedLine, setSelectedLine] = useState<SelectedLine | null>(null)

	const currentRunMark = replay.marks.filter((mark) => mark.offsetMs <= offset && mark.kind === 'run').at(-1) ?? null
	const currentRunId = currentRunMark ? runIdAt(data.events, currentRunMark.position) : null
	const journal = useMemo(() => journalAt(data.events, clock.at), [data.events, clock.at])

	return (
		<div className="flex flex-1 flex-col">
			<header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
				<Link to={`/reviews${data.queue.search}`} className={cn('text-sm', linkClass)}>
					← Review queue
				</Link>
				<h1 className="text-lg font-bold tracking-tight">
					<PersonName person={attempt.learner} /> · {exercise.title}
				</h1>
				<Badge tone={ATTEMPT_STATUS_TONES[attempt.status]}>{ATTEMPT_STATUS_LABELS[attempt.status]}</Badge>
				<RuleBadges rules={attempt.rules} />
				<span className="text-sm text-slate-600 dark:text-slate-400">
					{formatDuration(replay.durationMs)} · {data.runs.length} {data.runs.length === 1 ? 'run' : 'runs'} · {data.submissions.length}{' '}
					{data.submissions.length === 1 ? 'submission' : 'submissions'}
					{attempt.assignment ? ` · assigned to ${attempt.assignment.team}` : ' · self-chosen'}
				</span>
				{data.readOnly ? null : data.review ? (
					<Badge tone="success">Reviewed · {data.review.percent}%</Badge>
				) : (
					<Badge tone="warning">Waiting for review</Badge>
				)}
			</header>
			{data.saved ? (
				<p
					role="status"
					className="border-b border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
				>
					Review saved: {data.saved.learnerName} · {data.saved.exerciseTitle}, {data.saved.percent}%. This is the next attempt in the queue.
				</p>
			) : null}
			{data.readOnly ? <InProgressNotice learnerName={attempt.learner.name} /> : null}

			<div className="grid flex-1 gap-4 p-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
				<div className="min-w-0 space-y-4">
					<ReplayControls clock={clock} currentRunMark={currentRunMark} />
					<CodeAtMoment
						paths={paths}
						code={code}
						starter={data.starter}
						activePath={activePath}
						onActivePath={setActivePath}
						diagnosis={data.submissions.at(-1) ?? null}
						selectedLine={selectedLine}
						onSelectLine={setSelectedLine}
					/>
					<RunOutput
						attemptId={attempt.id}
						runId={currentRunId}
						runNumber={currentRunMark ? runNumberAt(data.events, currentRunMark.position) : null}
						onOpen={(file, line) => {
							if (!paths.includes(file)) return
							setActivePath(file)
							setSelectedLine({ file, line })
						}}
						canOpen={(file) => paths.includes(file)}
						runs={data.runs}
					/>
				</div>

				<aside className="min-w-0 space-y-4" aria-label="Diagnosis and review">
					{exercise.kind === 'architecture' ? <ArchitecturePanels data={data} at={clock.at} offset={offset} /> : null}
					<DiagnosisAndGrade data={data} />
					<JournalAtMoment journal={journal} offset={offset} />
					<RecordedFacts integrity={attempt.integrity} />
					{data.readOnly ? null : (
						<>
							<RubricForm data={data} actionData={actionData?.intent === 'score' ? actionData : undefined} />
							<Comments
								data={data}
								actionData={actionData?.intent === 'comment' ? actionData : undefined}
								offset={offset}
								selectedLine={selectedLine}
								onClearLine={() => setSelectedLine(null)}
								onJump={(comment) => {
									clock.jumpTo(comment)
									if (comment.file) {
										setActivePath(comment.file)
										setSelectedLine(comment.line ? { file: comment.file, line: comment.line } : null)
									}
								}}
							/>
						</>
					)}
				</aside>
			</div>
		</div>
	)
}

/** Says plainly that the learner is still at it, and fetches what they have done since. */
function InProgressNotice({ learnerName }: { learnerName: string }) {
	const revalidator = useRevalidator()
	const loading = revalidator.state === 'loading'
	return (
		<div
			role="note"
			aria-label="In progress"
			className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-brand-500/40 bg-brand-50 px-4 py-2.5 text-sm text-slate-900 dark:bg-slate-800 dark:text-slate-100"
		>
			<p>
				<strong className="font-semibold">In progress — read-only, the learner is still working.</strong> This is {learnerName}’s attempt so far: code, runs,
				journal and hints. There is nothing to score yet; the rubric and comments open once they solve it or give up.
			</p>
			<Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => void revalidator.revalidate()} disabled={loading}>
				{loading ? 'Loading…' : 'Show the latest'}
			</Button>
		</div>
	)
}
