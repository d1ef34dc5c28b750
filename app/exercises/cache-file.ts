// A JSON file under node_modules/.cache that the check remembers things in across runs. Several
// processes may write it at once, so each replaces it whole; a missing, half-written or
// older-format file reads as nothing remembered. Server-side (file I/O).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** The file's content when it parses and `accept` takes it; undefined otherwise. */
export async function readCacheFile<T>(file: string, accept: (parsed: unknown) => parsed is T): Promise<T | undefined> {
	try {
		const parsed: unknown = JSON.parse(await readFile(file, 'utf8'))
		return accept(parsed) ? parsed : undefined
	} catch {
		return undefined
	}
}

export async function writeCacheFile(file: string, content: unknown): Promise<void> {
	const temporary = `${file}.${process.pid}.tmp`
	await mkdir(path.dirname(file), { recursive: true })
	await writeFile(temporary, JSON.stringify(content))
	await rename(temporary, file)
}
