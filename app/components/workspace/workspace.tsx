// The learner's workspace for one attempt: brief and files on the left, the editor and the
// run output in the middle, the journal, hints, diagnosis and what is recorded on the right.
// Everything the learner does goes through the outbox, so a reload or a flaky connection
// restores it exactly.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Link, useRouteLoaderData } from 'react-router'
import type { ClientEvent, ClientEventType, HypothesisStatus } from '#app/attempts/events.ts'
import { applyJournalEvent, isJournalEvent, type JournalEntryView } from '#app/attempts/journal.ts'
import { shownRun, type RecordedRun, type RunRefusal, type RunView, type ShownRun } from '#app/attempts/run-view.ts'
import { firstFailingFile, type WorkspaceView } from '#app/attempts/workspace-view.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { DEFAULT_LIMITS } from '#app/runner/protocol.ts'
import type { loader as rootLoader } from '#app/root.tsx'
import type { CodeEditorHandle, EditorFile, EditorSignal } from './code-editor-types.ts'
import { DiagnosisPanel, HintsPanel } from './diagnosis-panel.tsx'
import { JournalPanel, type NextRunPlan, type RunSummary } from './journal-panel.tsx'
import { OutputPanel } from './output-panel.tsx'
import { ReviewPanel } from './review-panel.tsx'
import { RatingNote } from './rating-note.tsx'
import { DecisionRecordPanel } from './decision-record-panel.tsx'
import { StagePanel } from './stage-panel.tsx'
import { checkDecisionRecord, emptyDecisionRecord, type DecisionRecord, type DecisionRecordErrors } from '#app/architecture/decision-record.ts'
import { Outbox, type EventData, type OutboxStatus, type SendOutcome } from './outbox.ts'

const CodeEditor = lazy(() => import('./code-editor.client.tsx'))

export type WorkspaceData = WorkspaceView

/** A snapshot 2 s after typing pauses, and at least every 10 s while it goes on. */
const SNAPSHOT_IDLE_MS = 2000
const SNAPSHOT_EVERY_MS = 10_000
const FLUSH_EVERY_MS = 3000

type RightTab = 'decision' | 'journal' | 'hints' | 'submit' | 'record' | 'review'

export function Workspace({ data }: { data: WorkspaceData }) {
	const attemptId = data.attempt.id
	const finished = data.attempt.status !== 'in_progress'
	const rootData = useRouteLoaderData<typeof rootLoader>('root')
	const theme = rootData?.theme === 'dark' ? 'dark' : 'light'

	const [files, setFiles] = useState<Record<string, string>>(data.files.src)
	const filesRef = useRef(files)
	const [journal, setJournal] = useState<JournalEntryView[]>(data.journal)
	const journalRef = useRef(journal)
	const [runs, setRuns] = useState<RunSummary[]>(data.runs)
	const [shown, setShown] = useState<ShownRun | null>(
		data.latestRun ? shownRun(data.latestRun, data.runs.find((run) => run.id === data.latestRun?.id)) : null,
	)
	const [running, setRunning] = useState(false)
	const runningRef = useRef(false)
	const [runError, setRunError] = useState<string | null>(null)
	const [plan, setPlan] = useState<NextRunPlan>({ hypothesisId: null, prediction: null })
	const [saveStatus, setSaveStatus] = useState<OutboxStatus>({ pending: 0, state: 'saved' })
	const [integrity, setIntegrity] = useState(data.attempt.integrity)
	const [notice, setNotice] = useState<string | null>(null)
	const [activePath, setActivePath] = useState(() => firstFailingFile(data) ?? Object.keys(data.files.src).sort()[0] ?? '')
	const [openTabs, setOpenTabs] = useState<string[]>(() => [activePath])
	const [leftTab, setLeftTab] = useState<'brief' | 'files'>('brief')
	const architecture = data.architecture
	const [rightTab, setRightTab] = useState<RightTab>(data.review ? 'review' : finished ? 'submit' : architecture ? 'decision' : 'journal')
	const [decision, setDecision] = useState<DecisionRecord>(() => architecture?.record ?? emptyDecisionRecord())
	const decisionRef = useRef(decision)
	const [decisionErrors, setDecisionErrors] = useState<DecisionRecordErrors>({})
	const decisionTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
	const [hydrated, setHydrated] = useState(false)
	const editorRef = useRef<CodeEditorHandle>(null)
	const outboxRef = useRef<Outbox | null>(null)
	const snapshotTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
	const lastSnapshotAt = useRef(0)
	const dirty = useRef(false)

	useEffect(() => setHydrated(true), [])

	// The outbox: restore what the last page left unsent, then keep sending.
	useEffect(() => {
		const url = `/attempts/${attemptId}/events`
		const outbox = new Outbox({
			key: `hardmode:attempt:${attemptId}:outbox`,
			storage: safeLocalStorage(),
			initialSeq: data.attempt.draftSeq,
			send: (batch) => sendJson(url, batch),
			onStatus: setSaveStatus,
		})
		outboxRef.current = outbox
		const pending = outbox.pending()
		const snapshot = pending.filter((event) => event.type === 'snapshot').at(-1)
		if (snapshot && snapshot.type === 'snapshot' && !finished) {
			filesRef.current = snapshot.data.files
			setFiles(snapshot.data.files)
		}
		let restored = journalRef.current
		for (const event of pending) if (isJournalEvent(event)) restored = applyJournalEvent(restored, event, event.at).entries
		const unsentDecision = pending.filter((event) => event.type === 'decision.saved').at(-1)
		if (unsentDecision?.type === 'decision.saved' && !finished) {
			decisionRef.current = unsentDecision.data.record
			setDecision(unsentDecision.data.record)
		}
		journalRef.current = restored
		setJournal(restored)
		void outbox.flush()
		const interval = setInterval(() => {
			if (outbox.pending().length) void outbox.flush()
		}, FLUSH_EVERY_MS)
		const onOnline = () => void outbox.flush()
		const onPageHide = () => {
			if (dirty.current) pushSnapshot()
			if (decisionTimer.current) saveDecision()
			const batch = outbox.beaconBatch()
			if (batch && typeof navigator.sendBeacon === 'function') navigator.sendBeacon(url, new Blob([JSON.stringify(batch)], { type: 'application/json' }))
		}
		window.addEventListener('online', onOnline)
		window.addEventListener('pagehide', onPageHide)
		return () => {
			clearInterval(interval)
			window.removeEventListener('online', onOnline)
			window.removeEventListener('pagehide', onPageHide)
			outbox.dispose()
		}
		// Created once per attempt; the loader's later data never replaces the outbox.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [attemptId])

	// A finished attempt records nothing more.
	const record = useCallback(
		<T extends ClientEventType>(type: T, payload: EventData<T>): ClientEvent | null =>
			finished || !outboxRef.current ? null : outboxRef.current.push(type, payload),
		[finished],
	)

	function pushSnapshot() {
		if (!outboxRef.current || finished) return
		dirty.current = false
		lastSnapshotAt.current = Date.now()
		if (snapshotTimer.current) clearTimeout(snapshotTimer.current)
		snapshotTimer.current = null
		outboxRef.current.push('snapshot', { files: filesRef.current })
	}

	// When stage 2 opens, its brief is the first thing to read.
	const shownStage = useRef(architecture?.stage)
	useEffect(() => {
		if (!architecture || shownStage.current === architecture.stage) return
		shownStage.current = architecture.stage
		setLeftTab('brief')
	}, [architecture])

	// The decision record is saved as a draft a moment after typing pauses.
	function saveDecision() {
		if (decisionTimer.current) clearTimeout(decisionTimer.current)
		decisionTimer.current = null
		if (!architecture || finished) return
		outboxRef.current?.push('decision.saved', { stage: architecture.stage, record: decisionRef.current })
	}
	const changeDecision = (next: DecisionRecord) => {
		decisionRef.current = next
		setDecision(next)
		if (decisionTimer.current) clearTimeout(decisionTimer.current)
		decisionTimer.current = setTimeout(saveDecision, SNAPSHOT_IDLE_MS)
	}

	const onChange = useCallback((path: string, text: string) => {
		if (finished) return
		filesRef.current = { ...filesRef.current, [path]: text }
		setFiles(filesRef.current)
		dirty.current = true
		if (snapshotTimer.current) clearTimeout(snapshotTimer.current)
		const overdue = Date.now() - lastSnapshotAt.current >= SNAPSHOT_EVERY_MS
		snapshotTimer.current = setTimeout(pushSnapshot, overdue && lastSnapshotAt.current ? 0 : SNAPSHOT_IDLE_MS)
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [finished])

	// Time away from the window, recorded as it happens.
	useEffect(() => {
		if (finished) return
		let lostAt: number | null = null
		const onBlur = () => {
			if (lostAt !== null) return
			lostAt = Date.now()
			outboxRef.current?.push('focus.lost', {})
			setIntegrity((current) => ({ ...current, focusLosses: current.focusLosses + 1 }))
		}
		const onFocus = () => {
			if (lostAt === null) return
			const awayMs = Date.now() - lostAt
			lostAt = null
			outboxRef.current?.push('focus.regained', { awayMs })
			setIntegrity((current) => ({ ...current, awayMs: current.awayMs + awayMs }))
		}
		window.addEventListener('blur', onBlur)
		window.addEventListener('focus', onFocus)
		return () => {
			window.removeEventListener('blur', onBlur)
			window.removeEventListener('focus', onFocus)
		}
	}, [finished])

	const onSignal = useCallback(
		(signal: EditorSignal) => {
			if (finished) return
			if (signal.type === 'paste') {
				record('paste', { chars: signal.chars, outside: signal.outside, blocked: signal.blocked, file: activePathRef.current })
				if (signal.outside) {
					setIntegrity((current) => ({
						...current,
						outsidePastes: current.outsidePastes + 1,
						outsidePasteChars: current.outsidePasteChars + signal.chars,
						blockedPastes: current.blockedPastes + (signal.blocked ? 1 : 0),
					}))
				}
				if (signal.blocked) setNotice('Pasting from outside the editor is turned off for this assignment, so nothing was inserted. Type it yourself, or copy from within the editor.')
			} else {
				record('insertion', { chars: signal.chars, file: activePathRef.current })
				setIntegrity((current) => ({ ...current, largeInsertions: current.largeInsertions + 1 }))
			}
		},
		[finished, record],
	)
	const activePathRef = useRef(activePath)
	activePathRef.current = activePath

	const openFile = useCallback((path: string) => {
		setActivePath(path)
		setOpenTabs((tabs) => (tabs.includes(path) ? tabs : [...tabs, path]))
	}, [])

	const run = useCallback(async () => {
		if (runningRef.current || finished) return
		runningRef.current = true
		setRunning(true)
		setRunError(null)
		try {
			const bytes = new TextEncoder().encode(JSON.stringify(filesRef.current)).length
			if (bytes > DEFAULT_LIMITS.sourceBytes) {
				setRunError(`Your code is ${Math.ceil(bytes / 1024)} KB; the sandbox accepts at most ${DEFAULT_LIMITS.sourceBytes / 1024} KB. Remove what you added (a pasted data set, a long comment) and run again.`)
				return
			}
			if (plan.prediction?.kind === 'text' && !plan.prediction.text.trim()) {
				setRunError('Write your prediction, or choose “no prediction”, before running.')
				setRightTab('journal')
				return
			}
			// The hypothesis this run tests must be on the server before the run names it.
			if (plan.hypothesisId) await outboxRef.current?.flush()
			const response = await fetch(`/attempts/${attemptId}/runs`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify({ files: filesRef.current, hypothesisId: plan.hypothesisId, prediction: plan.prediction, ...(architecture ? { stage: architecture.stage } : {}) }),
			})
			const body = await readJson<RecordedRun | RunRefusal>(response)
			if (!response.ok || !body || 'error' in body) {
				setRunError((body && 'error' in body ? body.error : null) ?? `The run could not be started (the server answered ${response.status}). Your code is saved; try again in a moment.`)
				return
			}
			const summary: RunSummary = {
				id: body.id,
				number: body.number,
				status: body.result.status,
				passed: body.passed,
				failed: body.failed,
				hypothesisId: body.hypothesisId,
				prediction: body.prediction,
				predictionCorrect: body.predictionCorrect,
			}
			setRuns((current) => [summary, ...current])
			setShown(shownRun(body, summary))
			setPlan((current) => ({ ...current, prediction: null }))
			dirty.current = false
		} catch {
			setRunError('The run did not reach the server (are you offline?). Your code is kept in this browser; run again when the connection is back.')
		} finally {
			runningRef.current = false
			setRunning(false)
		}
	}, [attemptId, finished, plan, architecture])

	// Ctrl/Cmd+Enter runs from anywhere but a text box (where it adds the journal entry).
	useEffect(() => {
		const onKey = (event: KeyboardEvent) => {
			if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
			const target = event.target as HTMLElement | null
			if (target?.closest('.monaco-editor')) return
			if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT')) return
			event.preventDefault()
			void run()
		}
		window.addEventListener('keydown', onKey)
		return () => window.removeEventListener('keydown', onKey)
	}, [run])

	const showRun = useCallback(
		async (runId: string) => {
			const response = await fetch(`/attempts/${attemptId}/runs?run=${encodeURIComponent(runId)}`, { headers: { Accept: 'application/json' } })
			const body = await readJson<RunView | RunRefusal>(response)
			if (response.ok && body && !('error' in body)) setShown(shownRun(body, runs.find((run) => run.id === body.id)))
		},
		[attemptId, runs],
	)

	const addEntry = (kind: 'observation' | 'hypothesis', text: string) => {
		const event = record('journal.add', { entryId: crypto.randomUUID(), kind, text })
		if (!event || !isJournalEvent(event)) return
		const next = applyJournalEvent(journalRef.current, event, event.at).entries
		journalRef.current = next
		setJournal(next)
		if (kind === 'hypothesis') setPlan((current) => ({ ...current, hypothesisId: event.data.entryId }))
		void outboxRef.current?.flush()
	}
	const editEntry = (entryId: string, change: { status?: HypothesisStatus; text?: string }) => {
		const event = record('journal.edit', { entryId, ...change })
		if (!event || !isJournalEvent(event)) return
		const next = applyJournalEvent(journalRef.current, event, event.at).entries
		journalRef.current = next
		setJournal(next)
	}
	const markPrediction = (runId: string, correct: boolean) => {
		record('prediction.mark', { runId, correct })
		setRuns((current) => current.map((candidate) => (candidate.id === runId ? { ...candidate, predictionCorrect: correct } : candidate)))
	}

	const editorFiles = useMemo<EditorFile[]>(
		() => [
			...Object.keys(files)
				.sort()
				.map((path) => ({ path, text: files[path]!, readOnly: finished, language: languageOf(path) })),
			...Object.keys(data.files.tests)
				.sort()
				.map((path) => ({ path, text: data.files.tests[path]!, readOnly: true, language: languageOf(path) })),
		],
		[files, data.files.tests, finished],
	)
	const allPaths = useMemo(() => new Set(editorFiles.map((file) => file.path)), [editorFiles])
	const openLocation = useCallback(
		(file: string, line: number, column?: number) => {
			openFile(file)
			editorRef.current?.revealLine(file, line, column)
		},
		[openFile],
	)

	const hypothesisCount = journal.filter((entry) => entry.kind === 'hypothesis').length
	const changedFromStarter = Object.keys(files).filter((path) => files[path] !== data.files.starter[path]).length

	return (
		<div className="flex h-[calc(100dvh-3.6rem)] min-h-[560px] flex-col bg-slate-100 dark:bg-slate-950">
			<h1 className="sr-only">Workspace: {data.exercise.title}</h1>
			<div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
				<div className="min-w-0 flex-1">
					<p className="truncate font-semibold" title={data.exercise.title}>
						<Link to={`/exercises/${data.exercise.slug}`} className="hover:underline">
							{data.exercise.title}
						</Link>
					</p>
					<p className="text-xs text-slate-600 dark:text-slate-400">
						Version {data.exercise.versionNumber}
						{data.attempt.newerVersionExists ? ' (a newer version exists; this attempt stays on its own)' : ''} · {runs.length} {runs.length === 1 ? 'run' : 'runs'} · {hypothesisCount}{' '}
						{hypothesisCount === 1 ? 'hypothesis' : 'hypotheses'} · {changedFromStarter} {changedFromStarter === 1 ? 'file' : 'files'} changed
					</p>
				</div>
				<div className="flex flex-wrap gap-1.5">
					{data.attempt.status === 'solved' ? <Badge tone="success">Solved</Badge> : data.attempt.status === 'gave_up' ? <Badge tone="warning">Given up</Badge> : <Badge tone="brand">In progress</Badge>}
					{data.attempt.rules.hardMode ? <Badge>Hard mode</Badge> : null}
					{data.attempt.rules.pasteBlocked ? <Badge tone="warning">Outside pastes blocked</Badge> : null}
					{data.attempt.rules.hintsAllowed ? null : <Badge>No hints</Badge>}
				</div>
				<SaveIndicator status={saveStatus} finished={finished} />
				<Button onClick={() => void run()} disabled={running || finished} aria-keyshortcuts="Control+Enter Meta+Enter" title="Run the visible tests (Ctrl+Enter)">
					{running ? (
						<>
							<span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-white/40 border-t-white" />
							Running…
						</>
					) : (
						<>
							Run <kbd className="rounded border border-white/60 px-1 text-[10px] font-normal">Ctrl ↵</kbd>
						</>
					)}
				</Button>
			</div>
			{notice ? (
				<div role="alert" className="flex items-center justify-between gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
					<span>{notice}</span>
					<button type="button" className="text-xs font-semibold underline" onClick={() => setNotice(null)}>
						Dismiss
					</button>
				</div>
			) : null}
			<div className="grid min-h-0 flex-1 grid-cols-[minmax(220px,22%)_minmax(0,1fr)_minmax(300px,26%)]">
				{/* Left: brief and files */}
				<section aria-label="Brief and files" className="flex min-h-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
					<Tabs<'brief' | 'files'>
						label="Left panel"
						value={leftTab}
						onChange={setLeftTab}
						tabs={[
							{ id: 'brief', label: 'Brief' },
							{ id: 'files', label: 'Files' },
						]}
					/>
					{/* Focusable so the brief can be scrolled from the keyboard. */}
					<div className="min-h-0 flex-1 overflow-auto" tabIndex={0} aria-label={leftTab === 'brief' ? 'Brief' : 'Files'}>
						{leftTab === 'brief' ? (
							<>
								{architecture
									? [...architecture.stages].reverse().map((stage) => (
											<section key={stage.number} aria-label={`Stage ${stage.number}`} className="border-b border-slate-200 p-3 dark:border-slate-800">
												<h2 className="text-xs font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-100">
													Stage {stage.number}{stage.number === architecture.stage ? ' · now' : ''}
												</h2>
												<p className="mt-0.5 font-semibold">{stage.title}</p>
												<div className="prose-brief mt-2" dangerouslySetInnerHTML={{ __html: stage.briefHtml }} />
											</section>
										))
									: null}
								<div className="prose-brief p-3" dangerouslySetInnerHTML={{ __html: data.exercise.briefHtml }} />
							</>
						) : (
							<FileTree paths={editorFiles.map((file) => ({ path: file.path, readOnly: file.path.startsWith('tests/'), changed: files[file.path] !== undefined && files[file.path] !== data.files.starter[file.path] }))} active={activePath} onOpen={openFile} />
						)}
					</div>
				</section>

				{/* Middle: editor and output */}
				<section aria-label="Code and output" className="flex min-h-0 min-w-0 flex-col">
					<nav aria-label="Open files" className="flex overflow-x-auto border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
						{openTabs.map((path) => (
							<div key={path} className={cn('flex shrink-0 items-center border-r border-slate-200 text-xs dark:border-slate-800', path === activePath ? 'bg-white dark:bg-slate-950' : '')}>
								<button aria-current={path === activePath ? 'true' : undefined} type="button" className="px-3 py-1.5 font-mono" onClick={() => openFile(path)} title={path}>
									{path.split('/').at(-1)}
									{path.startsWith('tests/') ? <span className="ml-1 text-slate-500">(read-only)</span> : files[path] !== data.files.starter[path] ? <span className="ml-1 text-brand-600" aria-label="changed">●</span> : null}
								</button>
								{openTabs.length > 1 ? (
									<button
										type="button"
										className="px-1.5 py-1.5 text-slate-500 hover:text-slate-900 dark:hover:text-white"
										aria-label={`Close ${path}`}
										onClick={() => {
											const rest = openTabs.filter((tab) => tab !== path)
											setOpenTabs(rest)
											if (path === activePath) setActivePath(rest.at(-1)!)
										}}
									>
										×
									</button>
								) : null}
							</div>
						))}
					</nav>
					<div className="min-h-0 flex-[3] bg-white dark:bg-slate-950">
						{hydrated ? (
							<Suspense fallback={<CodeFallback text={filesRef.current[activePath] ?? data.files.tests[activePath] ?? ''} loading />}>
								<CodeEditor
									files={editorFiles}
									activePath={activePath}
									onActivePathChange={openFile}
									onChange={onChange}
									hardMode={data.attempt.rules.hardMode}
									pasteBlocked={data.attempt.rules.pasteBlocked}
									onSignal={onSignal}
									onRun={() => void run()}
									theme={theme}
									handleRef={editorRef}
									ariaLabel={`Code editor: ${activePath}`}
									className="h-full"
								/>
							</Suspense>
						) : (
							<CodeFallback text={files[activePath] ?? data.files.tests[activePath] ?? ''} loading />
						)}
					</div>
					<section aria-label="Run output" tabIndex={0} className="min-h-0 flex-[2] overflow-auto border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
						<OutputPanel run={shown} running={running} error={runError} onOpenLocation={openLocation} canOpen={(file) => allPaths.has(file)} />
					</section>
				</section>

				{/* Right: journal, hints, diagnosis, record */}
				<section aria-label="Diagnosis" className="flex min-h-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
					<Tabs<RightTab>
						label="Right panel"
						value={rightTab}
						onChange={setRightTab}
						tabs={[
							...(architecture ? [{ id: 'decision' as const, label: 'Decision record' }] : []),
							{ id: 'journal', label: 'Journal' },
							{ id: 'hints', label: 'Hints' },
							{ id: 'submit', label: finished ? 'Result' : architecture ? `Submit stage ${architecture.stage}` : 'Submit' },
							{ id: 'record', label: 'Recorded' },
							...(data.review ? [{ id: 'review' as const, label: 'Review' }] : []),
						]}
					/>
					<div className="min-h-0 flex-1 overflow-auto" tabIndex={0} aria-label="Diagnosis panel">
						{rightTab === 'decision' && architecture ? (
							<DecisionRecordPanel
								record={decision}
								stage={architecture.stage}
								readOnly={finished}
								errors={decisionErrors}
								guidance={architecture.guidance}
								prompts={architecture.prompts}
								title={architecture.stage === 2 ? 'Decision record — six months later, add the follow-up' : 'Decision record'}
								onChange={(next) => {
									changeDecision(next)
									if (Object.keys(decisionErrors).length) setDecisionErrors(checkDecisionRecord(next, architecture.stage))
								}}
							/>
						) : rightTab === 'submit' && architecture ? (
							<>
							<RatingNote rating={data.rating} />
							<StagePanel
								stage={architecture.stage}
								status={data.attempt.status}
								record={decision}
								submissions={architecture.submissions}
								getFiles={() => filesRef.current}
								beforeSubmit={() => {
									if (dirty.current) pushSnapshot()
									if (decisionTimer.current) saveDecision()
									void outboxRef.current?.flush()
								}}
								onErrors={(errors) => {
									setDecisionErrors(errors)
									setRightTab('decision')
								}}
							/>
							</>
						) : rightTab === 'journal' ? (
							<JournalPanel
								entries={journal}
								runs={runs}
								testNames={data.testNames}
								plan={plan}
								readOnly={finished}
								onAdd={addEntry}
								onEdit={editEntry}
								onPlan={setPlan}
								onShowRun={(runId) => void showRun(runId)}
								onMarkPrediction={markPrediction}
							/>
						) : rightTab === 'hints' ? (
							<HintsPanel hints={data.hints} readOnly={finished} />
						) : rightTab === 'submit' ? (
							<>
							<RatingNote rating={data.rating} />
							<DiagnosisPanel
								status={data.attempt.status}
								submissions={data.submissions}
								getSelection={() => editorRef.current?.getSelection() ?? null}
								getFiles={() => filesRef.current}
								beforeSubmit={() => {
									if (dirty.current) pushSnapshot()
									void outboxRef.current?.flush()
								}}
								referenceHtml={data.reference?.explanationHtml ?? null}
								referenceCategory={data.reference?.category ?? null}
							/>
							</>
						) : rightTab === 'review' && data.review ? (
							<ReviewPanel review={data.review} onOpenLocation={(file, line) => openLocation(file, line)} canOpen={(file) => file in files} />
						) : (
							<RecordPanel integrity={integrity} rules={data.attempt.rules} />
						)}
					</div>
				</section>
			</div>
		</div>
	)
}

function languageOf(path: string): EditorFile['language'] {
	return /\.(m|c)?ts$/.test(path) ? 'typescript' : 'javascript'
}

function safeLocalStorage(): Storage | null {
	try {
		return window.localStorage
	} catch {
		return null
	}
}

/** The JSON one of our routes answered with, typed as its data() declares it; null when the body is not JSON. */
async function readJson<Body>(response: Response): Promise<Body | null> {
	return response.json().catch(() => null)
}

async function sendJson(url: string, body: unknown): Promise<SendOutcome> {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) })
	// Logged out: the guard sent us to the login page. Keep everything until the learner is back.
	if (response.redirected || !(response.headers.get('Content-Type') ?? '').includes('json')) return { kind: 'retry' }
	if (response.ok) return { kind: 'ok' }
	if (response.status >= 500 || response.status === 429 || response.status === 408) return { kind: 'retry' }
	const answer = (await response.json().catch(() => null)) as { error?: string; details?: string[] } | null
	if (response.status === 409) return { kind: 'refused', message: answer?.error ?? 'This attempt is finished.' }
	return { kind: 'refused', message: `Some recent changes could not be saved: ${answer?.error ?? `the server answered ${response.status}`}${answer?.details?.length ? ` (${answer.details[0]})` : ''}` }
}

function SaveIndicator({ status, finished }: { status: OutboxStatus; finished: boolean }) {
	if (finished) return <span className="text-xs text-slate-600 dark:text-slate-400">Attempt finished · read-only</span>
	const text =
		status.state === 'error'
			? (status.message ?? 'Some changes could not be saved.')
			: status.state === 'offline'
				? `Offline — ${status.pending} ${status.pending === 1 ? 'change' : 'changes'} kept in this browser, retrying`
				: status.pending > 0 || status.state === 'saving'
					? 'Saving…'
					: 'All changes saved'
	return (
		<span role="status" aria-live="polite" className={cn('max-w-xs truncate text-xs', status.state === 'error' ? 'text-red-700 dark:text-red-400' : status.state === 'offline' ? 'text-amber-800 dark:text-amber-300' : 'text-slate-600 dark:text-slate-400')} title={text}>
			{text}
		</span>
	)
}

function Tabs<T extends string>({ label, value, onChange, tabs }: { label: string; value: T; onChange(value: T): void; tabs: Array<{ id: T; label: string }> }) {
	return (
		<div role="tablist" aria-label={label} className="flex border-b border-slate-200 dark:border-slate-800">
			{tabs.map((tab) => (
				<button
					key={tab.id}
					type="button"
					role="tab"
					aria-selected={value === tab.id}
					onClick={() => onChange(tab.id)}
					className={cn(
						'flex-1 border-b-2 px-2 py-2 text-xs font-semibold',
						value === tab.id ? 'border-brand-600 text-brand-700 dark:text-brand-100' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
					)}
				>
					{tab.label}
				</button>
			))}
		</div>
	)
}

function FileTree({ paths, active, onOpen }: { paths: Array<{ path: string; readOnly: boolean; changed: boolean }>; active: string; onOpen(path: string): void }) {
	const groups = [
		{ title: 'Code (src/)', items: paths.filter((p) => p.path.startsWith('src/')) },
		{ title: 'Visible tests (read-only)', items: paths.filter((p) => p.path.startsWith('tests/')) },
	]
	return (
		<nav aria-label="Files" className="space-y-3 p-2">
			{groups.map((group) => (
				<div key={group.title}>
					<h2 className="px-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{group.title}</h2>
					<ul className="mt-1">
						{group.items.map((item) => {
							const relative = item.path.replace(/^src\/|^tests\/visible\//, '')
							const depth = relative.split('/').length - 1
							return (
								<li key={item.path}>
									<button
										type="button"
										onClick={() => onOpen(item.path)}
										aria-current={item.path === active ? 'true' : undefined}
										className={cn('w-full truncate rounded px-1.5 py-1 text-left font-mono text-xs hover:bg-slate-100 dark:hover:bg-slate-800', item.path === active && 'bg-brand-50 font-semibold text-brand-700 dark:bg-slate-800 dark:text-brand-100')}
										style={{ paddingLeft: `${0.375 + depth * 0.75}rem` }}
										title={item.path}
									>
										{relative}
										{item.changed ? <span className="ml-1 text-brand-600">● changed</span> : null}
									</button>
								</li>
							)
						})}
					</ul>
				</div>
			))}
		</nav>
	)
}

function CodeFallback({ text, loading }: { text: string; loading?: boolean }) {
	return (
		<div className="relative h-full overflow-auto" tabIndex={0} aria-label="Code (loading the editor)">
			{loading ? <p className="absolute top-2 right-3 text-xs text-slate-500" role="status">Loading the editor…</p> : null}
			<pre className="p-3 font-mono text-[13px] leading-5 text-slate-800 dark:text-slate-200">{text}</pre>
		</div>
	)
}

function RecordPanel({ integrity, rules }: { integrity: WorkspaceData['attempt']['integrity']; rules: WorkspaceData['attempt']['rules'] }) {
	const away = formatDuration(integrity.awayMs)
	const rows = [
		{ label: 'Pastes from outside the editor', value: integrity.outsidePastes ? `${integrity.outsidePastes} (${integrity.outsidePasteChars.toLocaleString('en-GB')} characters)` : 'none' },
		{ label: 'Outside pastes refused', value: rules.pasteBlocked ? String(integrity.blockedPastes) : 'pastes are allowed here' },
		{ label: 'Large insertions that were not typed', value: String(integrity.largeInsertions) },
		{ label: 'Time away from this window', value: integrity.focusLosses ? `${integrity.focusLosses} ${integrity.focusLosses === 1 ? 'time' : 'times'}, ${away} in all` : 'none' },
	]
	return (
		<div className="space-y-3 p-3 text-sm">
			<p className="text-slate-700 dark:text-slate-300">
				What this attempt records besides your work. Your lead sees these as facts, never as a verdict; nothing here adds up to a score. Text you copy and paste within the editor is not counted.
			</p>
			<dl className="divide-y divide-slate-200 dark:divide-slate-700">
				{rows.map((row) => (
					<div key={row.label} className="flex justify-between gap-3 py-2">
						<dt className="text-slate-700 dark:text-slate-300">{row.label}</dt>
						<dd className="text-right font-medium">{row.value}</dd>
					</div>
				))}
			</dl>
			<p className="text-xs text-slate-600 dark:text-slate-400">
				The timeline also keeps every run, journal change, hint and submission, and your code every few seconds, so your lead can replay how you worked.
			</p>
		</div>
	)
}

function formatDuration(ms: number) {
	const seconds = Math.round(ms / 1000)
	if (seconds < 60) return `${seconds} s`
	const minutes = Math.floor(seconds / 60)
	return `${minutes} min ${seconds % 60} s`
}

