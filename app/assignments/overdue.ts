// Which assignments are overdue and who is behind on them, as a lead's overview lists them.
// Pure and client-safe: the read model gathers the rows; what "overdue" means is
// `personProgress`'s (progress.ts), the definition every page shares.
import { personProgress, type ProgressAttempt } from './progress.ts'

export type OverduePerson = { id: string; name: string }

export type OverdueCandidate = {
	id: string
	teamId: string
	exerciseId: string
	createdAt: Date
	dueAt: Date
	cancelledAt: Date | null
	closedAt: Date | null
	wholeTeam: boolean
	/** The people a member-only assignment lists; ignored when it is for the whole team. */
	members: OverduePerson[]
	exercise: { slug: string; title: string }
}

export type BehindProgress = 'not_started' | 'in_progress'

export type OverdueAssignment = {
	id: string
	teamId: string
	exercise: { slug: string; title: string }
	dueAt: Date
	/** How many people it is for. */
	audienceSize: number
	/** Everyone who has not handed in work for it yet, by name. */
	behind: Array<{ person: OverduePerson; progress: BehindProgress }>
}

/**
 * The assignments someone is overdue on (past the due date, not finished, the assignment still
 * open), with who that is. Cancelled and closed assignments are never overdue. The most recently
 * due come first.
 */
export function overdueAssignments(
	assignments: readonly OverdueCandidate[],
	learnersByTeam: ReadonlyMap<string, readonly OverduePerson[]>,
	attemptsByUser: ReadonlyMap<string, readonly ProgressAttempt[]>,
	now: Date,
): OverdueAssignment[] {
	const overdue: OverdueAssignment[] = []
	for (const assignment of assignments) {
		if (assignment.cancelledAt || assignment.dueAt >= now) continue
		const audience = assignment.wholeTeam ? (learnersByTeam.get(assignment.teamId) ?? []) : assignment.members
		const behind: OverdueAssignment['behind'] = []
		for (const person of audience) {
			const standing = personProgress(assignment, [...(attemptsByUser.get(person.id) ?? [])], now)
			if (standing.overdue && (standing.progress === 'not_started' || standing.progress === 'in_progress')) behind.push({ person, progress: standing.progress })
		}
		if (behind.length === 0) continue
		behind.sort((a, b) => a.person.name.localeCompare(b.person.name))
		overdue.push({
			id: assignment.id,
			teamId: assignment.teamId,
			exercise: assignment.exercise,
			dueAt: assignment.dueAt,
			audienceSize: audience.length,
			behind,
		})
	}
	return overdue.sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime() || a.id.localeCompare(b.id))
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Whole days from `since` to `now` (0 within the first day): how long something has waited. */
export function wholeDaysSince(since: Date, now: Date): number {
	return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS))
}
