// The learner's workspace for one attempt: brief and files on the left, the editor and the
// run output in the middle, the journal, hints, diagnosis and what is recorded on the right.
// Everything the learner does goes through the outbox, so a reload or a flaky connection
// restores it exactly.
import { useCallback, useMemo, useRef, useState } from 'react'
import { Panel, usePanelRef } from 'react-resizable-panels'
import { useRouteLoaderData } from 'react-router'
import { fileNamedInBrief, firstFailingFile, type WorkspaceView } from '#app/attempts/workspace-view.ts'
import type { loader as rootLoader } from '#app/root.tsx'
import { useNonce } from '#app/utils/nonce-provider.tsx'
import { BriefPane } from './brief-pane.tsx'
import type { CodeEditorHandle, EditorFile } from './code-editor-types.ts'
import { CodePane, useOpenFiles } from './code-pane.tsx'
import type { Outbox } from './outbox.ts'
import { CollapseButton, CollapsiblePane, COLLAPSED_SIZE, PaneSeparator, PersistentGroup, RESTORED_LAYOUT_STYLE_ID } from './resizable-panes.tsx'
import { initialSideTab, SidePane, type SideTab } from './side-pane.tsx'
import { useCodeDraft } from './use-code-draft.ts'
import { useDecisionDraft } from './use-decision-draft.ts'
import { useIntegritySignals } from './use-integrity-signals.ts'
import { useJournal } from './use-journal.ts'
import { useOutbox } from './use-outbox.ts'
import { useRun } from './use-run.ts'
import { readStored, useWorkspacePrefs } from './use-workspace-prefs.ts'
import { COLUMN_PANELS, layoutRestoreScript, parseWorkspacePrefs, prefsKey } from './workspace-layout.ts'
import { WorkspaceHeader } from './workspace-header.tsx'

export function Workspace({ data }: { data: WorkspaceView }) {
	const finished = data.attempt.status !== 'in_progress'
	const rootData = useRouteLoaderData<typeof rootLoader>('root')
	const theme = rootData?.theme === 'dark' ? 'dark' : 'light'
	// The layout is remembered per person; a page without a user (never, behind the guard) shares one.
	const userId = rootData?.user?.id ?? 'anonymous'
	const nonce = useNonce()
	const { prefs, update: updatePrefs } = useWorkspacePrefs(userId)
	const briefPanel = usePanelRef()
	const sidePanel = usePanelRef()
	const briefExpand = useRef<HTMLButtonElement>(null)
	const sideExpand = useRef<HTMLButtonElement>(null)
	const [sideTab, setSideTab] = useState<SideTab>(() => initialSideTab(data))
	const editorRef = useRef<CodeEditorHandle>(null)
	const outboxRef = useRef<Outbox | null>(null)

	const code = useCodeDraft({ initial: data.files.src, finished, outboxRef })
	const decision = useDecisionDraft({ architecture: data.architecture, finished, outboxRef })
	const { status: saveStatus, record } = useOutbox({
		attemptId: data.attempt.id,
		draftSeq: data.attempt.draftSeq,
		finished,
		outboxRef,
		// Called from the outbox's effect, after render, when the hooks declared below exist.
		onRestore(pending) {
			const snapshot = pending.filter((event) => event.type === 'snapshot').at(-1)
			if (snapshot?.type === 'snapshot' && !finished) code.restore(snapshot.data.files)
			journal.restore(pending)
			const unsentDecision = pending.filter((event) => event.type === 'decision.saved').at(-1)
			if (unsentDecision?.type === 'decision.saved' && !finished) decision.restore(unsentDecision.data.record)
		},
		onPageHide() {
			code.saveIfChanged()
			decision.saveIfPending()
		},
	})
	const run = useRun({
		view: data,
		finished,
		filesRef: code.filesRef,
		outboxRef,
		record,
		onStored: code.markStored,
		onPredictionMissing: () => setSideTab('journal'),
	})
	const journal = useJournal({
		initial: data.journal,
		outboxRef,
		record,
		onHypothesis: (entryId) => run.setPlan((current) => ({ ...current, hypothesisId: entryId })),
	})
	const paths = useMemo(() => new Set([...Object.keys(data.files.src), ...Object.keys(data.files.tests)]), [data.files.src, data.files.tests])
	const openFiles = useOpenFiles({
		defaultPath: firstFailingFile(data) ?? fileNamedInBrief(data) ?? Object.keys(data.files.src).sort()[0] ?? '',
		userId,
		attemptId: data.attempt.id,
		paths,
	})
	const signals = useIntegritySignals({ initial: data.attempt.integrity, finished, outboxRef, record, activePath: openFiles.activePathRef })

	const { files } = code
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
	const { openFile } = openFiles
	const openLocation = useCallback(
		(file: string, line: number, column?: number) => {
			openFile(file)
			editorRef.current?.revealLine(file, line, column)
		},
		[openFile],
	)

	const hypothesisCount = journal.entries.filter((entry) => entry.kind === 'hypothesis').length
	const changedFromStarter = Object.keys(files).filter((path) => files[path] !== data.files.starter[path]).length

	return (
		<div data-workspace className="flex h-full min-h-[480px] flex-1 flex-col bg-slate-100 dark:bg-slate-950">
			{/* The workspace is exactly the window below the site header; its panes scroll inside. */}
			<style>{WINDOW_FILLING_CSS}</style>
			{/* Sizes the panes as the learner left them before the first paint (see workspace-layout.ts). */}
			<script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: layoutRestoreScript(userId, RESTORED_LAYOUT_STYLE_ID) }} />
			<h1 className="sr-only">Workspace: {data.exercise.title}</h1>
			<WorkspaceHeader
				view={data}
				runCount={run.runs.length}
				hypothesisCount={hypothesisCount}
				changedFiles={changedFromStarter}
				saveStatus={saveStatus}
				finished={finished}
				running={run.running}
				onRun={() => void run.run()}
			/>
			{signals.notice ? (
				<div
					role="alert"
					className="flex items-center justify-between gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
				>
					<span>{signals.notice}</span>
					<button type="button" className="text-xs font-semibold underline" onClick={signals.dismissNotice}>
						Dismiss
					</button>
				</div>
			) : null}
			<PersistentGroup
				id="workspace-columns"
				orientation="horizontal"
				saved={prefs.columns}
				readSaved={() => parseWorkspacePrefs(readStored(prefsKey(userId))).columns}
				onSave={(columns) => updatePrefs({ columns })}
				className="min-h-0 flex-1"
			>
				<Panel id={COLUMN_PANELS[0]} panelRef={briefPanel} defaultSize="19%" minSize="12rem" collapsible collapsedSize={COLLAPSED_SIZE}>
					<CollapsiblePane name="brief and files" side="left" panelRef={briefPanel} expandRef={briefExpand}>
						<BriefPane
							briefHtml={data.exercise.briefHtml}
							architecture={data.architecture}
							files={editorFiles.map((file) => ({
								path: file.path,
								readOnly: file.path.startsWith('tests/'),
								changed: files[file.path] !== undefined && files[file.path] !== data.files.starter[file.path],
							}))}
							activePath={openFiles.activePath}
							onOpen={openFile}
							collapseButton={<CollapseButton name="brief and files" side="left" panelRef={briefPanel} expandRef={briefExpand} />}
						/>
					</CollapsiblePane>
				</Panel>
				<PaneSeparator label="Resize the brief and files" orientation="horizontal" />
				<Panel id={COLUMN_PANELS[1]} minSize="22rem">
					<CodePane
						openFiles={openFiles}
						editorFiles={editorFiles}
						files={files}
						starter={data.files.starter}
						tests={data.files.tests}
						hardMode={data.attempt.rules.hardMode}
						pasteBlocked={data.attempt.rules.pasteBlocked}
						theme={theme}
						editorRef={editorRef}
						onChange={code.onChange}
						onSignal={signals.onSignal}
						onRun={() => void run.run()}
						run={{ shown: run.shown, running: run.running, error: run.error }}
						onOpenLocation={openLocation}
						userId={userId}
					/>
				</Panel>
				<PaneSeparator label={`Resize the ${data.architecture ? 'decision and diagnosis' : 'diagnosis'} panel`} orientation="horizontal" />
				<Panel id={COLUMN_PANELS[2]} panelRef={sidePanel} defaultSize="28%" minSize="18rem" collapsible collapsedSize={COLLAPSED_SIZE}>
					<CollapsiblePane name="diagnosis panel" side="right" panelRef={sidePanel} expandRef={sideExpand}>
						<SidePane
							view={data}
							tab={sideTab}
							onTab={setSideTab}
							finished={finished}
							decision={decision}
							journal={journal}
							run={run}
							integrity={signals.integrity}
							files={code.filesRef}
							editorRef={editorRef}
							beforeSubmit={(options) => {
								code.saveIfChanged()
								if (options.decision) decision.saveIfPending()
								void outboxRef.current?.flush()
							}}
							onOpenLocation={(file, line) => openLocation(file, line)}
							collapseButton={<CollapseButton name="diagnosis panel" side="right" panelRef={sidePanel} expandRef={sideExpand} />}
						/>
					</CollapsiblePane>
				</Panel>
			</PersistentGroup>
		</div>
	)
}

// The page must not grow past the window: the body is the window's height and the workspace
// takes what the site header leaves (the header may wrap onto two lines on narrow windows).
const WINDOW_FILLING_CSS = 'body:has([data-workspace]){height:100dvh}main:has(>[data-workspace]){min-height:0}'

function languageOf(path: string): EditorFile['language'] {
	return /\.(m|c)?ts$/.test(path) ? 'typescript' : 'javascript'
}
