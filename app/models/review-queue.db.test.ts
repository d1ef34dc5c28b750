// The review queue as a lead narrows it, on a small world of two organisations: who sees which
// waiting attempts, what each filter keeps, the count beside every choice, and which attempt
// "Save and open the next" opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import type { PrismaClient, TeamRole } from '#app/generated/prisma/client.ts'
import { EMPTY_QUEUE_QUERY, type QueueQuery } from '#app/reviews/queue-query.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { reviewTeamsWhere, type Actor } from '#app/utils/permissions.server.ts'
import { syncExercises } from './exercise.server.ts'
import { countOthersInQueue, findNextInQueue, listAttemptsInProgress, listFilteredReviewQueue } from './review-queue.server.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const now = new Date('2026-12-07T12:00:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms)

let db: Database
let prisma: PrismaClient
const people = new Map<string, Actor>()
const teams = new Map<string, string>()
/** Attempts by a short name: who, which exercise, how long ago it finished. */
const attempts = new Map<string, { id: string; finishedAt: Date | null }>()
const exercises: Array<{ id: string; slug: string; title: string; currentVersionId: string }> = []

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	prisma = db.prisma
	await syncExercises(prisma, 'exercises')
	for (const exercise of await prisma.exercise.findMany({
		orderBy: { slug: 'asc' },
		take: 2,
		select: { id: true, slug: true, title: true, currentVersionId: true },
	}))
		exercises.push({ ...exercise, currentVersionId: exercise.currentVersionId! })
	const acme = (await prisma.organization.create({ data: { name: 'Acme' }, select: { id: true } })).id
	const tidewater = (await prisma.organization.create({ data: { name: 'Tidewater' }, select: { id: true } })).id
	const person = async (organizationId: string, name: string, orgRole: 'admin' | 'member' = 'member') => {
		const { id } = await prisma.user.create({ data: { organizationId, name, email: `${name}@test.dev`, passwordHash: 'x', orgRole }, select: { id: true } })
		people.set(name, { id, organizationId, orgRole, teams: [] })
	}
	for (const name of ['sam', 'pat', 'ada', 'grace', 'rosa']) await person(acme, name)
	await person(acme, 'morgan', 'admin')
	await person(tidewater, 'bill', 'admin')
	await person(tidewater, 'tia')
	const team = async (organizationId: string, name: string, members: Array<[string, TeamRole]>) => {
		const { id } = await prisma.team.create({ data: { organizationId, name }, select: { id: true } })
		teams.set(name, id)
		for (const [member, role] of members) {
			const actor = people.get(member)!
			await prisma.membership.create({ data: { organizationId, teamId: id, userId: actor.id, role } })
			people.set(member, { ...actor, teams: [...actor.teams, { id, role }] })
		}
	}
	// Ada is in both Acme teams, so her attempts count under each.
	await team(acme, 'Checkout', [
		['sam', 'lead'],
		['ada', 'learner'],
		['grace', 'learner'],
	])
	await team(acme, 'Platform', [
		['pat', 'lead'],
		['rosa', 'learner'],
		['ada', 'learner'],
	])
	await team(tidewater, 'Harbour', [
		['bill', 'lead'],
		['tia', 'learner'],
	])
	const [first, second] = exercises
	const assignment = await prisma.assignment.create({
		data: { organizationId: acme, teamId: teams.get('Checkout')!, exerciseId: first!.id, dueAt: ago(-DAY) },
		select: { id: true },
	})
	const attempt = async (
		name: string,
		owner: string,
		exercise: (typeof exercises)[number],
		finished: number | null,
		extra: { assignmentId?: string; reviewed?: boolean } = {},
	) => {
		const actor = people.get(owner)!
		const finishedAt = finished === null ? null : ago(finished)
		const { id } = await prisma.attempt.create({
			data: {
				organizationId: actor.organizationId,
				userId: actor.id,
				exerciseId: exercise.id,
				exerciseVersionId: exercise.currentVersionId,
				assignmentId: extra.assignmentId ?? null,
				draft: {},
				status: finishedAt ? 'solved' : 'in_progress',
				startedAt: ago((finished ?? 0) + HOUR),
				finishedAt,
			},
			select: { id: true },
		})
		if (extra.reviewed) {
			await prisma.review.create({
				data: { organizationId: actor.organizationId, attemptId: id, reviewerId: people.get('sam')!.id, scores: {}, percent: 50, summary: 'ok' },
			})
		}
		attempts.set(name, { id, finishedAt })
	}
	await attempt('ada-assigned-10d', 'ada', first!, 10 * DAY, { assignmentId: assignment.id })
	await attempt('rosa-8d', 'rosa', first!, 8 * DAY)
	await attempt('grace-second-5d', 'grace', second!, 5 * DAY)
	await attempt('grace-1d', 'grace', first!, DAY)
	await attempt('ada-second-2h', 'ada', second!, 2 * HOUR)
	// Never in a queue: still in progress, already reviewed, another organisation's.
	await attempt('grace-open', 'grace', second!, null)
	await attempt('grace-reviewed', 'grace', first!, 20 * DAY, { reviewed: true })
	await attempt('tia-20d', 'tia', first!, 20 * DAY)
})

afterAll(async () => {
	await db?.close()
})

const actor = (name: string) => people.get(name)!
const nameOf = (id: string) => [...attempts].find(([, attempt]) => attempt.id === id)![0]
const query = (change: Partial<QueueQuery> = {}): QueueQuery => ({ ...EMPTY_QUEUE_QUERY, ...change })
const listed = async (name: string, change: Partial<QueueQuery> = {}) =>
	(await listFilteredReviewQueue(actor(name), query(change), now)).rows.map((row) => nameOf(row.id))

describe('whose attempts a reviewer’s queue holds', () => {
	it('lists the finished, unreviewed attempts of the people each one leads, waiting longest first', async () => {
		expect(await listed('sam')).toEqual(['ada-assigned-10d', 'grace-second-5d', 'grace-1d', 'ada-second-2h'])
		expect(await listed('pat')).toEqual(['ada-assigned-10d', 'rosa-8d', 'ada-second-2h'])
		expect(await listed('morgan')).toEqual(['ada-assigned-10d', 'rosa-8d', 'grace-second-5d', 'grace-1d', 'ada-second-2h'])
	})

	it('never shows another organisation’s attempts, nor lets a link’s team reach them', async () => {
		expect(await listed('bill')).toEqual(['tia-20d'])
		const harbour = await listFilteredReviewQueue(actor('morgan'), query({ team: teams.get('Harbour')! }), now)
		expect(harbour.ignoredTeam).toBe(true)
		expect(harbour.rows.map((row) => nameOf(row.id))).not.toContain('tia-20d')
		expect(harbour.choices.team.options.map((team) => team.label)).toEqual(['Checkout', 'Platform'])
		const everything = JSON.stringify(await listFilteredReviewQueue(actor('morgan'), query(), now))
		expect(everything).not.toContain(attempts.get('tia-20d')!.id)
		expect(everything).not.toContain('Harbour')
	})

	it('offers as teams the ones a lead leads, every team of the organisation to an admin', async () => {
		const names = async (who: string) =>
			(await prisma.team.findMany({ where: reviewTeamsWhere(actor(who)), orderBy: { name: 'asc' }, select: { name: true } })).map((team) => team.name)
		expect(await names('sam')).toEqual(['Checkout'])
		expect(await names('pat')).toEqual(['Platform'])
		expect(await names('morgan')).toEqual(['Checkout', 'Platform'])
		expect(await names('ada')).toEqual([])
		expect(await names('bill')).toEqual(['Harbour'])
	})

	it('ignores a team the lead does not lead, rather than showing nothing', async () => {
		const result = await listFilteredReviewQueue(actor('sam'), query({ team: teams.get('Platform')! }), now)
		expect(result.ignoredTeam).toBe(true)
		expect(result.query.team).toBeNull()
		expect(result.rows).toHaveLength(4)
	})
})

describe('each filter', () => {
	it('narrows by team: members of that team, someone in two teams under both', async () => {
		expect(await listed('morgan', { team: teams.get('Platform')! })).toEqual(['ada-assigned-10d', 'rosa-8d', 'ada-second-2h'])
		expect(await listed('morgan', { team: teams.get('Checkout')! })).toEqual(['ada-assigned-10d', 'grace-second-5d', 'grace-1d', 'ada-second-2h'])
	})

	it('narrows by exercise', async () => {
		expect(await listed('sam', { exercise: exercises[0]!.slug })).toEqual(['ada-assigned-10d', 'grace-1d'])
		expect(await listed('sam', { exercise: exercises[1]!.slug })).toEqual(['grace-second-5d', 'ada-second-2h'])
		expect(await listed('sam', { exercise: 'no-such-exercise' })).toEqual([])
	})

	it('narrows to assigned or self-chosen work', async () => {
		expect(await listed('sam', { source: 'assigned' })).toEqual(['ada-assigned-10d'])
		expect(await listed('sam', { source: 'self' })).toEqual(['grace-second-5d', 'grace-1d', 'ada-second-2h'])
	})

	it('narrows to attempts waiting more than three days, or a week', async () => {
		expect(await listed('sam', { waiting: '3d' })).toEqual(['ada-assigned-10d', 'grace-second-5d'])
		expect(await listed('sam', { waiting: '7d' })).toEqual(['ada-assigned-10d'])
	})

	it('combines filters, and orders newest first when asked', async () => {
		expect(await listed('sam', { exercise: exercises[0]!.slug, source: 'self' })).toEqual(['grace-1d'])
		expect(await listed('morgan', { team: teams.get('Platform')!, waiting: '3d' })).toEqual(['ada-assigned-10d', 'rosa-8d'])
		expect(await listed('sam', { sort: 'newest' })).toEqual(['ada-second-2h', 'grace-1d', 'grace-second-5d', 'ada-assigned-10d'])
	})

	it('counts every choice with the other filters as they are', async () => {
		const result = await listFilteredReviewQueue(actor('morgan'), query({ exercise: exercises[0]!.slug }), now)
		expect(result.matching).toBe(3)
		expect(result.waiting).toBe(5)
		expect(result.choices.team).toEqual({
			any: 3,
			options: [
				{ value: teams.get('Checkout')!, label: 'Checkout', count: 2 },
				{ value: teams.get('Platform')!, label: 'Platform', count: 2 },
			],
		})
		// The exercise's own choices ignore the exercise filter.
		expect(result.choices.exercise.any).toBe(5)
		expect(result.choices.exercise.options.map((option) => [option.value, option.count])).toEqual(
			[...exercises].sort((a, b) => a.title.localeCompare(b.title)).map((exercise) => [exercise.slug, exercise === exercises[0] ? 3 : 2]),
		)
		expect(result.choices.source).toEqual({ any: 3, assigned: 1, self: 2 })
		expect(result.choices.waiting).toEqual({ any: 3, '3d': 2, '7d': 2 })
	})
})

describe('the next attempt to open', () => {
	const next = async (who: string, from: string, change: Partial<QueueQuery> = {}) => {
		const id = await findNextInQueue(actor(who), query(change), now, attempts.get(from)!)
		return id ? nameOf(id) : null
	}

	it('is the one after in the queue’s order, with its filters', async () => {
		expect(await next('sam', 'grace-second-5d')).toBe('grace-1d')
		expect(await next('sam', 'grace-second-5d', { sort: 'newest' })).toBe('ada-assigned-10d')
		expect(await next('sam', 'ada-assigned-10d', { source: 'self' })).toBe('grace-second-5d')
		expect(await next('morgan', 'ada-assigned-10d', { team: teams.get('Platform')! })).toBe('rosa-8d')
	})

	it('wraps round to the start, so attempts skipped earlier come back', async () => {
		expect(await next('sam', 'ada-second-2h')).toBe('ada-assigned-10d')
		expect(await next('sam', 'grace-second-5d', { waiting: '3d' })).toBe('ada-assigned-10d')
	})

	it('is nothing when no other attempt waits under the filters', async () => {
		expect(await next('sam', 'ada-assigned-10d', { waiting: '7d' })).toBeNull()
		expect(await next('bill', 'tia-20d')).toBeNull()
		expect(await countOthersInQueue(actor('sam'), query({ waiting: '7d' }), now, attempts.get('ada-assigned-10d')!.id)).toBe(0)
		expect(await countOthersInQueue(actor('sam'), query(), now, attempts.get('ada-assigned-10d')!.id)).toBe(3)
	})

	it('never crosses into what the reviewer may not review', async () => {
		expect(await next('pat', 'rosa-8d', { exercise: exercises[1]!.slug })).toBe('ada-second-2h')
		expect(await next('pat', 'ada-second-2h', { exercise: exercises[1]!.slug })).toBeNull()
	})
})

describe('attempts in progress', () => {
	it('lists the open attempts of the people a reviewer leads, for watching read-only, and nobody else’s', async () => {
		const open = async (who: string) => (await listAttemptsInProgress(actor(who))).map((attempt) => nameOf(attempt.id))
		expect(await open('sam')).toEqual(['grace-open'])
		expect(await open('morgan')).toEqual(['grace-open'])
		expect(await open('pat')).toEqual([])
		expect(await open('bill')).toEqual([])
	})
})
