import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { hashPassword } from '#app/utils/password.server.ts'

// The demo organisation a fresh install starts with, so there is something to log in to.
// The demo password is deliberately weaker than sign-up allows: it is printed at start.

const DEMO_ORGANIZATION_NAME = 'Acme Payments'
export const DEMO_TEAM_NAME = 'Checkout'
export const DEMO_PASSWORD = 'hardmode-demo'

type DemoRole = 'admin' | 'lead' | 'learner'

const DEMO_USERS: { role: DemoRole; email: string; name: string }[] = [
	{ role: 'admin', email: 'admin@hardmode.dev', name: 'Morgan Admin' },
	{ role: 'lead', email: 'lead@hardmode.dev', name: 'Sam Lead' },
	{ role: 'learner', email: 'ada@hardmode.dev', name: 'Ada Moreno' },
	{ role: 'learner', email: 'grace@hardmode.dev', name: 'Grace Okafor' },
	{ role: 'learner', email: 'linus@hardmode.dev', name: 'Linus Berg' },
]

// Assignments the demo lead has given the Checkout team, so a learner's dashboard shows
// real work from the first log-in: one due soon under strict rules, one already overdue.
// Created only for exercises already loaded (the server loads them before seeding).
const DEMO_ASSIGNMENTS: { slug: string; dueInDays: number; hintsAllowed: boolean; pasteBlocked: boolean; hardMode: boolean }[] = [
	{ slug: 'old-prices-after-update', dueInDays: 5, hintsAllowed: true, pasteBlocked: true, hardMode: true },
	{ slug: 'orders-page-skips-an-order', dueInDays: -2, hintsAllowed: true, pasteBlocked: false, hardMode: false },
	{ slug: 'duplicate-usernames', dueInDays: 12, hintsAllowed: false, pasteBlocked: false, hardMode: false },
]

/** The demo accounts, to print after seeding. */
export const DEMO_LOGINS: readonly { role: DemoRole; email: string; name: string; password: string }[] = DEMO_USERS.map((user) => ({
	...user,
	password: DEMO_PASSWORD,
}))

export interface SeedResult {
	organizationId: string
	/** False when everything was already there. */
	created: boolean
}

/**
 * Creates whatever part of the demo organisation is missing: "Acme Payments" (found through
 * its admin's e-mail), its five users, the team "Checkout" with the lead and three learners,
 * and an audit event. Running it again changes nothing.
 */
export async function seedDemo(prisma: PrismaClient): Promise<SeedResult> {
	// One argon2id hash shared by the demo users: hashing is the slow part, and the password is public.
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	return prisma.$transaction(
		async (tx) => {
			let created = false
			const existingAdmin = await tx.user.findUnique({ where: { email: DEMO_USERS[0]!.email }, select: { organizationId: true } })
			let organizationId = existingAdmin?.organizationId
			if (!organizationId) {
				organizationId = (await tx.organization.create({ data: { name: DEMO_ORGANIZATION_NAME }, select: { id: true } })).id
				created = true
			}

			const userIds = new Map<string, string>()
			for (const demo of DEMO_USERS) {
				let user = await tx.user.findUnique({ where: { email: demo.email }, select: { id: true, organizationId: true } })
				if (user && user.organizationId !== organizationId) {
					throw new Error(`Cannot seed the demo organisation: ${demo.email} already belongs to another organisation.`)
				}
				if (!user) {
					user = await tx.user.create({
						data: { organizationId, email: demo.email, name: demo.name, passwordHash, orgRole: demo.role === 'admin' ? 'admin' : 'member' },
						select: { id: true, organizationId: true },
					})
					created = true
				}
				userIds.set(demo.email, user.id)
			}

			let team = await tx.team.findUnique({ where: { organizationId_name: { organizationId, name: DEMO_TEAM_NAME } }, select: { id: true } })
			if (!team) {
				team = await tx.team.create({ data: { organizationId, name: DEMO_TEAM_NAME }, select: { id: true } })
				created = true
			}

			for (const demo of DEMO_USERS) {
				if (demo.role === 'admin') continue
				const userId = userIds.get(demo.email)!
				const membership = await tx.membership.findUnique({ where: { teamId_userId: { teamId: team.id, userId } }, select: { id: true } })
				if (membership) continue
				await tx.membership.create({ data: { organizationId, teamId: team.id, userId, role: demo.role === 'lead' ? 'lead' : 'learner' } })
				created = true
			}

			const leadId = userIds.get(DEMO_USERS.find((user) => user.role === 'lead')!.email)!
			for (const demo of DEMO_ASSIGNMENTS) {
				const exercise = await tx.exercise.findUnique({ where: { slug: demo.slug }, select: { id: true } })
				if (!exercise) continue
				const existing = await tx.assignment.findFirst({ where: { teamId: team.id, exerciseId: exercise.id }, select: { id: true } })
				if (existing) continue
				const { slug: _slug, dueInDays, ...rules } = demo
				await tx.assignment.create({
					data: {
						organizationId,
						teamId: team.id,
						exerciseId: exercise.id,
						createdById: leadId,
						dueAt: new Date(Date.now() + dueInDays * 86_400_000),
						...rules,
					},
					select: { id: true },
				})
				created = true
			}

			if (created) {
				await tx.auditEvent.create({
					data: {
						organizationId,
						actorId: userIds.get(DEMO_USERS[0]!.email)!,
						action: 'organization.seeded',
						targetType: 'Organization',
						targetId: organizationId,
						detail: { users: DEMO_USERS.map((user) => user.email), team: DEMO_TEAM_NAME },
					},
				})
			}
			return { organizationId, created }
		},
		{ timeout: 30_000 },
	)
}

/** Seeds the demo organisation into a database that has no organisation yet; says whether it did. */
export async function ensureSeeded(prisma: PrismaClient): Promise<boolean> {
	if ((await prisma.organization.count()) > 0) return false
	try {
		await seedDemo(prisma)
		return true
	} catch (error) {
		// Another server starting against the same PostgreSQL seeded it first.
		if (isUniqueViolation(error) && (await prisma.organization.count()) > 0) return false
		throw error
	}
}

/** Deletes the demo organisation (everything in it cascades) and seeds it again. */
export async function reseedDemo(prisma: PrismaClient): Promise<SeedResult> {
	const admin = await prisma.user.findUnique({ where: { email: DEMO_USERS[0]!.email }, select: { organizationId: true } })
	if (admin) await prisma.organization.delete({ where: { id: admin.organizationId } })
	return seedDemo(prisma)
}

function isUniqueViolation(error: unknown) {
	return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002'
}
