// Who is told about what, and when the time-based kinds fall due (ADR 031). Pure: the models
// gather the people and the periodic job's candidates, these functions decide.
import { memberStanding, type ProgressAttempt } from '#app/assignments/progress.ts'
import type { NotificationKind } from './kinds.ts'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** "Due tomorrow": due within the next 24 hours and not yet past. */
export const DUE_SOON_MS = DAY_MS
/** An attempt finished more than two days ago and still unreviewed is waiting too long. */
export const REVIEW_WAIT_MS = 2 * DAY_MS
/**
 * How far back the job looks. It runs every few minutes, so anything crossing a threshold is
 * seen long before this; the bound keeps a first start (or a server down for a week) from
 * announcing months of old waiting attempts.
 */
export const LOOKBACK_MS = 7 * DAY_MS

export function dueSoonWindow(now: Date) {
	return { from: now, to: new Date(now.getTime() + DUE_SOON_MS) }
}

export function waitingWindow(now: Date) {
	return { from: new Date(now.getTime() - REVIEW_WAIT_MS - LOOKBACK_MS), to: new Date(now.getTime() - REVIEW_WAIT_MS) }
}

/** The key that makes a notification about one subject, for one person, unique forever. */
export function notificationKey(kind: NotificationKind, subjectId: string, userId: string, version?: number) {
	return [kind, subjectId, ...(version === undefined ? [] : [`v${version}`]), userId].join(':')
}

/** The learners of an assignment who have not finished it: not started, or still working. */
export function unfinishedLearners(
	assignment: { id: string; exerciseId: string; createdAt: Date },
	audience: readonly string[],
	attempts: ReadonlyArray<ProgressAttempt & { userId: string }>,
): string[] {
	return audience.filter((userId) => {
		const standing = memberStanding(
			assignment,
			attempts.filter((attempt) => attempt.userId === userId),
		)
		return standing.progress === 'not_started' || standing.progress === 'in_progress'
	})
}

type TeamOfLearner = { leadIds: readonly string[] }

/**
 * Who is told that an attempt waits for review: the leads of the learner's teams; when none
 * of their teams has a lead, the organisation's admins (who review everyone). Never the learner.
 */
export function waitingReviewRecipients(learnerId: string, teams: readonly TeamOfLearner[], adminIds: readonly string[]): string[] {
	const leads = new Set(teams.flatMap((team) => team.leadIds))
	leads.delete(learnerId)
	const recipients = leads.size ? leads : new Set(adminIds.filter((id) => id !== learnerId))
	return [...recipients].sort()
}

/**
 * Who is told about a flag: the people who see the organisation's open flags (its leads and
 * admins, on the Reviews page) and pass them on to the exercise's authors. Not the person who raised it.
 */
export function flagRecipients(raiserId: string, people: ReadonlyArray<{ id: string; orgRole: 'admin' | 'member'; leadsATeam: boolean }>): string[] {
	return people
		.filter((person) => person.id !== raiserId && (person.orgRole === 'admin' || person.leadsATeam))
		.map((person) => person.id)
		.sort()
}
