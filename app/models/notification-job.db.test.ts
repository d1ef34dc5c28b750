// The periodic notification job: assignments due tomorrow, attempts waiting more than two days
// for review, leads' daily digests. Run again, or twice at once (two servers), it tells everyone
// exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import type { PrismaClient, TeamRole } from '#app/generated/prisma/client.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { runNotificationJob } from './notification-job.server.ts'
import { saveNotificationSettings } from './notification.server.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const now = new Date()
const at = (ms: number) => new Date(now.getTime() + ms)

let db: Database
let prisma: PrismaClient
const people = new Map<string, { id: string; organizationId: string }>()
let exercise: { id: string; versionId: string }
let acme: string
let checkoutId: string

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	prisma = db.prisma
	const created = await prisma.exercise.create({ data: { slug: 'stale-cart', uuid: 'uuid-stale-cart', kind: 'debugging', title: 'Stale cart', difficulty: 2 } })
	const version = await prisma.exerciseVersion.create({
		data: { exerciseId: created.id, number: 1, contentHash: 'x', metadata: { rubric: [] }, brief: '', publicFiles: {}, hiddenTests: {}, solution: {} },
	})
	await prisma.exercise.update({ where: { id: created.id }, data: { currentVersionId: version.id } })
	exercise = { id: created.id, versionId: version.id }
	acme = (await prisma.organization.create({ data: { name: 'Acme' } })).id
	for (const [key, orgRole] of [
		['sam', 'member'],
		['ada', 'member'],
		['grace', 'member'],
		['linus', 'member'],
		['rosa', 'member'],
		['morgan', 'admin'],
	] as const) {
		const user = await prisma.user.create({
			data: { organizationId: acme, name: key[0]!.toUpperCase() + key.slice(1), email: `${key}@test.dev`, passwordHash: 'x', orgRole },
		})
		people.set(key, { id: user.id, organizationId: acme })
	}
	const team = async (name: string, members: Array<[string, TeamRole]>) => {
		const { id } = await prisma.team.create({ data: { organizationId: acme, name } })
		for (const [key, role] of members) await prisma.membership.create({ data: { organizationId: acme, teamId: id, userId: who(key).id, role } })
		return id
	}
	checkoutId = await team('Checkout', [
		['sam', 'lead'],
		['ada', 'learner'],
		['grace', 'learner'],
		['linus', 'learner'],
	])
	// Rosa's team has no lead: the admins hear of her waiting attempts.
	await team('Platform', [['rosa', 'learner']])
})

afterAll(async () => {
	await db?.close()
})

const who = (key: string) => people.get(key)!
const notificationsOf = (key: string, kind: string) =>
	prisma.notification.findMany({
		where: { userId: who(key).id, kind: kind as never },
		orderBy: { createdAt: 'asc' },
		select: { text: true, link: true, email: true },
	})
const outboxTo = (key: string) =>
	prisma.outboxMessage.findMany({ where: { to: `${key}@test.dev` }, orderBy: { createdAt: 'asc' }, select: { subject: true, text: true } })

async function attempt(key: string, status: 'in_progress' | 'solved' | 'gave_up', finishedAt: Date | null, assignmentId: string | null = null) {
	return prisma.attempt.create({
		data: {
			organizationId: acme,
			userId: who(key).id,
			exerciseId: exercise.id,
			exerciseVersionId: exercise.versionId,
			assignmentId,
			draft: {},
			status,
			startedAt: at(-4 * DAY),
			finishedAt,
		},
		select: { id: true },
	})
}

describe('assignments due tomorrow', () => {
	let dueSoon: string
	beforeAll(async () => {
		const assignment = (dueAt: Date, extra: { cancelledAt?: Date } = {}) =>
			prisma.assignment.create({ data: { organizationId: acme, teamId: checkoutId, exerciseId: exercise.id, dueAt, createdAt: at(-5 * DAY), ...extra } })
		dueSoon = (await assignment(at(20 * HOUR))).id
		await assignment(at(30 * HOUR))
		await assignment(at(10 * HOUR), { cancelledAt: at(-HOUR) })
		await attempt('grace', 'solved', at(-DAY), dueSoon)
		await attempt('linus', 'in_progress', null, dueSoon)
		await saveNotificationSettings(who('linus'), { deliveries: { assignment_due: 'in_app' }, dailyDigest: false })
	})

	it('reminds each learner who has not finished, once, by e-mail unless they chose the app only', async () => {
		const first = await runNotificationJob(now)
		expect(first.dueSoon).toBe(2)
		expect(await notificationsOf('ada', 'assignment_due')).toEqual([
			{ text: expect.stringMatching(/^“Stale cart” is due .+ UTC and you have not finished it yet\.$/), link: '/exercises/stale-cart', email: 'sent' },
		])
		expect(await notificationsOf('linus', 'assignment_due')).toEqual([expect.objectContaining({ email: 'none' })])
		expect(await notificationsOf('grace', 'assignment_due')).toEqual([])
		expect((await outboxTo('ada')).map((mail) => mail.subject)).toEqual(['Due tomorrow: Stale cart'])
	})

	it('tells nobody again when it runs again, or when two servers run it at the same moment', async () => {
		expect((await runNotificationJob(now)).dueSoon).toBe(0)
		const [one, two] = await Promise.all([runNotificationJob(at(HOUR)), runNotificationJob(at(HOUR))])
		expect(one.dueSoon + two.dueSoon).toBe(0)
		expect(await notificationsOf('ada', 'assignment_due')).toHaveLength(1)
		expect(await outboxTo('ada')).toHaveLength(1)
	})
})

describe('attempts waiting for review', () => {
	beforeAll(async () => {
		await attempt('ada', 'gave_up', at(-3 * DAY))
		await attempt('linus', 'solved', at(-DAY))
		await attempt('rosa', 'solved', at(-2 * DAY - HOUR))
		const reviewed = await attempt('grace', 'solved', at(-4 * DAY))
		await prisma.review.create({ data: { organizationId: acme, attemptId: reviewed.id, reviewerId: who('sam').id, scores: {}, percent: 50, summary: 'Fine.' } })
		// An attempt that finished long ago belongs to the time before the job ran.
		await attempt('ada', 'solved', at(-30 * DAY))
	})

	it('tells the learner’s leads of an attempt unreviewed for more than two days, and the admins when the team has no lead', async () => {
		expect((await runNotificationJob(now)).waiting).toBe(2)
		expect(await notificationsOf('sam', 'review_waiting')).toEqual([
			{ text: 'Ada’s attempt at “Stale cart” has waited 3 days for a review.', link: expect.stringMatching(/^\/reviews\//), email: 'none' },
		])
		expect(await notificationsOf('morgan', 'review_waiting')).toEqual([
			expect.objectContaining({ text: 'Rosa’s attempt at “Stale cart” has waited 2 days for a review.' }),
		])
		expect(await notificationsOf('ada', 'review_waiting')).toEqual([])
	})

	it('tells them once, however often it runs', async () => {
		await Promise.all([runNotificationJob(at(HOUR)), runNotificationJob(at(HOUR))])
		expect(await notificationsOf('sam', 'review_waiting')).toHaveLength(1)
		// Linus's and Grace's attempts of yesterday cross two days a day later and are told then, once.
		expect((await runNotificationJob(at(DAY + HOUR))).waiting).toBe(2)
		expect((await runNotificationJob(at(DAY + 2 * HOUR))).waiting).toBe(0)
		expect((await notificationsOf('sam', 'review_waiting')).map((n) => n.text)).toEqual([
			'Ada’s attempt at “Stale cart” has waited 3 days for a review.',
			'Grace’s attempt at “Stale cart” has waited 2 days for a review.',
			'Linus’s attempt at “Stale cart” has waited 2 days for a review.',
		])
	})
})

describe('a lead’s daily digest', () => {
	beforeAll(async () => {
		// Tidewater: Bill, its admin, reviews Tia and Tom, whose team has no lead.
		const tidewater = (await prisma.organization.create({ data: { name: 'Tidewater' } })).id
		for (const [key, orgRole] of [
			['bill', 'admin'],
			['tia', 'member'],
			['tom', 'member'],
		] as const) {
			const user = await prisma.user.create({
				data: { organizationId: tidewater, name: key[0]!.toUpperCase() + key.slice(1), email: `${key}@test.dev`, passwordHash: 'x', orgRole },
			})
			people.set(key, { id: user.id, organizationId: tidewater })
		}
		const harbour = await prisma.team.create({ data: { organizationId: tidewater, name: 'Harbour' } })
		for (const key of ['tia', 'tom'])
			await prisma.membership.create({ data: { organizationId: tidewater, teamId: harbour.id, userId: who(key).id, role: 'learner' } })
		await saveNotificationSettings(who('bill'), { deliveries: { review_waiting: 'email' }, dailyDigest: true })
		for (const key of ['tia', 'tom'])
			await prisma.attempt.create({
				data: {
					organizationId: tidewater,
					userId: who(key).id,
					exerciseId: exercise.id,
					exerciseVersionId: exercise.versionId,
					draft: {},
					status: 'gave_up',
					startedAt: at(-DAY),
					finishedAt: at(HOUR),
				},
			})
	})

	it('holds the mails until the oldest is a day old, then sends one digest of them all, once', async () => {
		await runNotificationJob(at(2 * DAY + 2 * HOUR))
		expect((await notificationsOf('bill', 'review_waiting')).map((n) => n.email)).toEqual(['digest_pending', 'digest_pending'])
		expect(await outboxTo('bill')).toEqual([])
		expect((await runNotificationJob(at(3 * DAY + HOUR))).digests).toBe(0)
		const [one, two] = await Promise.all([runNotificationJob(at(3 * DAY + 2 * HOUR)), runNotificationJob(at(3 * DAY + 2 * HOUR))])
		expect(one.digests + two.digests).toBe(1)
		const mails = await outboxTo('bill')
		expect(mails.map((mail) => mail.subject)).toEqual(['Hardmode: 2 notifications since your last digest'])
		expect(mails[0]!.text).toContain('An attempt has waited two days for your review (2)')
		expect(mails[0]!.text).toContain('Tia’s attempt at “Stale cart”')
		expect(mails[0]!.text).toContain('Tom’s attempt at “Stale cart”')
		expect((await notificationsOf('bill', 'review_waiting')).map((n) => n.email)).toEqual(['digested', 'digested'])
		expect((await runNotificationJob(at(5 * DAY))).digests).toBe(0)
		expect(await outboxTo('bill')).toHaveLength(1)
	})
})
