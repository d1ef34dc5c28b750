// The engineer profile: ratings with their history, monthly process metrics, strongest and
// weakest topics and recent attempts (ADR 010). Eleven queries, scoped to the organisation.
import { toAttemptMetrics, attemptMetricsSelect } from '#app/growth/attempt-metrics-columns.ts'
import { MIN_SAMPLE, summarizePeriod, type PeriodMetrics } from '#app/growth/metrics.ts'
import { byTopicOrder, topicName } from '#app/growth/topic-names.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import type { RatingTrend } from './team-growth.server.ts'

const DAY_MS = 86_400_000

type RatingPoint = {
	at: string
	rating: number
	rd: number
	delta: number
	solved: boolean
	attemptId: string
	exercise: { slug: string; title: string } | null
}

type TopicProfile = {
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
		prisma.attemptMetrics.findMany({
			where: { organizationId, userId, finishedAt: { gte: trendFrom, lte: now } },
			select: { attemptId: true, ...attemptMetricsSelect },
		}),
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
	const exercises = await prisma.exercise.findMany({
		where: { id: { in: [...new Set(changes.map((change) => change.exerciseId))] } },
		select: { id: true, slug: true, title: true },
	})
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
