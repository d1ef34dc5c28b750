// Notifications stored where their events happen (an exercise assigned, an attempt reviewed, an
// exercise flagged), each person's choices applied (off, the app only, e-mail, a lead's digest), and
// what a person reads and marks: always only their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import type { PrismaClient, TeamRole } from '#app/generated/prisma/client.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import type { Actor } from '#app/utils/permissions.server.ts'
import { createAssignments } from './assignment.server.ts'
import { raiseFlag } from './flag.server.ts'
import { countUnread, getNotificationSettings, listNotifications, markAllRead, openNotification, saveNotificationSettings } from './notification.server.ts'
import { findReviewableAttempt, ReviewError, saveReview } from './review.server.ts'

const DAY = 86_400_000
let db: Database
let prisma: PrismaClient
const people = new Map<string, Actor & { name: string }>()
let checkoutId: string
let exercise: { id: string; slug: string; title: string; versionId: string }
let otherExercise: { id: string; slug: string; title: string; versionId: string }

const RUBRIC = [{ id: 'diagnosis', title: 'Found the root cause', weight: 1, levels: ['0', '1', '2', '3', '4'] }]

async function makeExercise(slug: string, title: string) {
	const created = await prisma.exercise.create({ data: { slug, uuid: `uuid-${slug}`, kind: 'debugging', title, difficulty: 2 }, select: { id: true } })
	const version = await prisma.exerciseVersion.create({
		data: {
			exerciseId: created.id,
			number: 1,
			contentHash: slug,
			metadata: { kind: 'debugging', rubric: RUBRIC },
			brief: '',
			publicFiles: {},
			hiddenTests: {},
			solution: {},
		},
		select: { id: true },
	})
	await prisma.exercise.update({ where: { id: created.id }, data: { currentVersionId: version.id } })
	return { id: created.id, slug, title, versionId: version.id }
}

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	prisma = db.prisma
	exercise = await makeExercise('stale-cart', 'Stale cart')
	otherExercise = await makeExercise('lost-refund', 'Lost refund')
	const acme = (await prisma.organization.create({ data: { name: 'Acme' }, select: { id: true } })).id
	const tidewater = (await prisma.organization.create({ data: { name: 'Tidewater' }, select: { id: true } })).id
	const person = async (organizationId: string, key: string, name: string, orgRole: 'admin' | 'member' = 'member') => {
		const { id } = await prisma.user.create({
			data: { organizationId, name, email: `${key}@test.dev`, passwordHash: 'x', orgRole },
			select: { id: true },
		})
		people.set(key, { id, name, organizationId, orgRole, teams: [] })
	}
	await person(acme, 'sam', 'Sam')
	await person(acme, 'ada', 'Ada')
	await person(acme, 'grace', 'Grace')
	await person(acme, 'linus', 'Linus')
	await person(acme, 'morgan', 'Morgan', 'admin')
	await person(tidewater, 'bill', 'Bill', 'admin')
	const team = async (organizationId: string, name: string, members: Array<[string, TeamRole]>) => {
		const { id } = await prisma.team.create({ data: { organizationId, name }, select: { id: true } })
		for (const [key, role] of members) {
			const actor = people.get(key)!
			await prisma.membership.create({ data: { organizationId, teamId: id, userId: actor.id, role } })
			people.set(key, { ...actor, teams: [...actor.teams, { id, role }] })
		}
		return id
	}
	checkoutId = await team(acme, 'Checkout', [
		['sam', 'lead'],
		['ada', 'learner'],
		['grace', 'learner'],
		['linus', 'learner'],
	])
})

afterAll(async () => {
	await db?.close()
})

const who = (key: string) => people.get(key)!
const notificationsOf = (key: string) =>
	prisma.notification.findMany({
		where: { userId: who(key).id },
		orderBy: { createdAt: 'asc' },
		select: { kind: true, text: true, link: true, email: true, key: true },
	})
const outboxTo = (key: string) =>
	prisma.outboxMessage.findMany({ where: { to: `${key}@test.dev` }, orderBy: { createdAt: 'asc' }, select: { subject: true, text: true, kind: true } })

async function assign(audience: 'team' | 'members', memberKeys: string[] = [], slug = exercise.slug) {
	return createAssignments({
		organizationId: who('sam').organizationId,
		teamId: checkoutId,
		actorId: who('sam').id,
		slugs: [slug],
		audience,
		memberIds: memberKeys.map((key) => who(key).id),
		dueAt: new Date('2026-12-20T17:00:00.000Z'),
		rules: { hintsAllowed: true, pasteBlocked: false, hardMode: false },
	})
}

describe('an exercise assigned', () => {
	it('tells each learner of a whole-team assignment, not the lead who set it, with a link to the exercise', async () => {
		// Grace wants e-mail for new assignments; Linus turned them off.
		await saveNotificationSettings(who('grace'), { deliveries: { assignment_given: 'email' }, dailyDigest: false })
		await saveNotificationSettings(who('linus'), { deliveries: { assignment_given: 'off' }, dailyDigest: false })
		const [created] = await assign('team')
		expect(await notificationsOf('ada')).toEqual([
			{
				kind: 'assignment_given',
				text: 'You were assigned “Stale cart” in Checkout, due Sun 20 Dec, 17:00 UTC.',
				link: '/exercises/stale-cart',
				email: 'none',
				key: `assignment_given:${created!.id}:${who('ada').id}`,
			},
		])
		expect(await notificationsOf('sam')).toEqual([])
		expect(await notificationsOf('linus')).toEqual([])
		expect(await outboxTo('ada')).toEqual([])
	})

	it('mails those who chose e-mail, through the outbox, with the link and where to change the setting', async () => {
		expect(await notificationsOf('grace')).toMatchObject([{ kind: 'assignment_given', email: 'sent' }])
		const [mail] = await outboxTo('grace')
		expect(mail).toMatchObject({ subject: 'New assignment: Stale cart', kind: 'notification.assignment_given' })
		expect(mail!.text).toContain('You were assigned “Stale cart” in Checkout')
		expect(mail!.text).toMatch(/Open it in Hardmode: http:\/\/\S+\/exercises\/stale-cart/)
		expect(mail!.text).toMatch(/notification settings: http:\/\/\S+\/settings\/notifications/)
	})

	it('tells only the chosen members of a members-only assignment', async () => {
		await assign('members', ['linus'], otherExercise.slug)
		await saveNotificationSettings(who('linus'), { deliveries: { assignment_given: 'in_app' }, dailyDigest: false })
		await assign('members', ['linus'], otherExercise.slug)
		expect((await notificationsOf('linus')).map((n) => n.text)).toEqual(['You were assigned “Lost refund” in Checkout, due Sun 20 Dec, 17:00 UTC.'])
		expect((await notificationsOf('ada')).map((n) => n.kind)).toEqual(['assignment_given'])
	})
})

describe('an attempt reviewed', () => {
	let attemptId: string
	beforeAll(async () => {
		const ada = who('ada')
		const attempt = await prisma.attempt.create({
			data: {
				organizationId: ada.organizationId,
				userId: ada.id,
				exerciseId: exercise.id,
				exerciseVersionId: exercise.versionId,
				draft: {},
				status: 'solved',
				finishedAt: new Date(Date.now() - DAY),
			},
			select: { id: true },
		})
		attemptId = attempt.id
	})

	it('tells the learner who reviewed it and the score, in the review’s own transaction', async () => {
		const reviewable = await findReviewableAttempt(who('sam'), attemptId)
		await saveReview(who('sam'), reviewable, { scores: { diagnosis: 3 }, summary: 'Clear method.', baseVersion: 0 })
		const ofReviews = (await notificationsOf('ada')).filter((n) => n.kind === 'attempt_reviewed')
		expect(ofReviews).toEqual([
			expect.objectContaining({ text: 'Sam reviewed your attempt at “Stale cart”: 75%.', link: `/attempts/${attemptId}`, email: 'none' }),
		])
	})

	it('tells them again when the score changes, and not when a stale save is refused', async () => {
		const reviewable = await findReviewableAttempt(who('morgan'), attemptId)
		await saveReview(who('morgan'), reviewable, { scores: { diagnosis: 4 }, summary: 'Even clearer.', baseVersion: 1 })
		await expect(saveReview(who('sam'), reviewable, { scores: { diagnosis: 1 }, summary: 'Late.', baseVersion: 1 })).rejects.toBeInstanceOf(ReviewError)
		const ofReviews = (await notificationsOf('ada')).filter((n) => n.kind === 'attempt_reviewed').map((n) => n.text)
		expect(ofReviews).toEqual(['Sam reviewed your attempt at “Stale cart”: 75%.', 'Morgan updated the review of your attempt at “Stale cart”: 100%.'])
	})
})

describe('an exercise flagged', () => {
	it('tells the organisation’s leads and admins, not the learner who raised it nor another organisation', async () => {
		await saveNotificationSettings(who('morgan'), { deliveries: { exercise_flagged: 'email' }, dailyDigest: false })
		const flagged = await raiseFlag(who('ada'), exercise.slug, { reason: 'ambiguous', comment: 'Which cart is stale?', attemptId: null })
		expect(flagged.ok).toBe(true)
		for (const key of ['sam', 'morgan'])
			expect((await notificationsOf(key)).filter((n) => n.kind === 'exercise_flagged')).toEqual([
				expect.objectContaining({ text: 'Ada flagged “Stale cart”: ambiguous.', link: '/reviews' }),
			])
		expect((await notificationsOf('ada')).some((n) => n.kind === 'exercise_flagged')).toBe(false)
		expect(await notificationsOf('bill')).toEqual([])
		expect((await outboxTo('morgan')).map((mail) => mail.subject)).toEqual(['Exercise flagged: Stale cart'])
	})
})

describe('a lead’s daily digest', () => {
	it('keeps the e-mails of a lead who chose the digest for it instead of mailing each', async () => {
		await saveNotificationSettings(who('sam'), { deliveries: { exercise_flagged: 'email' }, dailyDigest: true })
		await raiseFlag(who('grace'), otherExercise.slug, { reason: 'broken', comment: 'The visible test never ends.', attemptId: null })
		const flags = (await notificationsOf('sam')).filter((n) => n.kind === 'exercise_flagged')
		expect(flags.map((n) => n.email)).toEqual(['none', 'digest_pending'])
		expect(await outboxTo('sam')).toEqual([])
	})

	it('does not hold back the e-mails of someone who leads nothing, whatever setting was stored', async () => {
		// Ada leads nothing: a digest setting stored for her does not hold her e-mails back.
		await saveNotificationSettings(who('ada'), { deliveries: { attempt_reviewed: 'email' }, dailyDigest: true })
		const attempt = await prisma.attempt.create({
			data: {
				organizationId: who('ada').organizationId,
				userId: who('ada').id,
				exerciseId: otherExercise.id,
				exerciseVersionId: otherExercise.versionId,
				draft: {},
				status: 'gave_up',
				finishedAt: new Date(),
			},
			select: { id: true },
		})
		await saveReview(who('sam'), await findReviewableAttempt(who('sam'), attempt.id), { scores: { diagnosis: 2 }, summary: 'Keep going.', baseVersion: 0 })
		expect((await outboxTo('ada')).map((mail) => mail.subject)).toEqual(['Your attempt at Lost refund was reviewed'])
	})
})

describe('preferences', () => {
	it('reads back each kind’s choice with the defaults filled in, and the digest', async () => {
		expect(await getNotificationSettings(who('sam'))).toEqual({
			deliveries: { assignment_given: 'in_app', assignment_due: 'email', attempt_reviewed: 'in_app', review_waiting: 'in_app', exercise_flagged: 'email' },
			dailyDigest: true,
		})
	})

	it('changes only the kinds given', async () => {
		await saveNotificationSettings(who('sam'), { deliveries: { review_waiting: 'off' }, dailyDigest: false })
		expect(await getNotificationSettings(who('sam'))).toEqual({
			deliveries: { assignment_given: 'in_app', assignment_due: 'email', attempt_reviewed: 'in_app', review_waiting: 'off', exercise_flagged: 'email' },
			dailyDigest: false,
		})
	})
})

describe('what a person reads', () => {
	it('lists their own notifications newest first and counts the unread', async () => {
		const { notifications, total } = await listNotifications(who('ada'))
		expect(total).toBe(notifications.length)
		expect(notifications[0]!.kind).toBe('attempt_reviewed')
		expect(notifications.at(-1)!.kind).toBe('assignment_given')
		expect(await countUnread(who('ada'))).toBe(total)
	})

	it('opens one of theirs (marking it read) and refuses someone else’s', async () => {
		const [newest] = (await listNotifications(who('ada'))).notifications
		expect(await openNotification(who('sam'), newest!.id)).toBeNull()
		expect(await openNotification(who('bill'), newest!.id)).toBeNull()
		expect(await openNotification(who('ada'), newest!.id)).toMatch(/^\/attempts\//)
		const before = await countUnread(who('ada'))
		expect((await listNotifications(who('ada'))).notifications[0]!.readAt).not.toBeNull()
		expect(await markAllRead(who('sam'))).toBeGreaterThan(0)
		expect(await countUnread(who('ada'))).toBe(before)
		expect(await markAllRead(who('ada'))).toBe(before)
		expect(await countUnread(who('ada'))).toBe(0)
	})
})

describe('an address not yet confirmed', () => {
	it('gets no e-mail, whatever was chosen; the notification stays in the app', async () => {
		await prisma.user.update({ where: { id: who('linus').id }, data: { emailVerifiedAt: null } })
		await saveNotificationSettings(who('linus'), { deliveries: { assignment_given: 'email' }, dailyDigest: false })
		await assign('members', ['linus'], exercise.slug)
		expect((await notificationsOf('linus')).at(-1)).toMatchObject({ kind: 'assignment_given', email: 'none' })
		expect(await outboxTo('linus')).toEqual([])
	})
})

describe('someone removed from the organisation', () => {
	it('is told nothing more, even as an admin who would hear of every flag', async () => {
		const { id } = await prisma.user.create({
			data: { organizationId: who('sam').organizationId, name: 'Rowan', email: 'rowan@test.dev', passwordHash: 'x', orgRole: 'admin', removedAt: new Date() },
			select: { id: true },
		})
		await raiseFlag(who('linus'), exercise.slug, { reason: 'too_easy', comment: 'Solved it in a minute.', attemptId: null })
		expect(await prisma.notification.count({ where: { userId: id } })).toBe(0)
		expect((await notificationsOf('morgan')).filter((n) => n.text === 'Linus flagged “Stale cart”: too easy.')).toHaveLength(1)
	})
})
