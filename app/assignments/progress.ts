// Where each person stands with an assignment, as a lead sees it. Pure and client-safe.
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

/** Submitted once an attempt is finished (solved or given up); reviewed once that attempt has a review. */
export function memberStanding(assignment: ProgressAssignment, attempts: ProgressAttempt[]): MemberStanding {
	const relevant = attemptsForAssignment(assignment, attempts)
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
