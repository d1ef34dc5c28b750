// Exercise analytics: how an exercise performs in one organisation, or in every organisation
// for the platform role, and only in aggregate (ADR 010, ADR 015). Six queries.
import { Prisma } from '#app/generated/prisma/client.ts'
import { ROOT_CAUSE_CATEGORIES } from '#app/exercises/taxonomy.ts'
import { periodFigure, type PeriodFigure } from '#app/growth/metrics.ts'
import { shownDifficulty } from '#app/growth/ratings.ts'
import { getPrisma } from '#app/utils/db.server.ts'

/** Figures across organisations count at least this many of them, so that none can be picked out. */
const PLATFORM_MIN_ORGANIZATIONS = 5

/** What people did with an exercise: the part of the analytics that comes from their attempts. */
type ExerciseFigures = {
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

async function readExerciseAnalytics(
	exerciseId: string,
	organizationId: string | null,
): Promise<(ExerciseAnalytics & { organizations: number; flagOrganizations: number }) | null> {
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
		attempts: {
			total: row.total,
			inProgress: row.inProgress,
			solved: row.solved,
			gaveUp: row.gaveUp,
			firstAttempts: row.firstAttempts,
			firstAttemptsSolved: row.firstAttemptsSolved,
		},
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
