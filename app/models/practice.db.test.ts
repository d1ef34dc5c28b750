import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import type { AttemptStatus, PrismaClient } from '#app/generated/prisma/client.ts'
import type { Database } from '#app/utils/db.server.ts'
import { syncExercises } from './exercise.server.ts'
import { getLearnerDashboard, listAttemptHistory, listCatalogueForUser, RECENTLY_FINISHED_LIMIT, type PracticeUser } from './practice.server.ts'

const DAY = 24 * 60 * 60 * 1000
const now = new Date('2026-12-01T12:00:00Z')
const at = (daysFromNow: number) => new Date(now.getTime() + daysFromNow * DAY)

let db: Database
let prisma: PrismaClient
const exercises = new Map<string, { id: string; versionId: string; difficulty: number }>()
let orgA = ''
let orgB = ''
let ada: PracticeUser
let grace: PracticeUser
let newcomer: PracticeUser
let bill: PracticeUser
const teams = { checkout: '', platform: '', tidewater: '' }

beforeAll(async () => {
	db = await createTestDatabase()
	prisma = db.prisma
	const report = await syncExercises(prisma, 'exercises')
	expect(report.skipped).toEqual([])
	for (const exercise of await prisma.exercise.findMany({ select: { id: true, slug: true, difficulty: true, currentVersionId: true } })) {
		exercises.set(exercise.slug, { id: exercise.id, versionId: exercise.currentVersionId!, difficulty: exercise.difficulty })
	}

	orgA = (await prisma.organization.create({ data: { name: 'Acme' }, select: { id: true } })).id
	orgB = (await prisma.organization.create({ data: { name: 'Tidewater' }, select: { id: true } })).id
	const user = async (organizationId: string, email: string): Promise<PracticeUser> => {
		const created = await prisma.user.create({ data: { organizationId, email, name: email, passwordHash: 'x' }, select: { id: true } })
		return { id: created.id, organizationId }
	}
	ada = await user(orgA, 'ada@acme.test')
	grace = await user(orgA, 'grace@acme.test')
	newcomer = await user(orgA, 'new@acme.test')
	bill = await user(orgB, 'bill@tidewater.test')
	const team = async (organizationId: string, name: string, members: Array<[PracticeUser, 'learner' | 'lead']>) => {
		const created = await prisma.team.create({ data: { organizationId, name }, select: { id: true } })
		for (const [member, role] of members) {
			await prisma.membership.create({ data: { organizationId, teamId: created.id, userId: member.id, role } })
		}
		return created.id
	}
	teams.checkout = await team(orgA, 'Checkout', [
		[ada, 'learner'],
		[grace, 'lead'],
	])
	teams.platform = await team(orgA, 'Platform', [[grace, 'learner']])
	teams.tidewater = await team(orgB, 'Harbour', [[bill, 'learner']])
})

afterAll(async () => {
	await db?.close()
})

function exercise(slug: string) {
	const found = exercises.get(slug)
	if (!found) throw new Error(`no exercise ${slug}`)
	return found
}

async function createAttempt(
	user: PracticeUser,
	slug: string,
	status: AttemptStatus,
	fields: { startedDaysAgo?: number; finishedDaysAgo?: number; assignmentId?: string; counters?: Record<string, number> } = {},
) {
	const { id: exerciseId, versionId } = exercise(slug)
	const startedAt = at(-(fields.startedDaysAgo ?? 10))
	const finishedAt = status === 'in_progress' ? null : at(-(fields.finishedDaysAgo ?? fields.startedDaysAgo ?? 10) + 0.01)
	const attempt = await prisma.attempt.create({
		data: {
			organizationId: user.organizationId,
			userId: user.id,
			exerciseId,
			exerciseVersionId: versionId,
			assignmentId: fields.assignmentId ?? null,
			status,
			draft: {},
			startedAt,
			lastActiveAt: finishedAt ?? new Date(startedAt.getTime() + 30 * 60_000),
			finishedAt,
			...fields.counters,
		},
		select: { id: true },
	})
	return attempt.id
}

async function createAssignment(
	organizationId: string,
	teamId: string,
	slug: string,
	fields: { dueInDays: number; createdDaysAgo?: number; wholeTeam?: boolean; members?: PracticeUser[]; cancelled?: boolean },
) {
	const assignment = await prisma.assignment.create({
		data: {
			organizationId,
			teamId,
			exerciseId: exercise(slug).id,
			dueAt: at(fields.dueInDays),
			createdAt: at(-(fields.createdDaysAgo ?? 7)),
			wholeTeam: fields.wholeTeam ?? true,
			cancelledAt: fields.cancelled ? at(-1) : null,
			members: fields.members ? { create: fields.members.map((member) => ({ userId: member.id })) } : undefined,
		},
		select: { id: true },
	})
	return assignment.id
}

describe('listCatalogueForUser', () => {
	beforeAll(async () => {
		await createAttempt(ada, 'retry-storm', 'gave_up', { startedDaysAgo: 20 })
		await createAttempt(ada, 'retry-storm', 'solved', { startedDaysAgo: 12 })
		await createAttempt(ada, 'duplicate-usernames', 'in_progress', { startedDaysAgo: 2 })
		await createAttempt(ada, 'invoice-total-off-by-a-cent', 'gave_up', { startedDaysAgo: 5 })
		await createAttempt(grace, 'tenant-settings-bleed', 'solved', { startedDaysAgo: 3 })
	})

	// Every folder in exercises/ is one exercise in the catalogue.
	const exerciseCount = readdirSync('exercises', { withFileTypes: true }).filter((entry) => entry.isDirectory()).length

	it('lists every current exercise with the user’s own status for it', async () => {
		const catalogue = await listCatalogueForUser(prisma, ada)
		expect(catalogue).toHaveLength(exerciseCount)
		const status = Object.fromEntries(catalogue.map((entry) => [entry.slug, entry.status]))
		expect(status['retry-storm']).toBe('solved')
		expect(status['duplicate-usernames']).toBe('in_progress')
		expect(status['invoice-total-off-by-a-cent']).toBe('given_up')
		// Grace solved it, not Ada.
		expect(status['tenant-settings-bleed']).toBe('new')
		const retryStorm = catalogue.find((entry) => entry.slug === 'retry-storm')!
		expect(retryStorm).toMatchObject({ kind: 'debugging', difficulty: 1800, estimatedMinutes: 45, language: 'typescript' })
		expect(retryStorm.topics).toEqual(['reliability', 'api-design', 'validation'])
		expect(retryStorm.summary).toMatch(/inventory outage/)
	})

	it('never carries the root cause, hints or solution', async () => {
		const catalogue = await listCatalogueForUser(prisma, ada)
		for (const entry of catalogue) {
			expect(Object.keys(entry).sort()).toEqual([
				'difficulty',
				'difficultySource',
				'estimatedMinutes',
				'kind',
				'language',
				'slug',
				'status',
				'summary',
				'title',
				'topics',
			])
		}
		const text = JSON.stringify(catalogue)
		expect(text).not.toMatch(/"(rootCause|category|hints|rubric|explanation|solution)"/)
		expect(text).not.toContain('resolveRetryPolicy')
	})

	it('shows nothing of another user’s or another organisation’s attempts', async () => {
		const forGrace = await listCatalogueForUser(prisma, grace)
		expect(forGrace.filter((entry) => entry.status !== 'new').map((entry) => entry.slug)).toEqual(['tenant-settings-bleed'])
		// Ada's id with another organisation: the organisation scope alone hides her attempts.
		const wrongOrg = await listCatalogueForUser(prisma, { id: ada.id, organizationId: orgB })
		expect(wrongOrg.every((entry) => entry.status === 'new')).toBe(true)
	})

	it('leaves retired exercises out', async () => {
		await prisma.exercise.update({ where: { slug: 'slow-order-history' }, data: { retiredAt: now } })
		try {
			const slugs = (await listCatalogueForUser(prisma, ada)).map((entry) => entry.slug)
			expect(slugs).toHaveLength(exerciseCount - 1)
			expect(slugs).not.toContain('slow-order-history')
		} finally {
			await prisma.exercise.update({ where: { slug: 'slow-order-history' }, data: { retiredAt: null } })
		}
	})
})

describe('listAttemptHistory', () => {
	let counted = ''
	beforeAll(async () => {
		counted = await createAttempt(grace, 'orders-page-skips-an-order', 'solved', {
			startedDaysAgo: 1,
			counters: { runCount: 7, hintsRevealed: 2, outsidePastes: 1, submissionCount: 2, failedFixCount: 1 },
		})
		await prisma.attempt.update({ where: { id: counted }, data: { startedAt: at(-1), finishedAt: new Date(at(-1).getTime() + 65 * 60_000) } })
		const entry = (clientId: string, kind: 'hypothesis' | 'observation') => ({ clientId, kind, text: clientId, createdAt: now, updatedAt: now })
		await prisma.journalEntry.createMany({
			data: [entry('h1', 'hypothesis'), entry('h2', 'hypothesis'), entry('o1', 'observation')].map((e) => ({ ...e, attemptId: counted })),
		})
		const submission = (number: number, attested: boolean, correct: boolean) => ({
			attemptId: counted,
			number,
			file: 'src/a.ts',
			startLine: 1,
			endLine: 2,
			category: 'boundary',
			explanation: 'because',
			files: {},
			attested,
			locationCorrect: correct,
			categoryCorrect: correct,
			fixCorrect: correct,
			correct,
			testsPassed: 1,
			testsFailed: correct ? 0 : 1,
		})
		await prisma.submission.createMany({ data: [submission(1, false, false), submission(2, true, true)] })
	})

	it('lists only the user’s attempts, newest first, with their counts', async () => {
		const history = await listAttemptHistory(prisma, grace)
		expect(history.map((row) => row.exercise.slug)).toEqual(['orders-page-skips-an-order', 'tenant-settings-bleed'])
		expect(history[0]).toMatchObject({
			id: counted,
			status: 'solved',
			runCount: 7,
			hypothesisCount: 2,
			hintsRevealed: 2,
			submissionCount: 2,
			failedFixCount: 1,
			timeSpentMs: 65 * 60_000,
			independence: { independent: false, label: '2 hints · 1 outside paste' },
		})
		expect(history[1]!.independence).toEqual({ independent: false, label: 'nothing attested' })
	})

	it('never shows another user’s attempts', async () => {
		const adaHistory = await listAttemptHistory(prisma, ada)
		expect(adaHistory.map((row) => row.id)).not.toContain(counted)
		expect(adaHistory.map((row) => row.exercise.slug).sort()).toEqual(['duplicate-usernames', 'invoice-total-off-by-a-cent', 'retry-storm', 'retry-storm'])
		expect(await listAttemptHistory(prisma, bill)).toEqual([])
		expect(await listAttemptHistory(prisma, { id: grace.id, organizationId: orgB })).toEqual([])
	})

	it('calls an unaided, attested attempt independent', async () => {
		const id = await createAttempt(newcomer, 'leaderboard-order-is-random', 'solved', { counters: { submissionCount: 1 } })
		await prisma.submission.create({
			data: {
				attemptId: id,
				number: 1,
				file: 'src/a.ts',
				startLine: 1,
				endLine: 1,
				category: 'api-misuse',
				explanation: 'x',
				files: {},
				attested: true,
				locationCorrect: true,
				categoryCorrect: true,
				fixCorrect: true,
				correct: true,
				testsPassed: 3,
				testsFailed: 0,
			},
		})
		try {
			expect((await listAttemptHistory(prisma, newcomer))[0]!.independence).toEqual({ independent: true, label: 'Independent' })
		} finally {
			await prisma.attempt.delete({ where: { id } })
		}
	})
})

describe('getLearnerDashboard', () => {
	const ids = { overdue: '', soon: '', later: '', solvedLate: '', memberOnly: '', fallback: '', beforeAssigned: '' }
	beforeAll(async () => {
		// For Ada (whole Checkout team): overdue, due soon, due later, and one solved after its due date.
		ids.overdue = await createAssignment(orgA, teams.checkout, 'leaderboard-order-is-random', { dueInDays: -2 })
		ids.later = await createAssignment(orgA, teams.checkout, 'inventory-oversold', { dueInDays: 9 })
		ids.soon = await createAssignment(orgA, teams.checkout, 'duplicate-usernames', { dueInDays: 3 })
		ids.solvedLate = await createAssignment(orgA, teams.checkout, 'customer-charged-twice', { dueInDays: -4 })
		await createAttempt(ada, 'customer-charged-twice', 'solved', { startedDaysAgo: 3, assignmentId: ids.solvedLate })
		// Progress from an attempt not started from the assignment, but after it was made.
		ids.fallback = await createAssignment(orgA, teams.checkout, 'memory-grows-per-connection', { dueInDays: 5, createdDaysAgo: 6 })
		await createAttempt(ada, 'memory-grows-per-connection', 'gave_up', { startedDaysAgo: 4 })
		// An attempt from before the assignment does not count for it.
		ids.beforeAssigned = await createAssignment(orgA, teams.checkout, 'export-says-done-but-fails', { dueInDays: 6, createdDaysAgo: 2 })
		await createAttempt(ada, 'export-says-done-but-fails', 'solved', { startedDaysAgo: 8 })
		// Only for Grace, on Checkout (Ada's team, but not for her).
		ids.memberOnly = await createAssignment(orgA, teams.checkout, 'old-prices-after-update', { dueInDays: 4, wholeTeam: false, members: [grace] })
		// Hidden from Ada: cancelled; Platform's whole team (she is not in it); another organisation's, even naming her.
		await createAssignment(orgA, teams.checkout, 'order-ids-dont-match', { dueInDays: 1, cancelled: true })
		await createAssignment(orgA, teams.platform, 'free-shipping-for-everyone', { dueInDays: 1 })
		await createAssignment(orgB, teams.tidewater, 'failed-payouts-marked-paid', { dueInDays: 1, wholeTeam: false, members: [ada, bill] })
		await createAssignment(orgB, teams.tidewater, 'reminders-fire-an-hour-late', { dueInDays: 1 })
	})

	it('shows the assignments meant for the user, overdue first, then by due date', async () => {
		const dashboard = await getLearnerDashboard(prisma, ada, now)
		expect(dashboard.assignments.map((a) => [a.exercise.slug, a.overdue, a.progress])).toEqual([
			['leaderboard-order-is-random', true, 'not_started'],
			['customer-charged-twice', false, 'solved'],
			['duplicate-usernames', false, 'in_progress'],
			['memory-grows-per-connection', false, 'given_up'],
			['export-says-done-but-fails', false, 'not_started'],
			['inventory-oversold', false, 'not_started'],
		])
		expect(dashboard.assignments[0]).toMatchObject({ id: ids.overdue, teamName: 'Checkout', dueAt: at(-2) })
	})

	it('shows a member-only assignment to its members only, and a whole-team one to the team’s learners, not its leads', async () => {
		const forGrace = (await getLearnerDashboard(prisma, grace, now)).assignments.map((a) => a.exercise.slug)
		expect(forGrace).toContain('old-prices-after-update')
		expect(forGrace).toContain('free-shipping-for-everyone') // Platform, whole team
		expect(forGrace).not.toContain('leaderboard-order-is-random') // Checkout, where she is lead
		expect(forGrace).not.toContain('order-ids-dont-match') // cancelled
		expect(forGrace).not.toContain('failed-payouts-marked-paid')
		expect((await getLearnerDashboard(prisma, ada, now)).assignments.map((a) => a.id)).not.toContain(ids.memberOnly)
	})

	it('keeps organisations apart', async () => {
		const forBill = (await getLearnerDashboard(prisma, bill, now)).assignments.map((a) => a.exercise.slug).sort()
		expect(forBill).toEqual(['failed-payouts-marked-paid', 'reminders-fire-an-hour-late'])
		const adaAsOutsider = await getLearnerDashboard(prisma, { id: ada.id, organizationId: orgB }, now)
		expect(adaAsOutsider.inProgress).toEqual([])
		expect(adaAsOutsider.recentlyFinished).toEqual([])
	})

	it('lists attempts in progress and the last five finished, newest first', async () => {
		const dashboard = await getLearnerDashboard(prisma, ada, now)
		expect(dashboard.inProgress.map((a) => a.exercise.slug)).toEqual(['duplicate-usernames'])
		expect(dashboard.recentlyFinished).toHaveLength(RECENTLY_FINISHED_LIMIT)
		expect(dashboard.recentlyFinished.map((a) => [a.exercise.slug, a.status])).toEqual([
			['customer-charged-twice', 'solved'],
			['memory-grows-per-connection', 'gave_up'],
			['invoice-total-off-by-a-cent', 'gave_up'],
			['export-says-done-but-fails', 'solved'],
			['retry-storm', 'solved'],
		])
	})

	it('suggests something neither solved nor in progress, without naming its root cause', async () => {
		const dashboard = await getLearnerDashboard(prisma, ada, now)
		const solvedOrOpen = ['retry-storm', 'customer-charged-twice', 'export-says-done-but-fails', 'duplicate-usernames']
		expect(dashboard.suggestion).not.toBeNull()
		expect(solvedOrOpen).not.toContain(dashboard.suggestion!.exercise.slug)
		// No topic ratings were stored for these attempts, so it starts at the easy end.
		expect(dashboard.suggestion!.reason).toMatch(/^A first exercise at an easy level \(≈1000\), in [A-Z][a-z ]+: you have no ratings yet$/)
		expect(dashboard.suggestion!.exercise.difficultySource).toBe('authored')
		expect(JSON.stringify(dashboard.suggestion)).not.toMatch(/category|rootCause/)
	})

	it('suggests from the learner’s topic ratings, and says which level it aims at', async () => {
		const rating = { organizationId: ada.organizationId, userId: ada.id, rd: 90, volatility: 0.06, games: 8, lastPlayedAt: now }
		await prisma.skillRating.createMany({
			data: [
				{ ...rating, topic: 'errors', rating: 1780 },
				{ ...rating, topic: 'async', rating: 1720 },
			],
		})
		try {
			const dashboard = await getLearnerDashboard(prisma, ada, now)
			expect(dashboard.suggestion!.reason).toMatch(/\(≈17[5-6]0\)/)
			expect(dashboard.suggestion!.targetRating).toBeGreaterThan(1700)
		} finally {
			await prisma.skillRating.deleteMany({ where: { userId: ada.id } })
		}
	})

	it('works for a brand-new user', async () => {
		const dashboard = await getLearnerDashboard(prisma, newcomer, now)
		expect(dashboard).toMatchObject({ assignments: [], inProgress: [], recentlyFinished: [], nothingToSuggest: null })
		expect(dashboard.suggestion!.reason).toContain('≈1000')
		expect(Math.abs(dashboard.suggestion!.exercise.difficulty - 1000)).toBeLessThanOrEqual(200)
	})

	it('says when everything is solved', async () => {
		const solver = {
			id: (await prisma.user.create({ data: { organizationId: orgA, email: 'all@acme.test', name: 'All', passwordHash: 'x' }, select: { id: true } })).id,
			organizationId: orgA,
		}
		let day = 60
		for (const slug of exercises.keys()) await createAttempt(solver, slug, 'solved', { startedDaysAgo: day-- })
		const dashboard = await getLearnerDashboard(prisma, solver, now)
		expect(dashboard.suggestion).toBeNull()
		expect(dashboard.nothingToSuggest).toBe('all_solved')
	})

	it('runs the same number of queries for many attempts as for none', async () => {
		const counting = (count: { n: number }) =>
			prisma.$extends({
				query: {
					$allOperations({ args, query }) {
						count.n += 1
						return query(args)
					},
				},
			}) as unknown as PrismaClient
		const few = { n: 0 }
		const many = { n: 0 }
		const fewCatalogue = { n: 0 }
		const manyCatalogue = { n: 0 }
		await getLearnerDashboard(counting(few), newcomer, now)
		await listAttemptHistory(counting(few), newcomer)
		await listCatalogueForUser(counting(fewCatalogue), newcomer)
		await getLearnerDashboard(counting(many), ada, now)
		await listAttemptHistory(counting(many), ada)
		await listCatalogueForUser(counting(manyCatalogue), ada)
		expect(many.n).toBe(few.n)
		expect(manyCatalogue.n).toBe(fewCatalogue.n)
		// Four for the dashboard (the fourth reads the topic ratings suggestions aim by), two to find due
		// retention checks (three more, however many, when one is due), one for the history.
		expect(few.n).toBeLessThanOrEqual(7)
	})
})
