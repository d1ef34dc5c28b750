// When an assignment stops asking for work. A lead may close one by hand (stored as
// `closedAt`); otherwise it closes by itself a grace period after it is due, computed from the
// due date and the clock, so no job has to run for it and every page agrees (ADR 022).

/**
 * Two weeks after the due date: long enough for someone back from a week off to finish
 * what they started, short enough that the active list shows this month's practice rather
 * than last quarter's.
 */
export const ASSIGNMENT_GRACE_DAYS = 14

const DAY_MS = 86_400_000
const GRACE_MS = ASSIGNMENT_GRACE_DAYS * DAY_MS

export type ClosableAssignment = { dueAt: Date; closedAt: Date | null }

/** Closed by a lead, or by the grace period running out. */
export type Closure = { at: Date; by: 'lead' | 'grace' }

/** The moment an assignment closes by itself. */
export function graceEndsAt(dueAt: Date): Date {
	return new Date(dueAt.getTime() + GRACE_MS)
}

/** The earliest due date of an assignment still open at `now`: anything due before it has closed. */
export function openDueAfter(now: Date): Date {
	return new Date(now.getTime() - GRACE_MS)
}

/** How and when the assignment closed, or null while it is open at `now`. */
export function assignmentClosure(assignment: ClosableAssignment, now: Date): Closure | null {
	const graceEnd = graceEndsAt(assignment.dueAt)
	if (assignment.closedAt && assignment.closedAt <= now && assignment.closedAt < graceEnd) return { at: assignment.closedAt, by: 'lead' }
	if (graceEnd <= now) return { at: graceEnd, by: 'grace' }
	return null
}
