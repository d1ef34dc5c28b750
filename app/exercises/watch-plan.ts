// What `npm run exercises:check -- --watch` re-checks after a save: the exercise the changed
// file belongs to (its check compares it with its family and the catalogue's slugs and uuids),
// once the saves have settled, and never two checks at once. Pure but for the timers it is
// given, so the debounce is tested with fake ones.
import path from 'node:path'

/** Files an editor or a tool writes beside the real ones: swap files, backups, vim's write probe. */
const SCRATCH_FILE = /(?:^\.|~$|\.sw[a-p]$|^4913$|^#.*#$)/

/**
 * The exercise folder a changed file belongs to, or undefined when the change concerns none:
 * `watched` are the folders being watched, `changed` the absolute path of what changed. When
 * a watched folder is the catalogue (`catalogueRoot`), the exercise is its first sub-folder.
 * Dotfiles and dot-folders are no part of an exercise (.scratch/, .git), nor are an editor's
 * temporary files.
 */
export function exerciseOfChange(changed: string, { watched, catalogueRoot }: { watched: string[]; catalogueRoot?: string }): string | undefined {
	for (const root of watched) {
		const relative = path.relative(root, changed)
		if (relative.startsWith('..') || path.isAbsolute(relative)) continue
		const parts = relative.split(path.sep).filter((part) => part !== '')
		if (parts.some((part) => SCRATCH_FILE.test(part))) return undefined
		if (root !== catalogueRoot) return root
		const [exercise] = parts
		return exercise === undefined ? undefined : path.join(root, exercise)
	}
	return undefined
}

export type Timers = { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void }

/**
 * Collects the exercises that changed and hands them to `check` once no save has come for
 * `quietMs`. Saves during a check wait for it to end, then make one more check of what they
 * touched.
 */
export function createChangeBatcher({ quietMs, check, timers }: { quietMs: number; check: (dirs: string[]) => Promise<void>; timers: Timers }) {
	let pending = new Set<string>()
	let timer: unknown
	let running: Promise<void> | undefined

	const flush = () => {
		timer = undefined
		if (running || pending.size === 0) return
		const dirs = [...pending].sort()
		pending = new Set()
		running = check(dirs)
			.catch(() => {})
			.finally(() => {
				running = undefined
				if (pending.size > 0) schedule()
			})
	}
	const schedule = () => {
		if (timer !== undefined) timers.clearTimeout(timer)
		timer = timers.setTimeout(flush, quietMs)
	}
	return {
		changed(dir: string) {
			pending.add(dir)
			schedule()
		},
		/** Stops waiting for the quiet period; a check already running goes on. */
		stop() {
			if (timer !== undefined) timers.clearTimeout(timer)
			timer = undefined
			pending = new Set()
		},
	}
}
