import { randomUUID } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syncExercises } from '#app/models/exercise.server.ts'
import { getEngineerProfile } from '#app/models/growth/engineer-profile.server.ts'
import { getTeamGrowth } from '#app/models/growth/team-growth.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { fixedCatalogue } from '#tests/catalogue.ts'
import { createTestDatabase } from '#tests/db.ts'
import { DEMO_TEAM_NAME, seedDemo } from '../demo.ts'
import { HISTORY_LOGINS, HISTORY_SEEDED_ACTION, SECOND_TEAM_NAME, seedDemoHistory, type HistorySummary } from './index.ts'

// Two months rather than six keep the test quick; the simulation is the same.
const now = new Date('2026-12-01T12:00:00Z')
const options = { now, days: 60 }
const DAY_MS = 86_400_000

// A fixed catalogue, so the simulated history does not change as exercises are added.
const catalogue = fixedCatalogue()
const catalogueRoot = catalogue.root

async function seededDatabase() {
	const database = await createTestDatabase()
	useDatabase(database)
	await syncExercises(database.prisma, catalogueRoot)
	await seedDemo(database.prisma)
	return database
}

/** What a person would see of the history: who attempted what, when, how it ended, with how much help and what review. */
function historyOf(database: Database) {
	return database.prisma.attempt.findMany({
		orderBy: [{ startedAt: 'asc' }, { user: { email: 'asc' } }],
		select: {
			startedAt: true,
			finishedAt: true,
			status: true,
			hintsRevealed: true,
			outsidePastes: true,
			runCount: true,
			submissionCount: true,
			user: { select: { email: true } },
			exercise: { select: { slug: true } },
			review: { select: { percent: true, createdAt: true } },
		},
	})
}

describe('demo history', () => {
	let database: Database
	let summary: HistorySummary | null
	let organizationId: string

	beforeAll(async () => {
		database = await seededDatabase()
		summary = await seedDemoHistory(options)
		organizationId = (await database.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { organizationId: true } })).organizationId
	}, 120_000)

	afterAll(async () => {
		await getDefaultPool().close()
		await database?.close()
		catalogue.remove()
	})

	it('adds learners of different skill in two teams, with finished attempts, assignments, reviews and notes', async () => {
		expect(summary).toMatchObject({ organizationId, learners: 8, teams: 2 })
		expect(summary!.attempts).toBeGreaterThan(20)
		expect(summary!.solved).toBeGreaterThan(0)
		expect(summary!.gaveUp).toBeGreaterThan(0)
		expect(summary!.reviews).toBeGreaterThan(0)
		expect(summary!.notes).toBeGreaterThan(0)
		expect(summary!.ratingChanges).toBeGreaterThan(summary!.attempts)
		const second = await database.prisma.team.findFirstOrThrow({
			where: { organizationId, name: SECOND_TEAM_NAME },
			select: { memberships: { select: { role: true, user: { select: { email: true } } } } },
		})
		expect(second.memberships.map((membership) => `${membership.role}:${membership.user.email}`).sort()).toEqual(
			['lead:lead@hardmode.dev', ...HISTORY_LOGINS.filter((login) => login.team === SECOND_TEAM_NAME).map((login) => `learner:${login.email}`)].sort(),
		)
		for (const login of HISTORY_LOGINS) expect(await database.prisma.attempt.count({ where: { user: { email: login.email } } })).toBeGreaterThan(0)
	})

	it('dates everything inside the period, in order: attempts before their reviews, nothing in the future', async () => {
		const history = await historyOf(database)
		for (const attempt of history) {
			expect(attempt.status).not.toBe('in_progress')
			expect(attempt.startedAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 61 * DAY_MS)
			expect(attempt.finishedAt!.getTime()).toBeLessThan(now.getTime())
			if (attempt.review) {
				expect(attempt.review.createdAt.getTime()).toBeGreaterThan(attempt.finishedAt!.getTime())
				expect(attempt.review.createdAt.getTime()).toBeLessThan(now.getTime())
			}
		}
		const audit = await database.prisma.auditEvent.findMany({
			where: { organizationId, action: { in: ['review.saved', 'assignment.created'] } },
			select: { createdAt: true },
		})
		expect(audit.length).toBeGreaterThan(0)
		for (const event of audit) expect(event.createdAt.getTime()).toBeLessThan(now.getTime())
	})

	it('dates the learners’ notifications of assignments and reviews with the history, the old ones read', async () => {
		const notifications = await database.prisma.notification.findMany({ where: { organizationId }, select: { kind: true, createdAt: true, readAt: true } })
		expect(new Set(notifications.map((notification) => notification.kind))).toEqual(new Set(['assignment_given', 'attempt_reviewed', 'exercise_flagged']))
		for (const notification of notifications) {
			expect(notification.createdAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 61 * DAY_MS)
			expect(notification.createdAt.getTime()).toBeLessThan(now.getTime())
			if (notification.createdAt.getTime() < now.getTime() - 11 * DAY_MS) expect(notification.readAt).not.toBeNull()
		}
	})

	it('has learners flag a few exercises after their attempts, most flags still open, dated with the history', async () => {
		const flags = await database.prisma.exerciseFlag.findMany({
			where: { organizationId },
			select: { createdAt: true, resolvedAt: true, comment: true, attempt: { select: { finishedAt: true, userId: true } }, raisedById: true },
		})
		expect(flags).toHaveLength(3)
		expect(flags.filter((flag) => flag.resolvedAt === null)).toHaveLength(2)
		for (const flag of flags) {
			expect(flag.comment.length).toBeGreaterThan(20)
			expect(flag.attempt!.userId).toBe(flag.raisedById)
			expect(flag.createdAt.getTime()).toBeGreaterThan(flag.attempt!.finishedAt!.getTime())
			expect(flag.createdAt.getTime()).toBeLessThan(now.getTime())
		}
	})

	it('rates every first attempt and no retry', async () => {
		const metrics = await database.prisma.attemptMetrics.findMany({ where: { organizationId }, select: { attemptId: true, firstAttempt: true } })
		expect(metrics).toHaveLength(summary!.attempts)
		const rated = new Set(
			(await database.prisma.ratingChange.findMany({ where: { organizationId }, select: { attemptId: true } })).map((change) => change.attemptId),
		)
		expect(
			metrics
				.filter((row) => row.firstAttempt)
				.map((row) => row.attemptId)
				.sort(),
		).toEqual([...rated].sort())
		expect(metrics.some((row) => !row.firstAttempt)).toBe(true)
	})

	it('leaves the demo’s current assignments untouched for the team they are set for', async () => {
		const checkout = await database.prisma.team.findFirstOrThrow({ where: { organizationId, name: DEMO_TEAM_NAME }, select: { id: true } })
		const current = await database.prisma.assignment.findMany({ where: { teamId: checkout.id, dueAt: { gt: now } }, select: { exerciseId: true } })
		expect(current.length).toBeGreaterThan(0)
		expect(
			await database.prisma.attempt.count({
				where: { exerciseId: { in: current.map((assignment) => assignment.exerciseId) }, user: { memberships: { some: { teamId: checkout.id } } } },
			}),
		).toBe(0)
	})

	it('gives the growth pages something to show, with the strong ahead of the struggling', async () => {
		const checkout = await database.prisma.team.findFirstOrThrow({ where: { organizationId, name: DEMO_TEAM_NAME }, select: { id: true } })
		const growth = await getTeamGrowth(organizationId, checkout.id, now)
		expect(growth!.members.map((member) => member.name).sort()).toEqual(['Ada Moreno', 'Grace Okafor', 'Linus Berg', 'Priya Nair', 'Tomás Ruiz'])
		const mean = (name: string) => {
			const ratings = Object.values(growth!.members.find((member) => member.name === name)!.ratings)
			return ratings.reduce((sum, rating) => sum + rating.rating, 0) / ratings.length
		}
		expect(mean('Ada Moreno')).toBeGreaterThan(mean('Linus Berg'))
		const ada = await database.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { id: true } })
		const profile = await getEngineerProfile(organizationId, ada.id, now)
		expect(profile!.topics.length).toBeGreaterThan(0)
		expect(profile!.recentAttempts.length).toBeGreaterThan(0)
	})

	it('does nothing the second time, and records that it ran', async () => {
		const before = await database.prisma.attempt.count()
		expect(await seedDemoHistory(options)).toBeNull()
		expect(await database.prisma.attempt.count()).toBe(before)
		expect(await database.prisma.auditEvent.count({ where: { organizationId, action: HISTORY_SEEDED_ACTION } })).toBe(1)
	})

	it('never invents history for an exercise added after the history was made', async () => {
		const root = mkdtempSync(path.join(tmpdir(), 'hm-later-'))
		try {
			cpSync(catalogueRoot, root, { recursive: true })
			const added = path.join(root, 'orders-page-skips-a-refund')
			cpSync(path.join(root, 'orders-page-skips-an-order'), added, { recursive: true })
			const metadata = JSON.parse(readFileSync(path.join(added, 'exercise.json'), 'utf8'))
			writeFileSync(path.join(added, 'exercise.json'), JSON.stringify({ ...metadata, slug: 'orders-page-skips-a-refund', uuid: randomUUID() }))
			expect((await syncExercises(database.prisma, root)).created).toEqual(['orders-page-skips-a-refund'])
			expect(await seedDemoHistory(options)).toBeNull()
			expect(await database.prisma.attempt.count({ where: { exercise: { slug: 'orders-page-skips-a-refund' } } })).toBe(0)
		} finally {
			rmSync(root, { recursive: true, force: true })
		}
	})

	it('simulates the same history from the same seed', async () => {
		const first = await historyOf(database)
		const again = await seededDatabase()
		try {
			await seedDemoHistory(options)
			expect(await historyOf(again)).toEqual(first)
		} finally {
			await again.close()
			useDatabase(database)
		}
	}, 120_000)
})
