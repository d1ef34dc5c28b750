// Loading exercises/ into the database, as the server does it: every new or changed folder
// is proven by the exercise check first, and in development the folder is watched so an
// edited exercise is reloaded (and re-proven) on save.
import { watch } from 'node:fs'
import type { Logger } from 'pino'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { fileURLToPath } from 'node:url'
import { openProofCache } from '#app/exercises/proof-cache.ts'
import { servingCheck } from '#app/exercises/serving-check.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { runTests } from '#app/runner/index.ts'

const WATCH_DEBOUNCE_MS = 300

/** Where exercises:check and servers remember the exercises they proved (app/exercises/proof-cache.ts). */
export const PROOF_CACHE_FILE = fileURLToPath(new URL('../node_modules/.cache/hardmode/proven-exercises.json', import.meta.url))

export async function loadExercises(prisma: PrismaClient, root: string, logger: Logger, options: { proofCacheFile?: string } = {}) {
	const proofs = options.proofCacheFile ? await openProofCache(options.proofCacheFile) : undefined
	const report = await syncExercises(prisma, root, {
		check: servingCheck((request) => runTests(request), proofs),
		onCheck: (count) => logger.info(`Checking ${count} new or changed exercise${count === 1 ? '' : 's'} before serving ${count === 1 ? 'it' : 'them'}…`),
	})
	const { created, updated, unchanged, retired, skipped } = report
	if (created.length + updated.length + retired.length + skipped.length > 0 || unchanged.length === 0) {
		logger.info({ created: created.length, updated: updated.length, unchanged: unchanged.length, retired }, 'Exercises loaded')
	}
	for (const problem of skipped) logger.warn({ folder: problem.folder }, `Exercise skipped: ${problem.reason}`)
	await proofs?.save().catch((error: unknown) => logger.warn({ err: error }, 'Could not remember the exercises proven, for the next start'))
	return report
}

/**
 * Re-loads exercises/ whenever a file in it changes (development only). Saves come in bursts,
 * so changes are debounced, and a sync never overlaps another: a change during a sync
 * schedules one more. Returns a function that stops watching.
 */
export function watchExercises(prisma: PrismaClient, root: string, logger: Logger, options: { proofCacheFile?: string } = {}): () => void {
	let timer: NodeJS.Timeout | undefined
	let running: Promise<unknown> | undefined
	let again = false
	const sync = () => {
		if (running) {
			again = true
			return
		}
		running = loadExercises(prisma, root, logger, options)
			.catch((error: unknown) => logger.error({ err: error }, 'Reloading exercises failed'))
			.finally(() => {
				running = undefined
				if (again) {
					again = false
					sync()
				}
			})
	}
	const watcher = watch(root, { recursive: true }, () => {
		clearTimeout(timer)
		timer = setTimeout(sync, WATCH_DEBOUNCE_MS)
	})
	watcher.on('error', (error) => logger.warn({ err: error }, 'Stopped watching exercises/ for changes'))
	return () => {
		clearTimeout(timer)
		watcher.close()
	}
}
