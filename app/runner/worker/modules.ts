// The exercise's files as ES modules inside an isolate: TypeScript types stripped (lines and
// columns stay the learner's own), V8's code cache kept across runs, imports resolved only
// to the exercise's own files. Erasable TypeScript: the worker runs under plain Node.
import { stripTypeScriptTypes } from 'node:module'
import path from 'node:path'
import { transformSync } from 'esbuild'
import type ivm from 'isolated-vm'
import type { SourceLocation } from '../protocol.ts'
import { CODE_FILE_PATTERN, isTestCode } from '../test-files.ts'

export const TEST_API_SPECIFIERS = new Set(['vitest', '@jest/globals', 'vitest/globals', '@vitest/expect'])
/** The simulation kit of architecture exercises (app/runner/harness/simulation.ts). */
export const SIMULATION_SPECIFIER = 'hardmode:sim'
const EXTENSIONS = ['', '.ts', '.js', '.mts', '.mjs', '/index.ts', '/index.js']

/** An error in the learner's files that points at a place in them. */
export class LocatedError extends Error {
	readonly location: SourceLocation
	constructor(message: string, location: SourceLocation) {
		super(message)
		this.location = location
	}
}

export function locationFromMessage(message: string): SourceLocation | undefined {
	const match = /\[([^\]\s]+):(\d+):(\d+)\]\s*$/.exec(message)
	return match ? { file: match[1]!, line: Number(match[2]), column: Number(match[3]) } : undefined
}

function toJavaScript(file: string, source: string) {
	if (!/\.m?ts$/.test(file)) return source
	try {
		// 'strip' replaces types with spaces, so every line and column stays where it was.
		return stripTypeScriptTypes(source, { mode: 'strip' })
	} catch (error) {
		throw describeStripError(file, source, error)
	}
}

const UNSUPPORTED: Array<[RegExp, string]> = [
	[/\benum\s+\w+/, 'an enum: use a union of string literals or a plain object instead'],
	[/\bnamespace\s+\w+/, 'a namespace: use a module (a separate file) instead'],
	[/constructor\s*\([^)]*\b(private|public|protected|readonly)\s/, 'a parameter property: declare the field and assign it in the constructor instead'],
	[/^\s*@\w+/, 'a decorator'],
]

// The type stripper says what is wrong but not where; esbuild's parser finds the place.
function describeStripError(file: string, source: string, error: unknown) {
	const lines = source.split('\n')
	if ((error as { code?: string })?.code === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX') {
		for (const [pattern, what] of UNSUPPORTED) {
			const index = lines.findIndex((line) => pattern.test(line))
			if (index >= 0) {
				const column = lines[index]!.search(pattern) + 1
				return new LocatedError(
					`${file}:${index + 1}:${column}: this file uses ${what}. Types are stripped, not compiled, so only type annotations can be used.`,
					{ file, line: index + 1, column },
				)
			}
		}
	}
	try {
		transformSync(source, { loader: 'ts', sourcefile: file, logLevel: 'silent' })
	} catch (parseError) {
		const found = (parseError as { errors?: Array<{ text: string; location?: { line: number; column: number } }> }).errors?.[0]
		if (found?.location) {
			const location = { file, line: found.location.line, column: found.location.column + 1 }
			return new LocatedError(`${file}:${location.line}:${location.column}: ${found.text}`, location)
		}
	}
	return new LocatedError(`${file}: ${String((error as Error)?.message ?? error).split('\n')[0]}`, { file, line: 1, column: 1 })
}

// Learners press Run again and again on nearly the same files: keep each file's stripped
// JavaScript and V8's code cache for it (made by V8 from that same text, never supplied by
// a learner), keyed by name and content, most recently used last.
type CompiledEntry = { js: string; cachedData: ivm.ExternalCopy<ArrayBuffer> | undefined }
const compileCache = new Map<string, CompiledEntry>()
const COMPILE_CACHE_ENTRIES = 400

export async function compileCached(isolate: ivm.Isolate, file: string, source: string): Promise<ivm.Module> {
	const key = `${file}\0${source}`
	const hit = compileCache.get(key)
	if (hit) {
		compileCache.delete(key)
		compileCache.set(key, hit)
		return isolate.compileModule(hit.js, { filename: file, ...(hit.cachedData ? { cachedData: hit.cachedData } : {}) })
	}
	const js = toJavaScript(file, source)
	const compiled = (await isolate.compileModule(js, { filename: file, produceCachedData: true })) as ivm.Module & { cachedData?: ivm.ExternalCopy<ArrayBuffer> }
	compileCache.set(key, { js, cachedData: compiled.cachedData })
	if (compileCache.size > COMPILE_CACHE_ENTRIES) {
		const [oldestKey, oldest] = compileCache.entries().next().value!
		oldest.cachedData?.release()
		compileCache.delete(oldestKey)
	}
	return compiled
}

export function refuseForCodeUnderTest(referrer: string, specifier: string, target?: string) {
	return new Error(
		`${referrer} imports "${specifier}"${target && target !== specifier ? ` (${target})` : ''}: code under test cannot import the tests or the test API; only test files can.`,
	)
}

/** The exercise file an import names, or an error that says what was looked for. */
export function resolveSpecifier(files: Record<string, string>, specifier: string, referrer: string): string {
	if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
		throw new Error(
			`${referrer} imports "${specifier}", which is not available in the sandbox: only the exercise's own files (like './cart') and 'vitest' can be imported.`,
		)
	}
	const base = path.posix.normalize(path.posix.join(path.posix.dirname(referrer), specifier))
	const stem = base.replace(/\.(js|mjs)$/, '')
	for (const candidate of [...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => stem + ext)]) {
		if (Object.hasOwn(files, candidate) && CODE_FILE_PATTERN.test(candidate)) {
			if (isTestCode(candidate) && !isTestCode(referrer)) throw refuseForCodeUnderTest(referrer, specifier, candidate)
			return candidate
		}
	}
	throw new Error(`${referrer} imports "${specifier}", but there is no such file (looked for ${base}.ts, ${base}.js and ${base}/index.ts).`)
}
