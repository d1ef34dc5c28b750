// What a learner sees around the workspace: the catalogue with their status, their attempt
// history and their dashboard. Every query is scoped to the user's organisation and id, and
// each function runs a fixed number of queries however many attempts there are.
import { z } from 'zod'
import { assignedTo, openAssignmentWhere } from './assignment.server.ts'
import { personProgress } from '#app/assignments/progress.ts'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { EXERCISE_KINDS } from '#app/exercises/schema.ts'
import { TOPIC_IDS, type TopicId } from '#app/exercises/topics.ts'
import { attemptIndependence, timeSpentMs, type Independence } from '#app/practice/attempt-summary.ts'
import { learnerExerciseStatus, type AttemptOutcome, type CatalogueEntry, type ExerciseKind } from '#app/practice/catalogue-filter.ts'
import { exerciseDifficulty, type DifficultySource } from '#app/growth/rating-display.ts'
import { rankSuggestions, type PracticeHistoryEntry, type SuggestionCandidate, type TopicSkill } from '#app/practice/suggest.ts'
import { interleaveNextUp, NEXT_UP_LENGTH, type RecentPractice } from '#app/retention/next-up.ts'
import { listDueChecks } from './retention/due.server.ts'

export type PracticeUser = { id: string; organizationId: string }

// ExerciseVersion.metadata was validated when the folder was loaded; this reads only what
// the practice pages need, and a damaged value degrades to blanks instead of a 500.
const topicIds = new Set<string>(TOPIC_IDS)
const PracticeMetadataSchema = z.object({
	summary: z.string().catch(''),
	topics: z
		.array(z.string())
		.catch([])
		.transform((topics) => topics.filter((topic): topic is TopicId => topicIds.has(topic))),
	estimatedMinutes: z.number().nullable().catch(null),
	language: z.string().catch(''),
	rootCause: z.object({ category: z.string() }).nullable().catch(null),
})
type PracticeMetadata = z.infer<typeof PracticeMetadataSchema>
const BLANK_METADATA: PracticeMetadata = { summary: '', topics: [], estimatedMinutes: null, language: '', rootCause: null }

function readMetadata(value: unknown): PracticeMetadata {
	const parsed = PracticeMetadataSchema.safeParse(value)
	return parsed.success ? parsed.data : BLANK_METADATA
}

function exerciseKind(kind: string): ExerciseKind {
	return (EXERCISE_KINDS as readonly string[]).includes(kind) ? (kind as ExerciseKind) : 'debugging'
}

type LoadedExercise = {
	id: string
	slug: string
	title: string
	kind: ExerciseKind
	/** The one difficulty pages show: authored until calibrated (rating-display.ts). */
	difficulty: number
	difficultySource: DifficultySource
	retired: boolean
	/** The bug family (debugging exercises); server-side only, like the category. */
	family: string | null
	metadata: PracticeMetadata
}

/**
 * Exercises with a current version, easiest first by the difficulty pages show; retired ones only
 * when asked (for the topics of old attempts).
 */
export async function loadExercises(prisma: PrismaClient, { includeRetired }: { includeRetired: boolean }): Promise<LoadedExercise[]> {
	const exercises = await prisma.exercise.findMany({
		where: { currentVersionId: { not: null }, ...(includeRetired ? {} : { retiredAt: null }) },
		orderBy: [{ difficulty: 'asc' }, { title: 'asc' }],
		select: {
			id: true,
			slug: true,
			kind: true,
			title: true,
			difficulty: true,
			retiredAt: true,
			family: true,
			currentVersion: { select: { metadata: true } },
			rating: { select: { rating: true, games: true } },
		},
	})
	return exercises
		.map((exercise) => {
			const difficulty = exerciseDifficulty(exercise.difficulty, exercise.rating)
			return {
				id: exercise.id,
				slug: exercise.slug,
				title: exercise.title,
				kind: exerciseKind(exercise.kind),
				difficulty: difficulty.value,
				difficultySource: difficulty.source,
				retired: exercise.retiredAt !== null,
				family: exercise.family,
				metadata: exercise.currentVersion ? readMetadata(exercise.currentVersion.metadata) : BLANK_METADATA,
			}
		})
		.sort((a, b) => a.difficulty - b.difficulty || a.title.localeCompare(b.title))
}

/** Every current exercise with the user's status for it (see learnerExerciseStatus). Two queries. */
export async function listCatalogueForUser(prisma: PrismaClient, user: PracticeUser): Promise<CatalogueEntry[]> {
	const [exercises, statuses] = await Promise.all([
		loadExercises(prisma, { includeRetired: false }),
		prisma.attempt.groupBy({
			by: ['exerciseId', 'status'],
			where: { organizationId: user.organizationId, userId: user.id },
		}),
	])
	const byExercise = new Map<string, AttemptOutcome[]>()
	for (const row of statuses) byExercise.set(row.exerciseId, [...(byExercise.get(row.exerciseId) ?? []), row.status])
	return exercises.map((exercise) => ({
		slug: exercise.slug,
		title: exercise.title,
		summary: exercise.metadata.summary,
		kind: exercise.kind,
		topics: exercise.metadata.topics,
		difficulty: exercise.difficulty,
		difficultySource: exercise.difficultySource,
		estimatedMinutes: exercise.metadata.estimatedMinutes ?? 0,
		language: exercise.metadata.language,
		status: learnerExerciseStatus(byExercise.get(exercise.id) ?? []),
	}))
}

export type AttemptHistoryRow = DashboardAttempt & {
	timeSpentMs: number
	runCount: number
	hypothesisCount: number
	hintsRevealed: number
	submissionCount: number
	failedFixCount: number
	outsidePastes: number
	independence: Independence
}

/** The user's attempts, newest first, with their counters. One query (Prisma batches the relations). */
export async function listAttemptHistory(prisma: PrismaClient, user: PracticeUser): Promise<AttemptHistoryRow[]> {
	const attempts = await prisma.attempt.findMany({
		where: { organizationId: user.organizationId, userId: user.id },
		orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
		select: {
			id: true,
			status: true,
			startedAt: true,
			lastActiveAt: true,
			finishedAt: true,
			runCount: true,
			hintsRevealed: true,
			submissionCount: true,
			failedFixCount: true,
			outsidePastes: true,
			exercise: { select: { slug: true, title: true } },
			submissions: { orderBy: { number: 'desc' }, take: 1, select: { attested: true } },
			stageSubmissions: { orderBy: { number: 'desc' }, take: 1, select: { attested: true } },
			_count: { select: { journalEntries: { where: { kind: 'hypothesis' } } } },
		},
	})
	return attempts.map((attempt) => ({
		id: attempt.id,
		exercise: attempt.exercise,
		status: attempt.status,
		startedAt: attempt.startedAt,
		lastActiveAt: attempt.lastActiveAt,
		finishedAt: attempt.finishedAt,
		timeSpentMs: timeSpentMs(attempt),
		runCount: attempt.runCount,
		hypothesisCount: attempt._count.journalEntries,
		hintsRevealed: attempt.hintsRevealed,
		submissionCount: attempt.submissionCount,
		failedFixCount: attempt.failedFixCount,
		outsidePastes: attempt.outsidePastes,
		independence: attemptIndependence({
			status: attempt.status,
			hintsRevealed: attempt.hintsRevealed,
			outsidePastes: attempt.outsidePastes,
			// A diagnosis is attested when submitted; an architecture attempt on its last stage, once it has ended.
			lastSubmissionAttested: attempt.submissions[0]?.attested ?? attempt.stageSubmissions[0]?.attested ?? null,
		}),
	}))
}

export type AssignmentProgress = 'not_started' | 'in_progress' | 'solved' | 'given_up'

type AssignedExercise = {
	id: string
	exercise: { slug: string; title: string }
	teamName: string
	dueAt: Date
	progress: AssignmentProgress
	overdue: boolean
}

type DashboardAttempt = {
	id: string
	exercise: { slug: string; title: string }
	status: AttemptOutcome
	startedAt: Date
	lastActiveAt: Date
	finishedAt: Date | null
}

type DashboardSuggestion = {
	exercise: { slug: string; title: string; difficulty: number; difficultySource: DifficultySource; topics: readonly TopicId[] }
	reason: string
	targetRating: number
}

export type LearnerDashboard = {
	assignments: AssignedExercise[]
	inProgress: DashboardAttempt[]
	recentlyFinished: DashboardAttempt[]
	/** The first of Next up. */
	suggestion: DashboardSuggestion | null
	/**
	 * What to practise next: new exercises interleaved with due retention checks
	 * (app/retention/next-up.ts). Which items are checks is never said.
	 */
	nextUp: DashboardSuggestion[]
	/** Why there is no suggestion: nothing loaded, everything solved, or the rest is in progress. */
	nothingToSuggest: 'no_exercises' | 'all_solved' | 'rest_in_progress' | null
}

export const RECENTLY_FINISHED_LIMIT = 5

/**
 * The learner sections of the dashboard, in a fixed number of queries. `moreChecks`: the
 * learner asked for retention checks to come as often as the family rule allows.
 */
export async function getLearnerDashboard(
	prisma: PrismaClient,
	user: PracticeUser,
	now: Date,
	options: { moreChecks?: boolean } = {},
): Promise<LearnerDashboard> {
	const [assignments, attempts, exercises, skillRows, dueChecks] = await Promise.all([
		prisma.assignment.findMany({
			where: {
				...assignedTo(user),
				// Closed ones (by a lead, or two weeks past due) no longer ask for work.
				...openAssignmentWhere(now),
				// A retired exercise cannot be started any more, so its assignments are moot.
				exercise: { retiredAt: null },
			},
			select: {
				id: true,
				exerciseId: true,
				dueAt: true,
				createdAt: true,
				closedAt: true,
				exercise: { select: { slug: true, title: true } },
				team: { select: { name: true } },
			},
		}),
		prisma.attempt.findMany({
			where: { organizationId: user.organizationId, userId: user.id },
			orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
			select: {
				id: true,
				exerciseId: true,
				assignmentId: true,
				status: true,
				startedAt: true,
				lastActiveAt: true,
				finishedAt: true,
				hintsRevealed: true,
				exercise: { select: { slug: true, title: true, difficulty: true } },
				retentionCheck: { select: { attemptId: true } },
			},
		}),
		loadExercises(prisma, { includeRetired: true }),
		prisma.skillRating.findMany({ where: { organizationId: user.organizationId, userId: user.id }, select: { topic: true, rating: true, rd: true } }),
		listDueChecks(prisma, user, now),
	])

	const assigned = assignments
		.map((assignment): AssignedExercise => {
			// The lead's definition (app/assignments/progress.ts): a solved or given-up attempt finishes it.
			const standing = personProgress(
				assignment,
				attempts.map((attempt) => ({ ...attempt, reviewed: false })),
				now,
			)
			const progress: AssignmentProgress = standing.finished
				? standing.outcome === 'gave_up'
					? 'given_up'
					: 'solved'
				: standing.progress === 'in_progress'
					? 'in_progress'
					: 'not_started'
			return {
				id: assignment.id,
				exercise: assignment.exercise,
				teamName: assignment.team.name,
				dueAt: assignment.dueAt,
				progress,
				overdue: standing.overdue,
			}
		})
		.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.getTime() - b.dueAt.getTime() || a.exercise.title.localeCompare(b.exercise.title))

	const toDashboardAttempt = (attempt: (typeof attempts)[number]): DashboardAttempt => ({
		id: attempt.id,
		exercise: { slug: attempt.exercise.slug, title: attempt.exercise.title },
		status: attempt.status,
		startedAt: attempt.startedAt,
		lastActiveAt: attempt.lastActiveAt,
		finishedAt: attempt.finishedAt,
	})
	const inProgress = attempts
		.filter((attempt) => attempt.status === 'in_progress')
		.sort((a, b) => b.lastActiveAt.getTime() - a.lastActiveAt.getTime())
		.map(toDashboardAttempt)
	const recentlyFinished = attempts
		.filter((attempt) => attempt.status !== 'in_progress')
		.sort((a, b) => (b.finishedAt ?? b.startedAt).getTime() - (a.finishedAt ?? a.startedAt).getTime())
		.slice(0, RECENTLY_FINISHED_LIMIT)
		.map(toDashboardAttempt)

	const exerciseById = new Map(exercises.map((exercise) => [exercise.id, exercise]))
	const history: PracticeHistoryEntry[] = attempts.map((attempt) => ({
		exerciseId: attempt.exerciseId,
		category: exerciseById.get(attempt.exerciseId)?.metadata.rootCause?.category ?? null,
		status: attempt.status,
		startedAt: attempt.startedAt,
		finishedAt: attempt.finishedAt,
	}))
	const skills = new Map<string, TopicSkill>(skillRows.map(({ topic, rating, rd }) => [topic, { rating, rd }]))
	const candidates: SuggestionCandidate[] = exercises
		.filter((exercise) => !exercise.retired)
		.map((exercise) => ({
			id: exercise.id,
			slug: exercise.slug,
			title: exercise.title,
			difficulty: exercise.difficulty,
			topics: exercise.metadata.topics,
			category: exercise.metadata.rootCause?.category ?? null,
			kind: exercise.kind,
		}))
	// A family's variants the learner has not met are kept for its retention checks, not served as new work.
	const metFamilies = new Set(attempts.map((attempt) => exerciseById.get(attempt.exerciseId)?.family).filter((family) => family != null))
	const isReserved = (exerciseId: string) => {
		const family = exerciseById.get(exerciseId)?.family
		return family != null && metFamilies.has(family)
	}
	const unreserved = candidates.filter((candidate) => !isReserved(candidate.id))
	// Once nothing else is left, the reserved variants are better practice than none.
	const ranked = rankSuggestions(unreserved.length ? unreserved : candidates, history, skills, now)
	const checkCandidates = candidates.filter((candidate) => dueChecks.some((check) => check.exerciseId === candidate.id))
	const byId = new Map([...ranked, ...rankSuggestions(checkCandidates, history, skills, now)].map((suggestion) => [suggestion.exercise.id, suggestion]))
	const recent: RecentPractice = attempts
		.slice(0, 5)
		.reverse()
		.map((attempt) => ({ kind: attempt.retentionCheck ? 'check' : 'new', family: exerciseById.get(attempt.exerciseId)?.family ?? null, at: attempt.startedAt }))
	const interleaved = interleaveNextUp({
		checks: dueChecks.filter((check) => byId.has(check.exerciseId)),
		fresh: ranked.map((suggestion) => ({ slug: suggestion.exercise.slug, family: exerciseById.get(suggestion.exercise.id)?.family ?? null })),
		recent,
		moreChecks: options.moreChecks,
		limit: NEXT_UP_LENGTH,
		now,
	})
	const bySlug = new Map([...byId.values()].map((suggestion) => [suggestion.exercise.slug, suggestion]))
	// The category and family stay on the server: they are part of the answer.
	const nextUp: DashboardSuggestion[] = interleaved.flatMap((item) => {
		const suggestion = bySlug.get(item.slug)
		if (!suggestion) return []
		return [
			{
				exercise: {
					slug: suggestion.exercise.slug,
					title: suggestion.exercise.title,
					difficulty: suggestion.exercise.difficulty,
					difficultySource: exerciseById.get(suggestion.exercise.id)?.difficultySource ?? 'authored',
					topics: suggestion.exercise.topics,
				},
				reason: suggestion.reason,
				targetRating: suggestion.targetRating,
			},
		]
	})
	const suggested = nextUp[0] ?? null
	const solved = new Set(history.filter((attempt) => attempt.status === 'solved').map((attempt) => attempt.exerciseId))

	return {
		assignments: assigned,
		inProgress,
		recentlyFinished,
		suggestion: suggested,
		nextUp,
		nothingToSuggest: suggested
			? null
			: candidates.length === 0
				? 'no_exercises'
				: candidates.every((exercise) => solved.has(exercise.id))
					? 'all_solved'
					: 'rest_in_progress',
	}
}
