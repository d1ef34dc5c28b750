// What the review queue shows of each attempt: who (and whether their name links to their
// profile), what, how it went, how long it has waited and, once reviewed, the score. The
// loader builds the rows; the queue's components take them. Pure.
import type { ReviewQueueRow } from '#app/models/review-queue.server.ts'
import { attemptIndependence, timeSpentMs } from '#app/practice/attempt-summary.ts'

/** A person as a list shows them: their profile is linked only when the viewer may open it. */
export type PersonLink = { id: string; name: string; profile: boolean }

/** Whether the viewer may open a person's profile, as the permission module answers (mayViewGrowth). */
export type MayOpenProfile = (person: { id: string; teamIds: string[] }) => boolean

export function personLink(person: { id: string; name: string; memberships: Array<{ teamId: string }> }, mayOpenProfile: MayOpenProfile): PersonLink {
	return { id: person.id, name: person.name, profile: mayOpenProfile({ id: person.id, teamIds: person.memberships.map((membership) => membership.teamId) }) }
}

export type QueueRowView = ReturnType<typeof toQueueRow>

export function toQueueRow(attempt: ReviewQueueRow, mayOpenProfile: MayOpenProfile) {
	return {
		id: attempt.id,
		learner: personLink(attempt.user, mayOpenProfile),
		exercise: attempt.exercise,
		status: attempt.status,
		finishedAt: (attempt.finishedAt ?? attempt.startedAt).toISOString(),
		timeSpentMs: timeSpentMs({ startedAt: attempt.startedAt, finishedAt: attempt.finishedAt, lastActiveAt: attempt.finishedAt ?? attempt.startedAt }),
		runs: attempt.runCount,
		failedFixes: attempt.failedFixCount,
		independence: attemptIndependence({
			status: attempt.status,
			hintsRevealed: attempt.hintsRevealed,
			outsidePastes: attempt.outsidePastes,
			lastSubmissionAttested: attempt.submissions[0]?.attested ?? null,
		}),
		assignment: attempt.assignment ? { team: attempt.assignment.team.name, dueAt: attempt.assignment.dueAt.toISOString() } : null,
	}
}

export type ReviewedRowView = QueueRowView & { percent: number; reviewer: PersonLink | null; reviewedAt: string }
