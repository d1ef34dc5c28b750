// Stored ratings are the rule as it was when each attempt was rated (ADR 010). When the rule
// changes (RATING_RULE), the stored first attempts are played again, in finishing order,
// through the same playFirstAttempt the finishing transaction uses, and the rating tables are
// rewritten in one transaction: every organisation's, since exercise ratings are shared.
import { randomUUID } from 'node:crypto'
import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import { playFirstAttempt, RATING_RULE, startingExercise, type RatingState } from '#app/growth/ratings.ts'
import { ratedOutcome } from './attempt-outcome.server.ts'

type FirstAttemptRow = {
	attemptId: string
	organizationId: string
	userId: string
	exerciseId: string
	finishedAt: Date
	solved: boolean
	hintsUsed: number
	outsidePastes: number
	failedFixes: number
	timeToRootCauseMs: number | null
	topics: unknown
	estimatedMinutes: unknown
	difficulty: number
}

export type RatingsRecompute = { attempts: number; ratingChanges: number; skills: number; exercises: number }

/** Whether any stored rating change was made under an older rule than RATING_RULE. */
export async function ratingsNeedRecompute(prisma: PrismaClient): Promise<boolean> {
	return (await prisma.ratingChange.count({ where: { rule: { lt: RATING_RULE } } })) > 0
}

const CHUNK = 1000

/**
 * Rewrites SkillRating, ExerciseRating and RatingChange from the stored first attempts under the
 * current rule. The three tables are locked first, so an attempt finishing meanwhile waits and
 * is then rated on top of the rewritten ratings. With `onlyIfStale` (what a starting server
 * asks) it does nothing and returns null unless some change was rated under an older rule,
 * checked under the lock, so servers starting together on one database recompute once.
 */
export async function recomputeRatings(prisma: PrismaClient, options: { onlyIfStale?: boolean } = {}): Promise<RatingsRecompute | null> {
	return prisma.$transaction(
		async (tx) => {
			await tx.$executeRawUnsafe(`LOCK TABLE "ExerciseRating", "SkillRating", "RatingChange" IN EXCLUSIVE MODE`)
			if (options.onlyIfStale && (await tx.ratingChange.count({ where: { rule: { lt: RATING_RULE } } })) === 0) return null
			const firsts = await tx.$queryRaw<FirstAttemptRow[]>`
				SELECT m."attemptId", m."organizationId", m."userId", m."exerciseId", m."finishedAt", m."solved", m."hintsUsed", m."outsidePastes",
					m."failedFixes", m."timeToRootCauseMs", v."metadata"->'topics' AS "topics", v."metadata"->'estimatedMinutes' AS "estimatedMinutes", e."difficulty"
				FROM "AttemptMetrics" m
				JOIN "Attempt" a ON a."id" = m."attemptId"
				JOIN "ExerciseVersion" v ON v."id" = a."exerciseVersionId"
				JOIN "Exercise" e ON e."id" = m."exerciseId"
				WHERE m."firstAttempt"
				ORDER BY m."finishedAt", m."attemptId"`

			const exercises = new Map<string, RatingState>()
			const skills = new Map<string, { organizationId: string; lastPlayedAt: Date; topics: Map<string, RatingState> }>()
			const changes: Prisma.RatingChangeCreateManyInput[] = []
			for (const first of firsts) {
				const topics = topicsOf(first.topics)
				if (topics.length === 0) continue
				const exercise = exercises.get(first.exerciseId) ?? startingExercise(first.difficulty)
				const engineer = skills.get(first.userId) ?? { organizationId: first.organizationId, lastPlayedAt: first.finishedAt, topics: new Map() }
				const outcome = ratedOutcome(first, parseJson(first.estimatedMinutes))
				const game = playFirstAttempt(exercise, engineer.topics, topics, outcome)
				for (const topic of game.topics) {
					engineer.topics.set(topic.topic, topic.after)
					changes.push({
						attemptId: first.attemptId,
						organizationId: first.organizationId,
						userId: first.userId,
						exerciseId: first.exerciseId,
						topic: topic.topic,
						at: first.finishedAt,
						ratingBefore: topic.before.rating,
						ratingAfter: topic.after.rating,
						rdBefore: topic.before.rd,
						rdAfter: topic.after.rd,
						delta: topic.after.rating - topic.before.rating,
						weight: topic.weight,
						solved: outcome.solved,
						hintsRevealed: outcome.hintsRevealed,
						outsidePastes: outcome.outsidePastes,
						exerciseRating: exercise.rating,
						rule: RATING_RULE,
						score: game.score,
						minutesToRootCause: outcome.minutesToRootCause,
						failedFixes: outcome.failedFixes,
						estimatedMinutes: outcome.estimatedMinutes,
					})
				}
				engineer.lastPlayedAt = first.finishedAt
				skills.set(first.userId, engineer)
				exercises.set(first.exerciseId, game.exercise.after)
			}

			await tx.ratingChange.deleteMany({})
			await tx.skillRating.deleteMany({})
			await tx.exerciseRating.deleteMany({})
			const skillRows = [...skills].flatMap(([userId, engineer]) =>
				[...engineer.topics].map(([topic, state]) => ({
					id: randomUUID(),
					organizationId: engineer.organizationId,
					userId,
					topic,
					rating: state.rating,
					rd: state.rd,
					volatility: state.volatility,
					games: state.games,
					lastPlayedAt: engineer.lastPlayedAt,
				})),
			)
			const exerciseRows = [...exercises].map(([exerciseId, state]) => ({
				exerciseId,
				rating: state.rating,
				rd: state.rd,
				volatility: state.volatility,
				games: state.games,
			}))
			for (let index = 0; index < exerciseRows.length; index += CHUNK) await tx.exerciseRating.createMany({ data: exerciseRows.slice(index, index + CHUNK) })
			for (let index = 0; index < skillRows.length; index += CHUNK) await tx.skillRating.createMany({ data: skillRows.slice(index, index + CHUNK) })
			for (let index = 0; index < changes.length; index += CHUNK) await tx.ratingChange.createMany({ data: changes.slice(index, index + CHUNK) })
			return { attempts: firsts.length, ratingChanges: changes.length, skills: skillRows.length, exercises: exerciseRows.length }
		},
		{ timeout: 10 * 60_000, maxWait: 60_000 },
	)
}

function parseJson(value: unknown): unknown {
	return typeof value === 'string' ? JSON.parse(value) : value
}

// As the finishing transaction reads them: distinct, sorted.
function topicsOf(value: unknown): string[] {
	const listed = parseJson(value)
	return [...new Set(Array.isArray(listed) ? listed.filter((topic): topic is string => typeof topic === 'string') : [])].sort()
}
