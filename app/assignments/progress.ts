// Where each person stands with an assignment: the one definition the lead's pages, the
// learner's dashboard and the team's growth figures all use (ADR 022). Pure and client-safe.
import { assignmentClosure, type ClosableAssignment, type Closure } from './closure.ts'
import type { AttemptOutcome } from '#app/practice/catalogue-labels.ts'

export const MEMBER_PROGRESS = ['not_started', 'in_progress', 'submitted', 'reviewed'] as const
export type MemberProgress = (typeof MEMBER_PROGRESS)[number]

export const MEMBER_PROGRESS_LABELS: Record<MemberProgress, string> = {
	not_started: 'Not started',
	in_progress: 'In progress',
	submitted: 'Submitted',
	reviewed: 'Reviewed',
}

export type ProgressAttempt = {
	id: string
	assignmentId: string | null
	exerciseId: string
	status: AttemptOutcome
	startedAt: Date
	finishedAt: Date | null
	reviewed: boolean
}

export type ProgressAssignment = { id: string; exerciseId: string; createdAt: Date }

export type MemberStanding = {
	progress: MemberProgress
	/** The attempt the standing comes from (the newest finished one, else the open one). */
	attemptId: string | null
	outcome: AttemptOutcome | null
}

/**
 * The attempts that count for an assignment: those started from it, or, when there are none,
 * work on the same exercise begun after it was assigned (the learner may have opened the
 * exercise from the catalogue).
 */
function attemptsForAssignment<T extends Omit<ProgressAttempt, 'reviewed' | 'finishedAt' | 'id' | 'status'>>(
	assignment: ProgressAssignment,
	attempts: T[],
): T[] {
	const direct = attempts.filter((attempt) => attempt.assignmentId === assignment.id)
	if (direct.length) return direct
	return attempts.filter((attempt) => attempt.exerciseId === assignment.exerciseId && attempt.startedAt >= assignment.createdAt)
}

/** The attempts as they stood at `asOf`: later ones left out, one finished after it still open. */
function attemptsAsOf(attempts: ProgressAttempt[], asOf: Date | undefined): ProgressAttempt[] {
	if (!asOf) return attempts
	return attempts
		.filter((attempt) => attempt.startedAt <= asOf)
		.map((attempt) =>
			attempt.finishedAt && attempt.finishedAt > asOf ? { ...attempt, status: 'in_progress' as const, finishedAt: null, reviewed: false } : attempt,
		)
}

/**
 * Submitted once an attempt is finished (solved or given up); reviewed once that attempt has a
 * review. With `asOf`, as things stood at that moment (when the assignment closed).
 */
export function memberStanding(assignment: ProgressAssignment, attempts: ProgressAttempt[], asOf?: Date): MemberStanding {
	const relevant = attemptsForAssignment(assignment, attemptsAsOf(attempts, asOf))
	const finished = relevant
		.filter((attempt) => attempt.status !== 'in_progress')
		.sort((a, b) => (b.finishedAt ?? b.startedAt).getTime() - (a.finishedAt ?? a.startedAt).getTime())
	// A reviewed attempt outranks a newer unreviewed one: the lead has already seen the work.
	const reviewed = finished.find((attempt) => attempt.reviewed)
	if (reviewed) return { progress: 'reviewed', attemptId: reviewed.id, outcome: reviewed.status }
	if (finished[0]) return { progress: 'submitted', attemptId: finished[0].id, outcome: finished[0].status }
	const open = relevant.find((attempt) => attempt.status === 'in_progress')
	if (open) return { progress: 'in_progress', attemptId: open.id, outcome: 'in_progress' }
	return { progress: 'not_started', attemptId: null, outcome: null }
}

export type ProgressCounts = Record<MemberProgress, number>

export function countProgress(standings: Iterable<{ progress: MemberProgress }>): ProgressCounts {
	const counts: ProgressCounts = { not_started: 0, in_progress: 0, submitted: 0, reviewed: 0 }
	for (const standing of standings) counts[standing.progress] += 1
	return counts
}

export type PersonProgress = MemberStanding & {
	/** An attempt was solved or given up: the person is done with it. */
	finished: boolean
	/** Past its due date, not finished, and the assignment is still open. */
	overdue: boolean
	closure: Closure | null
}

/**
 * Where one person stands with an assignment at `now`. Giving up finishes an assignment just as
 * solving does: the person worked on it until they stopped and saw the reference, and the lead
 * reviews that attempt; the outcome still says which it was. Once the assignment has closed,
 * its progress is the final one, as it stood at the moment it closed, and nothing is overdue.
 */
export function personProgress(assignment: ProgressAssignment & ClosableAssignment, attempts: ProgressAttempt[], now: Date): PersonProgress {
	const closure = assignmentClosure(assignment, now)
	const standing = memberStanding(assignment, attempts, closure?.at ?? now)
	const finished = standing.progress === 'submitted' || standing.progress === 'reviewed'
	return { ...standing, finished, overdue: !finished && !closure && assignment.dueAt < now, closure }
}
