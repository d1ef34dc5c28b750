// The TypeScript language service of the workspace's editor: syntax diagnostics, go to
// definition, and (outside hard mode) completions and hovers, answered by a 7 MB worker.
// Loaded by startLanguageServices() in monaco-setup.client.ts once the editor is editable.
import * as typescript from 'monaco-editor/languages/features/typescript/register'

// TypeScript's own enum values; Monaco's typings only list the old members.
const SCRIPT_TARGET_ES2022 = 9 as typescript.ScriptTarget
const MODULE_RESOLUTION_BUNDLER = 100 as typescript.ModuleResolutionKind

const compilerOptions: typescript.CompilerOptions = {
	target: SCRIPT_TARGET_ES2022,
	module: typescript.ModuleKind.ESNext,
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

for (const defaults of [typescript.typescriptDefaults, typescript.javascriptDefaults]) {
	defaults.setCompilerOptions(compilerOptions)
	// Syntax errors only: exercise code imports 'vitest', which Monaco cannot resolve, so
	// semantic squiggles would be noise the learner has to learn to ignore.
	defaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false, noSuggestionDiagnostics: true })
	// Every file's model goes to the worker, so imports across files resolve.
	defaults.setEagerModelSync(true)
}
