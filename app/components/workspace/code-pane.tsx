// The workspace's middle pane: the open files as tabs, the editor (Monaco, loaded lazily in the
// browser only; the plain code until then) and the output of the shown run.
import { lazy, Suspense, useCallback, useRef, useState, useSyncExternalStore, type RefObject } from 'react'
import type { ShownRun } from '#app/attempts/run-view.ts'
import { cn } from '#app/components/ui/cn.ts'
import type { CodeEditorHandle, EditorFile, EditorSignal } from './code-editor-types.ts'
import { OutputPanel } from './output-panel.tsx'

const CodeEditor = lazy(() => import('./code-editor.client.tsx'))

/** The files open as tabs and the one shown; the ref is for handlers that run between renders. */
export function useOpenFiles(initialPath: () => string) {
	const [activePath, setActivePath] = useState(initialPath)
	const [openTabs, setOpenTabs] = useState<string[]>(() => [activePath])
	const activePathRef = useRef(activePath)
	const show = useCallback((path: string) => {
		activePathRef.current = path
		setActivePath(path)
	}, [])
	const openFile = useCallback(
		(path: string) => {
			show(path)
			setOpenTabs((tabs) => (tabs.includes(path) ? tabs : [...tabs, path]))
		},
		[show],
	)
	const closeFile = (path: string) => {
		const rest = openTabs.filter((tab) => tab !== path)
		setOpenTabs(rest)
		if (path === activePath) show(rest.at(-1)!)
	}
	return { activePath, activePathRef, openTabs, openFile, closeFile }
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
}) {
	const { activePath, openTabs, openFile, closeFile } = openFiles
	const hydrated = useHydrated()
	const allPaths = new Set(editorFiles.map((file) => file.path))
	const text = files[activePath] ?? tests[activePath] ?? ''

	return (
		<section aria-label="Code and output" className="flex min-h-0 min-w-0 flex-col">
			<nav aria-label="Open files" className="flex overflow-x-auto border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
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
								<span className="ml-1 text-slate-500">(read-only)</span>
							) : files[path] !== starter[path] ? (
								<span className="ml-1 text-brand-600" aria-label="changed">
									●
								</span>
							) : null}
						</button>
						{openTabs.length > 1 ? (
							<button
								type="button"
								className="px-1.5 py-1.5 text-slate-500 hover:text-slate-900 dark:hover:text-white"
								aria-label={`Close ${path}`}
								onClick={() => closeFile(path)}
							>
								×
							</button>
						) : null}
					</div>
				))}
			</nav>
			<div className="min-h-0 flex-[3] bg-white dark:bg-slate-950">
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
							className="h-full"
						/>
					</Suspense>
				) : (
					<CodeFallback text={text} loading />
				)}
			</div>
			<section
				aria-label="Run output"
				tabIndex={0}
				className="min-h-0 flex-[2] overflow-auto border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
			>
				<OutputPanel run={run.shown} running={run.running} error={run.error} onOpenLocation={onOpenLocation} canOpen={(file) => allPaths.has(file)} />
			</section>
		</section>
	)
}

function CodeFallback({ text, loading }: { text: string; loading?: boolean }) {
	return (
		<div className="relative h-full overflow-auto" tabIndex={0} aria-label="Code (loading the editor)">
			{loading ? (
				<p className="absolute top-2 right-3 text-xs text-slate-500" role="status">
					Loading the editor…
				</p>
			) : null}
			<pre className="p-3 font-mono text-[13px] leading-5 text-slate-800 dark:text-slate-200">{text}</pre>
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
