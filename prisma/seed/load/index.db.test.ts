import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Files } from '#app/attempts/code-history.ts'
import { ClientEventDataSchemas } from '#app/attempts/events.ts'
import { buildReplay } from '#app/attempts/replay.ts'
import { parseExerciseMetadata } from '#app/exercises/schema.ts'
import { attemptMetrics } from '#app/growth/metrics.ts'
import { replayRatings, type RatedAttempt } from '#app/growth/ratings.ts'
import { srcFiles } from '#app/attempts/files.ts'
import { listTimeline } from '#app/models/attempt/events.server.ts'
import { listCatalogue, syncExercises } from '#app/models/exercise.server.ts'
import { getEngineerProfile } from '#app/models/growth/engineer-profile.server.ts'
import { getExerciseAnalytics } from '#app/models/growth/exercise-analytics.server.ts'
import { getGrowthReport } from '#app/models/growth/growth-report.server.ts'
import { getRatingExplanation } from '#app/models/growth/rating-explanation.server.ts'
import { getTeamGrowth } from '#app/models/growth/team-growth.server.ts'
import { findReviewableAttempt, getAttemptForReview } from '#app/models/review.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import { createTestDatabase } from '#tests/db.ts'
import { LOAD_ADMIN_EMAIL, LOAD_ORGANIZATION_NAME, LOAD_SLUG_PREFIX, loadOrganization, type LoadSummary } from './index.ts'

const now = new Date('2026-12-01T12:00:00Z')
const small = { engineers: 6, teams: 2, attemptsPerEngineer: 14, exercises: 10, now, seed: 3 }

let db: Database
let root: string
let summary: LoadSummary
let demoBefore: unknown

/** What the demo organisation and the real exercises hold: the load must leave it as it was. */
async function untouched() {
	const demo = await db.prisma.organization.findFirstOrThrow({ where: { name: 'Acme Payments' }, select: { id: true } })
	return {
		users: await db.prisma.user.findMany({ where: { organizationId: demo.id }, orderBy: { email: 'asc' }, select: { email: true, updatedAt: true } }),
		assignments: await db.prisma.assignment.count({ where: { organizationId: demo.id } }),
		realExercises: await db.prisma.exercise.findMany({
			where: { slug: { not: { startsWith: LOAD_SLUG_PREFIX } } },
			select: { slug: true, retiredAt: true, updatedAt: true, rating: true },
		}),
	}
}

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	root = mkdtempSync(path.join(tmpdir(), 'hm-load-'))
	cpSync(path.resolve('exercises/free-shipping-for-everyone'), path.join(root, 'free-shipping-for-everyone'), { recursive: true })
	await syncExercises(db.prisma, root)
	await seedDemo(db.prisma)
	demoBefore = await untouched()
	await loadOrganization(db.prisma, { ...small, seed: 99 })
	// Loading again replaces the first load.
	summary = await loadOrganization(db.prisma, small)
}, 120_000)

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
	if (root) rmSync(root, { recursive: true, force: true })
})

async function loadedAttempts() {
	return db.prisma.attempt.findMany({
		where: { organizationId: summary.organizationId },
		orderBy: { startedAt: 'asc' },
		select: {
			id: true,
			userId: true,
			organizationId: true,
			draft: true,
			eventCount: true,
			runCount: true,
			submissionCount: true,
			failedFixCount: true,
			hintsRevealed: true,
			outsidePastes: true,
			exerciseVersion: { select: { publicFiles: true } },
			metrics: true,
			submissions: { orderBy: { number: 'asc' }, select: { attested: true, fixCorrect: true } },
			runs: { select: { id: true } },
		},
	})
}

describe('npm run seed:load', () => {
	it('writes the organisation asked for, replacing the previous load and leaving the demo organisation and the real exercises alone', async () => {
		expect(summary).toMatchObject({ engineers: 6, teams: 2, attempts: 6 * 14, exercises: 10 })
		expect(await db.prisma.organization.count({ where: { name: LOAD_ORGANIZATION_NAME } })).toBe(1)
		expect(await db.prisma.user.count({ where: { organizationId: summary.organizationId } })).toBe(1 + 2 + 6)
		expect(await db.prisma.attempt.count({ where: { organizationId: summary.organizationId } })).toBe(summary.attempts)
		expect(await db.prisma.attemptEvent.count({ where: { attempt: { organizationId: summary.organizationId } } })).toBe(summary.events)
		expect(await db.prisma.exercise.count({ where: { slug: { startsWith: LOAD_SLUG_PREFIX } } })).toBe(10)
		expect(await untouched()).toEqual(demoBefore)
		expect((await db.prisma.user.findUniqueOrThrow({ where: { email: LOAD_ADMIN_EMAIL }, select: { orgRole: true } })).orgRole).toBe('admin')
	})

	it('makes valid exercises that no catalogue offers', async () => {
		const versions = await db.prisma.exerciseVersion.findMany({ where: { exercise: { slug: { startsWith: LOAD_SLUG_PREFIX } } }, select: { metadata: true } })
		for (const version of versions) expect(parseExerciseMetadata(version.metadata)).toMatchObject({ success: true })
		expect((await listCatalogue(db.prisma)).map((exercise) => exercise.slug)).toEqual(['free-shipping-for-everyone'])
	})

	it('writes every attempt the way the real code paths do: timeline, code, counters and metrics agree', async () => {
		const attempts = await loadedAttempts()
		expect(attempts.length).toBe(summary.attempts)
		for (const attempt of attempts) {
			const timeline = await listTimeline({ id: attempt.userId, organizationId: attempt.organizationId }, attempt.id)
			expect(timeline.map((event) => event.position)).toEqual(Array.from({ length: attempt.eventCount }, (_, index) => index + 1))
			// Browser events carry exactly what the workspace sends (snapshots are stored as diffs).
			for (const event of timeline.filter((event) => event.clientSeq !== null && event.type !== 'snapshot')) {
				expect(ClientEventDataSchemas[event.type as keyof typeof ClientEventDataSchemas].safeParse(event.data).success).toBe(true)
			}
			const replay = buildReplay(srcFiles(attempt.exerciseVersion.publicFiles as Files), timeline)
			expect(replay.codeAt(attempt.eventCount)).toEqual(attempt.draft)
			expect(attempt.runCount).toBe(attempt.runs.length)
			expect(attempt.submissionCount).toBe(attempt.submissions.length)
			expect(attempt.failedFixCount).toBe(attempt.submissions.filter((submission) => !submission.fixCorrect).length)
			expect(attempt.hintsRevealed).toBe(timeline.filter((event) => event.type === 'hint.revealed').length)
			expect(attempt.outsidePastes).toBe(timeline.filter((event) => event.type === 'paste' && (event.data as { outside: boolean }).outside).length)
			const { predictionAccuracy: _, ...computed } = attemptMetrics(timeline, { attested: attempt.submissions.at(-1)?.attested ?? false })
			expect(attempt.metrics).toMatchObject(computed)
		}
	})

	it('stores the ratings a replay of the loaded first attempts gives, as a chain with no gaps', async () => {
		const firsts = await db.prisma.attemptMetrics.findMany({
			where: { organizationId: summary.organizationId, firstAttempt: true },
			select: {
				userId: true,
				exerciseId: true,
				solved: true,
				hintsUsed: true,
				outsidePastes: true,
				finishedAt: true,
				attempt: { select: { exercise: { select: { difficulty: true } }, exerciseVersion: { select: { metadata: true } } } },
			},
		})
		expect(firsts.length).toBe(summary.firstAttempts)
		const history: RatedAttempt[] = firsts.flatMap((first) =>
			(first.attempt.exerciseVersion.metadata as { topics: string[] }).topics.map((topic) => ({
				engineer: first.userId,
				exercise: first.exerciseId,
				topic,
				exerciseRating: first.attempt.exercise.difficulty,
				solved: first.solved,
				hintsRevealed: first.hintsUsed,
				outsidePastes: first.outsidePastes,
				at: first.finishedAt,
			})),
		)
		const replay = replayRatings(history)
		const skills = await db.prisma.skillRating.findMany({
			where: { organizationId: summary.organizationId },
			select: { userId: true, topic: true, rating: true, rd: true, games: true },
		})
		expect(skills.length).toBe(Object.values(replay.engineers).reduce((sum, topics) => sum + Object.keys(topics).length, 0))
		for (const skill of skills) {
			expect(skill.rating).toBeCloseTo(replay.engineers[skill.userId]![skill.topic]!.rating, 6)
			expect(skill.games).toBe(replay.engineers[skill.userId]![skill.topic]!.games)
		}
		for (const exercise of await db.prisma.exerciseRating.findMany({
			where: { exercise: { slug: { startsWith: LOAD_SLUG_PREFIX } } },
			select: { exerciseId: true, rd: true, games: true },
		})) {
			expect(exercise.rd).toBeCloseTo(replay.exercises[exercise.exerciseId]!.rd, 6)
			expect(exercise.games).toBe(replay.exercises[exercise.exerciseId]!.games)
		}
		const changes = await db.prisma.ratingChange.findMany({
			where: { organizationId: summary.organizationId },
			orderBy: [{ userId: 'asc' }, { topic: 'asc' }, { at: 'asc' }],
			select: { userId: true, topic: true, ratingBefore: true, ratingAfter: true },
		})
		for (let index = 1; index < changes.length; index++) {
			const [previous, change] = [changes[index - 1]!, changes[index]!]
			if (previous.userId === change.userId && previous.topic === change.topic) expect(change.ratingBefore).toBeCloseTo(previous.ratingAfter, 9)
		}
	})

	it('reads back through the real read functions', async () => {
		const team = await db.prisma.team.findFirstOrThrow({
			where: { organizationId: summary.organizationId },
			orderBy: { name: 'asc' },
			select: { id: true, name: true, memberships: { where: { role: 'lead' }, select: { userId: true } } },
		})
		const growth = await getTeamGrowth(summary.organizationId, team.id, now)
		expect(growth!.members).toHaveLength(3)
		expect(growth!.members.every((member) => Object.keys(member.ratings).length > 0)).toBe(true)
		const engineer = growth!.members[0]!
		const profile = await getEngineerProfile(summary.organizationId, engineer.id, now)
		expect(profile!.recentAttempts).toHaveLength(14)
		expect(profile!.topics.reduce((sum, topic) => sum + topic.history.length, 0)).toBeGreaterThan(0)
		const report = await getGrowthReport(summary.organizationId, engineer.id, { from: new Date(now.getTime() - 366 * 86_400_000), to: now })
		expect(report!.attempts).toHaveLength(14)
		const rated = report!.attempts.find((attempt) => attempt.firstAttempt)!
		const explanation = await getRatingExplanation(rated.attemptId, engineer.id)
		expect(explanation?.status === 'rated' && explanation.changes[0]!.sentence).toMatch(
			/^rating (?:[+−±]\d+ in .+|in .+ now ≈\d+ \(still provisional\)) because /,
		)
		const { exerciseId } = await db.prisma.attempt.findUniqueOrThrow({ where: { id: rated.attemptId }, select: { exerciseId: true } })
		const analytics = await getExerciseAnalytics(exerciseId, { organizationId: summary.organizationId })
		expect(analytics!.attempts.total).toBeGreaterThan(0)
		expect(analytics!.exercise.retired).toBe(true)
		// The lead's replay page reads a loaded attempt like any other.
		const lead = {
			id: team.memberships[0]!.userId,
			organizationId: summary.organizationId,
			orgRole: 'member' as const,
			teams: [{ id: team.id, name: team.name, role: 'lead' as const }],
		}
		const replay = await getAttemptForReview(await findReviewableAttempt(lead, rated.attemptId))
		const stored = await db.prisma.attempt.findUniqueOrThrow({
			where: { id: rated.attemptId },
			select: { eventCount: true, runCount: true, submissionCount: true },
		})
		expect(replay.events.length).toBe(stored.eventCount)
		expect(replay.events.length).toBeGreaterThan(3)
		expect(replay.runs.length).toBe(stored.runCount)
		expect(replay.submissions.length).toBe(stored.submissionCount)
	})
})
