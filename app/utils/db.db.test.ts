import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Prisma } from '#app/generated/prisma/client.ts'
import { createTestDatabase, createTestPgliteFolder, testDatabaseKind } from '#tests/db.ts'
import { createDatabase, parseDatabaseUrl, type Database } from './db.server.ts'

describe('parseDatabaseUrl', () => {
	it('reads the DATABASE_URL forms', () => {
		expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'pglite', dataDir: './data/pglite' })
		expect(parseDatabaseUrl('', 'elsewhere/pglite')).toEqual({ kind: 'pglite', dataDir: 'elsewhere/pglite' })
		expect(parseDatabaseUrl('pglite:./var/db')).toEqual({ kind: 'pglite', dataDir: './var/db' })
		expect(parseDatabaseUrl('pglite:memory')).toEqual({ kind: 'pglite', dataDir: null })
		expect(parseDatabaseUrl('postgres://u:p@db:5432/hardmode')).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/hardmode' })
		expect(parseDatabaseUrl('postgresql://db/hardmode')).toEqual({ kind: 'postgres', url: 'postgresql://db/hardmode' })
	})

	it('rejects anything else with a message that lists the forms', () => {
		expect(() => parseDatabaseUrl('mysql://db/hardmode')).toThrow(/postgres:\/\/, postgresql:\/\/ or pglite:/)
		expect(() => parseDatabaseUrl('pglite:')).toThrow(/needs a folder/)
		expect(() => parseDatabaseUrl('postgres://db/hardmode?schema=app')).toThrow(/\?schema= parameter is not supported/)
	})
})

describe(`the database (${testDatabaseKind()})`, () => {
	let database: Database
	beforeAll(async () => {
		database = await createTestDatabase()
	})
	afterAll(() => database?.close())

	it('reports its kind', () => {
		expect(database.kind).toBe(testDatabaseKind())
	})

	it('surfaces a unique violation as Prisma error P2002', async () => {
		const { id: organizationId } = await database.prisma.organization.create({ data: { name: 'Uniq' }, select: { id: true } })
		const user = { organizationId, email: 'twice@example.com', name: 'Twice', passwordHash: 'x' }
		await database.prisma.user.create({ data: user })
		const error = await database.prisma.user.create({ data: user }).catch((caught: unknown) => caught)
		expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError)
		expect(error).toMatchObject({ code: 'P2002' })
	})

	it('rolls an interactive transaction back when it throws', async () => {
		await expect(
			database.prisma.$transaction(async (tx) => {
				await tx.organization.create({ data: { name: 'Rolled back' } })
				throw new Error('abort')
			}),
		).rejects.toThrow('abort')
		expect(await database.prisma.organization.count({ where: { name: 'Rolled back' } })).toBe(0)
	})
})

describe.runIf(testDatabaseKind() === 'pglite')('an embedded database in a folder', () => {
	let dir: string
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'hm-pglite-'))
	})
	afterAll(() => rmSync(dir, { recursive: true, force: true }))

	it('refuses a second opening while it is open, and allows it once closed', async () => {
		const dataDir = path.join(dir, 'pglite')
		await createTestPgliteFolder(dataDir)
		const first = createDatabase(`pglite:${dataDir}`)
		try {
			await first.prisma.$queryRaw`SELECT 1`
			expect(() => createDatabase(`pglite:${dataDir}`)).toThrow(/is in use: this process already has it open\. PGlite can be opened by one process at a time/)
		} finally {
			await first.close()
		}
		const second = createDatabase(`pglite:${dataDir}`)
		await expect(second.prisma.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }])
		await second.close()
	})
})
