// Monaco, bundled and configured once per page. A `.client` module: React Router replaces it
// with an empty module in the server build, and Monaco's CSS imports would crash Node anyway.
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker'

self.MonacoEnvironment = {
	getWorker(_workerId, label) {
		return label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker()
	},
}

// @monaco-editor/react fetches an older Monaco from a public CDN unless it is handed this one.
loader.config({ monaco })

// TypeScript's own enum values; Monaco's typings only list the old members.
const SCRIPT_TARGET_ES2022 = 9 as monaco.typescript.ScriptTarget
const MODULE_RESOLUTION_BUNDLER = 100 as monaco.typescript.ModuleResolutionKind

const compilerOptions: monaco.typescript.CompilerOptions = {
	target: SCRIPT_TARGET_ES2022,
	module: monaco.typescript.ModuleKind.ESNext,
	moduleResolution: MODULE_RESOLUTION_BUNDLER,
	// Exercise files import each other as './reservations.ts'.
	allowImportingTsExtensions: true,
	noEmit: true,
	allowJs: true,
	allowNonTsExtensions: true,
	esModuleInterop: true,
	isolatedModules: true,
	strict: true,
}

for (const defaults of [monaco.typescript.typescriptDefaults, monaco.typescript.javascriptDefaults]) {
	defaults.setCompilerOptions(compilerOptions)
	// Syntax errors only: exercise code imports 'vitest', which Monaco cannot resolve, so
	// semantic squiggles would be noise the learner has to learn to ignore.
	defaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false, noSuggestionDiagnostics: true })
	// Every file's model goes to the worker, so imports across files resolve.
	defaults.setEagerModelSync(true)
}

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

// The TypeScript mode registers its providers lazily, through this same object, when the first
// TypeScript model appears; wrapping the registrars here gates them before that happens.
const languages = monaco.languages as { -readonly [K in keyof typeof monaco.languages]: (typeof monaco.languages)[K] }
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

export { monaco }
