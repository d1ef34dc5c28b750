// Code snapshots stored as differences: each snapshot and run keeps a unified diff per
// changed file against the code before it, so the code of an attempt can be rebuilt at any
// moment by replaying the diffs from the starter. Pure.
import { applyPatch, createPatch } from 'diff'

/** Path → file text. */
export type Files = Record<string, string>
/** Path → unified diff from the file's previous text ('' when it did not exist). */
export type FileChanges = Record<string, string>

export function diffFiles(previous: Files, next: Files): FileChanges {
	const changes: FileChanges = {}
	for (const path of Object.keys(next).sort()) {
		const before = previous[path] ?? ''
		const after = next[path] as string
		if (before === after && path in previous) continue
		changes[path] = createPatch(path, before, after, '', '', { context: 0 })
	}
	return changes
}

export function hasChanges(changes: FileChanges) {
	return Object.keys(changes).length > 0
}

/** The files after `changes`; throws when a diff does not fit, which means the history is broken. */
export function applyChanges(files: Files, changes: FileChanges): Files {
	const next = { ...files }
	for (const [path, patch] of Object.entries(changes)) {
		const patched = applyPatch(files[path] ?? '', patch)
		if (patched === false) throw new Error(`The stored change to ${path} does not apply to the code before it.`)
		next[path] = patched
	}
	return next
}

/** The code after each step in turn, starting from the starter files. */
export function replayCode(starter: Files, steps: Iterable<FileChanges>): Files {
	let files = { ...starter }
	for (const changes of steps) files = applyChanges(files, changes)
	return files
}
