// Type checks remembered across runs of exercises:check, in a file under node_modules/.cache:
// most of the catalogue is unchanged from one run to the next, and checking a TypeScript
// exercise costs a few hundred ms of CPU that the sandbox runs need more. Keyed by
// typeCheckKey, which covers everything a result depends on. Server-side (file I/O).
import { readCacheFile, writeCacheFile } from './cache-file.ts'
import { type TreeTypeProblem, type TypeCheck, typeCheckExercise, typeCheckKey } from './type-check.ts'

const CACHE_FORMAT = 1
/** Enough for the catalogue several times over; the oldest go first. */
const MAX_ENTRIES = 2_000

type CacheFile = { format: number; entries: Record<string, TreeTypeProblem[]> }

export async function openTypeCheckCache(file: string): Promise<{ typeCheck: TypeCheck; save(): Promise<void> }> {
	const entries = new Map<string, TreeTypeProblem[]>(Object.entries(await readEntries(file)))
	let changed = false
	return {
		typeCheck(folder) {
			const key = typeCheckKey(folder)
			const known = entries.get(key)
			if (known) {
				// Used again: move it to the end, away from the pruning.
				entries.delete(key)
				entries.set(key, known)
				return known
			}
			const problems = typeCheckExercise(folder)
			entries.set(key, problems)
			changed = true
			return problems
		},
		async save() {
			if (!changed) return
			const kept = [...entries].slice(-MAX_ENTRIES)
			await writeCacheFile(file, { format: CACHE_FORMAT, entries: Object.fromEntries(kept) } satisfies CacheFile)
			changed = false
		},
	}
}

async function readEntries(file: string): Promise<CacheFile['entries']> {
	return (await readCacheFile(file, isCacheFile))?.entries ?? {}
}

function isCacheFile(parsed: unknown): parsed is CacheFile {
	const candidate = parsed as Partial<CacheFile> | null
	return candidate?.format === CACHE_FORMAT && typeof candidate.entries === 'object' && candidate.entries !== null
}
