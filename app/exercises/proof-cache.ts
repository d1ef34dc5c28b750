// Exercises proven before, remembered in a file under node_modules/.cache. A folder that
// passed every rule of the check, with the same content and the same checker (the validator's
// and the sandbox's code, TypeScript, Node), would pass again: a server starting on a fresh
// database, or a second server beside it, need not play its runs once more. exercises:check
// writes what it proved; a server reads it and adds what it proves itself. Server-side.
import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readCacheFile, writeCacheFile } from './cache-file.ts'
import type { ExerciseFolder } from './exercise-folder.ts'

const CACHE_FORMAT = 1
const APP = fileURLToPath(new URL('..', import.meta.url))
/** Every source the verdict of a check depends on, besides the exercise itself (the lockfile pins the assertion library's version). */
const CHECKER_SOURCES = [path.join(APP, 'exercises'), path.join(APP, 'runner'), path.join(APP, 'utils', 'random.ts'), path.join(APP, '..', 'package-lock.json')]

type CacheFile = { format: number; checker: string; proven: Record<string, string> }

export type ProofCache = {
	/** Whether this very folder passed every rule of the check with this very checker. */
	isProven(folder: Pick<ExerciseFolder, 'folderName' | 'contentHash'>): boolean
	remember(folder: Pick<ExerciseFolder, 'folderName' | 'contentHash'>): void
	save(): Promise<void>
}

export async function openProofCache(file: string): Promise<ProofCache> {
	const checker = await checkerVersion()
	const stored = await readCacheFile(file, isCacheFile)
	const proven = new Map(stored?.checker === checker ? Object.entries(stored.proven) : [])
	let changed = false
	return {
		isProven: (folder) => proven.get(folder.folderName) === folder.contentHash,
		remember(folder) {
			if (proven.get(folder.folderName) === folder.contentHash) return
			proven.set(folder.folderName, folder.contentHash)
			changed = true
		},
		async save() {
			if (!changed) return
			await writeCacheFile(file, { format: CACHE_FORMAT, checker, proven: Object.fromEntries(proven) } satisfies CacheFile)
			changed = false
		},
	}
}

/** A hash of the checker's own code (tests and fixtures aside), TypeScript's version and Node's. */
export async function checkerVersion(sources: string[] = CHECKER_SOURCES): Promise<string> {
	const hash = createHash('sha256').update(process.version).update('\0')
	const typescript = await readFile(fileURLToPath(import.meta.resolve('typescript/package.json')), 'utf8').catch(() => '')
	hash.update(typescript).update('\0')
	// The typescript package.json is read for its version; the lockfile covers the rest.
	for (const file of (await Promise.all(sources.map(codeFiles))).flat().sort()) {
		hash.update(file).update('\0').update(await readFile(file)).update('\0')
	}
	return hash.digest('hex')
}

async function codeFiles(source: string): Promise<string[]> {
	const kind = await stat(source).catch(() => undefined)
	if (!kind) return []
	if (!kind.isDirectory()) return [source]
	const entries = await readdir(source, { withFileTypes: true, recursive: true })
	return entries
		.filter((entry) => entry.isFile() && /\.(?:ts|js|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.filter((file) => !file.split(path.sep).includes('fixtures'))
}

function isCacheFile(parsed: unknown): parsed is CacheFile {
	const candidate = parsed as Partial<CacheFile> | null
	return candidate?.format === CACHE_FORMAT && typeof candidate.checker === 'string' && typeof candidate.proven === 'object' && candidate.proven !== null
}
