import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syncExercises } from '#app/models/exercise.server.ts'
import type { Database } from '#app/utils/db.server.ts'
import { resetDatabase } from '#app/utils/migrate.server.ts'
import { verifyPassword } from '#app/utils/password.server.ts'
import { createTestDatabase, testDatabaseKind } from '#tests/db.ts'
import { DEMO_LOGINS, DEMO_PASSWORD, ensureSeeded, reseedDemo, seedDemo } from './demo.ts'

describe(`demo seed (${testDatabaseKind()})`, () => {
	let database: Database
	beforeAll(async () => {
		database = await createTestDatabase()
	})
	afterAll(() => database?.close())

	const counts = async () => ({
		organizations: await database.prisma.organization.count(),
		users: await database.prisma.user.count(),
		teams: await database.prisma.team.count(),
		memberships: await database.prisma.membership.count(),
		seededEvents: await database.prisma.auditEvent.count({ where: { action: 'organization.seeded' } }),
	})
	const seeded = { organizations: 1, users: 5, teams: 1, memberships: 4, seededEvents: 1 }

	it('ensureSeeded seeds an empty database, and only an empty one', async () => {
		expect(await ensureSeeded(database.prisma)).toBe(true)
		expect(await counts()).toEqual(seeded)
		expect(await ensureSeeded(database.prisma)).toBe(false)
		expect(await counts()).toEqual(seeded)
	})

	it('creates Acme Payments: an admin, and the team Checkout with its lead and three learners', async () => {
		const organization = await database.prisma.organization.findFirstOrThrow({
			select: {
				name: true,
				users: { select: { email: true, orgRole: true }, orderBy: { email: 'asc' } },
				teams: { select: { name: true, memberships: { select: { role: true, user: { select: { email: true } } } } } },
			},
		})
		expect(organization.name).toBe('Acme Payments')
		expect(organization.users).toEqual([
			{ email: 'ada@hardmode.dev', orgRole: 'member' },
			{ email: 'admin@hardmode.dev', orgRole: 'admin' },
			{ email: 'grace@hardmode.dev', orgRole: 'member' },
			{ email: 'lead@hardmode.dev', orgRole: 'member' },
			{ email: 'linus@hardmode.dev', orgRole: 'member' },
		])
		expect(organization.teams).toHaveLength(1)
		expect(organization.teams[0]!.name).toBe('Checkout')
		expect(organization.teams[0]!.memberships.map((m) => `${m.role} ${m.user.email}`).sort()).toEqual([
			'lead lead@hardmode.dev',
			'learner ada@hardmode.dev',
			'learner grace@hardmode.dev',
			'learner linus@hardmode.dev',
		])
		expect(DEMO_LOGINS.map((login) => login.email).sort()).toEqual(organization.users.map((user) => user.email))
	})

	it('lets every demo login sign in with the demo password (an argon2id hash)', async () => {
		const users = await database.prisma.user.findMany({ select: { passwordHash: true } })
		for (const { passwordHash } of users) {
			expect(passwordHash).toMatch(/^\$argon2id\$/)
			expect(await verifyPassword(passwordHash, DEMO_PASSWORD)).toBe(true)
			expect(await verifyPassword(passwordHash, 'wrong-password')).toBe(false)
		}
	})

	it('is idempotent: seeding again keeps one organisation and five users', async () => {
		expect(await seedDemo(database.prisma)).toMatchObject({ created: false })
		expect(await seedDemo(database.prisma)).toMatchObject({ created: false })
		expect(await counts()).toEqual(seeded)
	})

	it('puts back a missing part without duplicating the rest', async () => {
		await database.prisma.user.delete({ where: { email: 'grace@hardmode.dev' } })
		expect(await seedDemo(database.prisma)).toMatchObject({ created: true })
		expect(await counts()).toEqual({ ...seeded, seededEvents: 2 })
	})

	it('reseedDemo replaces the demo organisation, and leaves other organisations alone', async () => {
		const other = await database.prisma.organization.create({ data: { name: 'Other Co' }, select: { id: true } })
		const { id: oldId } = await database.prisma.organization.findFirstOrThrow({ where: { name: 'Acme Payments' }, select: { id: true } })
		const { organizationId } = await reseedDemo(database.prisma)
		expect(organizationId).not.toBe(oldId)
		expect(await counts()).toEqual({ ...seeded, organizations: 2 })
		await database.prisma.organization.delete({ where: { id: other.id } })
	})

	it('reset empties the database and re-seeds it (npm run db:reset)', async () => {
		const org = await database.prisma.organization.create({ data: { name: 'Scratch Ltd' }, select: { id: true } })
		await database.prisma.user.create({
			data: { organizationId: org.id, email: 'someone@example.com', name: 'Someone', passwordHash: 'x' },
		})
		await resetDatabase(database.prisma)
		expect(await database.prisma.organization.count()).toBe(0)
		expect(await database.prisma.user.count()).toBe(0)
		await reseedDemo(database.prisma)
		expect(await counts()).toEqual(seeded)
		expect(await database.prisma.user.count({ where: { email: 'someone@example.com' } })).toBe(0)
	})

	it('gives the demo team its assignments once the exercises are loaded, one of them overdue and one with pastes blocked', async () => {
		await syncExercises(database.prisma, path.resolve('exercises'))
		await reseedDemo(database.prisma)
		const assignments = await database.prisma.assignment.findMany({
			select: { dueAt: true, pasteBlocked: true, exercise: { select: { slug: true } }, team: { select: { name: true } } },
		})
		expect(assignments.map((a) => a.exercise.slug).sort()).toEqual(['duplicate-usernames', 'old-prices-after-update', 'orders-page-skips-an-order'])
		expect(assignments.every((a) => a.team.name === 'Checkout')).toBe(true)
		expect(assignments.filter((a) => a.dueAt < new Date()).map((a) => a.exercise.slug)).toEqual(['orders-page-skips-an-order'])
		expect(assignments.filter((a) => a.pasteBlocked).map((a) => a.exercise.slug)).toEqual(['old-prices-after-update'])
		expect(await seedDemo(database.prisma)).toMatchObject({ created: false })
		expect(await database.prisma.assignment.count()).toBe(3)
	})
})
