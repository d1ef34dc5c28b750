import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase, type Database } from '#app/utils/db.server.ts'
import { createTestDatabase, createTestPgliteFolder, testDatabaseKind, type TestDatabase } from '#tests/db.ts'

// The npm scripts db:migrate / db:seed / db:reset, run as a user would, in a child process.

const root = fileURLToPath(new URL('../..', import.meta.url))

function runDbCommand(command: string, databaseUrl: string) {
	return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/db.ts', command], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: '' },
		})
		let output = ''
		child.stdout.on('data', (chunk) => (output += chunk))
		child.stderr.on('data', (chunk) => (output += chunk))
		child.on('error', reject)
		child.on('close', (code) => resolve({ code, output }))
	})
}

const DEMO_LOGIN_LINES = [
	/admin\s+admin@hardmode\.dev\s+hardmode-demo/,
	/lead\s+lead@hardmode\.dev\s+hardmode-demo/,
	/learner\s+ada@hardmode\.dev\s+hardmode-demo/,
	/learner\s+grace@hardmode\.dev\s+hardmode-demo/,
	/learner\s+linus@hardmode\.dev\s+hardmode-demo/,
]

describe(`npm run db:* (${testDatabaseKind()})`, () => {
	let databaseUrl: string
	let postgres: TestDatabase | undefined
	let dir: string | undefined
	async function withDatabase<T>(fn: (database: Database) => Promise<T>) {
		const database = createDatabase(databaseUrl)
		try {
			return await fn(database)
		} finally {
			await database.close()
		}
	}

	beforeAll(async () => {
		if (testDatabaseKind() === 'postgres') {
			postgres = await createTestDatabase()
			databaseUrl = postgres.url!
		} else {
			dir = mkdtempSync(path.join(tmpdir(), 'hm-cli-'))
			await createTestPgliteFolder(path.join(dir, 'pglite'))
			databaseUrl = `pglite:${path.join(dir, 'pglite')}`
		}
		// Something for reset to remove.
		await withDatabase((database) => database.prisma.organization.create({ data: { name: 'Scratch Ltd' } }))
	})
	afterAll(async () => {
		await postgres?.close()
		if (dir) rmSync(dir, { recursive: true, force: true })
	})

	it('reset drops everything, migrates from scratch, seeds and prints the demo logins', async () => {
		const { code, output } = await runDbCommand('reset', databaseUrl)
		expect(output).toMatch(/Dropped everything in .*\nApplied \d+ migration\(s\)/)
		// A fresh database proves every exercise before loading it, as a server does at its first start.
		expect(output).toMatch(/Checking \d+ new or changed exercise\(s\) before loading them/)
		expect(output).not.toMatch(/Exercise skipped/)
		for (const line of DEMO_LOGIN_LINES) expect(output).toMatch(line)
		expect(code).toBe(0)

		await withDatabase(async (database) => {
			expect(await database.prisma.organization.findMany({ select: { name: true } })).toEqual([{ name: 'Acme Payments' }])
			expect(await database.prisma.user.count()).toBe(5)
		})
	}, 300_000)

	it('seed re-creates the demo organisation', async () => {
		const before = await withDatabase((database) => database.prisma.organization.findFirstOrThrow({ select: { id: true } }))
		const { code, output } = await runDbCommand('seed', databaseUrl)
		for (const line of DEMO_LOGIN_LINES) expect(output).toMatch(line)
		expect(code).toBe(0)
		await withDatabase(async (database) => {
			const organizations = await database.prisma.organization.findMany({ select: { id: true, name: true } })
			expect(organizations).toEqual([{ id: expect.not.stringMatching(before.id), name: 'Acme Payments' }])
			expect(await database.prisma.user.count()).toBe(5)
		})
	})

	it('migrate on an up-to-date database changes nothing', async () => {
		const { code, output } = await runDbCommand('migrate', databaseUrl)
		expect(output).toMatch(/No pending migrations/)
		expect(code).toBe(0)
	})

	it.runIf(testDatabaseKind() === 'pglite')('refuses, with a clear message, an embedded database another process has open', async () => {
		const holder = createDatabase(databaseUrl)
		try {
			await holder.prisma.$queryRaw`SELECT 1`
			const { code, output } = await runDbCommand('seed', databaseUrl)
			expect(output).toMatch(new RegExp(`is in use: process ${process.pid} has had it open since .*PGlite can be opened by one process at a time`))
			expect(code).toBe(1)
		} finally {
			await holder.close()
		}
	})

	it('rejects an unknown command with the usage', async () => {
		const { code, output } = await runDbCommand('drop-everything', databaseUrl)
		expect(output).toMatch(/Usage: tsx server\/cli\/db\.ts <command>/)
		expect(code).toBe(1)
	})
})
