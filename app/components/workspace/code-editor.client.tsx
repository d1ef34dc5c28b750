// The learner's code editor: Monaco, bundled, one model per exercise file. A `.client` module —
// load it with React.lazy inside a client-only boundary; the server build gets an empty module.
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react'
import { cn } from '../ui/cn.ts'
import type { CodeEditorHandle, CodeEditorProps, EditorFile, EditorSelection } from './code-editor-types.ts'
import { EDITOR_THEMES, monaco, setLanguageAssistance } from './monaco-setup.client.ts'

type Editor = monaco.editor.IStandaloneCodeEditor
type Model = monaco.editor.ITextModel

/** One change inserting at least this many characters is more than typing produces. */
const INSERTION_SIGNAL_CHARS = 80
const REMEMBERED_COPIES = 50
const FONT_FAMILY = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace"

// Texts copied or cut from an editor during this page's life: a paste of one of them is "inside".
const copiedFromEditor = new Set<string>()

function normalizeLineEndings(text: string) {
	return text.replace(/\r\n?/g, '\n')
}

function rememberCopy(text: string) {
	const normalized = normalizeLineEndings(text)
	if (!normalized) return
	copiedFromEditor.delete(normalized)
	copiedFromEditor.add(normalized)
	for (const oldest of copiedFromEditor) {
		if (copiedFromEditor.size <= REMEMBERED_COPIES) break
		copiedFromEditor.delete(oldest)
	}
}

function modelUri(path: string) {
	return monaco.Uri.file(path)
}

// wordBasedSuggestions is a global option: Monaco applies it to every editor on the page.
function assistanceOptions(hardMode: boolean): monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions {
	return {
		quickSuggestions: !hardMode,
		suggestOnTriggerCharacters: !hardMode,
		wordBasedSuggestions: hardMode ? 'off' : 'currentDocument',
		snippetSuggestions: hardMode ? 'none' : 'inline',
		tabCompletion: 'off',
		parameterHints: { enabled: !hardMode },
		hover: { enabled: hardMode ? 'off' : 'on' },
		codeLens: !hardMode,
		lightbulb: { enabled: hardMode ? monaco.editor.ShowLightbulbIconMode.Off : monaco.editor.ShowLightbulbIconMode.OnCode },
		inlayHints: { enabled: hardMode ? 'off' : 'on' },
	}
}

/** What the editor's Ctrl+C would put on the clipboard, for when the clipboard cannot be read back. */
function selectedText(editor: Editor): string {
	const model = editor.getModel()
	const selections = editor.getSelections()
	if (!model || !selections) return ''
	const eol = model.getEOL()
	if (selections.every((selection) => selection.isEmpty())) {
		// emptySelectionClipboard: copying with no selection copies the whole line.
		return selections.map((selection) => model.getLineContent(selection.startLineNumber) + eol).join('')
	}
	return selections
		.filter((selection) => !selection.isEmpty())
		.map((selection) => model.getValueInRange(selection))
		.join(eol)
}

type FileState = {
	model: Model
	readOnly: boolean
	/** The text the `files` prop last carried for this path. */
	propText: string
	/** Texts reported through onChange that the parent has not echoed back yet. */
	unechoed: string[]
	subscription: monaco.IDisposable
}

/** Owns the Monaco editor and its models; React effects feed it the latest props. */
class EditorController {
	readonly editor: Editor
	private readonly props: { current: CodeEditorProps }
	private readonly files = new Map<string, FileState>()
	private readonly viewStates = new Map<string, monaco.editor.ICodeEditorViewState>()
	private readonly disposables: monaco.IDisposable[] = []
	private activePath: string | null = null
	/** > 0 while we write the `files` prop into a model: no onChange, no signals. */
	private applyingProps = 0
	/** > 0 while an editor command (format, move lines, snippet…) edits: not a foreign insertion. */
	private commandDepth = 0
	/** Set from a paste or drop we saw until the edit it causes arrives. */
	private pendingPasteUntil = 0
	/** A DOM paste already admitted, which Monaco is about to route through trigger('paste'). */
	private admittedDomPaste = false
	/** Characters inserted in the current task; Monaco splits typed text into one edit per character. */
	private burstChars = 0
	private pasteBlocked = false

	constructor(host: HTMLElement, frame: HTMLElement, props: { current: CodeEditorProps }) {
		this.props = props
		const { hardMode, pasteBlocked, theme, ariaLabel = 'Code editor' } = props.current
		this.pasteBlocked = pasteBlocked
		setLanguageAssistance(!hardMode)
		this.editor = monaco.editor.create(host, {
			model: null,
			theme: EDITOR_THEMES[theme],
			ariaLabel,
			automaticLayout: true,
			fixedOverflowWidgets: true,
			fontFamily: FONT_FAMILY,
			fontSize: 13,
			// 18 px lines let 30 of them fit at 1366×800 beside the run output.
			lineHeight: 18,
			wordWrap: props.current.wordWrap ? 'on' : 'off',
			minimap: { enabled: false },
			// Monaco dims the number of the empty last line below contrast minimums (WCAG 1.4.3).
			renderFinalNewline: 'on',
			scrollBeyondLastLine: false,
			matchBrackets: 'always',
			bracketPairColorization: { enabled: true },
			// The context menu's Paste reads the clipboard directly, past the paste guard.
			contextmenu: false,
			pasteAs: { enabled: false },
			dropIntoEditor: { enabled: !pasteBlocked },
			inlineSuggest: { enabled: false },
			suggest: { preview: false },
			readOnlyMessage: { value: 'This file is read-only: the visible tests cannot be changed.' },
			...assistanceOptions(hardMode),
		})
		this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => this.props.current.onRun())
		this.watchCommands()
		this.guardCommandPaste()
		this.keepLineStartsVisible()
		this.disposables.push(
			// "Go to definition" in another file switches files the way revealLine does.
			monaco.editor.registerEditorOpener({
				openCodeEditor: (source, resource, selectionOrPosition) => {
					if (source !== this.editor) return false
					const path = [...this.files.entries()].find(([, file]) => file.model.uri.toString() === resource.toString())?.[0]
					if (!path) return false
					const position =
						selectionOrPosition && 'lineNumber' in selectionOrPosition
							? selectionOrPosition
							: { lineNumber: selectionOrPosition?.startLineNumber ?? 1, column: selectionOrPosition?.startColumn ?? 1 }
					this.revealLine(path, position.lineNumber, position.column)
					return true
				},
			}),
			this.editor.onDidPaste(() => {
				this.pendingPasteUntil = 0
			}),
		)
		this.listenToClipboard(frame)
	}

	dispose() {
		for (const disposable of this.disposables) disposable.dispose()
		this.editor.dispose()
		for (const file of this.files.values()) {
			file.subscription.dispose()
			file.model.dispose()
		}
		this.files.clear()
	}

	syncFiles(files: EditorFile[]) {
		const paths = new Set(files.map((file) => file.path))
		for (const [path, file] of this.files) {
			if (paths.has(path)) continue
			if (this.activePath === path) {
				this.editor.setModel(null)
				this.activePath = null
			}
			file.subscription.dispose()
			file.model.dispose()
			this.files.delete(path)
			this.viewStates.delete(path)
		}
		for (const file of files) {
			const state = this.files.get(file.path)
			if (!state) {
				this.addFile(file)
				continue
			}
			if (state.model.getLanguageId() !== file.language) monaco.editor.setModelLanguage(state.model, file.language)
			if (state.readOnly !== file.readOnly) {
				state.readOnly = file.readOnly
				if (this.activePath === file.path) this.applyReadOnly(file.readOnly)
			}
			this.receiveText(state, file.text)
		}
	}

	showPath(path: string) {
		if (path === this.activePath) return
		const file = this.files.get(path)
		if (!file) return
		if (this.activePath) {
			const viewState = this.editor.saveViewState()
			if (viewState) this.viewStates.set(this.activePath, viewState)
		}
		this.activePath = path
		this.applyReadOnly(file.readOnly)
		this.editor.setModel(file.model)
		const viewState = this.viewStates.get(path)
		if (viewState) this.editor.restoreViewState(viewState)
	}

	setOptions({ hardMode, pasteBlocked, ariaLabel = 'Code editor', wordWrap = false }: CodeEditorProps) {
		this.pasteBlocked = pasteBlocked
		setLanguageAssistance(!hardMode)
		this.editor.updateOptions({ ariaLabel, wordWrap: wordWrap ? 'on' : 'off', dropIntoEditor: { enabled: !pasteBlocked }, ...assistanceOptions(hardMode) })
	}

	/**
	 * Monaco scrolls sideways to follow the cursor along a long line and then only as far back as
	 * the cursor needs, which leaves the start of every following line hidden. Whenever the cursor
	 * fits within the first screen of its line, scroll back to the line start.
	 */
	private keepLineStartsVisible() {
		this.disposables.push(
			this.editor.onDidChangeCursorPosition(({ position }) => {
				if (this.editor.getScrollLeft() === 0) return
				const layout = this.editor.getLayoutInfo()
				const charWidth = this.editor.getOption(monaco.editor.EditorOption.fontInfo).typicalHalfwidthCharacterWidth
				const model = this.editor.getModel()
				if (!model) return
				// Columns to pixels by the typical character width: tabs count as their rendered width.
				const tab = ' '.repeat(model.getOptions().tabSize)
				const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1)
				const visibleColumn = before.replaceAll('\t', tab).length
				if ((visibleColumn + 2) * charWidth < layout.contentWidth - layout.verticalScrollbarWidth) this.editor.setScrollLeft(0)
			}),
		)
	}

	revealLine(path: string, line: number, column = 1) {
		if (path !== this.activePath && this.files.has(path)) {
			this.showPath(path)
			this.props.current.onActivePathChange(path)
		}
		const model = this.editor.getModel()
		if (!model) return
		const lineNumber = Math.min(Math.max(1, Math.floor(line)), model.getLineCount())
		const position = { lineNumber, column: Math.min(Math.max(1, Math.floor(column)), model.getLineMaxColumn(lineNumber)) }
		this.editor.setPosition(position)
		this.editor.revealPositionInCenterIfOutsideViewport(position)
		this.editor.focus()
	}

	getSelection(): EditorSelection | null {
		const selection = this.editor.getSelection()
		if (!selection || !this.activePath) return null
		// A selection ending at column 1 (triple-click, Shift+Down) does not include that line.
		const endsAtLineStart = !selection.isEmpty() && selection.endColumn === 1 && selection.endLineNumber > selection.startLineNumber
		return {
			path: this.activePath,
			startLine: selection.startLineNumber,
			endLine: endsAtLineStart ? selection.endLineNumber - 1 : selection.endLineNumber,
		}
	}

	private addFile(file: EditorFile) {
		const uri = modelUri(file.path)
		// A model left behind for this uri (e.g. by an earlier mount) is reused, not duplicated.
		const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(file.text, file.language, uri)
		if (model.getLanguageId() !== file.language) monaco.editor.setModelLanguage(model, file.language)
		const state: FileState = {
			model,
			readOnly: file.readOnly,
			propText: file.text,
			unechoed: [],
			subscription: model.onDidChangeContent((event) => this.onContentChange(file.path, state, event)),
		}
		this.files.set(file.path, state)
		if (model.getValue() !== file.text) this.writeModel(state, file.text)
	}

	/** Writes a `files` prop change into the model unless it is only the echo of our own onChange. */
	private receiveText(state: FileState, text: string) {
		if (text === state.propText) return
		state.propText = text
		const echoed = state.unechoed.indexOf(text)
		if (echoed >= 0) {
			// The model may already be ahead of this echo; never roll it back.
			state.unechoed.splice(0, echoed + 1)
			return
		}
		state.unechoed = []
		if (state.model.getValue() !== text) this.writeModel(state, text)
	}

	private writeModel(state: FileState, text: string) {
		this.applyingProps++
		try {
			if (state.readOnly) state.model.setValue(text)
			// An edit rather than setValue, so the learner can undo a restored draft.
			else state.model.pushEditOperations([], [{ range: state.model.getFullModelRange(), text }], () => null)
		} finally {
			this.applyingProps--
		}
	}

	private onContentChange(path: string, state: FileState, event: monaco.editor.IModelContentChangedEvent) {
		if (this.applyingProps > 0) return
		if (state.readOnly) {
			// Only a multi-file edit (rename) reaches a read-only model; put the file back.
			setTimeout(() => {
				if (!state.model.isDisposed() && state.model.getValue() !== state.propText) this.writeModel(state, state.propText)
			})
			return
		}
		const text = state.model.getValue()
		state.unechoed.push(text)
		if (state.unechoed.length > 100) state.unechoed.shift()
		this.props.current.onChange(path, text)
		this.checkInsertion(event)
	}

	private checkInsertion(event: monaco.editor.IModelContentChangedEvent) {
		if (event.isUndoing || event.isRedoing || event.isFlush) return
		if (this.pendingPasteUntil > 0) {
			const fromPaste = performance.now() <= this.pendingPasteUntil
			this.pendingPasteUntil = 0
			if (fromPaste) return
		}
		if (this.commandDepth > 0) return
		const chars = event.changes.reduce((sum, change) => sum + change.text.length, 0)
		if (chars === 0) return
		// Text that arrives in one input event (IME commit, injected insertText) reaches the model
		// as one edit per character within a single task; a person typing produces one per task.
		if (this.burstChars === 0) {
			queueMicrotask(() => {
				const inserted = this.burstChars
				this.burstChars = 0
				if (inserted >= INSERTION_SIGNAL_CHARS) this.props.current.onSignal({ type: 'insertion', chars: inserted })
			})
		}
		this.burstChars += chars
	}

	/** Reports a paste (or drop) of `text`; false when it must be refused. */
	private admitPaste(text: string): boolean {
		const file = this.activePath ? this.files.get(this.activePath) : undefined
		// Nothing can land in a read-only file, so there is nothing to report or refuse.
		if (!file || file.readOnly) return true
		const outside = !copiedFromEditor.has(normalizeLineEndings(text))
		const blocked = outside && this.pasteBlocked
		this.props.current.onSignal({ type: 'paste', chars: text.length, outside, blocked })
		if (!blocked) this.pendingPasteUntil = performance.now() + 2000
		return !blocked
	}

	private listenToClipboard(frame: HTMLElement) {
		const editorDom = this.editor.getContainerDomNode()
		const inEditor = (event: Event) => event.target instanceof Node && editorDom.contains(event.target)
		// The code itself, not the find widget's input that also lives inside the editor.
		const inCode = (event: Event) => inEditor(event) && this.editor.hasTextFocus()
		// Capture phase on an ancestor: these run before any of Monaco's own handlers.
		const onCopyCapture = (event: ClipboardEvent) => {
			if (inCode(event)) rememberCopy(selectedText(this.editor))
		}
		// Bubble phase: Monaco has written the clipboard by now, so read back exactly what it wrote.
		const onCopyBubble = (event: ClipboardEvent) => {
			const text = event.clipboardData?.getData('text/plain')
			if (text && inCode(event)) rememberCopy(text)
		}
		const onPaste = (event: ClipboardEvent) => {
			if (!inCode(event)) return
			const text = event.clipboardData?.getData('text/plain') ?? ''
			if (!text) return
			if (this.admitPaste(text)) {
				this.admittedDomPaste = true
				setTimeout(() => {
					this.admittedDomPaste = false
				})
				return
			}
			event.preventDefault()
			event.stopPropagation()
		}
		let draggingFromEditor = false
		const onDragStart = (event: DragEvent) => {
			draggingFromEditor = inEditor(event)
		}
		const onDragEnd = () => {
			draggingFromEditor = false
		}
		const onDrop = (event: DragEvent) => {
			if (draggingFromEditor || !inEditor(event) || event.target instanceof HTMLInputElement) return
			const text = event.dataTransfer?.getData('text/plain') ?? ''
			if (!text || this.admitPaste(text)) return
			event.preventDefault()
			event.stopPropagation()
		}
		const listeners = [
			['copy', onCopyCapture, true],
			['cut', onCopyCapture, true],
			['copy', onCopyBubble, false],
			['cut', onCopyBubble, false],
			['paste', onPaste, true],
			['dragstart', onDragStart, true],
			['dragend', onDragEnd, true],
			['drop', onDrop, true],
		] as const
		for (const [type, listener, capture] of listeners) frame.addEventListener(type, listener as EventListener, capture)
		this.disposables.push({
			dispose: () => {
				for (const [type, listener, capture] of listeners) frame.removeEventListener(type, listener as EventListener, capture)
			},
		})
	}

	/** Edits made through editor commands are Monaco's own work, never a foreign insertion. */
	private watchCommands() {
		const editor = this.editor as unknown as Record<'executeEdits' | 'executeCommands' | 'executeCommand', (...args: unknown[]) => unknown>
		for (const name of ['executeEdits', 'executeCommands', 'executeCommand'] as const) {
			const original = editor[name].bind(this.editor)
			editor[name] = (...args: unknown[]) => {
				this.commandDepth++
				try {
					return original(...args)
				} finally {
					this.commandDepth--
				}
			}
		}
	}

	/**
	 * The Paste command (command palette, and any caller of trigger('paste')) reads
	 * navigator.clipboard and inserts without a DOM paste event; guard that path too.
	 */
	private guardCommandPaste() {
		const trigger = this.editor.trigger.bind(this.editor)
		this.editor.trigger = (source, handlerId, payload: unknown) => {
			if (handlerId === 'paste' && this.admittedDomPaste) {
				// Monaco's own handling of the DOM paste event we already admitted and reported.
				this.admittedDomPaste = false
			} else if (handlerId === 'paste') {
				const text = payload && typeof payload === 'object' && 'text' in payload ? payload.text : undefined
				if (typeof text === 'string' && text && !this.admitPaste(text)) return
			}
			trigger(source, handlerId, payload)
		}
	}

	private applyReadOnly(readOnly: boolean) {
		this.editor.updateOptions({ readOnly, domReadOnly: readOnly })
	}
}

export default function CodeEditor(props: CodeEditorProps & { className?: string }) {
	const { files, activePath, hardMode, pasteBlocked, theme, ariaLabel, wordWrap, handleRef, className } = props
	const frameRef = useRef<HTMLDivElement>(null)
	const hostRef = useRef<HTMLDivElement>(null)
	const propsRef = useRef(props)
	const [controller, setController] = useState<EditorController | null>(null)
	const controllerRef = useRef<EditorController | null>(null)

	useLayoutEffect(() => {
		propsRef.current = props
	})

	useLayoutEffect(() => {
		if (!hostRef.current || !frameRef.current) return
		const created = new EditorController(hostRef.current, frameRef.current, propsRef)
		controllerRef.current = created
		setController(created)
		return () => {
			controllerRef.current = null
			created.dispose()
		}
	}, [])

	useLayoutEffect(() => {
		if (!controller) return
		controller.syncFiles(files)
		controller.showPath(activePath)
	}, [controller, files, activePath])

	useEffect(() => {
		controller?.setOptions(propsRef.current)
	}, [controller, hardMode, pasteBlocked, ariaLabel, wordWrap])

	useEffect(() => {
		// Monaco has one theme per page.
		monaco.editor.setTheme(EDITOR_THEMES[theme])
	}, [theme])

	useImperativeHandle(
		handleRef,
		(): CodeEditorHandle => ({
			revealLine: (path, line, column) => controllerRef.current?.revealLine(path, line, column),
			getSelection: () => controllerRef.current?.getSelection() ?? null,
			focus: () => controllerRef.current?.editor.focus(),
		}),
		[],
	)

	const activeFile = files.find((file) => file.path === activePath)
	return (
		<div ref={frameRef} className={cn('flex h-full min-h-0 w-full min-w-0 flex-1 flex-col', className)}>
			{activeFile?.readOnly ? (
				<p className="flex items-center gap-2 border-b border-amber-300 bg-amber-50 px-3 py-1 text-xs font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
					<svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-current">
						<path d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
					</svg>
					Read-only: {activeFile.path} cannot be edited.
				</p>
			) : null}
			<div ref={hostRef} className="min-h-0 flex-1" />
		</div>
	)
}
