// The catalogue's labels and statuses, without zod: pages import these into the browser,
// while the query parsing in catalogue-filter.ts stays on the server. Pure.
import type { EXERCISE_KINDS } from '#app/exercises/kinds.ts'

export const DIFFICULTY_BANDS = [
	{ id: 'foundation', label: 'Foundation', min: 800, max: 1049 },
	{ id: 'intermediate', label: 'Intermediate', min: 1050, max: 1349 },
	{ id: 'advanced', label: 'Advanced', min: 1350, max: 1649 },
	{ id: 'expert', label: 'Expert', min: 1650, max: 1949 },
	{ id: 'principal', label: 'Principal', min: 1950, max: 2200 },
] as const

export type DifficultyBand = (typeof DIFFICULTY_BANDS)[number]
export type DifficultyBandId = DifficultyBand['id']

/** The band a difficulty falls in; ratings outside 800–2200 count as the nearest band. */
export function difficultyBand(difficulty: number): DifficultyBand {
	return DIFFICULTY_BANDS.find((band) => difficulty <= band.max) ?? DIFFICULTY_BANDS[DIFFICULTY_BANDS.length - 1]!
}

export type ExerciseKind = (typeof EXERCISE_KINDS)[number]

export const KIND_LABELS: Record<ExerciseKind, string> = { debugging: 'Debugging', architecture: 'Architecture' }

// Where the learner stands with one exercise: solved once any attempt solved it; otherwise an
// open attempt outranks an earlier give-up (that is where they are now), and a give-up alone
// is "given up" — shown, but never counted as solved by the filter.
export const LEARNER_EXERCISE_STATUSES = ['new', 'in_progress', 'solved', 'given_up'] as const
export type LearnerExerciseStatus = (typeof LEARNER_EXERCISE_STATUSES)[number]

export const LEARNER_STATUS_LABELS: Record<LearnerExerciseStatus, string> = {
	new: 'New',
	in_progress: 'In progress',
	solved: 'Solved',
	given_up: 'Given up',
}

export type AttemptOutcome = 'in_progress' | 'solved' | 'gave_up'

/** Combines the statuses of every attempt one learner made on one exercise. */
export function learnerExerciseStatus(attemptStatuses: Iterable<AttemptOutcome>): LearnerExerciseStatus {
	const seen = new Set(attemptStatuses)
	if (seen.has('solved')) return 'solved'
	if (seen.has('in_progress')) return 'in_progress'
	if (seen.has('gave_up')) return 'given_up'
	return 'new'
}

export const SEARCH_MAX_LENGTH = 100

/** Whether any filter narrows the list (the page then offers "Clear filters"). */
export function isFiltered(query: { kind: string | null; topic: string | null; band: string | null; status: string | null; q: string }) {
	return Boolean(query.kind || query.topic || query.band || query.status || query.q)
}
