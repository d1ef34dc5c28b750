// The embedded database's scheduled upkeep (ADR 033): VACUUM ANALYZE gives the planner fresh
// statistics (and reclaims dead rows), which PGlite never does by itself.
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testDatabaseKind } from '#tests/db.ts'
import type { Database } from '#app/utils/db.server.ts'
import { startMaintenance, vacuumAnalyze } from './maintenance.ts'

let db: Database
const logger = pino({ level: 'silent' })

beforeAll(async () => {
	db = await createTestDatabase()
})
afterAll(async () => {
	await db?.close()
})

/** What the planner believes: the rows it thinks RateLimit has, or -1 before any statistics. */
async function plannerRows() {
	const [row] = await db.prisma.$queryRawUnsafe<Array<{ rows: number }>>(`SELECT reltuples::int AS rows FROM pg_class WHERE relname = 'RateLimit'`)
	return row!.rows
}

async function fillAndChurn(rows: number) {
	await db.prisma.$executeRawUnsafe(`INSERT INTO "RateLimit" (key, points) SELECT 'k' || g, 1 FROM generate_series(1, ${rows}) g`)
	await db.prisma.$executeRawUnsafe(`UPDATE "RateLimit" SET points = points + 1`)
}

describe('database maintenance', () => {
	it('VACUUM ANALYZE brings the planner’s row counts up to date', async () => {
		await fillAndChurn(2000)
		expect(await plannerRows()).not.toBe(2000)
		await vacuumAnalyze(db)
		expect(await plannerRows()).toBe(2000)
		await db.prisma.$executeRawUnsafe(`DELETE FROM "RateLimit"`)
	})

	// Skipped on PostgreSQL: its autovacuum does this, and nothing is scheduled there.
	it.skipIf(testDatabaseKind() === 'postgres')('runs on its schedule on the embedded database, and stops when asked', async () => {
		await fillAndChurn(500)
		const stop = startMaintenance(db, logger, { firstAfterMs: 0, everyMs: 50 })
		try {
			await expect.poll(plannerRows, { timeout: 20_000, interval: 100 }).toBe(500)
		} finally {
			await stop()
		}
	})
})
