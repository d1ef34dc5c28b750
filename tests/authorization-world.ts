// The organisation the authorization tests act in, set up once per test file.
import { createTestDatabase } from '#tests/db.ts'
import { loginCookie } from '#tests/routes.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt } from '#app/models/attempt/guard.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { createOrganizationWithAdmin } from '#app/models/organization.server.ts'
import { createTeam } from '#app/models/team.server.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'

export const PERSONAS = ['anonymous', 'learner', 'lead', 'otherTeamLead', 'admin', 'outsider'] as const
export type Persona = (typeof PERSONAS)[number]

/** Who is who in the authorization tests: ids filled in by setUpAuthorizationWorld. */
export const ids = {
	checkout: '',
	platform: '',
	platformLead: '',
	ada: '',
	quinn: '',
	cory: '',
	dana: '',
	adaAttempt: '',
	adaRun: '',
	adaStarter: {} as Record<string, string>,
	adaFinished: '',
	assignment: '',
	flag: '',
}

/**
 * A demo organisation with a second team and its lead, co-leads of Checkout, a member in no
 * team, an outsider organisation, Ada's open and finished attempts, an assignment and a flag;
 * signed-in cookies for each persona.
 */
export async function setUpAuthorizationWorld(): Promise<{ db: Database; cookies: Partial<Record<Persona, string>> }> {
	const cookies: Partial<Record<Persona, string>> = {}
	const db = await createTestDatabase()
	useDatabase(db)
	await seedDemo(db.prisma)
	await syncExercises(db.prisma, 'exercises')
	const org = await db.prisma.organization.findFirstOrThrow({ select: { id: true } })
	const adminUser = await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hardmode.dev' }, select: { id: true } })
	const pat = await db.prisma.user.create({
		data: { organizationId: org.id, email: 'pat@hardmode.dev', name: 'Pat Platform', passwordHash: await hashPassword('hardmode-demo') },
		select: { id: true },
	})
	const platform = await createTeam({ organizationId: org.id, actorId: adminUser.id, name: 'Platform', leadUserId: pat.id })
	if (!platform.ok) throw new Error(platform.message)
	ids.platform = platform.team.id
	ids.platformLead = pat.id
	ids.checkout = (await db.prisma.team.findFirstOrThrow({ where: { name: 'Checkout' }, select: { id: true } })).id
	const adaUser = await db.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { id: true, organizationId: true } })
	ids.ada = adaUser.id
	// Ada's attempt at an exercise nobody else has started; only she may open or change it.
	ids.adaAttempt = (await startAttempt(adaUser, 'leaderboard-order-is-random')).id
	const adaAttempt = await db.prisma.attempt.findUniqueOrThrow({ where: { id: ids.adaAttempt }, select: { draft: true } })
	ids.adaStarter = adaAttempt.draft as Record<string, string>
	ids.adaRun = (
		await db.prisma.run.create({
			data: {
				attemptId: ids.adaAttempt,
				number: 1,
				files: ids.adaStarter,
				result: { version: 1, status: 'fail', tests: [], console: '', timings: { queueMs: 0, compileMs: 0, runMs: 0 } },
				status: 'fail',
				passed: 0,
				failed: 1,
			},
			select: { id: true },
		})
	).id
	await db.prisma.attempt.update({ where: { id: ids.adaAttempt }, data: { runCount: 1 } })
	// A finished attempt of Ada's, which her team's lead may review.
	ids.adaFinished = (await startAttempt(adaUser, 'invoice-total-off-by-a-cent')).id
	await giveUp(await requireAttempt(adaUser, ids.adaFinished))
	const exerciseId = (await db.prisma.exercise.findUniqueOrThrow({ where: { slug: 'retry-storm' }, select: { id: true } })).id
	ids.assignment = (
		await db.prisma.assignment.create({
			data: { organizationId: org.id, teamId: ids.checkout, exerciseId, dueAt: new Date(Date.now() + 5 * 86_400_000) },
			select: { id: true },
		})
	).id
	ids.flag = (
		await db.prisma.exerciseFlag.create({
			data: { organizationId: org.id, exerciseId, raisedById: adaUser.id, reason: 'broken', comment: 'The visible test never finishes.' },
			select: { id: true },
		})
	).id
	// Quinn belongs to the organisation but to no team; Cory and Dana co-lead Checkout with Sam.
	const member = (email: string, name: string) =>
		db.prisma.user.create({ data: { organizationId: org.id, email, name, passwordHash: 'not-used' }, select: { id: true } })
	ids.quinn = (await member('quinn@hardmode.dev', 'Quinn Quiet')).id
	ids.cory = (await member('cory@hardmode.dev', 'Cory Colead')).id
	ids.dana = (await member('dana@hardmode.dev', 'Dana Colead')).id
	for (const userId of [ids.cory, ids.dana]) await db.prisma.membership.create({ data: { organizationId: org.id, teamId: ids.checkout, userId, role: 'lead' } })
	await createOrganizationWithAdmin({
		organizationName: 'Tidewater Software',
		name: 'Bill Lund',
		email: 'bill@tidewater.test',
		password: 'tide tables all week',
	})

	cookies.learner = await loginCookie('ada@hardmode.dev')
	cookies.lead = await loginCookie('lead@hardmode.dev')
	cookies.otherTeamLead = await loginCookie('pat@hardmode.dev')
	cookies.admin = await loginCookie('admin@hardmode.dev')
	cookies.outsider = await loginCookie('bill@tidewater.test', 'tide tables all week')
	return { db, cookies }
}
