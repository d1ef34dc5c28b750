// The write path of growth (ADR 010): when an attempt finishes, its metrics are stored and, for
// an engineer's first attempt at the exercise, it is rated, in the transaction that finishes it.
import { randomUUID } from 'node:crypto'
import { Prisma } from '#app/generated/prisma/client.ts'
import type { TimelineEvent } from '#app/attempts/replay.ts'
import { ATTEMPT_METRICS_COLUMNS, metricsColumns, type AttemptMetricsColumns } from '#app/growth/attempt-metrics-columns.ts'
import { attemptMetrics } from '#app/growth/metrics.ts'
import {
	EXERCISE_START_RD,
	EXERCISE_START_VOLATILITY,
	playFirstAttempt,
	RATING_RULE,
	startingSkill,
	type AttemptOutcomeInput,
	type RatedTopic,
	type RatingState,
} from '#app/growth/ratings.ts'

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
	estimatedMinutes: unknown
	difficulty: number
	attested: boolean | null
	firstAttempt: boolean
}

export type AttemptOutcome = { metrics: AttemptMetricsColumns; changes: RatedTopic[] } | null

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

/**
 * Stores a finished attempt's metrics and, when it is the engineer's first attempt at the
 * exercise, rates it in each topic of its version. Runs inside the transaction that finishes
 * the attempt (the caller holds the attempt's row lock); the exercise's rating and the
 * engineer's topic ratings are locked before they are read, exercise first and topics in
 * order, so concurrent finishes queue instead of losing an update or deadlocking. Calling it
 * again for the same attempt changes nothing.
 */
export async function recordAttemptOutcome(tx: Prisma.TransactionClient, attemptId: string): Promise<AttemptOutcome> {
	// "First" is by start: an earlier attempt (even one still open) makes this one a retry.
	const [attempt] = await tx.$queryRaw<OutcomeRow[]>`
		SELECT a."organizationId", a."userId", a."exerciseId", a."status"::text AS "status", a."startedAt", a."finishedAt",
			v."metadata"->'topics' AS "topics", v."metadata"->'estimatedMinutes' AS "estimatedMinutes", e."difficulty",
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
	const columns = metricsColumns(metrics, {
		solved: attempt.status === 'solved',
		firstAttempt: attempt.firstAttempt,
		startedAt: attempt.startedAt,
		finishedAt,
		attested,
	})

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
	const outcome = ratedOutcome(columns, parseJson(attempt.estimatedMinutes))
	const game = playFirstAttempt(exercise!, skills, topics, outcome)

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
			rule: RATING_RULE,
			score: game.score,
			minutesToRootCause: outcome.minutesToRootCause,
			failedFixes: outcome.failedFixes,
			estimatedMinutes: outcome.estimatedMinutes,
		})),
	})
	return { metrics: columns, changes: game.topics }
}

/** What a first attempt is rated on, from its stored metrics and its version's estimate. */
export function ratedOutcome(
	metrics: Pick<AttemptMetricsColumns, 'solved' | 'hintsUsed' | 'outsidePastes' | 'failedFixes' | 'timeToRootCauseMs'>,
	estimatedMinutes: unknown,
): AttemptOutcomeInput & { minutesToRootCause: number | null; failedFixes: number; estimatedMinutes: number | null } {
	return {
		solved: metrics.solved,
		hintsRevealed: metrics.hintsUsed,
		outsidePastes: metrics.outsidePastes,
		failedFixes: metrics.failedFixes,
		minutesToRootCause: metrics.timeToRootCauseMs === null ? null : metrics.timeToRootCauseMs / 60_000,
		estimatedMinutes: typeof estimatedMinutes === 'number' && estimatedMinutes > 0 ? estimatedMinutes : null,
	}
}
