// The lead's review of one finished attempt: a replay of the attempt (the code as it was at
// any moment, the runs and their output, the journal, hints, pastes and time away on one
// timeline) beside the diagnosis, the grade, the rubric form and comments anchored to a
// moment or a line.
import { useEffect, useMemo, useRef, useState } from 'react'
import { Form, Link, useFetcher, useNavigation } from 'react-router'
import { SECTION_LABELS } from '#app/architecture/decision-record.ts'
import { buildReplay, type ReplayMark } from '#app/attempts/replay.ts'
import { RuleBadges } from '#app/components/progress-badge.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { FieldErrors, FormAlert } from '#app/components/ui/field.tsx'
import { Select } from '#app/components/ui/input.tsx'
import { OutputPanel } from '#app/components/workspace/output-panel.tsx'
import { rootCauseCategory, type RootCauseCategoryId } from '#app/exercises/taxonomy.ts'
import type { ReviewCommentView, ReviewView } from '#app/models/review.server.ts'
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_TONES, formatDuration } from '#app/practice/attempt-summary.ts'
import { levelDescriptor, rubricPercent, RUBRIC_MAX_LEVEL } from '#app/reviews/rubric.ts'
import { formatClock } from '#app/reviews/moment.ts'
import { MAX_COMMENT_LENGTH, MAX_SUMMARY_LENGTH } from '#app/reviews/review-form.ts'
import { changedLines, changedPaths, decisionRecordAt, journalAt, runIdAt, runNumberAt, type AttemptReviewView, type CommentResult, type ReviewActionData, type ScoreResult } from '#app/reviews/review-view.ts'
import { shownRun, type RunRefusal, type RunView, type ShownRun } from '#app/attempts/run-view.ts'

type ReviewPageData = AttemptReviewView

const SPEEDS = [1, 4, 16] as const
const TICK_MS = 100

const MARK_STYLE: Record<ReplayMark['kind'], { dot: string; label: string }> = {
	run: { dot: 'bg-brand-600', label: 'Run' },
	journal: { dot: 'bg-violet-600', label: 'Journal' },
	hint: { dot: 'bg-amber-500', label: 'Hint' },
	paste: { dot: 'bg-red-600', label: 'Paste' },
	insertion: { dot: 'bg-orange-500', label: 'Insertion' },
	away: { dot: 'bg-slate-500', label: 'Away' },
	submission: { dot: 'bg-emerald-600', label: 'Submission' },
	'gave-up': { dot: 'bg-slate-800 dark:bg-slate-200', label: 'Gave up' },
}

export function ReviewPage({ data, actionData }: { data: ReviewPageData; actionData?: ReviewActionData }) {
	const { attempt, exercise } = data
	const replay = useMemo(() => buildReplay(data.starter, data.events.map((event) => ({ ...event, at: new Date(event.at) }))), [data.starter, data.events])
	const startedAt = replay.startedAt.getTime()
	const [offset, setOffset] = useState(replay.durationMs)
	const [playing, setPlaying] = useState(false)
	const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(4)
	const moment = new Date(startedAt + offset)
	const code = useMemo(() => replay.codeAtTime(moment), [replay, offset]) // eslint-disable-line react-hooks/exhaustive-deps
	const paths = useMemo(() => Object.keys(data.starter).sort(), [data.starter])
	const [activePath, setActivePath] = useState(() => changedPaths(data.starter, replay.codeAtTime(new Date(startedAt + replay.durationMs)))[0] ?? paths[0] ?? '')
	const [selectedLine, setSelectedLine] = useState<{ file: string; line: number } | null>(null)

	// Play advances the replay clock; it stops by itself at the end.
	useEffect(() => {
		if (!playing) return
		const timer = setInterval(() => {
			setOffset((current) => {
				const next = Math.min(replay.durationMs, current + TICK_MS * speed)
				if (next >= replay.durationMs) setPlaying(false)
				return next
			})
		}, TICK_MS)
		return () => clearInterval(timer)
	}, [playing, speed, replay.durationMs])

	const passed = replay.marks.filter((mark) => mark.offsetMs <= offset)
	const currentRunMark = passed.filter((mark) => mark.kind === 'run').at(-1) ?? null
	const currentRunId = currentRunMark ? runIdAt(data.events, currentRunMark.position) : null
	const journal = useMemo(() => journalAt(data.events, moment.getTime()), [data.events, offset]) // eslint-disable-line react-hooks/exhaustive-deps

	const jumpTo = (mark: { offsetMs: number }) => {
		setPlaying(false)
		setOffset(mark.offsetMs)
	}
	const step = (direction: 1 | -1) => {
		const target = direction === 1 ? replay.marks.find((mark) => mark.offsetMs > offset) : [...replay.marks].reverse().find((mark) => mark.offsetMs < offset)
		if (target) jumpTo(target)
	}
	const lastSubmission = data.submissions.at(-1) ?? null

	return (
		<div className="flex flex-1 flex-col">
			<header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
				<Link to="/reviews" className="text-sm text-brand-700 underline underline-offset-2 dark:text-brand-100">← Review queue</Link>
				<h1 className="text-lg font-bold tracking-tight">
					{attempt.learner.name} · {exercise.title}
				</h1>
				<Badge tone={ATTEMPT_STATUS_TONES[attempt.status]}>{ATTEMPT_STATUS_LABELS[attempt.status]}</Badge>
				<RuleBadges rules={attempt.rules} />
				<span className="text-sm text-slate-600 dark:text-slate-400">
					{formatDuration(replay.durationMs)} · {data.runs.length} {data.runs.length === 1 ? 'run' : 'runs'} · {data.submissions.length} {data.submissions.length === 1 ? 'submission' : 'submissions'}
					{attempt.assignment ? ` · assigned to ${attempt.assignment.team}` : ' · self-chosen'}
				</span>
				{data.review ? <Badge tone="success">Reviewed · {data.review.percent}%</Badge> : <Badge tone="warning">Waiting for review</Badge>}
			</header>

			<div className="grid flex-1 gap-4 p-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
				<div className="min-w-0 space-y-4">
					<section aria-label="Replay" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
						<div className="flex flex-wrap items-center gap-3">
							<Button variant="secondary" onClick={() => (offset >= replay.durationMs ? (setOffset(0), setPlaying(true)) : setPlaying(!playing))} aria-pressed={playing}>
								{playing ? 'Pause' : 'Play'}
							</Button>
							<label className="flex items-center gap-2 text-sm">
								<span>Speed</span>
								<Select value={speed} onChange={(event) => setSpeed(Number(event.currentTarget.value) as (typeof SPEEDS)[number])} className="w-20 py-1">
									{SPEEDS.map((value) => (
										<option key={value} value={value}>{value}×</option>
									))}
								</Select>
							</label>
							<Button variant="ghost" onClick={() => step(-1)} disabled={!replay.marks.some((mark) => mark.offsetMs < offset)}>← Previous mark</Button>
							<Button variant="ghost" onClick={() => step(1)} disabled={!replay.marks.some((mark) => mark.offsetMs > offset)}>Next mark →</Button>
							<span className="ml-auto font-mono text-sm tabular-nums" aria-live="off">
								{formatClock(offset)} / {formatClock(replay.durationMs)}
							</span>
						</div>
						<div className="relative mt-4">
							<label htmlFor="replay-position" className="sr-only">Replay position</label>
							<input
								id="replay-position"
								type="range"
								min={0}
								max={replay.durationMs}
								step={1000}
								value={offset}
								onChange={(event) => {
									setPlaying(false)
									setOffset(Number(event.currentTarget.value))
								}}
								aria-valuetext={`${formatClock(offset)} of ${formatClock(replay.durationMs)}`}
								className="w-full accent-brand-600"
							/>
							<div className="relative mt-1 h-4" aria-hidden="true">
								{replay.marks.map((mark) => (
									<span
										key={mark.position}
										title={`${formatClock(mark.offsetMs)} ${mark.label}`}
										className={cn('absolute top-0 h-3 w-1 -translate-x-1/2 rounded-sm', MARK_STYLE[mark.kind].dot, mark.offsetMs > offset && 'opacity-40')}
										style={{ left: `${replay.durationMs ? (mark.offsetMs / replay.durationMs) * 100 : 0}%` }}
									/>
								))}
							</div>
						</div>
						<ol aria-label="Timeline" className="mt-2 max-h-44 space-y-0.5 overflow-y-auto text-sm" tabIndex={0}>
							{replay.marks.length === 0 ? <li className="text-slate-600 dark:text-slate-400">Nothing was recorded on this attempt’s timeline besides its start.</li> : null}
							{replay.marks.map((mark) => {
								const current = currentRunMark?.position === mark.position || (mark.offsetMs <= offset && replay.marks.find((m) => m.offsetMs > mark.offsetMs && m.offsetMs <= offset) === undefined)
								return (
									<li key={mark.position}>
										<button
											type="button"
											onClick={() => jumpTo(mark)}
											className={cn('flex w-full items-center gap-2 rounded px-2 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800', mark.offsetMs > offset && 'text-slate-500 dark:text-slate-400', current && 'bg-brand-50 dark:bg-slate-800')}
										>
											<span aria-hidden="true" className={cn('size-2 shrink-0 rounded-full', MARK_STYLE[mark.kind].dot)} />
											<span className="w-14 shrink-0 font-mono text-xs tabular-nums">{formatClock(mark.offsetMs)}</span>
											<span className="min-w-0 truncate">{mark.label}</span>
										</button>
									</li>
								)
							})}
						</ol>
					</section>

					<section aria-label="Code at this moment" className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
						<div role="tablist" aria-label="Files" className="flex flex-wrap border-b border-slate-200 dark:border-slate-800">
							{paths.map((path) => (
								<button
									key={path}
									type="button"
									role="tab"
									aria-selected={path === activePath}
									onClick={() => setActivePath(path)}
									className={cn('border-b-2 px-3 py-2 font-mono text-xs', path === activePath ? 'border-brand-600 text-brand-700 dark:text-brand-100' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white')}
								>
									{path.replace(/^src\//, '')}
									{code[path] !== data.starter[path] ? <span className="ml-1 text-amber-600" title="Changed from the starter">●</span> : null}
								</button>
							))}
						</div>
						<CodeView
							path={activePath}
							text={code[activePath] ?? ''}
							starter={data.starter[activePath] ?? ''}
							diagnosis={lastSubmission && lastSubmission.file === activePath ? lastSubmission : null}
							selectedLine={selectedLine?.file === activePath ? selectedLine.line : null}
							onSelectLine={(line) => setSelectedLine(line === null ? null : { file: activePath, line })}
						/>
					</section>

					<RunOutput attemptId={attempt.id} runId={currentRunId} runNumber={currentRunMark ? runNumberAt(data.events, currentRunMark.position) : null} onOpen={(file, line) => {
						if (!paths.includes(file)) return
						setActivePath(file)
						setSelectedLine({ file, line })
					}} canOpen={(file) => paths.includes(file)} runs={data.runs} />
				</div>

				<aside className="min-w-0 space-y-4" aria-label="Diagnosis and review">
					{exercise.kind === 'architecture' ? <ArchitecturePanels data={data} at={moment.getTime()} offset={offset} /> : null}
					<Panel title={exercise.kind === 'architecture' ? 'Reference design notes' : 'Diagnosis and grade'}>
						{exercise.kind === 'architecture' ? null : data.submissions.length === 0 ? (
							<p className="text-sm text-slate-600 dark:text-slate-400">{attempt.status === 'gave_up' ? 'Gave up without submitting a diagnosis.' : 'No diagnosis submitted.'}</p>
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
											<GradeLine ok={submission.fixCorrect} label={`Fix: ${submission.testsPassed} of ${submission.testsPassed + submission.testsFailed} hidden and visible tests pass`} />
										</ul>
										<p className="mt-2 break-words whitespace-pre-line text-slate-800 dark:text-slate-200">{submission.explanation}</p>
									</li>
								))}
							</ol>
						)}
						<details className={cn('text-sm', exercise.kind !== 'architecture' && 'mt-3')}>
							<summary className="cursor-pointer font-medium">{exercise.kind === 'architecture' ? 'Why the naive design fails, and what the reference does' : 'Reference root cause'}</summary>
							<p className="mt-1 text-slate-700 dark:text-slate-300">
								{categoryLabel(exercise.reference.category)} · {exercise.reference.locations.map((location) => `${location.file} ${location.startLine}–${location.endLine}`).join(', ')}
							</p>
							<div className="prose-sm mt-1 text-slate-700 dark:text-slate-300" dangerouslySetInnerHTML={{ __html: exercise.reference.explanationHtml }} />
						</details>
					</Panel>

					<Panel title={`Journal at ${formatClock(offset)}`}>
						{journal.length === 0 ? (
							<p className="text-sm text-slate-600 dark:text-slate-400">Nothing written yet at this moment.</p>
						) : (
							<ul className="space-y-2 text-sm">
								{journal.map((entry) => (
									<li key={entry.id} className="rounded-md bg-slate-50 px-2.5 py-2 dark:bg-slate-800/60">
										<span className="mr-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{entry.kind === 'hypothesis' ? 'Hypothesis' : 'Observation'}</span>
										{entry.status ? <Badge tone={entry.status === 'confirmed' ? 'success' : entry.status === 'refuted' ? 'danger' : 'neutral'}>{entry.status}</Badge> : null}
										<p className="mt-1 break-words whitespace-pre-line">{entry.text}</p>
									</li>
								))}
							</ul>
						)}
					</Panel>

					<Panel title="Recorded">
						<dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
							<dt>Hints revealed</dt>
							<dd className="tabular-nums">{attempt.integrity.hintsRevealed}</dd>
							<dt>Outside pastes</dt>
							<dd className="tabular-nums">{attempt.integrity.outsidePastes}{attempt.integrity.outsidePastes ? ` (${attempt.integrity.outsidePasteChars} characters)` : ''}</dd>
							<dt>Refused pastes</dt>
							<dd className="tabular-nums">{attempt.integrity.blockedPastes}</dd>
							<dt>Large insertions</dt>
							<dd className="tabular-nums">{attempt.integrity.largeInsertions}</dd>
							<dt>Time away</dt>
							<dd className="tabular-nums">{attempt.integrity.focusLosses}× · {formatDuration(attempt.integrity.awayMs)}</dd>
						</dl>
						<p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Facts, not verdicts: ask about them in the review if they matter.</p>
					</Panel>

					<RubricForm data={data} actionData={actionData?.intent === 'score' ? actionData : undefined} />
					<Comments
						data={data}
						actionData={actionData?.intent === 'comment' ? actionData : undefined}
						offset={offset}
						selectedLine={selectedLine}
						onClearLine={() => setSelectedLine(null)}
						onJump={(comment) => {
							jumpTo(comment)
							if (comment.file) {
								setActivePath(comment.file)
								setSelectedLine(comment.line ? { file: comment.file, line: comment.line } : null)
							}
						}}
					/>
				</aside>
			</div>
		</div>
	)
}

/** An architecture attempt's decision record as it read at the moment, and the stages handed in. */
function ArchitecturePanels({ data, at, offset }: { data: ReviewPageData; at: number; offset: number }) {
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
											<p className="break-words whitespace-pre-line"><span className="text-emerald-700 dark:text-emerald-400">Pros:</span> {option.pros || '—'}</p>
											<p className="break-words whitespace-pre-line"><span className="text-red-700 dark:text-red-400">Cons:</span> {option.cons || '—'}</p>
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
									<Badge tone={submission.passed ? 'success' : 'warning'}>{submission.scenariosPassed} of {submission.scenariosTotal} scenarios</Badge>
								</p>
								<ul className="mt-1 space-y-0.5">
									{submission.scenarios.map((scenario) => (
										<GradeLine key={scenario.name} ok={scenario.passed} label={`Stage ${scenario.stage} · ${scenario.name}${scenario.passed ? '' : ` — misses ${scenario.metrics.filter((metric) => metric.passed === false).map((metric) => metric.label).join(', ') || 'its run'}`}`} />
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

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
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
			<span aria-hidden="true" className={ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}>{ok ? '✓' : '✗'}</span>
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

/** The code of one file with line numbers; lines that differ from the starter are marked. */
function CodeView({ path, text, starter, diagnosis, selectedLine, onSelectLine }: {
	path: string
	text: string
	starter: string
	diagnosis: { startLine: number; endLine: number } | null
	selectedLine: number | null
	onSelectLine(line: number | null): void
}) {
	const changed = useMemo(() => changedLines(starter, text), [starter, text])
	const lines = text.split('\n')
	const container = useRef<HTMLDivElement>(null)
	// Keep the interesting part in view: the selected line, else the first change from the starter.
	const focusLine = selectedLine ?? (changed.size ? Math.min(...changed) : diagnosis?.startLine ?? null)
	useEffect(() => {
		const box = container.current
		const row = focusLine ? box?.querySelector<HTMLElement>(`[data-line="${focusLine}"]`) : null
		if (box && row && (row.offsetTop < box.scrollTop || row.offsetTop > box.scrollTop + box.clientHeight - 40)) box.scrollTop = Math.max(0, row.offsetTop - box.clientHeight / 3)
	}, [path, focusLine])
	return (
		<div ref={container} className="relative max-h-[28rem] overflow-auto font-mono text-xs leading-5" tabIndex={0} aria-label={`Code of ${path}`}>
			<table className="w-full border-collapse">
				<caption className="sr-only">{path}; select a line number to anchor a comment to it</caption>
				<tbody>
					{lines.map((line, index) => {
						const number = index + 1
						const inDiagnosis = diagnosis && number >= diagnosis.startLine && number <= diagnosis.endLine
						return (
							<tr key={index} data-line={number} className={cn(changed.has(number) && 'bg-amber-50 dark:bg-amber-950/40', selectedLine === number && 'bg-brand-50 ring-1 ring-brand-500 ring-inset dark:bg-slate-800')}>
								<td className={cn('w-1 p-0', inDiagnosis && 'bg-emerald-600')} title={inDiagnosis ? 'Lines picked as the root cause in the last submission' : undefined} />
								<td className="w-12 pr-2 text-right align-top select-none">
									<button
										type="button"
										onClick={() => onSelectLine(selectedLine === number ? null : number)}
										className="w-full text-right text-slate-500 hover:text-brand-700 dark:text-slate-400"
										aria-label={`Line ${number}${selectedLine === number ? ', selected' : ''}`}
										aria-pressed={selectedLine === number}
									>
										{number}
									</button>
								</td>
								<td className="pr-4 break-all whitespace-pre-wrap text-slate-900 dark:text-slate-100">{line || ' '}</td>
							</tr>
						)
					})}
				</tbody>
			</table>
		</div>
	)
}

function RunOutput({ attemptId, runId, runNumber, runs, onOpen, canOpen }: {
	attemptId: string
	runId: string | null
	runNumber: number | null
	runs: ReviewPageData['runs']
	onOpen(file: string, line: number): void
	canOpen(file: string): boolean
}) {
	const fetcher = useFetcher<RunView | RunRefusal>()
	const cache = useRef(new Map<string, ShownRun>())
	const [shown, setShown] = useState<ShownRun | null>(null)
	useEffect(() => {
		if (!runId) return setShown(null)
		const cached = cache.current.get(runId)
		if (cached) return setShown(cached)
		fetcher.load(`/reviews/${attemptId}/runs/${runId}`)
		// fetcher is stable enough for this purpose; reloading on its identity would loop.
	}, [attemptId, runId]) // eslint-disable-line react-hooks/exhaustive-deps
	useEffect(() => {
		const loaded = fetcher.data
		if (!loaded || 'error' in loaded) return
		const summary = runs.find((run) => run.id === loaded.id)
		const run = shownRun(loaded, { prediction: summary?.prediction ?? null, predictionCorrect: loaded.predictionCorrect })
		cache.current.set(loaded.id, run)
		if (loaded.id === runId) setShown(run)
	}, [fetcher.data, runId, runs])
	return (
		<section aria-label="Run output" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
			<h2 className="border-b border-slate-200 px-3 py-2 text-sm font-semibold dark:border-slate-800">
				{runNumber ? `Output of run ${runNumber} (the last run at this moment)` : 'Run output'}
			</h2>
			{!runId ? (
				<p className="p-3 text-sm text-slate-600 dark:text-slate-400">No run yet at this moment. Move the replay to a run, or pick one in the timeline.</p>
			) : fetcher.data && 'error' in fetcher.data ? (
				<p role="alert" className="p-3 text-sm text-red-700 dark:text-red-400">{fetcher.data.error}</p>
			) : (
				<OutputPanel run={shown?.id === runId ? shown : null} running={fetcher.state === 'loading'} error={null} onOpenLocation={onOpen} canOpen={canOpen} />
			)}
		</section>
	)
}

function RubricForm({ data, actionData }: { data: ReviewPageData; actionData?: ScoreResult }) {
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'score'
	const conflict = actionData && !actionData.ok ? actionData.current ?? null : null
	const review = conflict ?? data.review
	const [scores, setScores] = useState<Record<string, number>>(() => ({ ...(data.review?.scores ?? {}) }))
	const errors = actionData && !actionData.ok ? (actionData.fieldErrors ?? {}) : {}
	const finished = data.attempt.status !== 'in_progress'
	const percent = rubricPercent(data.exercise.rubric, scores)
	const complete = data.exercise.rubric.every((criterion) => scores[criterion.id] !== undefined)
	return (
		<Panel title={data.review ? 'Rubric score' : 'Score with the rubric'}>
			{actionData?.ok ? <FormAlert tone="success" message={`Review saved: ${actionData.review.percent}%. ${data.attempt.learner.name} sees it on the attempt and the dashboard.`} /> : null}
			{actionData && !actionData.ok && actionData.message ? <FormAlert message={actionData.message} /> : null}
			{conflict ? <SavedReview review={conflict} rubric={data.exercise.rubric} heading={`${conflict.reviewerName}’s review (saved)`} /> : null}
			{!finished ? <p className="text-sm text-slate-600 dark:text-slate-400">The attempt is still in progress; it can be scored once it is finished.</p> : null}
			<Form method="post" className={cn('space-y-4', conflict && 'mt-4')} noValidate>
				<input type="hidden" name="intent" value="score" />
				<input type="hidden" name="baseVersion" value={review?.version ?? 0} />
				{data.exercise.rubric.map((criterion) => (
					<fieldset key={criterion.id} aria-describedby={errors[`score.${criterion.id}`] ? `score-${criterion.id}-error` : undefined}>
						<legend className="text-sm font-semibold">
							{criterion.title} <span className="font-normal text-slate-600 dark:text-slate-400">· weight {criterion.weight}</span>
						</legend>
						<div className="mt-1.5 space-y-1">
							{Array.from({ length: RUBRIC_MAX_LEVEL + 1 }, (_, level) => (
								<label key={level} className={cn('flex cursor-pointer items-start gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800', scores[criterion.id] === level && 'bg-brand-50 dark:bg-slate-800')}>
									<input
										type="radio"
										name={`score.${criterion.id}`}
										value={level}
										checked={scores[criterion.id] === level}
										onChange={() => setScores((current) => ({ ...current, [criterion.id]: level }))}
										className="mt-0.5 size-4 shrink-0 accent-brand-600"
									/>
									<span>
										<span className="font-semibold tabular-nums">{level}</span> — {levelDescriptor(criterion, level)}
									</span>
								</label>
							))}
						</div>
						<FieldErrors id={`score-${criterion.id}-error`} errors={errors[`score.${criterion.id}`]} />
					</fieldset>
				))}
				<div className="space-y-1.5">
					<label htmlFor="review-summary" className="block text-sm font-semibold">Summary for the engineer</label>
					<textarea
						id="review-summary"
						name="summary"
						rows={4}
						maxLength={MAX_SUMMARY_LENGTH + 100}
						defaultValue={data.review?.summary ?? ''}
						aria-invalid={errors.summary ? true : undefined}
						aria-describedby={errors.summary ? 'review-summary-error' : undefined}
						className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-900 dark:ring-slate-600"
						placeholder="What was strong in the method, and what to practise next."
					/>
					<FieldErrors id="review-summary-error" errors={errors.summary} />
				</div>
				<div className="flex items-center justify-between gap-3">
					<span className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">{complete ? `Score: ${percent}%` : 'Choose a level for every criterion.'}</span>
					<Button type="submit" disabled={busy || !finished}>{busy ? 'Saving…' : data.review || conflict ? 'Save review' : 'Save review'}</Button>
				</div>
				{data.review && !conflict ? <p className="text-xs text-slate-600 dark:text-slate-400">Last saved by {data.review.reviewerName} · {data.review.percent}%. Saving again replaces it, and the engineer sees it as new.</p> : null}
			</Form>
		</Panel>
	)
}

export function SavedReview({ review, rubric, heading }: { review: { percent: number; summary: string; scores: Record<string, number> }; rubric: ReviewPageData['exercise']['rubric']; heading: string }) {
	return (
		<div className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
			<p className="font-semibold">{heading} · {review.percent}%</p>
			<ul className="mt-1.5 space-y-1">
				{rubric.map((criterion) => (
					<li key={criterion.id}>
						<span className="font-medium">{criterion.title}:</span> {review.scores[criterion.id] ?? '–'} of {RUBRIC_MAX_LEVEL} <span className="text-slate-600 dark:text-slate-400">— {levelDescriptor(criterion, review.scores[criterion.id] ?? 0)}</span>
					</li>
				))}
			</ul>
			<p className="mt-2 break-words whitespace-pre-line">{review.summary}</p>
		</div>
	)
}

function Comments({ data, actionData, offset, selectedLine, onClearLine, onJump }: {
	data: ReviewPageData
	actionData?: CommentResult
	offset: number
	selectedLine: { file: string; line: number } | null
	onClearLine(): void
	onJump(comment: ReviewCommentView): void
}) {
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'comment'
	const formRef = useRef<HTMLFormElement>(null)
	const errors = actionData && !actionData.ok ? (actionData.fieldErrors ?? {}) : {}
	useEffect(() => {
		if (actionData?.ok) formRef.current?.reset()
	}, [actionData])
	const finished = data.attempt.status !== 'in_progress'
	return (
		<Panel title={`Comments (${data.comments.length})`}>
			{data.comments.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No comments yet. Pick a moment (and a line, if it is about the code) and write what you noticed.</p> : null}
			<ol className="space-y-2">
				{data.comments.map((comment) => (
					<li key={comment.id} className="rounded-md bg-slate-50 px-2.5 py-2 text-sm dark:bg-slate-800/60">
						<button type="button" onClick={() => onJump(comment)} className="font-mono text-xs text-brand-700 underline underline-offset-2 dark:text-brand-100">
							{formatClock(comment.offsetMs)}{comment.file ? ` · ${comment.file}${comment.line ? `:${comment.line}` : ''}` : ''}
						</button>
						<span className="ml-2 text-xs text-slate-600 dark:text-slate-400">{comment.authorName}</span>
						<p className="mt-1 break-words whitespace-pre-line">{comment.body}</p>
					</li>
				))}
			</ol>
			{actionData && !actionData.ok && actionData.message ? <div className="mt-3"><FormAlert message={actionData.message} /></div> : null}
			{finished ? (
				<Form method="post" ref={formRef} className="mt-3 space-y-2" noValidate>
					<input type="hidden" name="intent" value="comment" />
					<input type="hidden" name="offsetMs" value={Math.round(offset)} />
					<input type="hidden" name="file" value={selectedLine?.file ?? ''} />
					<input type="hidden" name="line" value={selectedLine?.line ?? ''} />
					<label htmlFor="comment-body" className="block text-sm font-semibold">
						Comment at {formatClock(offset)}{selectedLine ? `, ${selectedLine.file} line ${selectedLine.line}` : ''}
					</label>
					<textarea
						id="comment-body"
						name="body"
						rows={3}
						maxLength={MAX_COMMENT_LENGTH + 100}
						aria-invalid={errors.body ? true : undefined}
						aria-describedby={errors.body ? 'comment-body-error' : undefined}
						className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-900 dark:ring-slate-600"
					/>
					<FieldErrors id="comment-body-error" errors={errors.body ?? errors.offsetMs ?? errors.line} />
					<div className="flex items-center justify-between gap-2">
						{selectedLine ? <Button variant="ghost" onClick={onClearLine} className="px-2 py-1 text-xs">Anchor to the moment only</Button> : <span className="text-xs text-slate-600 dark:text-slate-400">Select a line number to anchor it to a line.</span>}
						<Button type="submit" variant="secondary" disabled={busy}>{busy ? 'Adding…' : 'Add comment'}</Button>
					</div>
				</Form>
			) : null}
		</Panel>
	)
}
