// The upkeep PostgreSQL's autovacuum does by itself, for the embedded database, which has none
// (ADR 033): without it, dead rows pile up and the planner keeps statistics from when tables were
// small, and after about a million events the same load needs noticeably more CPU.
import type { Logger } from 'pino'
import type { Database } from '#app/utils/db.server.ts'

/** Once an hour: each run then has only an hour's changes to visit, so it holds the database briefly. */
export const MAINTENANCE_EVERY_MS = 60 * 60 * 1000
/** The first run waits until start-up's own writes (exercises, the demo history) are done. */
export const FIRST_MAINTENANCE_AFTER_MS = 10 * 60 * 1000

/** Reclaims dead rows and refreshes the planner's statistics of every table. */
export async function vacuumAnalyze(database: Database): Promise<void> {
	await database.prisma.$executeRawUnsafe('VACUUM ANALYZE')
}

type Schedule = { everyMs?: number; firstAfterMs?: number }

/**
 * Runs VACUUM ANALYZE on the embedded database now and then; nothing on PostgreSQL, whose
 * autovacuum does it. Returns a function that stops the schedule and waits for a run in progress.
 */
export function startMaintenance(
	database: Database,
	logger: Logger,
	{ everyMs = MAINTENANCE_EVERY_MS, firstAfterMs = FIRST_MAINTENANCE_AFTER_MS }: Schedule = {},
) {
	if (database.kind !== 'pglite') return () => Promise.resolve()
	let running: Promise<void> = Promise.resolve()
	let timer: NodeJS.Timeout | undefined
	let stopped = false
	const run = () => {
		running = (async () => {
			const started = Date.now()
			try {
				await vacuumAnalyze(database)
				logger.info({ ms: Date.now() - started }, 'Database maintenance: VACUUM ANALYZE done')
			} catch (error) {
				logger.warn({ err: error }, 'Database maintenance: VACUUM ANALYZE failed; trying again at the next run')
			}
		})()
		void running.then(() => {
			if (!stopped) schedule(everyMs)
		})
	}
	const schedule = (ms: number) => {
		timer = setTimeout(run, ms)
		timer.unref()
	}
	schedule(firstAfterMs)
	return async () => {
		stopped = true
		clearTimeout(timer)
		await running
	}
}
