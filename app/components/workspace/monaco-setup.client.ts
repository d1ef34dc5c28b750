// Monaco, bundled and configured once per page. A `.client` module: React Router replaces it
// with an empty module in the server build, and Monaco's CSS imports would crash Node anyway.
//
// Two steps, so the editor is editable before the heavy part arrives (docs/performance.md,
// docs/decisions/025-editor-editable-before-language-services.md): the editor and its tokenizers
// (monaco-core.client.ts) load with this module; the TypeScript language service
// (monaco-typescript.client.ts, a 7 MB worker) once the first editor has painted and the page
// is idle.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker'
import { languages, monaco } from './monaco-core.client.ts'

self.MonacoEnvironment = {
	getWorker(_workerId, label) {
		return label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker()
	},
}

let languageServices: Promise<unknown> | undefined

/** Loads the TypeScript language service (worker, syntax diagnostics, go to definition…), once per page. */
export function startLanguageServices() {
	languageServices ??= import('./monaco-typescript.client.ts').catch((error: unknown) => {
		// The editor works without it; a later editor on this page tries again.
		languageServices = undefined
		console.error('The TypeScript language service could not be loaded.', error)
	})
	return languageServices
}

monaco.editor.onDidCreateEditor(() => {
	// After the frame that paints the editor, when the page has nothing more urgent to do.
	requestAnimationFrame(() =>
		setTimeout(() => {
			if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void startLanguageServices(), { timeout: 1000 })
			else setTimeout(() => void startLanguageServices(), 100)
		}),
	)
})

let assistanceEnabled = true

/**
 * Turns completions, hovers, signature help, quick fixes, inlay hints and code lenses from
 * language providers on or off. Editor options alone cannot do it: Ctrl+Space still asks the
 * TypeScript provider, and Monaco reads the TypeScript mode configuration only once. Global to
 * the page (providers are shared), which is fine while the workspace shows one editor.
 */
export function setLanguageAssistance(enabled: boolean) {
	assistanceEnabled = enabled
}

/** A provider whose `methods` answer nothing while assistance is off; everything else passes through. */
function gated<P extends object>(provider: P, methods: readonly string[]): P {
	return new Proxy(provider, {
		get(target, property) {
			const value: unknown = Reflect.get(target, property, target)
			if (typeof value !== 'function') return value
			if (typeof property === 'string' && methods.includes(property)) {
				return (...args: unknown[]) => (assistanceEnabled ? value.apply(target, args) : undefined)
			}
			return value.bind(target)
		},
	})
}

// The TypeScript mode registers its providers through this same object when it starts; wrapping
// the registrars here gates them before that happens.
const {
	registerCompletionItemProvider,
	registerHoverProvider,
	registerSignatureHelpProvider,
	registerCodeActionProvider,
	registerInlayHintsProvider,
	registerCodeLensProvider,
} = languages
languages.registerCompletionItemProvider = (selector, provider) => registerCompletionItemProvider(selector, gated(provider, ['provideCompletionItems']))
languages.registerHoverProvider = (selector, provider) => registerHoverProvider(selector, gated(provider, ['provideHover']))
languages.registerSignatureHelpProvider = (selector, provider) => registerSignatureHelpProvider(selector, gated(provider, ['provideSignatureHelp']))
languages.registerCodeActionProvider = (selector, provider, metadata) => registerCodeActionProvider(selector, gated(provider, ['provideCodeActions']), metadata)
languages.registerInlayHintsProvider = (selector, provider) => registerInlayHintsProvider(selector, gated(provider, ['provideInlayHints']))
languages.registerCodeLensProvider = (selector, provider) => registerCodeLensProvider(selector, gated(provider, ['provideCodeLenses']))
// Ghost-text completion has no place in Hardmode, in either mode: nothing may register it.
languages.registerInlineCompletionsProvider = () => ({ dispose() {} })

/**
 * The editor's themes: Monaco's own, except that vs-dark's comment green (#608b4e on #1e1e1e,
 * 4.2:1) is lightened to meet WCAG AA's 4.5:1 for text.
 */
export const EDITOR_THEMES = { light: 'vs', dark: 'hardmode-dark' } as const
monaco.editor.defineTheme(EDITOR_THEMES.dark, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '7ca668' }], colors: {} })

export { monaco }
