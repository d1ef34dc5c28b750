// Several web instances starting at once on one database (ADR 033): one of them applies a new
// migration, proves and loads the exercises and seeds the demo; the others find it all done.
// On PostgreSQL (TEST_DB=postgres) the instances have connection pools of their own, as separate
// processes would; the embedded database belongs to one process, whose start-ups take turns.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '#tests/db.ts'
import { createDatabase, type Database } from '#app/utils/db.server.ts'
import { DEFAULT_MIGRATIONS_DIR } from '#app/utils/migrate.server.ts'
import { prepareDatabase } from './startup.ts'

const INSTANCES = 3
const NEW_MIGRATION = '29991231000000_start_up_marker'

let db: TestDatabase
let others: Database[] = []
let scratch: string

beforeAll(async () => {
	db = await createTestDatabase()
	others = Array.from({ length: INSTANCES - 1 }, () => (testDatabaseKind() === 'postgres' ? createDatabase(db.url!) : db))
	scratch = mkdtempSync(path.join(tmpdir(), 'hm-start-up-'))
	// The project's migrations and one more that none of the instances has seen.
	cpSync(DEFAULT_MIGRATIONS_DIR, path.join(scratch, 'migrations'), { recursive: true })
	mkdirSync(path.join(scratch, 'migrations', NEW_MIGRATION))
	writeFileSync(path.join(scratch, 'migrations', NEW_MIGRATION, 'migration.sql'), 'CREATE TABLE "StartUpMarker" ("id" TEXT PRIMARY KEY);\n')
	cpSync(path.resolve('exercises/orders-page-skips-an-order'), path.join(scratch, 'exercises', 'orders-page-skips-an-order'), { recursive: true })
})
afterAll(async () => {
	for (const other of others) if (other !== db) await other.close()
	await db?.close()
	if (scratch) rmSync(scratch, { recursive: true, force: true })
})

describe('instances starting at the same time', () => {
	it('apply a migration once, prove and load the exercises once, and seed the demo once', async () => {
		const logLines: string[] = []
		const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (logLines.push(String(chunk)), done()) }))
		const reports = await Promise.all(
			[db, ...others].map((database) =>
				prepareDatabase({
					database,
					url: db.url,
					logger,
					exercisesRoot: path.join(scratch, 'exercises'),
					seedDemo: true,
					migrationsDir: path.join(scratch, 'migrations'),
				}),
			),
		)

		expect(reports.flatMap((report) => report.migrations.applied)).toEqual([NEW_MIGRATION])
		expect(await db.prisma.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = '${NEW_MIGRATION}'`)).toEqual([{ n: 1 }])

		// One instance proved the exercise (ran it in the sandbox) and stored it; the others found that version stored.
		expect(logLines.filter((line) => line.includes('Checking 1 new or changed exercise'))).toHaveLength(1)
		expect(reports.flatMap((report) => report.exercises.created)).toEqual(['orders-page-skips-an-order'])
		expect(reports.flatMap((report) => report.exercises.unchanged)).toEqual(Array<string>(INSTANCES - 1).fill('orders-page-skips-an-order'))
		expect(reports.flatMap((report) => report.exercises.skipped)).toEqual([])
		expect(await db.prisma.exerciseVersion.count()).toBe(1)

		expect(reports.filter((report) => report.seeded)).toHaveLength(1)
		expect(await db.prisma.organization.count()).toBe(1)
	})
})
