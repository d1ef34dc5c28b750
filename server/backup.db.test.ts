// npm run db:backup / db:restore, on the embedded database (and on PostgreSQL in the PostgreSQL
// pass): back up, empty every table, restore, and find every table's rows and the content of
// attempts, their events and reviews exactly as they were.
import { randomUUID } from 'node:crypto'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordEvents } from '#app/models/attempt/events.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { createDatabase, useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import { createTestDatabase, createTestPgliteFolder, testDatabaseKind, type TestDatabase } from '#tests/db.ts'
import { backupDatabase, restoreDatabase } from './backup.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
let dir: string
let databaseUrl: string
let postgres: TestDatabase | undefined
const target = () => ({ databaseUrl, dataDir: dir })

async function withDatabase<T>(work: (database: Database) => Promise<T>) {
	const database = createDatabase(databaseUrl)
	try {
		return await work(database)
	} finally {
		await database.close()
	}
}

/** Every table's row count, and a checksum of every row of attempts, their events and reviews. */
async function fingerprint(database: Database) {
	const tables = await database.prisma.$queryRaw<{ name: string }[]>`
		SELECT table_name AS name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	const counts: Record<string, number> = {}
	for (const { name } of tables) {
		const [row] = await database.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`)
		counts[name] = Number(row!.n)
	}
	const checksums: Record<string, string | null> = {}
	for (const name of ['Attempt', 'AttemptEvent', 'Review']) {
		const [row] = await database.prisma.$queryRawUnsafe<{ sum: string | null }[]>(`SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS sum FROM "${name}" t`)
		checksums[name] = row!.sum
	}
	return { counts, checksums }
}

function runCli(command: 'backup' | 'restore', file: string) {
	return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/db-backup.ts', command, file], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dir, NODE_OPTIONS: '' },
		})
		let output = ''
		child.stdout.on('data', (chunk) => (output += chunk))
		child.stderr.on('data', (chunk) => (output += chunk))
		child.on('error', reject)
		child.on('close', (code) => resolve({ code, output }))
	})
}

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'hm-backup-'))
	if (testDatabaseKind() === 'postgres') {
		postgres = await createTestDatabase()
		databaseUrl = postgres.url!
	} else {
		await createTestPgliteFolder(path.join(dir, 'pglite'))
		databaseUrl = `pglite:${path.join(dir, 'pglite')}`
	}
	await withDatabase(async (database) => {
		useDatabase(database)
		// One exercise is enough to have attempts, events and a review, and quicker to load than all.
		const exercises = path.join(dir, 'exercises')
		mkdirSync(exercises)
		symlinkSync(path.join(root, 'exercises/free-shipping-for-everyone'), path.join(exercises, 'free-shipping-for-everyone'))
		await syncExercises(database.prisma, exercises)
		await seedDemo(database.prisma)
		const ada = await database.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { id: true, organizationId: true } })
		const lead = await database.prisma.user.findUniqueOrThrow({ where: { email: 'lead@hardmode.dev' }, select: { id: true } })
		const attempt = await startAttempt(ada, 'free-shipping-for-everyone')
		const now = Date.now()
		await recordEvents(ada, attempt.id, {
			sentAt: now,
			events: [
				{ id: randomUUID(), seq: 1, at: now, type: 'focus.lost', data: {} },
				{ id: randomUUID(), seq: 2, at: now, type: 'focus.lost', data: {} },
			],
		})
		await database.prisma.review.create({
			data: {
				organizationId: ada.organizationId,
				attemptId: attempt.id,
				reviewerId: lead.id,
				scores: { reasoning: 3 },
				percent: 75,
				summary: 'Sound reasoning, café ✓',
			},
		})
	})
}, 120_000)

afterAll(async () => {
	// Closing the PostgreSQL test database drops it.
	await postgres?.close()
	rmSync(dir, { recursive: true, force: true })
})

describe(`db:backup and db:restore (${testDatabaseKind()})`, () => {
	it('restore brings back every row of every table after the database was emptied', async () => {
		const before = await withDatabase(fingerprint)
		expect(before.counts.AttemptEvent).toBeGreaterThan(0)
		expect(before.counts.Review).toBe(1)

		const file = path.join(dir, 'hardmode.backup')
		const backup = await runCli('backup', file)
		expect(backup.output).toMatch(/^Backed up .* to .*hardmode\.backup \(\d+(\.\d)? [KM]B\)\.$/m)
		expect(backup.code).toBe(0)

		await withDatabase(async (database) => {
			const tables = Object.keys(before.counts).map((name) => `"${name}"`)
			await database.prisma.$executeRawUnsafe(`TRUNCATE ${tables.join(', ')} CASCADE`)
			expect(Object.values((await fingerprint(database)).counts).every((count) => count === 0)).toBe(true)
		})

		// The command is the same code (server/cli/db-backup.ts); called directly, it saves starting a process.
		expect(await restoreDatabase(target(), file)).toMatch(/^Restored the (embedded|PostgreSQL) database/)
		expect(await withDatabase(fingerprint)).toEqual(before)
		// The embedded database's replaced folder is kept beside it until someone deletes it.
		if (testDatabaseKind() === 'pglite') expect(readdirSync(dir).some((name) => name.startsWith('pglite.before-restore-'))).toBe(true)
	}, 120_000)

	it('refuses a file that is not a backup of this kind of database, and changes nothing', async () => {
		const before = await withDatabase(fingerprint)
		const notABackup = path.join(dir, 'notes.txt')
		writeFileSync(notABackup, 'shopping list')
		await expect(restoreDatabase(target(), notABackup)).rejects.toThrow(/is not a Hardmode backup, so it cannot be restored into .*Nothing was changed\./)
		await expect(restoreDatabase(target(), path.join(dir, 'missing.backup'))).rejects.toThrow(/There is no backup at .*missing\.backup/)
		expect(await withDatabase(fingerprint)).toEqual(before)
	})

	it.skipIf(testDatabaseKind() === 'postgres')('names the process that holds the embedded database instead of copying it under its feet', async () => {
		await withDatabase(async () => {
			await expect(backupDatabase(target(), path.join(dir, 'while-open.backup'))).rejects.toThrow(/is in use: this process already has it open/)
		})
	})
})
