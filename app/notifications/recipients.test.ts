import { describe, expect, it } from 'vitest'
import { notificationText } from './messages.ts'
import { dueSoonWindow, flagRecipients, notificationKey, unfinishedLearners, waitingReviewRecipients, waitingWindow } from './recipients.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const now = new Date('2026-12-08T09:00:00.000Z')

describe('unfinishedLearners', () => {
	const assignment = { id: 'as1', exerciseId: 'ex1', createdAt: new Date(now.getTime() - 5 * DAY) }
	const attempt = (userId: string, status: 'in_progress' | 'solved' | 'gave_up', startedDaysAgo: number) => ({
		id: `${userId}-${status}`,
		userId,
		assignmentId: 'as1',
		exerciseId: 'ex1',
		status,
		startedAt: new Date(now.getTime() - startedDaysAgo * DAY),
		finishedAt: status === 'in_progress' ? null : new Date(now.getTime() - DAY),
		reviewed: false,
	})

	it('reminds those who have not started or are still working, not those who solved it or gave up', () => {
		const attempts = [attempt('ada', 'in_progress', 2), attempt('grace', 'solved', 3), attempt('linus', 'gave_up', 3)]
		expect(unfinishedLearners(assignment, ['ada', 'grace', 'linus', 'priya'], attempts)).toEqual(['ada', 'priya'])
	})

	it('does not count work on the exercise from before it was assigned', () => {
		expect(unfinishedLearners(assignment, ['ada'], [{ ...attempt('ada', 'solved', 30), assignmentId: null }])).toEqual(['ada'])
	})
})

describe('waitingReviewRecipients', () => {
	it('tells the leads of every team the learner is in, once each', () => {
		expect(waitingReviewRecipients('ada', [{ leadIds: ['sam'] }, { leadIds: ['pat', 'sam'] }], ['morgan'])).toEqual(['pat', 'sam'])
	})

	it('tells the admins when none of the learner’s teams has a lead', () => {
		expect(waitingReviewRecipients('ada', [{ leadIds: [] }], ['morgan'])).toEqual(['morgan'])
		expect(waitingReviewRecipients('ada', [], ['morgan'])).toEqual(['morgan'])
	})

	it('never tells the learner about their own attempt, even when they lead a team or are an admin', () => {
		expect(waitingReviewRecipients('sam', [{ leadIds: ['sam'] }], ['sam'])).toEqual([])
	})
})

describe('flagRecipients', () => {
	it('tells admins and leads, not learners, and not the person who raised it', () => {
		const people = [
			{ id: 'morgan', orgRole: 'admin' as const, leadsATeam: false },
			{ id: 'sam', orgRole: 'member' as const, leadsATeam: true },
			{ id: 'ada', orgRole: 'member' as const, leadsATeam: false },
			{ id: 'pat', orgRole: 'member' as const, leadsATeam: true },
		]
		expect(flagRecipients('pat', people)).toEqual(['morgan', 'sam'])
	})
})

describe('the time-based windows', () => {
	it('calls an assignment due tomorrow from now until 24 hours on', () => {
		expect(dueSoonWindow(now)).toEqual({ from: now, to: new Date(now.getTime() + DAY) })
	})

	it('calls an attempt waiting once finished more than two days ago, looking a week further back', () => {
		expect(waitingWindow(now)).toEqual({ from: new Date(now.getTime() - 9 * DAY), to: new Date(now.getTime() - 2 * DAY) })
	})
})

describe('notificationKey', () => {
	it('names the kind, the subject and the person, and a review’s version', () => {
		expect(notificationKey('assignment_due', 'as1', 'ada')).toBe('assignment_due:as1:ada')
		expect(notificationKey('attempt_reviewed', 'at1', 'ada', 2)).toBe('attempt_reviewed:at1:v2:ada')
	})
})

describe('notificationText', () => {
	it('says what happened in one sentence, dates in UTC', () => {
		const dueAt = new Date('2026-12-09T17:00:00.000Z')
		expect(notificationText({ kind: 'assignment_given', exerciseTitle: 'Stale cart', teamName: 'Checkout', dueAt })).toBe(
			'You were assigned “Stale cart” in Checkout, due Wed 9 Dec, 17:00 UTC.',
		)
		expect(notificationText({ kind: 'assignment_due', exerciseTitle: 'Stale cart', dueAt })).toBe(
			'“Stale cart” is due Wed 9 Dec, 17:00 UTC and you have not finished it yet.',
		)
		expect(notificationText({ kind: 'attempt_reviewed', exerciseTitle: 'Stale cart', reviewerName: 'Sam', percent: 72, updated: false })).toBe(
			'Sam reviewed your attempt at “Stale cart”: 72%.',
		)
		expect(notificationText({ kind: 'attempt_reviewed', exerciseTitle: 'Stale cart', reviewerName: 'Sam', percent: 80, updated: true })).toBe(
			'Sam updated the review of your attempt at “Stale cart”: 80%.',
		)
		expect(
			notificationText({ kind: 'review_waiting', exerciseTitle: 'Stale cart', learnerName: 'Ada', finishedAt: new Date(now.getTime() - 3 * DAY - HOUR), now }),
		).toBe('Ada’s attempt at “Stale cart” has waited 3 days for a review.')
		expect(notificationText({ kind: 'exercise_flagged', exerciseTitle: 'Stale cart', raiserName: 'Ada', reason: 'too_easy' })).toBe(
			'Ada flagged “Stale cart”: too easy.',
		)
	})
})
