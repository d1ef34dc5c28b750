import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase, type Database } from '#app/utils/db.server.ts'
import { createTestDatabase, createTestPgliteFolder, testDatabaseKind, type TestDatabase } from '#tests/db.ts'

// npm run platform:admins, run as an operator would, in a child process (ADR 015).

const root = fileURLToPath(new URL('../..', import.meta.url))

function platformAdmins(args: string[], databaseUrl: string) {
	return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/platform-admins.ts', ...args], {
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

describe(`npm run platform:admins (${testDatabaseKind()})`, () => {
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
			dir = mkdtempSync(path.join(tmpdir(), 'hm-platform-'))
			await createTestPgliteFolder(path.join(dir, 'pglite'))
			databaseUrl = `pglite:${path.join(dir, 'pglite')}`
		}
		await withDatabase(async (database) => {
			const organization = await database.prisma.organization.create({ data: { name: 'Operators Ltd' }, select: { id: true } })
			await database.prisma.user.create({
				data: { organizationId: organization.id, email: 'ops@operators.test', name: 'Olu Ops', passwordHash: 'not-used', orgRole: 'admin' },
			})
		})
	})
	afterAll(async () => {
		await postgres?.close()
		if (dir) rmSync(dir, { recursive: true, force: true })
	})

	it('refuses an e-mail nobody has signed up with, so nobody can sign up into the role later', async () => {
		const { code, output } = await platformAdmins(['grant', 'future@operators.test'], databaseUrl)
		expect(output).toContain(
			'There is no account with the e-mail address future@operators.test. The person signs up (or accepts an invite) first; then grant the role.',
		)
		expect(code).toBe(1)
		expect(await withDatabase((database) => database.prisma.user.count({ where: { platformAdmin: true } }))).toBe(0)
	})

	it('grants the role to an existing account, lists it, records it in that organisation’s log, and revokes it', async () => {
		const granted = await platformAdmins(['grant', ' OPS@operators.test '], databaseUrl)
		expect(granted.output).toContain('ops@operators.test (Olu Ops, Operators Ltd) now holds the platform role.')
		expect(granted.code).toBe(0)
		const again = await platformAdmins(['grant', 'ops@operators.test'], databaseUrl)
		expect(again.output).toContain('already holds the platform role')

		const listed = await platformAdmins(['list'], databaseUrl)
		expect(listed.output).toContain('ops@operators.test  Olu Ops (Operators Ltd)')
		expect(listed.code).toBe(0)
		await withDatabase(async (database) => {
			expect(
				await database.prisma.auditEvent.findMany({ where: { action: { startsWith: 'user.platform_admin' } }, select: { action: true, actorId: true } }),
			).toEqual([{ action: 'user.platform_admin_granted', actorId: null }])
		})

		const revoked = await platformAdmins(['revoke', 'ops@operators.test'], databaseUrl)
		expect(revoked.output).toContain('no longer holds the platform role')
		expect(revoked.code).toBe(0)
		expect((await platformAdmins(['list'], databaseUrl)).output).toContain('Nobody holds the platform role.')
	})

	it('rejects a command it does not know with the usage', async () => {
		const { code, output } = await platformAdmins(['promote', 'ops@operators.test'], databaseUrl)
		expect(output).toMatch(/Usage: npm run platform:admins -- <command>/)
		expect(code).toBe(1)
	})
})
