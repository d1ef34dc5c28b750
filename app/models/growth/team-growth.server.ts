// The team dashboard: a team's ratings and their movement, assignment completion and process
// figures (ADR 010). Six queries however big the team, all scoped to the organisation.
import { personProgress } from '#app/assignments/progress.ts'
import { Prisma } from '#app/generated/prisma/client.ts'
import { periodFigure, type PeriodFigure } from '#app/growth/metrics.ts'
import { byTopicOrder, topicName } from '#app/growth/topic-names.ts'
import { getPrisma } from '#app/utils/db.server.ts'

const DAY_MS = 86_400_000

export type RatingTrend = { delta: number; games: number }

type TeamMemberGrowth = {
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
 * Assignments due (or closed) in the last 90 days (`due`), how many of those the person finished
 * (solved or given up, by app/assignments/progress.ts), how many of those are still open and
 * unfinished (`overdue`; a closed one is missed, not overdue), and assignments not yet due that
 * they have not finished (`open`).
 */
type AssignmentCompletion = { due: number; completed: number; overdue: number; open: number; completionRate: PeriodFigure }

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
function completion(due: number, completed: number, overdue: number, open: number): AssignmentCompletion {
	return { due, completed, overdue, open, completionRate: periodFigure(due ? completed / due : null, due) }
}

/**
 * A team's ratings, their 30- and 90-day movement, assignment completion and process figures.
 * Null when the team is not in this organisation. Six queries, all at once: each finds the
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
	const [teamRows, skills, trends, metrics, assignments, assignedAttempts] = await Promise.all([
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
		// Each learner's standing with each assignment due in the window or still open, by the one
		// definition of app/assignments/progress.ts that the lead's pages and the dashboard use.
		prisma.assignment.findMany({
			where: { organizationId, teamId, cancelledAt: null, dueAt: { gte: from90 }, createdAt: { lte: now } },
			select: { id: true, exerciseId: true, createdAt: true, dueAt: true, closedAt: true, wholeTeam: true, members: { select: { userId: true } } },
		}),
		prisma.attempt.findMany({
			where: {
				organizationId,
				startedAt: { lte: now },
				user: { memberships: { some: { organizationId, teamId, role: 'learner' } } },
				exercise: { assignments: { some: { organizationId, teamId, cancelledAt: null, dueAt: { gte: from90 } } } },
			},
			select: { id: true, userId: true, assignmentId: true, exerciseId: true, status: true, startedAt: true, finishedAt: true },
		}),
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
	const counts = new Map(learnerRows.map((learner) => [learner.id, { due: 0, completed: 0, overdue: 0, open: 0 }]))
	for (const assignment of assignments) {
		const audience = assignment.wholeTeam ? learnerRows.map((learner) => learner.id) : assignment.members.map((member) => member.userId)
		for (const userId of audience) {
			const count = counts.get(userId)
			if (!count) continue
			const attempts = assignedAttempts.filter((attempt) => attempt.userId === userId).map((attempt) => ({ ...attempt, reviewed: false }))
			const standing = personProgress(assignment, attempts, now)
			if (assignment.dueAt <= now || standing.closure) {
				count.due += 1
				if (standing.finished) count.completed += 1
				if (standing.overdue) count.overdue += 1
			} else if (!standing.finished) count.open += 1
		}
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
		return {
			...learner,
			ratings,
			assignments: completion(count.due, count.completed, count.overdue, count.open),
			...processOf(metrics.find((row) => row.userId === learner.id)),
		}
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

	const total = (key: 'due' | 'completed' | 'overdue' | 'open') => [...counts.values()].reduce((sum, count) => sum + count[key], 0)
	return {
		team: { id: team.id, name: team.name },
		window: { now: nowAt!, from30: from30!, from90: from90! },
		topics,
		members,
		totals: {
			assignments: completion(total('due'), total('completed'), total('overdue'), total('open')),
			...processOf(metrics.find((row) => row.userId === null)),
		},
	}
}
