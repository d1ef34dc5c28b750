// The workspace's middle pane: the open files as tabs, the editor (Monaco, loaded lazily in the
// browser only; the plain code until then) and the output of the shown run.
import { lazy, Suspense, useCallback, useLayoutEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react'
import { Panel, usePanelRef } from 'react-resizable-panels'
import type { ShownRun } from '#app/attempts/run-view.ts'
import { cn } from '#app/components/ui/cn.ts'
import type { CodeEditorHandle, EditorFile, EditorSignal } from './code-editor-types.ts'
import { OutputPanel } from './output-panel.tsx'
import { Chevron, PaneSeparator, PersistentGroup } from './resizable-panes.tsx'
import { readStored, useStoredOpenFiles, useWorkspacePrefs } from './use-workspace-prefs.ts'
import { parseWorkspacePrefs, prefsKey, ROW_PANELS, type OpenFiles } from './workspace-layout.ts'

// In the browser the editor's chunk starts downloading as soon as this module is evaluated (the
// route's code, before hydration), not when the pane first renders after hydrating: the editor is
// editable sooner (docs/performance.md, "Opening a debugging attempt cold").
const loadEditor = () => import('./code-editor.client.tsx')
const editorModule = typeof document === 'undefined' ? undefined : loadEditor()
// A failed download is the editor's error to show when it renders, not an unhandled rejection now.
editorModule?.catch(() => {})
const CodeEditor = lazy(() => editorModule ?? loadEditor())

/**
 * The files open as tabs and the one shown, remembered for the attempt in this browser: the
 * server renders the default, the saved tabs follow once hydrated. The ref is for handlers
 * that run between renders.
 */
export function useOpenFiles({
	defaultPath,
	userId,
	attemptId,
	paths,
}: {
	defaultPath: string
	userId: string
	attemptId: string
	/** Every file of the attempt; saved tabs of files it no longer has are dropped. */
	paths: ReadonlySet<string>
}) {
	const { saved, save } = useStoredOpenFiles(userId, attemptId, paths)
	const [changed, setChanged] = useState<OpenFiles | null>(null)
	const current = changed ?? saved ?? { open: [defaultPath], active: defaultPath }
	const currentRef = useRef(current)
	const activePathRef = useRef(current.active)
	useLayoutEffect(() => {
		currentRef.current = current
		activePathRef.current = current.active
	})
	const change = useCallback(
		(next: OpenFiles) => {
			currentRef.current = next
			activePathRef.current = next.active
			setChanged(next)
			save(next)
		},
		[save],
	)
	const openFile = useCallback(
		(path: string) => {
			const { open } = currentRef.current
			change({ open: open.includes(path) ? open : [...open, path], active: path })
		},
		[change],
	)
	const closeFile = useCallback(
		(path: string) => {
			const { open, active } = currentRef.current
			const rest = open.filter((tab) => tab !== path)
			if (rest.length === 0) return
			change({ open: rest, active: path === active ? rest.at(-1)! : active })
		},
		[change],
	)
	return { activePath: current.active, activePathRef, openTabs: current.open, openFile, closeFile }
}

export function CodePane({
	openFiles,
	editorFiles,
	files,
	starter,
	tests,
	hardMode,
	pasteBlocked,
	theme,
	editorRef,
	onChange,
	onSignal,
	onRun,
	run,
	onOpenLocation,
	userId,
}: {
	openFiles: ReturnType<typeof useOpenFiles>
	editorFiles: EditorFile[]
	files: Record<string, string>
	starter: Record<string, string>
	tests: Record<string, string>
	hardMode: boolean
	pasteBlocked: boolean
	theme: 'light' | 'dark'
	editorRef: RefObject<CodeEditorHandle | null>
	onChange(path: string, text: string): void
	onSignal(signal: EditorSignal): void
	onRun(): void
	run: { shown: ShownRun | null; running: boolean; error: string | null }
	onOpenLocation(file: string, line: number, column?: number): void
	/** Whose layout and word-wrap setting to use. */
	userId: string
}) {
	const { activePath, openTabs, openFile, closeFile } = openFiles
	const hydrated = useHydrated()
	const allPaths = new Set(editorFiles.map((file) => file.path))
	const text = files[activePath] ?? tests[activePath] ?? ''
	const { prefs, update } = useWorkspacePrefs(userId)
	const outputRef = usePanelRef()
	const [outputCollapsed, setOutputCollapsed] = useState(false)

	return (
		<section aria-label="Code and output" className="h-full min-h-0 min-w-0">
			<PersistentGroup
				id="workspace-rows"
				orientation="vertical"
				saved={prefs.rows}
				readSaved={() => parseWorkspacePrefs(readStored(prefsKey(userId))).rows}
				onSave={(rows) => update({ rows })}
			>
				<Panel id={ROW_PANELS[0]} minSize="8rem" className="flex flex-col">
					<div className="flex shrink-0 items-stretch border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
						<nav aria-label="Open files" className="flex min-w-0 flex-1 overflow-x-auto">
							{openTabs.map((path) => (
								<div
									key={path}
									className={cn(
										'flex shrink-0 items-center border-r border-slate-200 text-xs dark:border-slate-800',
										path === activePath ? 'bg-white dark:bg-slate-950' : '',
									)}
								>
									<button
										aria-current={path === activePath ? 'true' : undefined}
										type="button"
										className="px-3 py-1.5 font-mono"
										onClick={() => openFile(path)}
										title={path}
									>
										{path.split('/').at(-1)}
										{path.startsWith('tests/') ? (
											<span className="ml-1 text-slate-500 dark:text-slate-400">(read-only)</span>
										) : files[path] !== starter[path] ? (
											<span className="ml-1 text-brand-600" aria-label="changed">
												●
											</span>
										) : null}
									</button>
									{openTabs.length > 1 ? (
										<button
											type="button"
											className="px-1.5 py-1.5 text-slate-500 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
											aria-label={`Close ${path}`}
											onClick={() => closeFile(path)}
										>
											×
										</button>
									) : null}
								</div>
							))}
						</nav>
						<button
							type="button"
							aria-pressed={prefs.wordWrap}
							onClick={() => update({ wordWrap: !prefs.wordWrap })}
							title="Wrap long lines to the editor's width (remembered in this browser)"
							className={cn(
								'shrink-0 border-l border-slate-200 px-2.5 text-xs font-medium dark:border-slate-800',
								prefs.wordWrap
									? 'bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-brand-100'
									: 'text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
							)}
						>
							Word wrap
						</button>
					</div>
					<div className="min-h-0 flex-1 bg-white dark:bg-slate-950">
						{hydrated ? (
							<Suspense fallback={<CodeFallback text={text} loading />}>
								<CodeEditor
									files={editorFiles}
									activePath={activePath}
									onActivePathChange={openFile}
									onChange={onChange}
									hardMode={hardMode}
									pasteBlocked={pasteBlocked}
									onSignal={onSignal}
									onRun={onRun}
									theme={theme}
									handleRef={editorRef}
									ariaLabel={`Code editor: ${activePath}`}
									wordWrap={prefs.wordWrap}
									className="h-full"
								/>
							</Suspense>
						) : (
							<CodeFallback text={text} loading />
						)}
					</div>
				</Panel>
				<PaneSeparator label="Resize the editor and the run output" orientation="vertical" />
				<Panel
					id={ROW_PANELS[1]}
					panelRef={outputRef}
					defaultSize="6.5rem"
					minSize="5rem"
					collapsible
					collapsedSize={OUTPUT_HEADER}
					onResize={(size) => setOutputCollapsed(size.inPixels <= OUTPUT_HEADER_PX + 1)}
					className="flex flex-col"
				>
					{/* Focusable so the output can be scrolled from the keyboard; the header stays on top. */}
					<section aria-label="Run output" tabIndex={0} className="relative h-full min-h-0 overflow-auto bg-white dark:bg-slate-900">
						<div className="sticky top-0 z-10 flex h-7 items-center justify-between border-b border-slate-200 bg-white pl-3 dark:border-slate-800 dark:bg-slate-900">
							<h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Run output</h2>
							<button
								type="button"
								aria-expanded={!outputCollapsed}
								aria-label={outputCollapsed ? 'Expand the run output' : 'Collapse the run output'}
								title={outputCollapsed ? 'Expand the run output' : 'Collapse the run output'}
								onClick={() => (outputCollapsed ? outputRef.current?.expand() : outputRef.current?.collapse())}
								className="h-full px-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
							>
								<Chevron direction={outputCollapsed ? 'up' : 'down'} />
							</button>
						</div>
						<OutputPanel run={run.shown} running={run.running} error={run.error} onOpenLocation={onOpenLocation} canOpen={(file) => allPaths.has(file)} />
					</section>
				</Panel>
			</PersistentGroup>
		</section>
	)
}

/** The run output's header: all of it that shows when the output is collapsed. */
const OUTPUT_HEADER = '1.75rem'
const OUTPUT_HEADER_PX = 28

function CodeFallback({ text, loading }: { text: string; loading?: boolean }) {
	return (
		<div className="relative h-full overflow-auto" tabIndex={0} aria-label="Code (loading the editor)">
			{loading ? (
				<p className="absolute top-2 right-3 text-xs text-slate-500" role="status">
					Loading the editor…
				</p>
			) : null}
			<pre className="p-3 font-mono text-[13px] leading-[18px] text-slate-800 dark:text-slate-200">{text}</pre>
		</div>
	)
}

/** False while rendering on the server and hydrating, true once React runs in the browser. */
function useHydrated() {
	return useSyncExternalStore(
		noSubscription,
		() => true,
		() => false,
	)
}

function noSubscription() {
	return () => {}
}
