// The load-test organisation, "Globex Load Test" — by default 500 engineers in 50 teams with
// 200 attempts each over a year, with timelines, journals, runs, submissions, assignments,
// reviews, metrics and ratings — written in bulk into the configured database, to measure
// the growth pages at a real organisation's size (`npm run seed:load`, `npm run bench:reports`).
//
// The plan (plan.ts) fixes who attempts what and how it ends; the rows (rows.ts) have exactly
// the shape the real code paths write, and index.db.test.ts reads loaded attempts back through
// the real read functions to prove it. Only the bulk writing (bulk-insert.ts) differs.
//
// It never touches the demo organisation or the real exercises: its exercises are synthetic
// (`load-…`, exercise.ts), retired so no catalogue offers them, and removed with the previous
// load organisation each time it runs.
import { randomUUID } from 'node:crypto'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { createRandom } from '#app/utils/random.ts'
import { analyzeLoadedTables, insertRows } from './bulk-insert.ts'
import { HIDDEN_TESTS, LOAD_BRIEF, LOAD_SLUG_PREFIX, LOAD_STARTER, SOLUTION, VISIBLE_TESTS, loadExerciseMetadata, templateResults } from './exercise.ts'
import {
	DAY_MS,
	DEFAULT_LOAD,
	planAssignments,
	planAttempts,
	planEngineers,
	planExercises,
	planTeams,
	type LoadExercise,
	type LoadOptions,
	type PlannedAttempt,
} from './plan.ts'
import { attemptRows, exerciseRatingRows, growthNoteRows, playRatings, reviewRows, skillRatingRows } from './rows.ts'

export { LOAD_SLUG_PREFIX } from './exercise.ts'
export { DEFAULT_LOAD, type LoadOptions } from './plan.ts'

export const LOAD_ORGANIZATION_NAME = 'Globex Load Test'
export const LOAD_EMAIL_DOMAIN = 'load.hardmode.test'
export const LOAD_ADMIN_EMAIL = `admin@${LOAD_EMAIL_DOMAIN}`
export const LOAD_PASSWORD = 'hardmode-load'

const CHUNK_ENGINEERS = 25

export type LoadSummary = {
	organizationId: string
	engineers: number
	teams: number
	exercises: number
	attempts: number
	firstAttempts: number
	events: number
	journalEntries: number
	runs: number
	submissions: number
	reviews: number
	assignments: number
	ratingChanges: number
	durationMs: number
}

/** Deletes the load organisation (everything in it cascades) and its synthetic exercises. */
export async function removeLoadOrganization(prisma: PrismaClient) {
	const admin = await prisma.user.findUnique({ where: { email: LOAD_ADMIN_EMAIL }, select: { organizationId: true } })
	if (admin) await prisma.organization.delete({ where: { id: admin.organizationId }, select: { id: true } })
	await prisma.exercise.deleteMany({ where: { slug: { startsWith: LOAD_SLUG_PREFIX } } })
}

/** Replaces the load organisation with a freshly generated one. `log` hears about progress. */
export async function loadOrganization(
	prisma: PrismaClient,
	overrides: Partial<LoadOptions> = {},
	log: (message: string) => void = () => {},
): Promise<LoadSummary> {
	const started = performance.now()
	const options = { ...DEFAULT_LOAD, now: new Date(), ...overrides }
	const random = createRandom(options.seed)
	const now = options.now
	await removeLoadOrganization(prisma)
	const template = await templateResults()
	const { hashPassword } = await import('#app/utils/password.server.ts')
	const passwordHash = await hashPassword(LOAD_PASSWORD)

	// People and teams.
	const organizationId = randomUUID()
	await prisma.organization.create({
		data: { id: organizationId, name: LOAD_ORGANIZATION_NAME, createdAt: new Date(now.getTime() - 400 * DAY_MS) },
		select: { id: true },
	})
	const adminId = randomUUID()
	const teams = planTeams(options)
	const engineers = planEngineers(random, options)
	const joined = new Date(now.getTime() - 380 * DAY_MS)
	const person = (id: string, email: string, name: string, orgRole: 'admin' | 'member') => ({
		id,
		email,
		name,
		orgRole,
		organizationId,
		passwordHash,
		createdAt: joined,
		updatedAt: joined,
	})
	await insertRows(prisma, 'User', [
		person(adminId, LOAD_ADMIN_EMAIL, 'Load Admin', 'admin'),
		...teams.map((team, index) =>
			person(team.leadId, `lead-${String(index + 1).padStart(2, '0')}@${LOAD_EMAIL_DOMAIN}`, `Lead ${String(index + 1).padStart(2, '0')}`, 'member'),
		),
		...engineers.map((engineer, index) =>
			person(engineer.id, `engineer-${String(index + 1).padStart(3, '0')}@${LOAD_EMAIL_DOMAIN}`, `Engineer ${String(index + 1).padStart(3, '0')}`, 'member'),
		),
	])
	await insertRows(
		prisma,
		'Team',
		teams.map((team) => ({ id: team.id, organizationId, name: team.name, createdAt: joined, updatedAt: joined })),
	)
	const member = (teamId: string, userId: string, role: 'lead' | 'learner') => ({ id: randomUUID(), organizationId, teamId, userId, role, createdAt: joined })
	await insertRows(prisma, 'Membership', [
		...teams.map((team) => member(team.id, team.leadId, 'lead')),
		...engineers.map((engineer) => member(teams[engineer.teamIndex]!.id, engineer.id, 'learner')),
	])
	log(`Created ${engineers.length} engineers and ${teams.length} leads in ${teams.length} teams.`)

	// Synthetic exercises, retired from the start so no catalogue offers them.
	const exercises = planExercises(random, options)
	const retiredAt = new Date(now.getTime() - 400 * DAY_MS)
	const metadataOf = (exercise: LoadExercise) => loadExerciseMetadata(exercise.index, exercise.topics, exercise.difficulty, exercise.estimatedMinutes)
	await insertRows(
		prisma,
		'Exercise',
		exercises.map((exercise) => {
			const metadata = metadataOf(exercise)
			return {
				id: exercise.id,
				slug: metadata.slug,
				uuid: metadata.uuid,
				kind: 'debugging',
				title: metadata.title,
				difficulty: exercise.difficulty,
				retiredAt,
				createdAt: retiredAt,
				updatedAt: retiredAt,
			}
		}),
	)
	await insertRows(
		prisma,
		'ExerciseVersion',
		exercises.map((exercise) => ({
			id: exercise.versionId,
			exerciseId: exercise.id,
			number: 1,
			contentHash: `load-${exercise.index}`,
			metadata: metadataOf(exercise),
			brief: LOAD_BRIEF,
			publicFiles: { ...LOAD_STARTER, ...VISIBLE_TESTS },
			hiddenTests: HIDDEN_TESTS,
			solution: SOLUTION,
			createdAt: retiredAt,
		})),
	)
	await prisma.$executeRaw`UPDATE "Exercise" e SET "currentVersionId" = v."id" FROM "ExerciseVersion" v WHERE v."exerciseId" = e."id" AND e."slug" LIKE ${`${LOAD_SLUG_PREFIX}%`}`

	const assignments = planAssignments(random, teams, exercises, now)
	await insertRows(
		prisma,
		'Assignment',
		assignments.map((assignment) => ({
			id: assignment.id,
			organizationId,
			teamId: teams[assignment.teamIndex]!.id,
			exerciseId: assignment.exercise.id,
			createdById: teams[assignment.teamIndex]!.leadId,
			dueAt: assignment.dueAt,
			hintsAllowed: assignment.hintsAllowed,
			pasteBlocked: assignment.pasteBlocked,
			createdAt: assignment.createdAt,
			updatedAt: assignment.createdAt,
		})),
	)

	// The plans fix each attempt's finishing moment, so ratings are played from them in
	// finishing order (as the finishing transactions would have); the rows of each attempt
	// are generated later, a chunk at a time.
	const plans = planAttempts(random, engineers, exercises, assignments, options)
	const ratings = playRatings(plans, organizationId)
	log(`Planned ${plans.length} attempts and played their ratings.`)
	const reviews = reviewRows(random, plans, teams, organizationId, now)

	// Everything per attempt, in chunks of engineers, each chunk in one transaction.
	const byEngineer = new Map<string, PlannedAttempt[]>()
	for (const plan of plans) byEngineer.set(plan.engineer.id, [...(byEngineer.get(plan.engineer.id) ?? []), plan])
	const totals = { events: 0, journalEntries: 0, runs: 0, submissions: 0 }
	const ratingsByAttempt = new Map<string | null, typeof ratings.changes>()
	for (const change of ratings.changes) ratingsByAttempt.set(change.attemptId, [...(ratingsByAttempt.get(change.attemptId) ?? []), change])
	const reviewsByAttempt = new Map(reviews.map((review) => [review.attemptId, review]))
	for (let index = 0; index < engineers.length; index += CHUNK_ENGINEERS) {
		const chunk = engineers.slice(index, index + CHUNK_ENGINEERS).flatMap((engineer) => byEngineer.get(engineer.id) ?? [])
		const chunkRows = chunk.map((plan) => attemptRows(random, plan, template, organizationId))
		await prisma.$transaction(
			async (tx) => {
				await insertRows(
					tx,
					'Attempt',
					chunkRows.map((rows) => rows.attempt),
				)
				await insertRows(
					tx,
					'AttemptEvent',
					chunkRows.flatMap((rows) => rows.events),
				)
				await insertRows(
					tx,
					'JournalEntry',
					chunkRows.flatMap((rows) => rows.journal),
				)
				await insertRows(
					tx,
					'Run',
					chunkRows.flatMap((rows) => rows.runs),
				)
				await insertRows(
					tx,
					'Submission',
					chunkRows.flatMap((rows) => rows.submissions),
				)
				await insertRows(
					tx,
					'AttemptMetrics',
					chunkRows.map((rows) => rows.metrics),
				)
				await insertRows(
					tx,
					'RatingChange',
					chunk.flatMap((plan) => ratingsByAttempt.get(plan.id) ?? []),
				)
				await insertRows(
					tx,
					'Review',
					chunk.flatMap((plan) => (reviewsByAttempt.has(plan.id) ? [reviewsByAttempt.get(plan.id)!] : [])),
				)
			},
			{ timeout: 600_000, maxWait: 60_000 },
		)
		for (const rows of chunkRows) {
			totals.events += rows.events.length
			totals.journalEntries += rows.journal.length
			totals.runs += rows.runs.length
			totals.submissions += rows.submissions.length
		}
		log(
			`  wrote the attempts of ${Math.min(index + CHUNK_ENGINEERS, engineers.length)} of ${engineers.length} engineers (${Math.round((performance.now() - started) / 1000)} s)`,
		)
	}

	// The ratings as they stand after the last game, and a note per engineer from their lead.
	await insertRows(prisma, 'SkillRating', skillRatingRows(ratings.skills, organizationId))
	await insertRows(prisma, 'ExerciseRating', exerciseRatingRows(ratings.exercises, now))
	await insertRows(prisma, 'GrowthNote', growthNoteRows(random, engineers, teams, organizationId, now))

	if (options.analyze) {
		await analyzeLoadedTables(prisma)
		log('Analyzed the loaded tables.')
	}

	return {
		organizationId,
		engineers: engineers.length,
		teams: teams.length,
		exercises: exercises.length,
		attempts: plans.length,
		firstAttempts: plans.filter((plan) => plan.firstAttempt).length,
		events: totals.events,
		journalEntries: totals.journalEntries,
		runs: totals.runs,
		submissions: totals.submissions,
		reviews: reviews.length,
		assignments: assignments.length,
		ratingChanges: ratings.changes.length,
		durationMs: Math.round(performance.now() - started),
	}
}

export type ReadTimings = Record<string, { p50: number; p95: number; max: number; samples: number }>

/**
 * Times each growth read on the load organisation, `samples` calls each after two to warm up,
 * cycling through different teams, engineers and exercises so caches do not flatter them.
 * Server time of the data access only (no rendering). The process-wide database must be the
 * one loaded (useDatabase).
 */
export async function measureReads(prisma: PrismaClient, samples = 40, now = new Date()): Promise<ReadTimings> {
	const [{ getTeamGrowth }, { getEngineerProfile }, { getGrowthReport }, { getExerciseAnalytics }, { getRatingExplanation }] = await Promise.all([
		import('#app/models/growth/team-growth.server.ts'),
		import('#app/models/growth/engineer-profile.server.ts'),
		import('#app/models/growth/growth-report.server.ts'),
		import('#app/models/growth/exercise-analytics.server.ts'),
		import('#app/models/growth/rating-explanation.server.ts'),
	])
	const admin = await prisma.user.findUniqueOrThrow({ where: { email: LOAD_ADMIN_EMAIL }, select: { organizationId: true } })
	const organizationId = admin.organizationId
	const [teams, engineers, exercises, rated] = await Promise.all([
		prisma.team.findMany({ where: { organizationId }, orderBy: { name: 'asc' }, select: { id: true } }),
		prisma.membership.findMany({ where: { organizationId, role: 'learner' }, orderBy: { userId: 'asc' }, select: { userId: true } }),
		prisma.exercise.findMany({ where: { slug: { startsWith: LOAD_SLUG_PREFIX } }, orderBy: { slug: 'asc' }, select: { id: true } }),
		prisma.ratingChange.findMany({ where: { organizationId }, orderBy: { id: 'asc' }, take: samples + 2, select: { attemptId: true, userId: true } }),
	])
	// Spread over the population: a stride that is coprime with its size visits different rows each call.
	const nth = <T>(items: T[], index: number) => items[(index * 7919) % items.length]!
	const quarter = { from: new Date(now.getTime() - 91 * DAY_MS), to: now }
	const year = { from: new Date(now.getTime() - 365 * DAY_MS), to: now }
	const reads: Record<string, (index: number) => Promise<unknown>> = {
		'team dashboard': (index) => getTeamGrowth(organizationId, nth(teams, index).id, now),
		'engineer profile': (index) => getEngineerProfile(organizationId, nth(engineers, index).userId, now),
		'growth report (quarter)': (index) => getGrowthReport(organizationId, nth(engineers, index + 1).userId, quarter),
		'growth report (year)': (index) => getGrowthReport(organizationId, nth(engineers, index + 2).userId, year),
		'exercise analytics': (index) => getExerciseAnalytics(nth(exercises, index).id, { organizationId }),
		'rating explanation': (index) => getRatingExplanation(nth(rated, index).attemptId, nth(rated, index).userId),
	}
	const timings: ReadTimings = {}
	for (const [name, read] of Object.entries(reads)) {
		for (let index = 0; index < 2; index++) await read(samples + index)
		const times: number[] = []
		for (let index = 0; index < samples; index++) {
			const started = performance.now()
			await read(index)
			times.push(performance.now() - started)
		}
		times.sort((a, b) => a - b)
		const at = (share: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(share * times.length) - 1)]! * 10) / 10
		timings[name] = { p50: at(0.5), p95: at(0.95), max: at(1), samples }
	}
	return timings
}
