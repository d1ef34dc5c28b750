import { createHash } from 'node:crypto'
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#app/utils/db.server.ts'
import { createEmptyTestDatabase, createTestPglite, testDatabaseKind } from '#tests/db.ts'
import { DEFAULT_MIGRATIONS_DIR, MigrationError, dropAllObjects, migrate, readMigrations, splitSqlStatements } from './migrate.server.ts'

const realMigrations = readMigrations()
const realNames = realMigrations.map((migration) => migration.name)

interface MigrationRow {
	id: string
	checksum: string
	migration_name: string
	logs: string | null
	started_at: Date
	finished_at: Date | null
	rolled_back_at: Date | null
	applied_steps_count: number
}

describe(`migrate (${testDatabaseKind()})`, () => {
	let database: Database
	let workDir: string
	const rows = () => database.prisma.$queryRawUnsafe<MigrationRow[]>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name')
	const tableExists = async (table: string) =>
		(await database.prisma.$queryRawUnsafe<{ found: boolean }[]>(`SELECT to_regclass('"${table}"') IS NOT NULL AS found`))[0]!.found

	// A copy of prisma/migrations to which a test can add (or in which it can edit) folders.
	function migrationsDir(name: string, extra: Record<string, string> = {}) {
		const dir = path.join(workDir, name)
		cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true })
		for (const [folder, sql] of Object.entries(extra)) {
			mkdirSync(path.join(dir, folder))
			writeFileSync(path.join(dir, folder, 'migration.sql'), sql)
		}
		return dir
	}

	beforeAll(async () => {
		database = await createEmptyTestDatabase()
		workDir = mkdtempSync(path.join(tmpdir(), 'hm-migrations-'))
	})
	afterAll(async () => {
		await database?.close()
		if (workDir) rmSync(workDir, { recursive: true, force: true })
	})

	it('applies every migration to an empty database and records each the way Prisma does', async () => {
		const before = new Date(Date.now() - 1000)
		const report = await migrate(database.prisma)
		expect(report).toEqual({ applied: realNames, alreadyApplied: [], unknown: [] })
		expect(await tableExists('User')).toBe(true)

		const recorded = await rows()
		expect(recorded.map((row) => row.migration_name)).toEqual(realNames)
		for (const row of recorded) {
			const file = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'))
			expect(row).toMatchObject({
				checksum: createHash('sha256').update(file).digest('hex'),
				logs: null,
				rolled_back_at: null,
				applied_steps_count: 1,
			})
			expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
			expect(row.started_at.getTime()).toBeGreaterThan(before.getTime())
			expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime())
		}
	})

	it('is idempotent: a second run applies nothing and records nothing', async () => {
		const before = await rows()
		expect(await migrate(database.prisma)).toEqual({ applied: [], alreadyApplied: realNames, unknown: [] })
		expect(await rows()).toEqual(before)
	})

	it('applies only a newly dropped-in migration folder', async () => {
		const dir = migrationsDir('added', { '29990101000000_add_note': 'CREATE TABLE "Note" ("id" TEXT PRIMARY KEY);\n' })
		expect(await migrate(database.prisma, { migrationsDir: dir })).toEqual({
			applied: ['29990101000000_add_note'],
			alreadyApplied: realNames,
			unknown: [],
		})
		expect(await tableExists('Note')).toBe(true)
		// Back on the real folder, the extra migration is reported, not undone.
		expect(await migrate(database.prisma)).toEqual({ applied: [], alreadyApplied: realNames, unknown: ['29990101000000_add_note'] })
	})

	it('refuses to run when an applied migration was edited, and applies nothing', async () => {
		const dir = migrationsDir('edited', { '29990102000000_never': 'CREATE TABLE "Never" ("id" TEXT PRIMARY KEY);\n' })
		appendFileSync(path.join(dir, realNames[0]!, 'migration.sql'), '\n-- an innocent-looking edit\n')

		const attempt = migrate(database.prisma, { migrationsDir: dir })
		await expect(attempt).rejects.toThrow(MigrationError)
		await expect(attempt).rejects.toThrow(`Migration ${realNames[0]} was changed after it was applied`)
		expect(await tableExists('Never')).toBe(false)
	})

	it('accepts a migration whose only change is CRLF line endings (a Windows checkout), as Prisma does', async () => {
		const dir = migrationsDir('crlf')
		const file = path.join(dir, realNames[0]!, 'migration.sql')
		writeFileSync(file, readFileSync(file, 'utf8').replaceAll('\n', '\r\n'))
		await expect(migrate(database.prisma, { migrationsDir: dir })).resolves.toMatchObject({ applied: [] })
	})

	it('rolls a failing migration back completely and records nothing, so it can be fixed and retried', async () => {
		const broken = 'CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n'
		const dir = migrationsDir('broken', { '29990103000000_broken': broken })

		await expect(migrate(database.prisma, { migrationsDir: dir })).rejects.toThrow(
			/Migration 29990103000000_broken failed, and nothing from it was applied: .*NoSuchTable/s,
		)
		expect(await tableExists('Half')).toBe(false)
		expect((await rows()).map((row) => row.migration_name)).not.toContain('29990103000000_broken')

		writeFileSync(path.join(dir, '29990103000000_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\n')
		await expect(migrate(database.prisma, { migrationsDir: dir })).resolves.toMatchObject({ applied: ['29990103000000_broken'] })
		expect(await tableExists('Half')).toBe(true)
	})

	it('refuses a database where a migration is recorded as started but never finished', async () => {
		await database.prisma.$executeRawUnsafe(
			`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('unfinished', 'x', '29990104000000_crashed', now())`,
		)
		try {
			await expect(migrate(database.prisma)).rejects.toThrow(/29990104000000_crashed is recorded as started but not finished/)
		} finally {
			await database.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = 'unfinished'`)
		}
		// Marked as rolled back (what `prisma migrate resolve --rolled-back` does), it no longer blocks.
		await expect(migrate(database.prisma)).resolves.toMatchObject({ applied: [] })
	})

	it('applies a migration once when several servers start at the same time', async () => {
		const dir = migrationsDir('concurrent', { '29990105000000_counter': 'CREATE TABLE "Counter" ("id" TEXT PRIMARY KEY);\n' })
		const reports = await Promise.all([1, 2, 3].map(() => migrate(database.prisma, { migrationsDir: dir })))
		expect(reports.flatMap((report) => report.applied)).toEqual(['29990105000000_counter'])
		expect((await rows()).filter((row) => row.migration_name === '29990105000000_counter')).toHaveLength(1)
	})

	it('dropAllObjects empties the database, after which migrate starts from scratch', async () => {
		await dropAllObjects(database.prisma)
		expect(await tableExists('User')).toBe(false)
		expect(await tableExists('_prisma_migrations')).toBe(false)
		const enums = await database.prisma.$queryRawUnsafe<unknown[]>(
			`SELECT 1 FROM pg_type WHERE typtype = 'e' AND typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
		)
		expect(enums).toEqual([])
		expect(await migrate(database.prisma)).toMatchObject({ applied: realNames })
	})
})

describe.runIf(testDatabaseKind() === 'pglite')('migrate through a bare PGlite session (no Prisma)', () => {
	it('migrates and records the same way', async () => {
		const pglite = await createTestPglite()
		try {
			await dropAllObjects(pglite)
			expect(await migrate(pglite)).toEqual({ applied: realNames, alreadyApplied: [], unknown: [] })
			expect(await migrate(pglite)).toEqual({ applied: [], alreadyApplied: realNames, unknown: [] })
			const { rows } = await pglite.query<{ migration_name: string; checksum: string }>('SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY 1')
			expect(rows).toEqual(realMigrations.map(({ name, checksum }) => ({ migration_name: name, checksum })))
		} finally {
			await pglite.close()
		}
	})
})

describe('splitSqlStatements', () => {
	it('splits at top-level semicolons only', () => {
		const script = [
			'-- a comment; with a semicolon',
			'CREATE TABLE "a;b" ("x" TEXT DEFAULT \'it\'\'s; fine\');',
			'/* block; /* nested; */ still comment */',
			"INSERT INTO t VALUES (E'back\\'slash;');",
			'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;',
			'DO $$ BEGIN PERFORM 1; END $$;',
			'SELECT 2',
		].join('\n')
		expect(splitSqlStatements(script)).toEqual([
			'-- a comment; with a semicolon\nCREATE TABLE "a;b" ("x" TEXT DEFAULT \'it\'\'s; fine\')',
			"/* block; /* nested; */ still comment */\nINSERT INTO t VALUES (E'back\\'slash;')",
			'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql',
			'DO $$ BEGIN PERFORM 1; END $$',
			'SELECT 2',
		])
	})

	it('drops BEGIN/COMMIT, which Prisma writes around enum changes, since each migration is one transaction', () => {
		expect(splitSqlStatements('-- AlterEnum\nBEGIN;\nCREATE TYPE "R_new" AS ENUM (\'a\');\nCOMMIT;\n\n-- trailing comment\n')).toEqual([
			'CREATE TYPE "R_new" AS ENUM (\'a\')',
		])
	})
})
