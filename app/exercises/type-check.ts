// Type-checks a TypeScript exercise in memory with the TypeScript compiler, as a learner's
// editor would: the starter (src + tests), the solved code (solution/ laid over src/, with
// the tests) and each alternative fix. The sandbox only strips types, so without this an
// exercise could ship `let total: string = 0`, or an enum in a file that is only imported
// for its types, and nobody would notice until a learner's editor lit up red.
import { createHash } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { type ExerciseFiles, type ExerciseFolder, CODE_FILE_PATTERN, srcPathOfSolutionFile } from './exercise-folder.ts'
import { importSpecifiers, resolveImport } from './exercise-imports.ts'
import type { Report } from './validate.ts'

const SIMULATION_MODULE = 'hardmode:sim'

export type TypeProblem = { file: string; line: number; message: string }

/**
 * One code base of an exercise: the starter, or src/ with a fix laid over it. `overlay` maps
 * a src/ path to the file that replaces it ('src/a.ts' → 'solution/a.ts'); `checked`, for a
 * fixed tree, the files that differ from the starter's.
 */
type Tree = { name: string; files: ExerciseFiles; overlay: Map<string, string>; checked: Set<string> | undefined }

const ROOT = '/hardmode'
const AMBIENT_FILE = `${ROOT}/ambient.d.ts`
const SIMULATION_FILE = `${ROOT}/hardmode-sim.ts`
const APP_DIRECTORY = fileURLToPath(new URL('../', import.meta.url))
const KIT_DIRECTORY = fileURLToPath(new URL('../runner/harness/', import.meta.url))
// The test API is typed loosely: the point is the exercise's own code, and the sandbox checks
// how tests call it at run time. Callbacks get `any` parameters, so strict mode does not ask
// tests to annotate them. Globals are the few the sandbox adds to the language's own.
const AMBIENT_DECLARATIONS = `
type AnyFunction = (...args: any[]) => any
interface TestFunction {
	(name: string, fn?: AnyFunction, timeout?: number): void
	each(...table: any[]): (name: string, fn: AnyFunction, timeout?: number) => void
	for(...table: any[]): (name: string, fn: AnyFunction, timeout?: number) => void
	skip: TestFunction
	only: TestFunction
	todo: TestFunction
	concurrent: TestFunction
	sequential: TestFunction
	fails: TestFunction
	skipIf(condition: unknown): TestFunction
	runIf(condition: unknown): TestFunction
}
declare module 'vitest' {
	export const describe: TestFunction
	export const suite: TestFunction
	export const it: TestFunction
	export const test: TestFunction
	export const expect: any
	export const vi: any
	export function beforeEach(fn: AnyFunction, timeout?: number): void
	export function afterEach(fn: AnyFunction, timeout?: number): void
	export function beforeAll(fn: AnyFunction, timeout?: number): void
	export function afterAll(fn: AnyFunction, timeout?: number): void
	export type Mock<T = any> = any
	export type MockInstance<T = any> = any
}
interface Console {
	log(...data: any[]): void
	info(...data: any[]): void
	warn(...data: any[]): void
	error(...data: any[]): void
	debug(...data: any[]): void
	trace(...data: any[]): void
	table(...data: any[]): void
	dir(...data: any[]): void
	group(...data: any[]): void
	groupEnd(): void
	time(label?: string): void
	timeEnd(label?: string): void
	count(label?: string): void
	assert(condition?: boolean, ...data: any[]): void
}
declare var console: Console
declare function setTimeout(handler: AnyFunction, timeout?: number, ...args: any[]): number
declare function setInterval(handler: AnyFunction, timeout?: number, ...args: any[]): number
declare function setImmediate(handler: AnyFunction, ...args: any[]): number
declare function clearTimeout(id: number | undefined): void
declare function clearInterval(id: number | undefined): void
declare function clearImmediate(id: number | undefined): void
declare function queueMicrotask(callback: () => void): void
declare function structuredClone<T>(value: T): T
declare var performance: { now(): number; readonly timeOrigin: number }
`
// 'hardmode:sim' is typed by the kit's own source, so the types authors import from it
// (Simulation, DependencyProfile, …) are the ones the sandbox runs.
const SIMULATION_DECLARATIONS = `
import type { createSimulationKit } from '${KIT_DIRECTORY}simulation.ts'
type Kit = ReturnType<typeof createSimulationKit>['exports']
export declare const scenario: Kit['scenario']
export declare const simulate: Kit['simulate']
export declare const STANDARD_METRICS: Kit['STANDARD_METRICS']
export { SimulatedFailure } from '${KIT_DIRECTORY}simulation-world.ts'
export type * from '${KIT_DIRECTORY}simulation-world.ts'
export type { ScenarioOptions, ScenarioReport } from '${KIT_DIRECTORY}simulation.ts'
`

const COMPILER_OPTIONS: ts.CompilerOptions = {
	strict: true,
	noEmit: true,
	// What the sandbox's type stripping can run: no enum, namespace or parameter property,
	// and imports of types marked as such (a stripped `import { Row }` asks for a value).
	erasableSyntaxOnly: true,
	verbatimModuleSyntax: true,
	// Every file is a module, so the trees of one program never see each other's top-level names.
	moduleDetection: ts.ModuleDetectionKind.Force,
	target: ts.ScriptTarget.ES2023,
	module: ts.ModuleKind.ESNext,
	moduleResolution: ts.ModuleResolutionKind.Bundler,
	// The kit's own source imports with extensions; exercises may not, which the imports rule says.
	allowImportingTsExtensions: true,
	lib: ['lib.es2023.d.ts'],
	types: [],
	skipLibCheck: true,
	allowJs: true,
	checkJs: false,
}

const libDirectory = path.dirname(ts.getDefaultLibFilePath(COMPILER_OPTIONS))
// Parsing the standard library and the kit is most of the cost of a program: every program
// shares one parse (and one binding) of them.
const sharedSourceFiles = new Map<string, ts.SourceFile | undefined>()

function sharedSourceFile(fileName: string): ts.SourceFile | undefined {
	if (!sharedSourceFiles.has(fileName)) {
		const text = fileName === AMBIENT_FILE ? AMBIENT_DECLARATIONS : fileName === SIMULATION_FILE ? SIMULATION_DECLARATIONS : ts.sys.readFile(fileName)
		sharedSourceFiles.set(fileName, text === undefined ? undefined : ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2023, true))
	}
	return sharedSourceFiles.get(fileName)
}

const isSharedFile = (fileName: string) => fileName === AMBIENT_FILE || fileName === SIMULATION_FILE || fileName.startsWith(libDirectory) || fileName.startsWith(APP_DIRECTORY)

/** Whether the exercise is type-checked: TypeScript exercises are; JavaScript ones have no types to check. */
export function isTypeScriptExercise(folder: Pick<ExerciseFolder, 'metadata' | 'src'>): boolean {
	const language = (folder.metadata as Record<string, unknown> | undefined)?.language
	if (language !== undefined) return language === 'typescript'
	return Object.keys(folder.src).some((file) => /\.m?ts$/.test(file))
}

type CheckedFolder = Pick<ExerciseFolder, 'src' | 'visibleTests' | 'hiddenTests' | 'solution' | 'alternatives'>

/**
 * Type errors of the starter, the solved code and each alternative, each at the file an
 * author would edit: 'solution/a.ts' or 'alternatives/<name>/a.ts' for a file a fix
 * replaces, else the src/ or tests/ path, with `tree` saying which code base it is in.
 */
export function typeCheckExercise(folder: CheckedFolder): TreeTypeProblem[] {
	const problems = checkTrees(exerciseTrees(folder))
	// A problem of the starter that a fixed code base keeps is reported once, for the starter.
	const starterProblems = new Set(problems.filter((problem) => problem.tree === 'starter').map(problemKey))
	return problems
		.filter((problem) => problem.tree === 'starter' || !starterProblems.has(problemKey(problem)))
		.map(({ tree, file, line, message }) => ({ tree, file, line, message }))
}

/**
 * What a type check of `folder` depends on, as a hash: its code files, the compiler and its
 * options, the declarations given to the exercise and the kit's source. Equal keys, equal
 * results, so a check can be remembered across runs.
 */
export function typeCheckKey(folder: CheckedFolder): string {
	const hash = createHash('sha256')
	hash.update(JSON.stringify([ts.version, COMPILER_OPTIONS, AMBIENT_DECLARATIONS, SIMULATION_DECLARATIONS, kitSourceHash()]))
	const files: ExerciseFiles = { ...folder.src, ...folder.visibleTests, ...folder.hiddenTests, ...folder.solution }
	for (const [name, fix] of Object.entries(folder.alternatives)) for (const [file, text] of Object.entries(fix)) files[`alternatives/${name}/${file}`] = text
	for (const file of Object.keys(files).sort()) if (CODE_FILE_PATTERN.test(file)) hash.update(`\0${file}\0${files[file] as string}`)
	return hash.digest('hex')
}

let kitHash: string | undefined
// The kit's source types hardmode:sim; a change to it may change an architecture exercise's errors.
function kitSourceHash(): string {
	if (kitHash === undefined) {
		const hash = createHash('sha256')
		for (const name of ts.sys.readDirectory(KIT_DIRECTORY, ['.ts']).sort()) hash.update(`\0${name}\0${ts.sys.readFile(name) ?? ''}`)
		kitHash = hash.digest('hex')
	}
	return kitHash
}

export type TreeTypeProblem = TypeProblem & { tree: string }

const problemKey = (problem: TypeProblem) => `${problem.file}:${problem.line}:${problem.message}`

function exerciseTrees(folder: CheckedFolder): Tree[] {
	const tests = { ...folder.visibleTests, ...folder.hiddenTests }
	const starter: Tree = { name: 'starter', files: { ...folder.src, ...tests }, overlay: new Map(), checked: undefined }
	const fixes = [
		overlaidTree('solution', starter.files, folder.solution, (file) => file),
		...Object.entries(folder.alternatives).map(([name, files]) =>
			overlaidTree(`alternatives/${name}`, starter.files, files, (file) => `alternatives/${name}/${file.slice('solution/'.length)}`),
		),
	]
	return [starter, ...fixes]
}

function overlaidTree(name: string, starterFiles: ExerciseFiles, fix: ExerciseFiles, displayPath: (file: string) => string): Tree {
	const files = { ...starterFiles }
	const overlay = new Map<string, string>()
	for (const [file, text] of Object.entries(fix)) {
		const target = srcPathOfSolutionFile(file)
		files[target] = text
		overlay.set(target, displayPath(file))
	}
	const tree: Tree = { name, files, overlay, checked: undefined }
	return { ...tree, checked: filesAffectedByFix(tree) }
}

/** The files of a fixed tree that differ from the starter's: those the fix replaces and those that import them, directly or not. */
function filesAffectedByFix(tree: Tree): Set<string> {
	const affected = new Set(tree.overlay.keys())
	const imports = new Map(Object.entries(tree.files).map(([file, text]) => [file, importSpecifiers(text).map((specifier) => resolveImport(file, specifier, tree.files))]))
	for (let grew = true; grew; ) {
		grew = false
		for (const [file, targets] of imports) {
			if (!affected.has(file) && targets.some((target) => target !== undefined && affected.has(target))) {
				affected.add(file)
				grew = true
			}
		}
	}
	return affected
}

const virtualPath = (tree: string, file: string) => `${ROOT}/${tree}/${file}`

// A fixed tree holds only the files that differ from its starter's; its imports of the
// others resolve to the starter's copies, so those are checked once.
function checkTrees(trees: Tree[]): TreeTypeProblem[] {
	type Entry = { tree: Tree; file: string; text: string }
	const virtual = new Map<string, Entry>()
	for (const tree of trees) {
		for (const [file, text] of Object.entries(tree.files)) {
			if (CODE_FILE_PATTERN.test(file) && (tree.checked === undefined || tree.checked.has(file))) virtual.set(virtualPath(tree.name, file), { tree, file, text })
		}
	}

	const resolveFrom = (containingFile: string, specifier: string): string | undefined => {
		if (specifier === SIMULATION_MODULE) return SIMULATION_FILE
		const entry = virtual.get(containingFile)
		if (!entry) {
			// The kit's source, and what it imports.
			const resolved = path.resolve(path.dirname(containingFile), specifier)
			return resolved.startsWith(APP_DIRECTORY) && ts.sys.fileExists(resolved) ? resolved : undefined
		}
		const target = resolveImport(entry.file, specifier, entry.tree.files)
		if (target === undefined) return undefined
		const own = virtualPath(entry.tree.name, target)
		return virtual.has(own) ? own : virtualPath('starter', target)
	}
	const host: ts.CompilerHost = {
		getSourceFile(fileName, languageVersion) {
			if (isSharedFile(fileName)) return sharedSourceFile(fileName)
			const entry = virtual.get(fileName)
			return entry ? ts.createSourceFile(fileName, entry.text, languageVersion, true) : undefined
		},
		resolveModuleNameLiterals: (literals, containingFile) =>
			literals.map((literal) => {
				const resolvedFileName = resolveFrom(containingFile, literal.text)
				return { resolvedModule: resolvedFileName ? { resolvedFileName, extension: extensionOf(resolvedFileName), isExternalLibraryImport: false } : undefined }
			}),
		getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
		getDefaultLibLocation: () => libDirectory,
		writeFile: () => {},
		getCurrentDirectory: () => ROOT,
		getCanonicalFileName: (fileName) => fileName,
		useCaseSensitiveFileNames: () => true,
		getNewLine: () => '\n',
		fileExists: (fileName) => virtual.has(fileName) || (isSharedFile(fileName) && sharedSourceFile(fileName) !== undefined),
		readFile: (fileName) => virtual.get(fileName)?.text ?? (isSharedFile(fileName) ? sharedSourceFile(fileName)?.text : undefined),
	}
	const program = ts.createProgram({ rootNames: [AMBIENT_FILE, ...virtual.keys()], options: COMPILER_OPTIONS, host })
	const problems: TreeTypeProblem[] = []
	const seen = new Set<string>()
	for (const [fileName, entry] of virtual) {
		const sourceFile = program.getSourceFile(fileName)
		if (!sourceFile) continue
		for (const diagnostic of [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]) {
			const problem = describeDiagnostic(diagnostic, entry)
			const key = `${problem.tree}:${problemKey(problem)}`
			if (seen.has(key)) continue
			seen.add(key)
			problems.push(problem)
		}
	}
	return problems
}

function extensionOf(fileName: string): ts.Extension {
	if (fileName.endsWith('.d.ts')) return ts.Extension.Dts
	if (fileName.endsWith('.mts')) return ts.Extension.Mts
	if (fileName.endsWith('.ts')) return ts.Extension.Ts
	if (fileName.endsWith('.mjs')) return ts.Extension.Mjs
	return ts.Extension.Js
}

function describeDiagnostic(diagnostic: ts.Diagnostic, entry: { tree: Tree; file: string }): TreeTypeProblem {
	const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 1
	const message = ts
		.flattenDiagnosticMessageText(diagnostic.messageText, ' ')
		.replaceAll(`${ROOT}/${entry.tree.name}/`, '')
		.replaceAll(`${ROOT}/starter/`, '')
		.replaceAll(KIT_DIRECTORY, 'hardmode:sim/')
	return { tree: entry.tree.name, file: entry.tree.overlay.get(entry.file) ?? entry.file, line, message: `${message} (TS${diagnostic.code})` }
}

/** "src/a.ts:3: …" or, in a fixed code base, "tests/visible/a.test.ts:5 (with solution/ laid over src/): …". */
export function describeTypeProblem(problem: TreeTypeProblem): string {
	const where = problem.tree !== 'starter' && !problem.file.startsWith(`${problem.tree}/`) ? ` (with ${problem.tree}/ laid over src/)` : ''
	return `${problem.file}:${problem.line}${where}: ${problem.message}`
}

// Past this many, more lines of the same mistake help nobody.
const MAX_TYPE_PROBLEMS = 20

export type TypeCheck = (folder: ExerciseFolder) => TreeTypeProblem[]

/** The `types` rule: a TypeScript exercise type-checks, its starter, solved code and alternatives alike. */
export function checkTypes(folder: ExerciseFolder, report: Report, typeCheck: TypeCheck = typeCheckExercise) {
	if (!isTypeScriptExercise(folder)) return
	const problems = typeCheck(folder)
	for (const problem of problems.slice(0, MAX_TYPE_PROBLEMS)) report('types', describeTypeProblem(problem), problem.file)
	if (problems.length > MAX_TYPE_PROBLEMS) {
		report('types', `and ${problems.length - MAX_TYPE_PROBLEMS} more type errors; the exercise must type-check under strict TypeScript`)
	}
}
