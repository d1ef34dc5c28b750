import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { growthReportCsv } from '#app/growth/growth-report-csv.ts'
import { CALIBRATION_GAMES, replayRatings, type RatedAttempt } from '#app/growth/ratings.ts'
import { attemptMetrics } from '#app/growth/metrics.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { createTestDatabase, createTestPglite } from '#tests/db.ts'
import { listTimeline, recordEvents } from './attempt/events.server.ts'
import { giveUp } from './attempt/give-up.server.ts'
import { requireAttempt, type AttemptOwner } from './attempt/guard.server.ts'
import { revealHint } from './attempt/hint.server.ts'
import { startAttempt } from './attempt/open.server.ts'
import { submitDiagnosis } from './attempt/submit.server.ts'
import { syncExercises } from './exercise.server.ts'
import { recordAttemptOutcome } from './growth/attempt-outcome.server.ts'
import { getEngineerProfile } from './growth/engineer-profile.server.ts'
import { getExerciseAnalytics, getPlatformExerciseAnalytics } from './growth/exercise-analytics.server.ts'
import { addGrowthNote, GrowthError } from './growth/growth-note.server.ts'
import { getGrowthReport } from './growth/growth-report.server.ts'
import { getRatingExplanation } from './growth/rating-explanation.server.ts'
import { ratingsNeedRecompute, recomputeRatings } from './growth/rating-recompute.server.ts'
import { getTeamGrowth } from './growth/team-growth.server.ts'

const SHIPPING = 'free-shipping-for-everyone' // data-integrity + validation, 1200
const LEADERBOARD = 'leaderboard-order-is-random' // api-design + data-integrity, 900
const PAGINATION = 'orders-page-skips-an-order' // data-integrity + api-design, 900
const PROMOTIONS = 'src/shipping/promotions.ts'
const solution = readFileSync(path.resolve('exercises', SHIPPING, 'solution/shipping/promotions.ts'), 'utf8')

const DAY = 86_400_000
const T0 = Date.UTC(2026, 5, 1, 9)
/** A moment `day` days and `minutes` minutes after 1 June 2026, 09:00 UTC. */
const at = (day: number, minutes = 0) => new Date(T0 + day * DAY + minutes * 60_000)

let db: Database
let prisma: PrismaClient
let root: string
/** Every SQL statement the client sends, for counting. */
const queries: string[] = []

// The client logs its queries; on PGlite it sits on a fresh migrated database of its own,
// on PostgreSQL on the test database createTestDatabase() made.
beforeAll(async () => {
	const log = [{ emit: 'event', level: 'query' }] as const
	if (process.env.TEST_DB === 'postgres') {
		const base = await createTestDatabase()
		prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: base.url! }), log: [...log] })
		db = {
			prisma,
			kind: 'postgres',
			close: async () => {
				await prisma.$disconnect()
				await base.close()
			},
		}
	} else {
		const pglite = await createTestPglite()
		prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), log: [...log] })
		db = {
			prisma,
			kind: 'pglite',
			close: async () => {
				await prisma.$disconnect()
				await pglite.close()
			},
		}
	}
	;(prisma as unknown as { $on(event: 'query', listener: (event: { query: string }) => void): void }).$on('query', (event) => queries.push(event.query))
	useDatabase(db)
	root = mkdtempSync(path.join(tmpdir(), 'hm-growth-'))
	for (const slug of [SHIPPING, LEADERBOARD, PAGINATION]) cpSync(path.resolve('exercises', slug), path.join(root, slug), { recursive: true })
	await syncExercises(prisma, root)
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
	if (root) rmSync(root, { recursive: true, force: true })
})

async function countQueries<T>(read: () => Promise<T>) {
	const before = queries.length
	const result = await read()
	return { result, queries: queries.length - before }
}

let emailCounter = 0
async function organization(name: string) {
	return prisma.organization.create({ data: { name }, select: { id: true } })
}
async function person(organizationId: string, name: string, teamId?: string, role: 'learner' | 'lead' = 'learner'): Promise<AttemptOwner & { name: string }> {
	emailCounter += 1
	const user = await prisma.user.create({
		data: { organizationId, name, email: `${name.toLowerCase().replace(/\W/g, '')}-${emailCounter}@growth.test`, passwordHash: 'x' },
		select: { id: true, organizationId: true, name: true },
	})
	if (teamId) await prisma.membership.create({ data: { organizationId, teamId, userId: user.id, role } })
	return user
}
async function team(organizationId: string, name: string) {
	return prisma.team.create({ data: { organizationId, name }, select: { id: true } })
}
async function exerciseId(slug: string) {
	return (await prisma.exercise.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id
}

const hypothesisEvent = (at: Date, text = 'The promotion condition lets international orders through.') => ({
	id: randomUUID(),
	seq: 1,
	at: at.getTime(),
	type: 'journal.add' as const,
	data: { entryId: randomUUID(), kind: 'hypothesis' as const, text },
})

/** Starts an attempt at `day` and gives it up twenty minutes later, without submitting. */
async function giveUpAt(owner: AttemptOwner, slug: string, day: number) {
	const { id } = await startAttempt(owner, slug, at(day))
	await giveUp(await requireAttempt(owner, id), at(day, 20))
	return id
}

/** Solves the shipping exercise at `day`: a hypothesis at 4 min, optionally hints, a wrong diagnosis, then the fix at 30 min. */
async function solveShippingAt(owner: AttemptOwner, day: number, options: { hints?: number; wrongFirst?: boolean; attested?: boolean } = {}) {
	const { id } = await startAttempt(owner, SHIPPING, at(day))
	const hypothesis = hypothesisEvent(at(day, 4))
	await recordEvents(owner, id, { sentAt: at(day, 4).getTime(), events: [hypothesis] }, at(day, 4))
	if (options.hints) {
		const second = { ...hypothesisEvent(at(day, 12), 'The freight flag is ignored.'), seq: 2 }
		await recordEvents(owner, id, { sentAt: at(day, 12).getTime(), events: [second] }, at(day, 12))
		for (let index = 0; index < options.hints; index++) await revealHint(await requireAttempt(owner, id), index, at(day, 13 + index))
	}
	const workspace = await prisma.attempt.findUniqueOrThrow({ where: { id }, select: { draft: true } })
	const starter = workspace.draft as Record<string, string>
	const base = {
		file: PROMOTIONS,
		startLine: 22,
		endLine: 23,
		category: 'wrong-condition' as const,
		explanation: 'OR instead of AND',
		attested: options.attested ?? true,
	}
	if (options.wrongFirst) await submitDiagnosis(await requireAttempt(owner, id), { ...base, category: 'boundary', files: starter }, at(day, 20))
	const graded = await submitDiagnosis(await requireAttempt(owner, id), { ...base, files: { ...starter, [PROMOTIONS]: solution } }, at(day, 30))
	expect(graded.correct).toBe(true)
	return id
}

describe('rating an attempt when it finishes', () => {
	let org: { id: string }
	let ada: AttemptOwner
	let bea: AttemptOwner
	let cy: AttemptOwner

	beforeAll(async () => {
		org = await organization('Quarry')
		ada = await person(org.id, 'Ada')
		bea = await person(org.id, 'Bea')
		cy = await person(org.id, 'Cy')
	})

	it('raises the ratings of a first solve in every topic of the exercise and says why', async () => {
		const attemptId = await solveShippingAt(ada, 0)
		const skills = await prisma.skillRating.findMany({
			where: { userId: ada.id },
			orderBy: { topic: 'asc' },
			select: { topic: true, rating: true, games: true },
		})
		expect(skills.map((skill) => skill.topic)).toEqual(['data-integrity', 'validation'])
		for (const skill of skills) {
			expect(skill.rating).toBeGreaterThan(1500)
			expect(skill.games).toBe(1)
		}
		const explanation = await getRatingExplanation(attemptId, ada.id)
		expect(explanation?.status).toBe('rated')
		if (explanation?.status !== 'rated') return
		expect(explanation.changes.map((change) => change.label)).toEqual(['Data integrity', 'Validation'])
		// A first attempt leaves a provisional rating: the sentence says where it stands, not "+180".
		const after = Math.round(explanation.changes[0]!.after)
		expect(explanation.changes[0]!.shown).toMatchObject({ kind: 'provisional', text: `now ≈${after}, provisional` })
		expect(explanation.changes[0]!.sentence).toMatch(
			new RegExp(
				`^rating in Data integrity now ≈${after} \\(still provisional\\) because you solved a 1200-rated exercise: root cause in \\d+ min \\(typical \\d+ min\\), no failed fixes, no hints$`,
			),
		)
		// Only the owner sees it.
		expect(await getRatingExplanation(attemptId, bea.id)).toBeNull()
	})

	it('counts a first attempt given up without any submission as a loss', async () => {
		const attemptId = await giveUpAt(bea, SHIPPING, 1)
		const skill = await prisma.skillRating.findUniqueOrThrow({
			where: { userId_topic: { userId: bea.id, topic: 'validation' } },
			select: { rating: true, games: true },
		})
		expect(skill.rating).toBeLessThan(1500)
		expect(skill.games).toBe(1)
		const explanation = await getRatingExplanation(attemptId, bea.id)
		expect(explanation?.status === 'rated' && explanation.changes[1]!.sentence).toMatch(
			/^rating in Validation now ≈\d+ \(still provisional\) because an? \d+-rated exercise was not solved$/,
		)
		const metrics = await prisma.attemptMetrics.findUniqueOrThrow({
			where: { attemptId },
			select: { solved: true, firstAttempt: true, submissions: true, independent: true, durationMs: true },
		})
		// Nothing was attested, so it does not count as independent work.
		expect(metrics).toEqual({ solved: false, firstAttempt: true, submissions: 0, independent: false, durationMs: 20 * 60_000 })
	})

	it('shows a retry without rating it, pointing at the rated attempt', async () => {
		const before = await prisma.skillRating.findMany({ where: { userId: bea.id }, orderBy: { topic: 'asc' }, select: { rating: true, games: true } })
		const first = await prisma.attempt.findFirstOrThrow({ where: { userId: bea.id }, select: { id: true } })
		const retry = await solveShippingAt(bea, 3)
		expect(await prisma.skillRating.findMany({ where: { userId: bea.id }, orderBy: { topic: 'asc' }, select: { rating: true, games: true } })).toEqual(before)
		expect(await prisma.ratingChange.count({ where: { attemptId: retry } })).toBe(0)
		expect(await getRatingExplanation(retry, bea.id)).toEqual({
			status: 'retry',
			message: expect.stringContaining('Only your first attempt'),
			firstAttemptId: first.id,
		})
		expect(await prisma.attemptMetrics.findUniqueOrThrow({ where: { attemptId: retry }, select: { firstAttempt: true, solved: true } })).toEqual({
			firstAttempt: false,
			solved: true,
		})
	})

	it('gains less from a solve with hints (a lower score, not a lighter weight), and says how many', async () => {
		const unaided = await prisma.ratingChange.findFirstOrThrow({ where: { userId: ada.id, topic: 'validation' }, select: { delta: true, score: true } })
		const attemptId = await solveShippingAt(cy, 2, { hints: 2 })
		const explanation = await getRatingExplanation(attemptId, cy.id)
		if (explanation?.status !== 'rated') throw new Error('expected a rated attempt')
		const validation = explanation.changes.find((change) => change.topic === 'validation')!
		expect(validation.weight).toBe(1)
		expect(validation.delta).toBeGreaterThan(0)
		expect(validation.delta).toBeLessThan(unaided.delta)
		const stored = await prisma.ratingChange.findFirstOrThrow({ where: { attemptId, topic: 'validation' }, select: { score: true, rule: true } })
		expect(stored.rule).toBe(2)
		expect(stored.score).toBeLessThan(unaided.score!)
		expect(validation.sentence).toMatch(/, no failed fixes, 2 hints$/)
	})

	it('stores what the timeline says about the method, the same as computing it from the timeline', async () => {
		const attemptId = await solveShippingAt(ada, 5, { wrongFirst: true })
		const stored = await prisma.attemptMetrics.findUniqueOrThrow({ where: { attemptId } })
		expect(stored).toMatchObject({
			timeToFirstHypothesisMs: 4 * 60_000,
			timeToRootCauseMs: 30 * 60_000,
			submissions: 2,
			failedFixes: 1,
			rework: 1,
			hintsUsed: 0,
			attested: true,
			independent: true,
			firstAttempt: false,
		})
		const { predictionAccuracy: _, ...fromTimeline } = attemptMetrics(await listTimeline(ada, attemptId), { attested: true })
		expect(stored).toMatchObject(fromTimeline)
	})

	it('does nothing for an attempt still open, and nothing more when called twice', async () => {
		const { id } = await startAttempt(cy, LEADERBOARD, at(6))
		expect(await prisma.$transaction((tx) => recordAttemptOutcome(tx, id))).toBeNull()
		await giveUp(await requireAttempt(cy, id), at(6, 10))
		const changes = await prisma.ratingChange.count({ where: { attemptId: id } })
		expect(await prisma.$transaction((tx) => recordAttemptOutcome(tx, id))).toBeNull()
		expect(await prisma.ratingChange.count({ where: { attemptId: id } })).toBe(changes)
		expect(await getRatingExplanation(id, cy.id)).toMatchObject({ status: 'rated' })
	})

	it('stores the ratings a replay of the same first attempts gives', async () => {
		const firsts = await prisma.attemptMetrics.findMany({
			where: { firstAttempt: true },
			orderBy: { finishedAt: 'asc' },
			select: {
				userId: true,
				exerciseId: true,
				solved: true,
				hintsUsed: true,
				outsidePastes: true,
				failedFixes: true,
				timeToRootCauseMs: true,
				finishedAt: true,
				attempt: { select: { exercise: { select: { difficulty: true } }, exerciseVersion: { select: { metadata: true } } } },
			},
		})
		const history: RatedAttempt[] = firsts.flatMap((first) => {
			const metadata = first.attempt.exerciseVersion.metadata as { topics: string[]; estimatedMinutes: number }
			return metadata.topics.map((topic) => ({
				engineer: first.userId,
				exercise: first.exerciseId,
				topic,
				exerciseRating: first.attempt.exercise.difficulty,
				solved: first.solved,
				hintsRevealed: first.hintsUsed,
				outsidePastes: first.outsidePastes,
				minutesToRootCause: first.timeToRootCauseMs === null ? null : first.timeToRootCauseMs / 60_000,
				failedFixes: first.failedFixes,
				estimatedMinutes: metadata.estimatedMinutes,
				at: first.finishedAt,
			}))
		})
		const replay = replayRatings(history)
		const skills = await prisma.skillRating.findMany({ select: { userId: true, topic: true, rating: true, rd: true, games: true } })
		expect(skills.length).toBeGreaterThan(4)
		expect(skills).toHaveLength(Object.values(replay.engineers).reduce((sum, topics) => sum + Object.keys(topics).length, 0))
		for (const skill of skills) {
			const replayed = replay.engineers[skill.userId]![skill.topic]!
			expect(skill.rating).toBeCloseTo(replayed.rating, 6)
			expect(skill.rd).toBeCloseTo(replayed.rd, 6)
			expect(skill.games).toBe(replayed.games)
		}
		for (const exercise of await prisma.exerciseRating.findMany({ select: { exerciseId: true, rd: true, games: true } })) {
			expect(exercise.rd).toBeCloseTo(replay.exercises[exercise.exerciseId]!.rd, 6)
			expect(exercise.games).toBe(replay.exercises[exercise.exerciseId]!.games)
		}
	})

	it('recomputes ratings stored under an older rule from the stored first attempts, back to what the current rule gives', async () => {
		const select = { attemptId: true, topic: true, ratingAfter: true, rdAfter: true, score: true, rule: true } as const
		const changes = await prisma.ratingChange.findMany({ orderBy: [{ attemptId: 'asc' }, { topic: 'asc' }], select })
		const skills = await prisma.skillRating.findMany({
			orderBy: [{ userId: 'asc' }, { topic: 'asc' }],
			select: { userId: true, topic: true, rating: true, rd: true, games: true },
		})
		expect(await ratingsNeedRecompute(prisma)).toBe(false)
		// As a database rated under rule 1 looks after the migration: other numbers, no scores.
		await prisma.ratingChange.updateMany({ data: { rule: 1, score: null, ratingAfter: 1500 } })
		await prisma.skillRating.updateMany({ data: { rating: 1500, rd: 350 } })
		expect(await ratingsNeedRecompute(prisma)).toBe(true)

		const result = await recomputeRatings(prisma)
		expect(result?.ratingChanges).toBe(changes.length)
		expect(await ratingsNeedRecompute(prisma)).toBe(false)
		// What a starting server asks: nothing to do once every change follows the current rule.
		expect(await recomputeRatings(prisma, { onlyIfStale: true })).toBeNull()
		const recomputed = await prisma.ratingChange.findMany({ orderBy: [{ attemptId: 'asc' }, { topic: 'asc' }], select })
		expect(recomputed).toHaveLength(changes.length)
		for (const [index, change] of changes.entries()) {
			expect(recomputed[index]).toMatchObject({ attemptId: change.attemptId, topic: change.topic, rule: 2 })
			expect(recomputed[index]!.ratingAfter).toBeCloseTo(change.ratingAfter, 6)
			expect(recomputed[index]!.score).toBeCloseTo(change.score!, 9)
		}
		const after = await prisma.skillRating.findMany({
			orderBy: [{ userId: 'asc' }, { topic: 'asc' }],
			select: { userId: true, topic: true, rating: true, rd: true, games: true },
		})
		expect(after.map(({ userId, topic, games }) => ({ userId, topic, games }))).toEqual(skills.map(({ userId, topic, games }) => ({ userId, topic, games })))
		for (const [index, skill] of skills.entries()) expect(after[index]!.rating).toBeCloseTo(skill.rating, 6)
	})
})

describe('exercises calibrate from first attempts', () => {
	it('keeps the authored difficulty until enough first attempts, then shows the calibrated one; concurrent finishes lose no game', async () => {
		const org = await organization('Calibration')
		const people = await Promise.all(Array.from({ length: CALIBRATION_GAMES + 2 }, (_, index) => person(org.id, `Tester ${index}`)))
		const attempts = await Promise.all(people.map((owner, index) => startAttempt(owner, PAGINATION, at(10, index))))
		// Nobody solves it: the exercise plays every attempt as a win.
		await Promise.all(
			people.slice(0, CALIBRATION_GAMES - 1).map(async (owner, index) => giveUp(await requireAttempt(owner, attempts[index]!.id), at(11, index))),
		)
		const early = await getPlatformExerciseAnalytics(await exerciseId(PAGINATION))
		expect(early?.difficulty).toMatchObject({ authored: 900, shown: 900, calibrated: false, games: CALIBRATION_GAMES - 1 })
		await Promise.all(
			people
				.slice(CALIBRATION_GAMES - 1)
				.map(async (owner, index) => giveUp(await requireAttempt(owner, attempts[CALIBRATION_GAMES - 1 + index]!.id), at(12, index))),
		)
		const calibrated = await getPlatformExerciseAnalytics(await exerciseId(PAGINATION))
		expect(calibrated?.difficulty).toMatchObject({ authored: 900, calibrated: true, games: CALIBRATION_GAMES + 2 })
		expect(calibrated!.difficulty.shown).toBeGreaterThan(900)
		expect(calibrated!.difficulty.shown).toBe(Math.round(calibrated!.difficulty.rating!))
		// Each game was played against the rating the previous one left: a chain with no gap.
		const changes = await prisma.ratingChange.findMany({
			where: { exerciseId: await exerciseId(PAGINATION), topic: 'api-design' },
			orderBy: { exerciseRating: 'asc' },
			select: { exerciseRating: true },
		})
		expect(new Set(changes.map((change) => change.exerciseRating)).size).toBe(CALIBRATION_GAMES + 2)
	})
})

describe('reading growth', () => {
	let org: { id: string }
	let checkout: { id: string }
	let lead: AttemptOwner & { name: string }
	let ada: AttemptOwner & { name: string }
	let bo: AttemptOwner & { name: string }
	let outsider: AttemptOwner
	const now = at(60)

	beforeAll(async () => {
		org = await organization('Acme Growth')
		checkout = await team(org.id, 'Checkout')
		lead = await person(org.id, 'Lena Lead', checkout.id, 'lead')
		ada = await person(org.id, 'Ada Growth', checkout.id)
		bo = await person(org.id, 'Bo Growth', checkout.id)
		const elsewhere = await organization('Elsewhere')
		outsider = await person(elsewhere.id, 'Olga Outside')
		const shippingId = await exerciseId(SHIPPING)
		// Previous period (days 0–30): Ada gives two exercises up. This period (30–60): she solves with a wrong diagnosis first.
		await giveUpAt(ada, LEADERBOARD, 2)
		await giveUpAt(ada, PAGINATION, 4)
		// Assigned on day 20, due on day 30: Ada finishes it late, Bo not at all. The second is not due yet.
		await prisma.assignment.create({
			data: { organizationId: org.id, teamId: checkout.id, exerciseId: shippingId, createdById: lead.id, dueAt: at(30), createdAt: at(20) },
		})
		await prisma.assignment.create({
			data: { organizationId: org.id, teamId: checkout.id, exerciseId: await exerciseId(LEADERBOARD), createdById: lead.id, dueAt: at(70), createdAt: at(55) },
		})
		const solved = await solveShippingAt(ada, 40, { wrongFirst: true })
		await prisma.review.create({
			data: {
				organizationId: org.id,
				attemptId: solved,
				reviewerId: lead.id,
				scores: { diagnosis: 4 },
				percent: 88,
				summary: `Clear hypothesis early on. ${'Then a careful truth table of the promotion rule. '.repeat(10)}`,
			},
		})
		await giveUpAt(bo, PAGINATION, 50)
		await giveUpAt(outsider, SHIPPING, 45)
		await prisma.exerciseFlag.create({
			data: { organizationId: org.id, exerciseId: shippingId, raisedById: bo.id, reason: 'ambiguous', comment: 'Which zone is Berlin?' },
		})
		await addGrowthNote({ organizationId: org.id, authorId: lead.id, userId: ada.id, body: 'Ask Ada to pair with Bo on pagination.', now: at(45) })
	})

	it('shows the team its ratings, movement, assignment completion and process figures, and only its own people', async () => {
		const growth = await getTeamGrowth(org.id, checkout.id, now)
		expect(growth?.members.map((member) => member.name)).toEqual(['Ada Growth', 'Bo Growth'])
		const [adaRow, boRow] = growth!.members
		expect(Object.keys(adaRow!.ratings)).toEqual(['data-integrity', 'validation', 'api-design'])
		const validation = adaRow!.ratings.validation!
		expect(validation.last30.games).toBe(1)
		expect(validation.last30.delta).toBeCloseTo(validation.rating - 1500, 6)
		const apiDesign = adaRow!.ratings['api-design']!
		expect(apiDesign.last30).toEqual({ delta: 0, games: 0 })
		expect(apiDesign.last90.games).toBe(2)
		expect(apiDesign.last90.delta).toBeCloseTo(apiDesign.rating - 1500, 6)
		expect(adaRow!.assignments).toMatchObject({ due: 1, completed: 1, overdue: 0, open: 1 })
		// Due on day 30 and unfinished, it closed by itself two weeks later: Bo missed it, he is not overdue on it.
		expect(boRow!.assignments).toMatchObject({ due: 1, completed: 0, overdue: 0, open: 1 })
		expect(adaRow!.medianTimeToRootCauseMs).toEqual({ value: 30 * 60_000, sample: 1, enough: false })
		expect(adaRow!.independenceRate).toMatchObject({ value: 1 / 3, sample: 3 })
		expect(growth!.totals.assignments.completionRate).toEqual({ value: 0.5, sample: 2, enough: false })
		expect(growth!.topics.find((topic) => topic.id === 'api-design')).toMatchObject({ label: 'API design', members: 2 })
		expect(await getTeamGrowth(outsider.organizationId, checkout.id, now)).toBeNull()
	})

	it('profiles an engineer: history per topic, strongest and weakest, monthly trends, recent attempts with reviews', async () => {
		const profile = await getEngineerProfile(org.id, ada.id, now)
		expect(profile?.engineer).toMatchObject({ name: 'Ada Growth', teams: [{ name: 'Checkout', role: 'learner' }] })
		const dataIntegrity = profile!.topics.find((topic) => topic.id === 'data-integrity')!
		expect(dataIntegrity.history.map((point) => point.exercise?.slug)).toEqual([LEADERBOARD, PAGINATION, SHIPPING])
		expect(dataIntegrity.history.at(-1)!.rating).toBeCloseTo(dataIntegrity.rating, 6)
		expect(dataIntegrity.games).toBe(3)
		// Only topics with enough games are ranked.
		expect(profile!.strongest).toEqual(['data-integrity'])
		expect(profile!.weakest).toEqual([])
		expect(profile!.metricTrend.map((month) => month.month)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'])
		expect(profile!.metricTrend.at(-2)!.metrics.sampleSize).toBe(2)
		expect(profile!.recentAttempts.map((attempt) => [attempt.exercise.slug, attempt.status, attempt.reviewPercent])).toEqual([
			[SHIPPING, 'solved', 88],
			[PAGINATION, 'gave_up', null],
			[LEADERBOARD, 'gave_up', null],
		])
		expect(profile!.recentAttempts[0]!.ratingChanges.map((change) => change.label)).toEqual(['Data integrity', 'Validation'])
		expect(await getEngineerProfile(org.id, outsider.id, now)).toBeNull()
	})

	it('reports a period against the one before: skills, metrics, telling attempts, reviews, notes and a CSV', async () => {
		const report = await getGrowthReport(org.id, ada.id, { from: at(30), to: now })
		expect(report?.previousPeriod).toEqual({ from: at(0).toISOString(), to: at(30).toISOString() })
		const dataIntegrity = report!.skills.find((skill) => skill.topic === 'data-integrity')!
		expect(dataIntegrity).toMatchObject({ games: 1, previousGames: 2 })
		expect(dataIntegrity.change).toBeGreaterThan(0)
		expect(dataIntegrity.previousChange).toBeLessThan(0)
		expect(report!.skills.find((skill) => skill.topic === 'api-design')).toMatchObject({ games: 0, change: null, previousGames: 2 })
		expect(report!.metrics.current.sampleSize).toBe(1)
		expect(report!.metrics.previous.sampleSize).toBe(2)
		expect(report!.metrics.comparison.independenceRate).toMatchObject({ current: 1, previous: 0, direction: 'better', enough: false })
		expect(report!.independence).toMatchObject({ independent: 1, attempts: 1 })
		expect(report!.tellingAttempts).toHaveLength(1)
		expect(report!.tellingAttempts[0]).toMatchObject({ kind: 'biggest-gain', solved: true, exercise: { slug: SHIPPING } })
		// Ada's third rated attempt: her ratings are still provisional, so it says where they stand.
		expect(report!.tellingAttempts[0]!.explanation).toMatch(/^rating in (Data integrity|Validation) now ≈\d+ \(still provisional\) because you solved/)
		expect(report!.reviews).toHaveLength(1)
		expect(report!.reviews[0]).toMatchObject({ reviewerName: 'Lena Lead', percent: 88 })
		expect(report!.reviews[0]!.excerpt.length).toBeLessThanOrEqual(281)
		expect(report!.reviews[0]!.excerpt).toMatch(/^Clear hypothesis early on\..*…$/)
		expect(report!.notes.map((note) => [note.body, note.authorName])).toEqual([['Ask Ada to pair with Bo on pagination.', 'Lena Lead']])
		expect(report!.attempts).toHaveLength(1)
		expect(report!.attempts[0]).toMatchObject({ exerciseSlug: SHIPPING, status: 'solved', firstAttempt: true, failedFixes: 1, rework: 1, reviewPercent: 88 })
		const csv = growthReportCsv(report!.attempts).split('\r\n')
		expect(csv[0]).toMatch(/^attemptId,exerciseSlug,exerciseTitle,status,firstAttempt,/)
		expect(csv[1]).toContain(',Free shipping for everyone,solved,yes,')
		await expect(getGrowthReport(org.id, ada.id, { from: now, to: now })).rejects.toThrow(RangeError)
		expect(await getGrowthReport(outsider.organizationId, ada.id, { from: at(30), to: now })).toBeNull()
	})

	it('keeps lead notes to the organisation and refuses empty ones', async () => {
		await expect(addGrowthNote({ organizationId: org.id, authorId: lead.id, userId: ada.id, body: '   ' })).rejects.toThrow(GrowthError)
		await expect(addGrowthNote({ organizationId: org.id, authorId: lead.id, userId: outsider.id, body: 'Hi' })).rejects.toMatchObject({ status: 404 })
	})

	it('analyses an exercise: attempts, solve rate, times, the wrong root causes chosen, open flags; per organisation when asked', async () => {
		const analytics = await getExerciseAnalytics(await exerciseId(SHIPPING), { organizationId: org.id })
		expect(analytics?.exercise).toMatchObject({ slug: SHIPPING, topics: ['data-integrity', 'validation'] })
		expect(analytics!.attempts).toMatchObject({ total: 1, solved: 1, gaveUp: 0, firstAttempts: 1, firstAttemptsSolved: 1 })
		expect(analytics!.solveRate).toEqual({ value: 1, sample: 1, enough: false })
		expect(analytics!.medianTimeToSolveMs.value).toBe(30 * 60_000)
		expect(analytics!.wrongRootCauses).toEqual([{ category: 'boundary', label: 'Off-by-one', submissions: 1, attempts: 1 }])
		expect(analytics!.openFlags).toEqual({ total: 1, byReason: { broken: 0, ambiguous: 1, too_easy: 0 } })
		// Across organisations, figures wait for five of them (ADR 015); three have attempted it here.
		const everywhere = await getPlatformExerciseAnalytics(await exerciseId(SHIPPING))
		expect(everywhere).toMatchObject({ organizations: 3, flagOrganizations: 1, minimum: 5, figures: null, openFlags: null })
		expect(await getExerciseAnalytics('no-such-exercise', { organizationId: org.id })).toBeNull()
		expect(await getPlatformExerciseAnalytics('no-such-exercise')).toBeNull()
	})

	it('runs the same number of queries however much history there is', async () => {
		const paginationId = await exerciseId(PAGINATION)
		const adaSolve = (await prisma.attempt.findFirstOrThrow({ where: { userId: ada.id, status: 'solved' }, select: { id: true } })).id
		const reads: Record<string, () => Promise<unknown>> = {
			team: () => getTeamGrowth(org.id, checkout.id, now),
			profile: () => getEngineerProfile(org.id, ada.id, now),
			report: () => getGrowthReport(org.id, ada.id, { from: at(30), to: now }),
			analytics: () => getExerciseAnalytics(paginationId, { organizationId: org.id }),
			explanation: () => getRatingExplanation(adaSolve, ada.id),
		}
		// One at a time, so each count holds only its own queries.
		const counts = async () => {
			const result: Record<string, number> = {}
			for (const [name, read] of Object.entries(reads)) result[name] = (await countQueries(read)).queries
			return result
		}
		const before = await counts()
		for (const count of Object.values(before)) expect(count).toBeGreaterThan(0)

		// More people, more attempts in every period, retries, reviews, notes, flags.
		const more = await Promise.all(['Cai', 'Dee', 'Eli', 'Fay'].map((name) => person(org.id, `${name} Growth`, checkout.id)))
		for (const [index, owner] of [...more, ada].entries()) {
			for (const [offset, slug] of [LEADERBOARD, PAGINATION, SHIPPING].entries()) {
				const id = await giveUpAt(owner, slug, 32 + index + offset * 5)
				await prisma.review.create({
					data: { organizationId: org.id, attemptId: id, reviewerId: lead.id, scores: {}, percent: 40 + index, summary: 'Gave up early.' },
				})
			}
		}
		await addGrowthNote({ organizationId: org.id, authorId: lead.id, userId: ada.id, body: 'Second note.', now: at(50) })
		await prisma.exerciseFlag.create({ data: { organizationId: org.id, exerciseId: paginationId, raisedById: ada.id, reason: 'broken', comment: 'Flaky?' } })
		const after = await counts()

		expect((await getTeamGrowth(org.id, checkout.id, now))!.members).toHaveLength(6)
		expect((await getEngineerProfile(org.id, ada.id, now))!.recentAttempts.length).toBeGreaterThan(3)
		expect(after).toEqual(before)
	})
})
