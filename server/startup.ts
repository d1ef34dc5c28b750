// What a web instance does to its database before serving (ADR 033): migrate, replay ratings
// under a new rating rule, load and prove exercises/, seed the demo organisation. Instances that
// start together take turns: the first does the work, the others find it done.
import pg from 'pg'
import type { Logger } from 'pino'
import type { ExerciseSyncReport } from '#app/models/exercise.server.ts'
import { recomputeRatings } from '#app/models/growth/rating-recompute.server.ts'
import type { Database } from '#app/utils/db.server.ts'
import { migrate, type MigrationReport } from '#app/utils/migrate.server.ts'
import { ensureSeeded } from '#prisma/seed/demo.ts'
import { loadExercises } from './exercise-sync.ts'

// A session-level advisory lock of our own (migrations take Prisma's, 72707369, inside this one).
const START_UP_LOCK = 72707370

// The embedded database is one process's, so taking turns within the process is enough.
const turns = new WeakMap<Database, Promise<unknown>>()

/**
 * Runs `work` while no other instance on the same database runs its start-up: on PostgreSQL
 * under an advisory lock held by a connection of its own (`url`), which the server releases
 * if the process dies; on the embedded database, after this process's earlier start-ups.
 */
export async function withStartUpLock<T>(database: Database, url: string | null, work: () => Promise<T>): Promise<T> {
	if (database.kind === 'postgres' && url) {
		const client = new pg.Client({ connectionString: url })
		await client.connect()
		try {
			await client.query('SELECT pg_advisory_lock($1)', [START_UP_LOCK])
			return await work()
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [START_UP_LOCK]).catch(() => {})
			await client.end()
		}
	}
	const before = turns.get(database) ?? Promise.resolve()
	const mine = before.catch(() => {}).then(work)
	turns.set(
		database,
		mine.catch(() => {}),
	)
	return mine
}

export type StartUpOptions = {
	database: Database
	/** The PostgreSQL URL the database was opened with; null for the embedded database. */
	url: string | null
	logger: Logger
	exercisesRoot: string
	proofCacheFile?: string
	seedDemo: boolean
	/** Tests: another migrations folder. */
	migrationsDir?: string
}

export type StartUpReport = { migrations: MigrationReport; exercises: ExerciseSyncReport; seeded: boolean }

/** Brings the database up to date for serving, once, however many instances start at the same time. */
export function prepareDatabase({ database, url, logger, exercisesRoot, proofCacheFile, seedDemo, migrationsDir }: StartUpOptions): Promise<StartUpReport> {
	const { prisma } = database
	return withStartUpLock(database, url, async () => {
		const migrations = await migrate(prisma, { migrationsDir })
		if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, 'Applied database migrations')
		// Ratings stored under an older rating rule are played again under the current one (ADR 024).
		const recomputed = await recomputeRatings(prisma, { onlyIfStale: true })
		if (recomputed) logger.info(recomputed, 'Recomputed the stored ratings under the current rating rule')
		const exercises = await loadExercises(prisma, exercisesRoot, logger, { proofCacheFile })
		// After the exercises, so the demo organisation's assignments can point at them.
		const seeded = seedDemo && (await ensureSeeded(prisma))
		if (seeded) logger.info('Seeded the demo organisation "Acme Payments"')
		return { migrations, exercises, seeded }
	})
}
