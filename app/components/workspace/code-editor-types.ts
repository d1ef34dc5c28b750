// Client-safe contract of the workspace code editor: no Monaco import here, so server-rendered
// modules can import these types while the editor itself loads only in the browser.

type EditorLanguage = 'typescript' | 'javascript'

/** One file of the exercise, e.g. 'src/inventory/reservations.ts' or 'tests/visible/flash-sale.test.ts'. */
export type EditorFile = { path: string; text: string; readOnly: boolean; language: EditorLanguage }

/** Whole lines, 1-based, inclusive. */
export type EditorSelection = { path: string; startLine: number; endLine: number }

/** What the editor reports for integrity signals. `outside`: the pasted text was not copied or cut from this editor during this page's life. */
export type EditorSignal =
	| { type: 'paste'; chars: number; outside: boolean; blocked: boolean }
	/** A single change inserting much more text than typing produces (>= 80 chars) that was not a paste we saw, nor undo/redo, nor a model reset. */
	| { type: 'insertion'; chars: number }

export type CodeEditorHandle = {
	/** Opens `path` (calls onActivePathChange) and moves the cursor to line/column, scrolled into view, and focuses the editor. */
	revealLine(path: string, line: number, column?: number): void
	/** The current selection in the active file as whole lines; null when nothing is selected (an empty selection still returns the cursor's line). */
	getSelection(): EditorSelection | null
	focus(): void
}

export type CodeEditorProps = {
	/** All files of the exercise; one Monaco model per file (uri file:///<path>), kept alive so each file keeps its own undo stack and TypeScript can see imports across files. */
	files: EditorFile[]
	activePath: string
	onActivePathChange(path: string): void
	/** Every edit of a writable file. */
	onChange(path: string, text: string): void
	/** true: no suggestions, hovers, parameter hints, code lens, lightbulb/quick fixes, inline or word-based or snippet suggestions. false: Monaco's own (non-AI) language features. In both modes: no inline/ghost-text completion, minimap off. */
	hardMode: boolean
	/** true: a paste of text that did NOT come from this editor is refused (nothing inserted) and reported as blocked; pastes of text copied/cut inside this editor still work. */
	pasteBlocked: boolean
	onSignal(signal: EditorSignal): void
	/** Ctrl+Enter / Cmd+Enter inside the editor. */
	onRun(): void
	theme: 'light' | 'dark'
	handleRef?: React.Ref<CodeEditorHandle>
	/** Default 'Code editor'. */
	ariaLabel?: string
	/** Wrap long lines at the editor's width instead of scrolling sideways. Default false. */
	wordWrap?: boolean
}
