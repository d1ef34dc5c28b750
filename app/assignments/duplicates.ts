// Before assigning, who already has the exercise open: assigned to them by an open assignment
// they have not finished, or an attempt of theirs still in progress. The lead then assigns
// anyway or leaves those people out (ADR 022). Pure; the model gathers the rows.
import { personProgress, type ProgressAttempt } from './progress.ts'

export type DuplicateExercise = { id: string; slug: string; title: string }

export type OpenAssignmentReach = {
	id: string
	exerciseId: string
	createdAt: Date
	dueAt: Date
	closedAt: Date | null
	teamName: string
	/** The people it is for, among those being assigned to now. */
	userIds: string[]
}

export type Duplicate = {
	slug: string
	exerciseTitle: string
	userId: string
	personName: string
	reason: { kind: 'assigned'; dueAt: Date; teamName: string } | { kind: 'attempt'; startedAt: Date }
}

/** How a confirmation names the pairs the lead saw: a later form must not let new ones through unseen. */
export function duplicateKey(pair: { slug: string; userId: string }) {
	return `${pair.slug}:${pair.userId}`
}

/** Each (exercise, person) pair that is already open, once, an open assignment before an attempt. */
export function findDuplicates(input: {
	exercises: DuplicateExercise[]
	people: Array<{ id: string; name: string }>
	openAssignments: OpenAssignmentReach[]
	attempts: Array<ProgressAttempt & { userId: string }>
	now: Date
}): Duplicate[] {
	const duplicates: Duplicate[] = []
	for (const exercise of input.exercises) {
		for (const person of input.people) {
			const attempts = input.attempts.filter((attempt) => attempt.userId === person.id)
			const assigned = input.openAssignments
				.filter((assignment) => assignment.exerciseId === exercise.id && assignment.userIds.includes(person.id))
				.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
				.find((assignment) => {
					const progress = personProgress(assignment, attempts, input.now)
					return !progress.closure && !progress.finished
				})
			const base = { slug: exercise.slug, exerciseTitle: exercise.title, userId: person.id, personName: person.name }
			if (assigned) {
				duplicates.push({ ...base, reason: { kind: 'assigned', dueAt: assigned.dueAt, teamName: assigned.teamName } })
				continue
			}
			const open = attempts
				.filter((attempt) => attempt.exerciseId === exercise.id && attempt.status === 'in_progress')
				.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())[0]
			if (open) duplicates.push({ ...base, reason: { kind: 'attempt', startedAt: open.startedAt } })
		}
	}
	return duplicates
}

/** Whether every pair found now was among those the lead confirmed. */
export function allConfirmed(duplicates: Duplicate[], confirmed: Iterable<string>) {
	const seen = new Set(confirmed)
	return duplicates.every((duplicate) => seen.has(duplicateKey(duplicate)))
}
