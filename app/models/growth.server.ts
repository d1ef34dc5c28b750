// Growth: skill ratings and process metrics, stored in the transaction that finishes an
// attempt (ADR 010) and read by the team dashboard, the engineer profile, the growth report
// and exercise analytics. Each read runs a fixed number of queries however much history
// there is, and every one is scoped to an organisation, except exercise analytics across
// organisations: only for the platform role, and only in aggregate (ADR 015).
import { randomUUID } from 'node:crypto'
import { Prisma } from '#app/generated/prisma/client.ts'
import type { TimelineEvent } from '#app/attempts/replay.ts'
import { ROOT_CAUSE_CATEGORIES } from '#app/exercises/taxonomy.ts'
import { ATTEMPT_METRICS_COLUMNS, attemptMetricsSelect, metricsColumns, toAttemptMetrics, type AttemptMetricsColumns } from '#app/growth/attempt-metrics-columns.ts'
import { growthReportAttemptRow, type GrowthReportAttemptRow } from '#app/growth/growth-report-csv.ts'
import {
	attemptMetrics,
	comparePeriods,
	MIN_SAMPLE,
	periodFigure,
	summarizePeriod,
	type MetricComparison,
	type MetricName,
	type PeriodFigure,
	type PeriodMetrics,
} from '#app/growth/metrics.ts'
import { EXERCISE_START_RD, EXERCISE_START_VOLATILITY, playFirstAttempt, shownDifficulty, startingSkill, type RatedTopic, type RatingState } from '#app/growth/ratings.ts'
import { explainStoredChange, ratingChangeView, storedRatingChangeSelect, type RatingChangeView } from '#app/growth/stored-rating-change.ts'
import { byTopicOrder, topicName } from '#app/growth/topic-names.ts'
import { getPrisma } from '#app/utils/db.server.ts'

type Tx = Prisma.TransactionClient

const DAY_MS = 86_400_000

/** A failure the caller caused, with the HTTP status to answer. */
export class GrowthError extends Error {
	constructor(
		readonly status: 400 | 404,
		message: string,
	) {
		super(message)
	}
}

// ---------------------------------------------------------------------------------------
// Recording an attempt's outcome

function parseJson(value: unknown): unknown {
	return typeof value === 'string' ? JSON.parse(value) : value
}

type OutcomeRow = {
	organizationId: string
	userId: string
	exerciseId: string
	status: string
	startedAt: Date
	finishedAt: Date | null
	topics: unknown
	difficulty: number
	attested: boolean | null
	firstAttempt: boolean
}

const metricsColumnNames = Prisma.join(ATTEMPT_METRICS_COLUMNS.map((column) => Prisma.raw(`"${column.name}"`)))

function metricsValues(columns: AttemptMetricsColumns): Prisma.Sql {
	return Prisma.join(
		ATTEMPT_METRICS_COLUMNS.map(({ name, kind }) => {
			const value = columns[name]
			if (value instanceof Date) return Prisma.sql`${value.toISOString()}::timestamp(3)`
			// A null parameter has no type of its own for PostgreSQL to infer.
			return kind === 'optional-duration' ? Prisma.sql`${value}::int` : Prisma.sql`${value}`
		}),
	)
}

export type AttemptOutcome = { metrics: AttemptMetricsColumns; changes: RatedTopic[] } | null

/**
 * Stores a finished attempt's metrics and, when it is the engineer's first attempt at the
 * exercise, rates it in each topic of its version. Runs inside the transaction that finishes
 * the attempt (the caller holds the attempt's row lock); the exercise's rating and the
 * engineer's topic ratings are locked before they are read, exercise first and topics in
 * order, so concurrent finishes queue instead of losing an update or deadlocking. Calling it
 * again for the same attempt changes nothing.
 */
export async function recordAttemptOutcome(tx: Tx, attemptId: string): Promise<AttemptOutcome> {
	// "First" is by start: an earlier attempt (even one still open) makes this one a retry.
	const [attempt] = await tx.$queryRaw<OutcomeRow[]>`
		SELECT a."organizationId", a."userId", a."exerciseId", a."status"::text AS "status", a."startedAt", a."finishedAt",
			v."metadata"->'topics' AS "topics", e."difficulty",
			(SELECT s."attested" FROM "Submission" s WHERE s."attemptId" = a."id" ORDER BY s."number" DESC LIMIT 1) AS "attested",
			NOT EXISTS (
				SELECT 1 FROM "Attempt" o
				WHERE o."userId" = a."userId" AND o."exerciseId" = a."exerciseId" AND o."id" <> a."id"
					AND (o."startedAt" < a."startedAt" OR (o."startedAt" = a."startedAt" AND o."id" < a."id"))
			) AS "firstAttempt"
		FROM "Attempt" a
		JOIN "ExerciseVersion" v ON v."id" = a."exerciseVersionId"
		JOIN "Exercise" e ON e."id" = a."exerciseId"
		WHERE a."id" = ${attemptId}`
	if (!attempt || attempt.status === 'in_progress' || !attempt.finishedAt) return null
	const finishedAt = attempt.finishedAt

	// Code changes are the bulk of a timeline and no metric reads them.
	const events = await tx.$queryRaw<Array<{ position: number; type: string; at: Date; data: unknown }>>`
		SELECT "position", "type", "at", "data" - 'changes' AS "data" FROM "AttemptEvent" WHERE "attemptId" = ${attemptId} ORDER BY "position"`
	const timeline: TimelineEvent[] = events.map((event) => ({ ...event, data: parseJson(event.data) }))
	const attested = attempt.attested === true
	const metrics = attemptMetrics(timeline, { attested })
	const columns = metricsColumns(metrics, { solved: attempt.status === 'solved', firstAttempt: attempt.firstAttempt, startedAt: attempt.startedAt, finishedAt, attested })

	const inserted = await tx.$executeRaw`
		INSERT INTO "AttemptMetrics" ("attemptId", "organizationId", "userId", "exerciseId", ${metricsColumnNames})
		VALUES (${attemptId}, ${attempt.organizationId}, ${attempt.userId}, ${attempt.exerciseId}, ${metricsValues(columns)})
		ON CONFLICT ("attemptId") DO NOTHING`
	if (inserted === 0) return null

	const listed = parseJson(attempt.topics)
	const topics = [...new Set(Array.isArray(listed) ? listed.filter((topic): topic is string => typeof topic === 'string') : [])].sort()
	if (!attempt.firstAttempt || topics.length === 0) return { metrics: columns, changes: [] }

	const now = new Date().toISOString()
	// Insert-or-lock in one statement: ON CONFLICT … DO UPDATE takes the row lock and returns the latest committed values.
	const [exercise] = await tx.$queryRaw<RatingState[]>`
		INSERT INTO "ExerciseRating" ("exerciseId", "rating", "rd", "volatility", "games", "updatedAt")
		VALUES (${attempt.exerciseId}, ${attempt.difficulty}, ${EXERCISE_START_RD}, ${EXERCISE_START_VOLATILITY}, 0, ${now}::timestamp(3))
		ON CONFLICT ("exerciseId") DO UPDATE SET "exerciseId" = EXCLUDED."exerciseId"
		RETURNING "rating", "rd", "volatility", "games"`
	const start = startingSkill()
	const skillRows = await tx.$queryRaw<Array<RatingState & { topic: string }>>`
		INSERT INTO "SkillRating" ("id", "organizationId", "userId", "topic", "rating", "rd", "volatility", "games", "lastPlayedAt", "updatedAt")
		SELECT t."id", ${attempt.organizationId}, ${attempt.userId}, t."topic", ${start.rating}, ${start.rd}, ${start.volatility}, 0, ${finishedAt.toISOString()}::timestamp(3), ${now}::timestamp(3)
		FROM unnest(${topics.map(() => randomUUID())}::text[], ${topics}::text[]) AS t("id", "topic")
		ORDER BY t."topic"
		ON CONFLICT ("userId", "topic") DO UPDATE SET "topic" = EXCLUDED."topic"
		RETURNING "topic", "rating", "rd", "volatility", "games"`
	const skills = new Map(skillRows.map(({ topic, ...state }) => [topic, state]))
	const game = playFirstAttempt(exercise!, skills, topics, { solved: columns.solved, hintsRevealed: columns.hintsUsed, outsidePastes: columns.outsidePastes })

	const after = game.exercise.after
	await tx.$executeRaw`
		UPDATE "ExerciseRating" SET "rating" = ${after.rating}, "rd" = ${after.rd}, "volatility" = ${after.volatility}, "games" = ${after.games}, "updatedAt" = ${now}::timestamp(3)
		WHERE "exerciseId" = ${attempt.exerciseId}`
	await tx.$executeRaw`
		UPDATE "SkillRating" s SET "rating" = u."rating", "rd" = u."rd", "volatility" = u."volatility", "games" = u."games",
			"lastPlayedAt" = ${finishedAt.toISOString()}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
		FROM unnest(${game.topics.map((t) => t.topic)}::text[], ${game.topics.map((t) => t.after.rating)}::float8[], ${game.topics.map((t) => t.after.rd)}::float8[],
			${game.topics.map((t) => t.after.volatility)}::float8[], ${game.topics.map((t) => t.after.games)}::int[]) AS u("topic", "rating", "rd", "volatility", "games")
		WHERE s."userId" = ${attempt.userId} AND s."topic" = u."topic"`
	await tx.ratingChange.createMany({
		data: game.topics.map(({ topic, weight, before, after: skill }) => ({
			attemptId,
			organizationId: attempt.organizationId,
			userId: attempt.userId,
			exerciseId: attempt.exerciseId,
			topic,
			at: finishedAt,
			ratingBefore: before.rating,
			ratingAfter: skill.rating,
			rdBefore: before.rd,
			rdAfter: skill.rd,
			delta: skill.rating - before.rating,
			weight,
			solved: columns.solved,
			hintsRevealed: columns.hintsUsed,
			outsidePastes: columns.outsidePastes,
			exerciseRating: game.exercise.before.rating,
		})),
	})
	return { metrics: columns, changes: game.topics }
}

// ---------------------------------------------------------------------------------------
// Explaining a rating change

export type RatingExplanation =
	| { status: 'rated'; at: string; changes: RatingChangeView[] }
	| { status: 'retry'; message: string; firstAttemptId: string | null }
	| { status: 'unfinished'; message: string }

/**
 * What an attempt did to its engineer's ratings, for the attempt page; null when the attempt
 * is not this user's. Three queries (four for a retry, to link the rated attempt).
 */
export async function getRatingExplanation(attemptId: string, userId: string): Promise<RatingExplanation | null> {
	const prisma = getPrisma()
	const attempt = await prisma.attempt.findFirst({
		where: { id: attemptId, userId },
		select: {
			status: true,
			exerciseId: true,
			metrics: { select: { firstAttempt: true } },
			ratingChanges: { orderBy: { topic: 'asc' }, select: storedRatingChangeSelect },
		},
	})
	if (!attempt) return null
	if (attempt.status === 'in_progress' || !attempt.metrics) {
		return { status: 'unfinished', message: 'Ratings change when an attempt is finished: solved or given up.' }
	}
	if (!attempt.metrics.firstAttempt) {
		const first = await prisma.attempt.findFirst({
			where: { userId, exerciseId: attempt.exerciseId },
			orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
			select: { id: true },
		})
		return {
			status: 'retry',
			message: 'Only your first attempt at an exercise is rated. This one shows your progress; it does not change your ratings.',
			firstAttemptId: first?.id ?? null,
		}
	}
	const changes = [...attempt.ratingChanges].sort((a, b) => byTopicOrder(a.topic, b.topic)).map(ratingChangeView)
	return { status: 'rated', at: (attempt.ratingChanges[0]?.at ?? new Date(0)).toISOString(), changes }
}

// ---------------------------------------------------------------------------------------
// Team growth

export type RatingTrend = { delta: number; games: number }

export type TeamMemberGrowth = {
	id: string
	name: string
	/** Topic id → the member's rating there, with how it moved in the last 30 and 90 days. */
	ratings: Record<string, { rating: number; rd: number; games: number; last30: RatingTrend; last90: RatingTrend }>
	assignments: AssignmentCompletion
	/** Over attempts finished in the last 90 days. */
	independenceRate: PeriodFigure
	medianTimeToRootCauseMs: PeriodFigure
	attemptsLast90Days: number
}

/**
 * Assignments due in the last 90 days (`due`), how many of those the person finished (solved
 * or given up, at any time), and assignments not yet due that they have not finished (`open`).
 */
export type AssignmentCompletion = { due: number; completed: number; overdue: number; open: number; completionRate: PeriodFigure }

export type TeamGrowth = {
	team: { id: string; name: string }
	window: { now: string; from30: string; from90: string }
	/** Topics someone in the team is rated in, in the catalogue's order, with the team's mean rating and movement. */
	topics: Array<{ id: string; label: string; members: number; meanRating: number; last30: RatingTrend; last90: RatingTrend }>
	/** The team's learners, by name. */
	members: TeamMemberGrowth[]
	totals: { assignments: AssignmentCompletion; independenceRate: PeriodFigure; medianTimeToRootCauseMs: PeriodFigure; attemptsLast90Days: number }
}

type TrendRow = { userId: string; topic: string; delta30: number | null; games30: number; delta90: number | null; games90: number }
type TeamMetricsRow = { userId: string | null; attempts: number; independent: number; medianRootCauseMs: number | null; rootCauseSample: number }
type StandingRow = { userId: string; due: boolean; finished: boolean }

function completion(due: number, completed: number, open: number): AssignmentCompletion {
	return { due, completed, overdue: due - completed, open, completionRate: periodFigure(due ? completed / due : null, due) }
}

/**
 * A team's ratings, their 30- and 90-day movement, assignment completion and process figures.
 * Null when the team is not in this organisation. Five queries, all at once: each finds the
 * team's learners itself, and the figures are aggregated in the database (medians with
 * percentile_cont, which equals metrics.ts's median), so a big team costs rows, not queries.
 */
export async function getTeamGrowth(organizationId: string, teamId: string, now = new Date()): Promise<TeamGrowth | null> {
	const prisma = getPrisma()
	const [nowAt, from30, from90] = [now, new Date(now.getTime() - 30 * DAY_MS), new Date(now.getTime() - 90 * DAY_MS)].map((date) => date.toISOString())
	const learners = Prisma.sql`SELECT m."userId" FROM "Membership" m WHERE m."organizationId" = ${organizationId} AND m."teamId" = ${teamId} AND m."role" = 'learner'`
	// Each learner's rows are read through the index that leads with their id: LATERAL with
	// OFFSET 0 keeps the planner from trading that for a scan of the whole organisation's rows
	// when its statistics are stale (PGlite has no autovacuum).
	const [teamRows, skills, trends, metrics, standings] = await Promise.all([
		prisma.$queryRaw<Array<{ id: string; name: string; userId: string | null; userName: string | null }>>`
			SELECT t."id", t."name", u."id" AS "userId", u."name" AS "userName"
			FROM "Team" t
			LEFT JOIN "Membership" m ON m."teamId" = t."id" AND m."role" = 'learner'
			LEFT JOIN "User" u ON u."id" = m."userId"
			WHERE t."id" = ${teamId} AND t."organizationId" = ${organizationId}
			ORDER BY u."name", u."id"`,
		prisma.$queryRaw<Array<{ userId: string; topic: string; rating: number; rd: number; games: number }>>`
			SELECT l."userId", s."topic", s."rating", s."rd", s."games"
			FROM (${learners}) l
			CROSS JOIN LATERAL (SELECT "topic", "rating", "rd", "games" FROM "SkillRating" WHERE "userId" = l."userId" AND "organizationId" = ${organizationId} OFFSET 0) s`,
		prisma.$queryRaw<TrendRow[]>`
			SELECT l."userId", c."topic",
				sum(c."delta") FILTER (WHERE c."at" >= ${from30}::timestamp(3)) AS "delta30",
				(count(*) FILTER (WHERE c."at" >= ${from30}::timestamp(3)))::int AS "games30",
				sum(c."delta") AS "delta90", count(*)::int AS "games90"
			FROM (${learners}) l
			CROSS JOIN LATERAL (
				SELECT "topic", "delta", "at" FROM "RatingChange"
				WHERE "organizationId" = ${organizationId} AND "userId" = l."userId" AND "at" >= ${from90}::timestamp(3) AND "at" <= ${nowAt}::timestamp(3)
				OFFSET 0
			) c
			GROUP BY l."userId", c."topic"`,
		// One row per learner and one (userId null) for the whole team.
		prisma.$queryRaw<TeamMetricsRow[]>`
			SELECT l."userId", count(*)::int AS "attempts", (count(*) FILTER (WHERE m."independent"))::int AS "independent",
				percentile_cont(0.5) WITHIN GROUP (ORDER BY m."timeToRootCauseMs") AS "medianRootCauseMs",
				count(m."timeToRootCauseMs")::int AS "rootCauseSample"
			FROM (${learners}) l
			CROSS JOIN LATERAL (
				SELECT "independent", "timeToRootCauseMs" FROM "AttemptMetrics"
				WHERE "organizationId" = ${organizationId} AND "userId" = l."userId" AND "finishedAt" >= ${from90}::timestamp(3) AND "finishedAt" <= ${nowAt}::timestamp(3)
				OFFSET 0
			) m
			GROUP BY GROUPING SETS ((l."userId"), ())`,
		// Each learner's standing with each assignment due in the window or still open, by the
		// rule of app/assignments/progress.ts: attempts started from the assignment count, or
		// when there are none, attempts at its exercise begun after it was set.
		prisma.$queryRaw<StandingRow[]>`
			WITH "assigned" AS (
				SELECT "id", "exerciseId", "createdAt", "dueAt", "wholeTeam" FROM "Assignment"
				WHERE "organizationId" = ${organizationId} AND "teamId" = ${teamId} AND "cancelledAt" IS NULL
					AND "dueAt" >= ${from90}::timestamp(3) AND "createdAt" <= ${nowAt}::timestamp(3)
			), "audience" AS (
				SELECT a."id" AS "assignmentId", l."userId" FROM "assigned" a JOIN (${learners}) l ON a."wholeTeam"
				UNION
				SELECT a."id", am."userId" FROM "assigned" a JOIN "AssignmentMember" am ON am."assignmentId" = a."id"
				WHERE NOT a."wholeTeam" AND am."userId" IN (${learners})
			)
			SELECT au."userId", a."dueAt" <= ${nowAt}::timestamp(3) AS "due",
				COALESCE(
					(SELECT bool_or(t."status" <> 'in_progress' AND t."finishedAt" <= ${nowAt}::timestamp(3)) FROM "Attempt" t
						WHERE t."assignmentId" = a."id" AND t."userId" = au."userId" AND t."startedAt" <= ${nowAt}::timestamp(3) HAVING count(*) > 0),
					(SELECT bool_or(t."status" <> 'in_progress' AND t."finishedAt" <= ${nowAt}::timestamp(3)) FROM "Attempt" t
						WHERE t."userId" = au."userId" AND t."exerciseId" = a."exerciseId" AND t."startedAt" >= a."createdAt" AND t."startedAt" <= ${nowAt}::timestamp(3)),
					false
				) AS "finished"
			FROM "audience" au JOIN "assigned" a ON a."id" = au."assignmentId"`,
	])
	const team = teamRows[0]
	if (!team) return null
	const learnerRows = teamRows.filter((row) => row.userId !== null).map((row) => ({ id: row.userId!, name: row.userName! }))

	const trendOf = new Map(trends.map((row) => [`${row.userId}\u0000${row.topic}`, row]))
	const trendFor = (userId: string, topic: string) => {
		const row = trendOf.get(`${userId}\u0000${topic}`)
		return {
			last30: { delta: Number(row?.delta30 ?? 0), games: row?.games30 ?? 0 },
			last90: { delta: Number(row?.delta90 ?? 0), games: row?.games90 ?? 0 },
		}
	}
	const counts = new Map(learnerRows.map((learner) => [learner.id, { due: 0, completed: 0, open: 0 }]))
	for (const standing of standings) {
		const count = counts.get(standing.userId)
		if (!count) continue
		if (standing.due) {
			count.due += 1
			if (standing.finished) count.completed += 1
		} else if (!standing.finished) count.open += 1
	}
	const processOf = (row: TeamMetricsRow | undefined) => ({
		independenceRate: periodFigure(row?.attempts ? row.independent / row.attempts : null, row?.attempts ?? 0),
		medianTimeToRootCauseMs: periodFigure(row?.medianRootCauseMs == null ? null : Number(row.medianRootCauseMs), row?.rootCauseSample ?? 0),
		attemptsLast90Days: row?.attempts ?? 0,
	})

	const members: TeamMemberGrowth[] = learnerRows.map((learner) => {
		const ratings: TeamMemberGrowth['ratings'] = {}
		for (const skill of skills.filter((row) => row.userId === learner.id).sort((a, b) => byTopicOrder(a.topic, b.topic))) {
			ratings[skill.topic] = { rating: skill.rating, rd: skill.rd, games: skill.games, ...trendFor(learner.id, skill.topic) }
		}
		const count = counts.get(learner.id)!
		return { ...learner, ratings, assignments: completion(count.due, count.completed, count.open), ...processOf(metrics.find((row) => row.userId === learner.id)) }
	})

	const topicIds = [...new Set(skills.map((skill) => skill.topic))].sort(byTopicOrder)
	const topics = topicIds.map((topic) => {
		const rated = skills.filter((skill) => skill.topic === topic)
		const moves = rated.map((skill) => trendFor(skill.userId, topic))
		return {
			id: topic,
			label: topicName(topic),
			members: rated.length,
			meanRating: rated.reduce((sum, skill) => sum + skill.rating, 0) / rated.length,
			last30: { delta: moves.reduce((sum, move) => sum + move.last30.delta, 0) / rated.length, games: moves.reduce((sum, move) => sum + move.last30.games, 0) },
			last90: { delta: moves.reduce((sum, move) => sum + move.last90.delta, 0) / rated.length, games: moves.reduce((sum, move) => sum + move.last90.games, 0) },
		}
	})

	const total = (key: 'due' | 'completed' | 'open') => [...counts.values()].reduce((sum, count) => sum + count[key], 0)
	return {
		team: { id: team.id, name: team.name },
		window: { now: nowAt!, from30: from30!, from90: from90! },
		topics,
		members,
		totals: { assignments: completion(total('due'), total('completed'), total('open')), ...processOf(metrics.find((row) => row.userId === null)) },
	}
}

// ---------------------------------------------------------------------------------------
// Engineer profile

export type RatingPoint = { at: string; rating: number; rd: number; delta: number; solved: boolean; attemptId: string; exercise: { slug: string; title: string } | null }

export type TopicProfile = {
	id: string
	label: string
	rating: number
	rd: number
	games: number
	lastPlayedAt: string
	last30: RatingTrend
	last90: RatingTrend
	/** Every rated game in this topic, oldest first: the rating after it. */
	history: RatingPoint[]
}

export type RecentAttempt = {
	id: string
	exercise: { slug: string; title: string }
	status: 'in_progress' | 'solved' | 'gave_up'
	startedAt: string
	finishedAt: string | null
	/** The engineer's first attempt at the exercise; retries are shown but not rated. */
	firstAttempt: boolean | null
	/** The rating changes it caused, by topic (empty for retries and unfinished attempts). */
	ratingChanges: Array<{ topic: string; label: string; delta: number }>
	reviewPercent: number | null
	independent: boolean | null
	timeToRootCauseMs: number | null
}

export type EngineerProfile = {
	engineer: { id: string; name: string; teams: Array<{ id: string; name: string; role: 'learner' | 'lead' }> }
	/** Rated topics, highest rating first. */
	topics: TopicProfile[]
	/** Topic ids with at least MIN_SAMPLE games: up to three highest and up to three lowest, never both. */
	strongest: string[]
	weakest: string[]
	/** Calendar months (UTC), oldest first, the current one included: the process metrics of the attempts finished in each. */
	metricTrend: Array<{ month: string; from: string; to: string; metrics: PeriodMetrics }>
	/** The newest 20 attempts, open ones included. */
	recentAttempts: RecentAttempt[]
}

const TREND_MONTHS = 6
const RECENT_ATTEMPTS = 20
const TOPIC_EXTREMES = 3

function monthStart(date: Date, monthsBack = 0) {
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1))
}

/** One engineer's ratings with their history, metric trends, strongest and weakest topics and recent attempts. Null when not in this organisation. Eleven queries. */
export async function getEngineerProfile(organizationId: string, userId: string, now = new Date()): Promise<EngineerProfile | null> {
	const prisma = getPrisma()
	const trendFrom = monthStart(now, TREND_MONTHS - 1)
	const [engineer, skills, changes, metrics, recent] = await Promise.all([
		prisma.user.findFirst({
			where: { id: userId, organizationId },
			select: { id: true, name: true, memberships: { orderBy: { team: { name: 'asc' } }, select: { role: true, team: { select: { id: true, name: true } } } } },
		}),
		prisma.skillRating.findMany({ where: { organizationId, userId }, select: { topic: true, rating: true, rd: true, games: true, lastPlayedAt: true } }),
		prisma.ratingChange.findMany({
			where: { organizationId, userId, at: { lte: now } },
			orderBy: [{ at: 'asc' }, { topic: 'asc' }],
			select: { attemptId: true, exerciseId: true, topic: true, at: true, ratingAfter: true, rdAfter: true, delta: true, solved: true },
		}),
		prisma.attemptMetrics.findMany({ where: { organizationId, userId, finishedAt: { gte: trendFrom, lte: now } }, select: { attemptId: true, ...attemptMetricsSelect } }),
		prisma.attempt.findMany({
			where: { organizationId, userId, startedAt: { lte: now } },
			orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
			take: RECENT_ATTEMPTS,
			select: {
				id: true,
				status: true,
				startedAt: true,
				finishedAt: true,
				exercise: { select: { slug: true, title: true } },
				review: { select: { percent: true } },
				metrics: { select: { firstAttempt: true, independent: true, timeToRootCauseMs: true } },
			},
		}),
	])
	if (!engineer) return null
	const exercises = await prisma.exercise.findMany({ where: { id: { in: [...new Set(changes.map((change) => change.exerciseId))] } }, select: { id: true, slug: true, title: true } })
	const exerciseById = new Map(exercises.map((exercise) => [exercise.id, { slug: exercise.slug, title: exercise.title }]))

	const from30 = now.getTime() - 30 * DAY_MS
	const from90 = now.getTime() - 90 * DAY_MS
	const topics: TopicProfile[] = skills
		.map((skill) => {
			const history = changes.filter((change) => change.topic === skill.topic)
			const since = (from: number) => {
				const recentChanges = history.filter((change) => change.at.getTime() >= from)
				return { delta: recentChanges.reduce((sum, change) => sum + change.delta, 0), games: recentChanges.length }
			}
			return {
				id: skill.topic,
				label: topicName(skill.topic),
				rating: skill.rating,
				rd: skill.rd,
				games: skill.games,
				lastPlayedAt: skill.lastPlayedAt.toISOString(),
				last30: since(from30),
				last90: since(from90),
				history: history.map((change) => ({
					at: change.at.toISOString(),
					rating: change.ratingAfter,
					rd: change.rdAfter,
					delta: change.delta,
					solved: change.solved,
					attemptId: change.attemptId,
					exercise: exerciseById.get(change.exerciseId) ?? null,
				})),
			}
		})
		.sort((a, b) => b.rating - a.rating || byTopicOrder(a.id, b.id))

	const ranked = topics.filter((topic) => topic.games >= MIN_SAMPLE)
	const strongest = ranked.slice(0, Math.min(TOPIC_EXTREMES, Math.ceil(ranked.length / 2))).map((topic) => topic.id)
	const weakest = ranked
		.slice(strongest.length)
		.slice(-TOPIC_EXTREMES)
		.reverse()
		.map((topic) => topic.id)

	const metricTrend = Array.from({ length: TREND_MONTHS }, (_, index) => {
		const from = monthStart(now, TREND_MONTHS - 1 - index)
		const to = monthStart(now, TREND_MONTHS - 2 - index)
		const inMonth = metrics.filter((row) => row.finishedAt >= from && row.finishedAt < to).map(toAttemptMetrics)
		return { month: from.toISOString().slice(0, 7), from: from.toISOString(), to: to.toISOString(), metrics: summarizePeriod(inMonth) }
	})

	const changesByAttempt = new Map<string, Array<{ topic: string; label: string; delta: number }>>()
	for (const change of changes) {
		const list = changesByAttempt.get(change.attemptId) ?? []
		list.push({ topic: change.topic, label: topicName(change.topic), delta: change.delta })
		changesByAttempt.set(change.attemptId, list)
	}
	const recentAttempts: RecentAttempt[] = recent.map((attempt) => {
		const finished = attempt.finishedAt !== null && attempt.finishedAt <= now
		return {
			id: attempt.id,
			exercise: attempt.exercise,
			status: finished ? attempt.status : 'in_progress',
			startedAt: attempt.startedAt.toISOString(),
			finishedAt: finished ? attempt.finishedAt!.toISOString() : null,
			firstAttempt: attempt.metrics?.firstAttempt ?? null,
			ratingChanges: finished ? (changesByAttempt.get(attempt.id) ?? []) : [],
			reviewPercent: attempt.review?.percent ?? null,
			independent: finished ? (attempt.metrics?.independent ?? null) : null,
			timeToRootCauseMs: finished ? (attempt.metrics?.timeToRootCauseMs ?? null) : null,
		}
	})

	return {
		engineer: { id: engineer.id, name: engineer.name, teams: engineer.memberships.map((membership) => ({ ...membership.team, role: membership.role })) },
		topics,
		strongest,
		weakest,
		metricTrend,
		recentAttempts,
	}
}

// ---------------------------------------------------------------------------------------
// Growth report

export type GrowthPeriod = { from: Date; to: Date }

export type SkillInPeriod = {
	topic: string
	label: string
	/** The rating at the end of the period; null when the topic had no game by then. */
	rating: number | null
	rd: number | null
	/** How far the rating moved during the period, and over how many games; null without a game. */
	change: number | null
	games: number
	previousChange: number | null
	previousGames: number
}

/**
 * A telling attempt is one the rating system learned most from: the rated attempts of the
 * period with the largest total rating change, i.e. results furthest from what the ratings
 * expected, counted by how independently they were reached. The biggest gain and the biggest
 * loss come first when the period has them, then the next largest swing.
 */
export type TellingAttempt = {
	attemptId: string
	exercise: { slug: string; title: string }
	finishedAt: string
	solved: boolean
	kind: 'biggest-gain' | 'biggest-loss' | 'large-swing'
	ratingChange: number
	/** explainRatingChange for the topic the attempt moved most. */
	explanation: string
}

export type GrowthReport = {
	engineer: { id: string; name: string; email: string; teams: Array<{ id: string; name: string; role: 'learner' | 'lead' }> }
	period: { from: string; to: string }
	/** The period of the same length just before, that changes are compared with. */
	previousPeriod: { from: string; to: string }
	skills: SkillInPeriod[]
	metrics: { current: PeriodMetrics; previous: PeriodMetrics; comparison: Record<MetricName, MetricComparison> }
	independence: { independent: number; withHints: number; withOutsidePastes: number; notAttested: number; attempts: number; rate: PeriodFigure; previousRate: PeriodFigure }
	tellingAttempts: TellingAttempt[]
	reviews: Array<{ attemptId: string; exerciseTitle: string; reviewerName: string; percent: number; excerpt: string; reviewedAt: string }>
	notes: Array<{ id: string; body: string; authorName: string; createdAt: string }>
	/** Every attempt finished in the period, oldest first, with all its metrics: the CSV export. */
	attempts: GrowthReportAttemptRow[]
}

const EXCERPT_CHARS = 280
const TELLING_ATTEMPTS = 3

function excerpt(text: string) {
	const flat = text.replace(/\s+/g, ' ').trim()
	if (flat.length <= EXCERPT_CHARS) return flat
	const cut = flat.slice(0, EXCERPT_CHARS)
	const space = cut.lastIndexOf(' ')
	return `${(space > EXCERPT_CHARS * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`
}

/**
 * One engineer over a period [from, to): skills and their change against the previous period
 * of the same length, process metrics compared, independence, telling attempts, review
 * excerpts, lead notes and every attempt's metrics. Null when not in this organisation.
 * Eleven queries.
 */
export async function getGrowthReport(organizationId: string, userId: string, period: GrowthPeriod): Promise<GrowthReport | null> {
	const { from, to } = period
	if (!(from.getTime() < to.getTime())) throw new RangeError('A growth report needs a period whose start is before its end.')
	const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()))
	const prisma = getPrisma()
	const [engineer, changes, metrics, notes] = await Promise.all([
		prisma.user.findFirst({
			where: { id: userId, organizationId },
			select: { id: true, name: true, email: true, memberships: { orderBy: { team: { name: 'asc' } }, select: { role: true, team: { select: { id: true, name: true } } } } },
		}),
		prisma.ratingChange.findMany({
			where: { organizationId, userId, at: { lt: to } },
			orderBy: [{ at: 'asc' }, { topic: 'asc' }],
			select: { attemptId: true, exerciseId: true, ...storedRatingChangeSelect },
		}),
		prisma.attemptMetrics.findMany({
			where: { organizationId, userId, finishedAt: { gte: previousFrom, lt: to } },
			orderBy: [{ finishedAt: 'asc' }, { attemptId: 'asc' }],
			select: {
				attemptId: true,
				...attemptMetricsSelect,
				attempt: {
					select: {
						exercise: { select: { slug: true, title: true } },
						review: { select: { percent: true, summary: true, updatedAt: true, reviewer: { select: { name: true } } } },
					},
				},
			},
		}),
		prisma.growthNote.findMany({
			where: { organizationId, userId, createdAt: { gte: from, lt: to } },
			orderBy: { createdAt: 'asc' },
			select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
		}),
	])
	if (!engineer) return null

	// Ratings at a moment: the rating after the last game before it.
	const skills: SkillInPeriod[] = [...new Set(changes.map((change) => change.topic))].sort(byTopicOrder).map((topic) => {
		const games = changes.filter((change) => change.topic === topic)
		const during = games.filter((change) => change.at >= from)
		const previous = games.filter((change) => change.at >= previousFrom && change.at < from)
		const last = games.at(-1)!
		const moved = (list: typeof games) => (list.length ? list.at(-1)!.ratingAfter - list[0]!.ratingBefore : null)
		return {
			topic,
			label: topicName(topic),
			rating: last.ratingAfter,
			rd: last.rdAfter,
			change: moved(during),
			games: during.length,
			previousChange: moved(previous),
			previousGames: previous.length,
		}
	})

	const current = metrics.filter((row) => row.finishedAt >= from)
	const before = metrics.filter((row) => row.finishedAt < from)
	const currentPeriod = summarizePeriod(current.map(toAttemptMetrics))
	const previousPeriod = summarizePeriod(before.map(toAttemptMetrics))

	const changesByAttempt = new Map<string, typeof changes>()
	for (const change of changes) {
		if (change.at < from) continue
		const list = changesByAttempt.get(change.attemptId) ?? []
		list.push(change)
		changesByAttempt.set(change.attemptId, list)
	}
	const totalChange = (attemptId: string) => {
		const list = changesByAttempt.get(attemptId)
		return list ? list.reduce((sum, change) => sum + change.delta, 0) : null
	}

	const rated = current.filter((row) => changesByAttempt.has(row.attemptId)).map((row) => ({ row, total: totalChange(row.attemptId)! }))
	const picked: Array<{ row: (typeof current)[number]; total: number; kind: TellingAttempt['kind'] }> = []
	const gain = [...rated].sort((a, b) => b.total - a.total)[0]
	if (gain && gain.total > 0) picked.push({ ...gain, kind: 'biggest-gain' })
	const loss = [...rated].sort((a, b) => a.total - b.total)[0]
	if (loss && loss.total < 0) picked.push({ ...loss, kind: 'biggest-loss' })
	for (const candidate of [...rated].sort((a, b) => Math.abs(b.total) - Math.abs(a.total))) {
		if (picked.length >= TELLING_ATTEMPTS) break
		if (!picked.some((chosen) => chosen.row.attemptId === candidate.row.attemptId)) picked.push({ ...candidate, kind: 'large-swing' })
	}
	const tellingAttempts: TellingAttempt[] = picked
		.sort((a, b) => a.row.finishedAt.getTime() - b.row.finishedAt.getTime())
		.map(({ row, total, kind }) => {
			const strongest = [...changesByAttempt.get(row.attemptId)!].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))[0]!
			return {
				attemptId: row.attemptId,
				exercise: row.attempt.exercise,
				finishedAt: row.finishedAt.toISOString(),
				solved: row.solved,
				kind,
				ratingChange: total,
				explanation: explainStoredChange(strongest),
			}
		})

	const reviews = current
		.filter((row) => row.attempt.review)
		.map((row) => ({
			attemptId: row.attemptId,
			exerciseTitle: row.attempt.exercise.title,
			reviewerName: row.attempt.review!.reviewer?.name ?? 'A former lead',
			percent: row.attempt.review!.percent,
			excerpt: excerpt(row.attempt.review!.summary),
			reviewedAt: row.attempt.review!.updatedAt.toISOString(),
		}))

	return {
		engineer: {
			id: engineer.id,
			name: engineer.name,
			email: engineer.email,
			teams: engineer.memberships.map((membership) => ({ ...membership.team, role: membership.role })),
		},
		period: { from: from.toISOString(), to: to.toISOString() },
		previousPeriod: { from: previousFrom.toISOString(), to: from.toISOString() },
		skills,
		metrics: { current: currentPeriod, previous: previousPeriod, comparison: comparePeriods(currentPeriod, previousPeriod) },
		independence: {
			independent: current.filter((row) => row.independent).length,
			withHints: current.filter((row) => row.hintsUsed > 0).length,
			withOutsidePastes: current.filter((row) => row.outsidePastes > 0).length,
			notAttested: current.filter((row) => !row.attested).length,
			attempts: current.length,
			rate: currentPeriod.independenceRate,
			previousRate: previousPeriod.independenceRate,
		},
		tellingAttempts,
		reviews,
		notes: notes.map((note) => ({ id: note.id, body: note.body, authorName: note.author?.name ?? 'A former lead', createdAt: note.createdAt.toISOString() })),
		attempts: current.map((row) =>
			growthReportAttemptRow(row, { exercise: row.attempt.exercise, ratingChange: totalChange(row.attemptId), reviewPercent: row.attempt.review?.percent ?? null }),
		),
	}
}

// ---------------------------------------------------------------------------------------
// Lead notes

export const MAX_NOTE_CHARS = 4000

/** A lead's note on an engineer. The caller has checked that the author may write it (a lead of the engineer's team, or an admin). */
export async function addGrowthNote(input: { organizationId: string; authorId: string; userId: string; body: string; now?: Date }) {
	const body = input.body.trim()
	if (!body) throw new GrowthError(400, 'Write the note before saving it.')
	if (body.length > MAX_NOTE_CHARS) throw new GrowthError(400, `Keep a note under ${MAX_NOTE_CHARS} characters; it has ${body.length}.`)
	const prisma = getPrisma()
	const engineer = await prisma.user.findFirst({ where: { id: input.userId, organizationId: input.organizationId }, select: { id: true } })
	if (!engineer) throw new GrowthError(404, 'This engineer is not in your organisation.')
	const now = input.now ?? new Date()
	return prisma.growthNote.create({
		data: { organizationId: input.organizationId, userId: input.userId, authorId: input.authorId, body, createdAt: now, updatedAt: now },
		select: { id: true, body: true, createdAt: true },
	})
}

// ---------------------------------------------------------------------------------------
// Exercise analytics

/** Figures across organisations count at least this many of them, so that none can be picked out. */
export const PLATFORM_MIN_ORGANIZATIONS = 5

/** What people did with an exercise: the part of the analytics that comes from their attempts. */
export type ExerciseFigures = {
	attempts: { total: number; inProgress: number; solved: number; gaveUp: number; firstAttempts: number; firstAttemptsSolved: number }
	/** Solved among finished attempts; the first-attempt figure is the one ratings see. */
	solveRate: PeriodFigure
	firstAttemptSolveRate: PeriodFigure
	/** Start to finish of solved attempts. */
	medianTimeToSolveMs: PeriodFigure
	medianTimeToRootCauseMs: PeriodFigure
	/** Root-cause categories chosen in submissions that got the category wrong, most chosen first. */
	wrongRootCauses: Array<{ category: string; label: string; submissions: number; attempts: number }>
}

type OpenFlagCounts = { total: number; byReason: Record<'broken' | 'ambiguous' | 'too_easy', number> }

type ExerciseHeader = {
	exercise: { id: string; slug: string; title: string; kind: string; topics: string[]; retired: boolean }
	/** The authored difficulty, the rating calibrated from first attempts (platform-wide), and which one pages show. */
	difficulty: { authored: number; rating: number | null; rd: number | null; games: number; calibrated: boolean; shown: number }
}

export type ExerciseAnalytics = ExerciseHeader & ExerciseFigures & { openFlags: OpenFlagCounts }

/**
 * Every organisation's figures, for the platform role (ADR 015). Each part is given only when
 * at least PLATFORM_MIN_ORGANIZATIONS organisations contributed to it, otherwise it is null
 * and the counts say how many did.
 */
export type PlatformExerciseAnalytics = ExerciseHeader & {
	/** Organisations with an attempt at the exercise, and with an open flag on it. */
	organizations: number
	flagOrganizations: number
	minimum: number
	figures: ExerciseFigures | null
	openFlags: OpenFlagCounts | null
}

type ExerciseStatsRow = {
	organizations: number
	total: number
	inProgress: number
	solved: number
	gaveUp: number
	firstAttempts: number
	firstAttemptsSolved: number
	medianSolveMs: number | null
	solveSample: number
	medianRootCauseMs: number | null
	rootCauseSample: number
}

const categoryLabels = new Map<string, string>(ROOT_CAUSE_CATEGORIES.map((category) => [category.id, category.label]))

/**
 * How an exercise performs in one organisation: attempts, solve rate, median times,
 * calibrated against authored difficulty, the wrong root causes chosen, open flags; the
 * exercise's rating is platform-wide. Null when there is no such exercise. Six queries.
 */
export async function getExerciseAnalytics(exerciseId: string, scope: { organizationId: string }): Promise<ExerciseAnalytics | null> {
	const analytics = await readExerciseAnalytics(exerciseId, scope.organizationId)
	if (!analytics) return null
	const { organizations: _organizations, flagOrganizations: _flagOrganizations, ...inOrganization } = analytics
	return inOrganization
}

/** How an exercise performs in every organisation, withheld part by part below PLATFORM_MIN_ORGANIZATIONS. Only for the platform role. */
export async function getPlatformExerciseAnalytics(exerciseId: string): Promise<PlatformExerciseAnalytics | null> {
	const analytics = await readExerciseAnalytics(exerciseId, null)
	if (!analytics) return null
	const { exercise, difficulty, organizations, flagOrganizations, openFlags, ...figures } = analytics
	return {
		exercise,
		difficulty,
		organizations,
		flagOrganizations,
		minimum: PLATFORM_MIN_ORGANIZATIONS,
		figures: organizations >= PLATFORM_MIN_ORGANIZATIONS ? figures : null,
		openFlags: flagOrganizations >= PLATFORM_MIN_ORGANIZATIONS ? openFlags : null,
	}
}

async function readExerciseAnalytics(exerciseId: string, organizationId: string | null): Promise<(ExerciseAnalytics & { organizations: number; flagOrganizations: number }) | null> {
	const prisma = getPrisma()
	const inOrganization = organizationId ? Prisma.sql`AND "organizationId" = ${organizationId}` : Prisma.empty
	const [exercise, stats, wrong, flags] = await Promise.all([
		prisma.exercise.findUnique({
			where: { id: exerciseId },
			select: {
				id: true,
				slug: true,
				title: true,
				kind: true,
				difficulty: true,
				retiredAt: true,
				currentVersion: { select: { metadata: true } },
				rating: { select: { rating: true, rd: true, games: true } },
			},
		}),
		prisma.$queryRaw<ExerciseStatsRow[]>`
			WITH "attempts" AS (SELECT "status", "organizationId" FROM "Attempt" WHERE "exerciseId" = ${exerciseId} ${inOrganization}),
				"metrics" AS (SELECT "firstAttempt", "solved", "durationMs", "timeToRootCauseMs" FROM "AttemptMetrics" WHERE "exerciseId" = ${exerciseId} ${inOrganization})
			SELECT a."organizations", a."total", a."inProgress", a."solved", a."gaveUp", m.*
			FROM (
				SELECT count(DISTINCT "organizationId")::int AS "organizations",
					count(*)::int AS "total",
					(count(*) FILTER (WHERE "status" = 'in_progress'))::int AS "inProgress",
					(count(*) FILTER (WHERE "status" = 'solved'))::int AS "solved",
					(count(*) FILTER (WHERE "status" = 'gave_up'))::int AS "gaveUp"
				FROM "attempts"
			) a, (
				SELECT (count(*) FILTER (WHERE "firstAttempt"))::int AS "firstAttempts",
					(count(*) FILTER (WHERE "firstAttempt" AND "solved"))::int AS "firstAttemptsSolved",
					percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") FILTER (WHERE "solved") AS "medianSolveMs",
					(count(*) FILTER (WHERE "solved"))::int AS "solveSample",
					percentile_cont(0.5) WITHIN GROUP (ORDER BY "timeToRootCauseMs") AS "medianRootCauseMs",
					count("timeToRootCauseMs")::int AS "rootCauseSample"
				FROM "metrics"
			) m`,
		// Submissions are found attempt by attempt through their (attemptId, number) index.
		prisma.$queryRaw<Array<{ category: string; submissions: number; attempts: number }>>`
			SELECT s."category", count(*)::int AS "submissions", count(DISTINCT s."attemptId")::int AS "attempts"
			FROM "Attempt" a
			CROSS JOIN LATERAL (SELECT "category", "attemptId" FROM "Submission" WHERE "attemptId" = a."id" AND NOT "categoryCorrect" OFFSET 0) s
			WHERE a."exerciseId" = ${exerciseId} ${inOrganization}
			GROUP BY s."category"
			ORDER BY count(*) DESC, s."category"`,
		prisma.exerciseFlag.groupBy({
			by: ['reason', 'organizationId'],
			where: { exerciseId, resolvedAt: null, ...(organizationId ? { organizationId } : {}) },
			_count: { _all: true },
		}),
	])
	if (!exercise) return null
	const row = stats[0]!
	const metadata = (exercise.currentVersion?.metadata ?? {}) as { topics?: unknown }
	const topics = Array.isArray(metadata.topics) ? metadata.topics.filter((topic): topic is string => typeof topic === 'string') : []
	const finished = row.solved + row.gaveUp
	const byReason = { broken: 0, ambiguous: 0, too_easy: 0 }
	for (const flag of flags) byReason[flag.reason] += flag._count._all
	const { shown, calibrated } = shownDifficulty(exercise.difficulty, exercise.rating)
	return {
		exercise: { id: exercise.id, slug: exercise.slug, title: exercise.title, kind: exercise.kind, topics, retired: exercise.retiredAt !== null },
		difficulty: {
			authored: exercise.difficulty,
			rating: exercise.rating?.rating ?? null,
			rd: exercise.rating?.rd ?? null,
			games: exercise.rating?.games ?? 0,
			calibrated,
			shown,
		},
		attempts: { total: row.total, inProgress: row.inProgress, solved: row.solved, gaveUp: row.gaveUp, firstAttempts: row.firstAttempts, firstAttemptsSolved: row.firstAttemptsSolved },
		solveRate: periodFigure(finished ? row.solved / finished : null, finished),
		firstAttemptSolveRate: periodFigure(row.firstAttempts ? row.firstAttemptsSolved / row.firstAttempts : null, row.firstAttempts),
		medianTimeToSolveMs: periodFigure(row.medianSolveMs === null ? null : Number(row.medianSolveMs), row.solveSample),
		medianTimeToRootCauseMs: periodFigure(row.medianRootCauseMs === null ? null : Number(row.medianRootCauseMs), row.rootCauseSample),
		wrongRootCauses: wrong.map((entry) => ({ ...entry, label: categoryLabels.get(entry.category) ?? entry.category })),
		openFlags: { total: byReason.broken + byReason.ambiguous + byReason.too_easy, byReason },
		organizations: row.organizations,
		flagOrganizations: new Set(flags.map((flag) => flag.organizationId)).size,
	}
}
