import { describe, expect, it } from 'vitest'
import { overdueAssignments, wholeDaysSince, type OverdueCandidate } from './overdue.ts'
import type { ProgressAttempt } from './progress.ts'

const DAY = 24 * 60 * 60 * 1000
const now = new Date('2026-12-07T12:00:00Z')
const at = (days: number) => new Date(now.getTime() + days * DAY)

const ada = { id: 'ada', name: 'Ada Moreno' }
const grace = { id: 'grace', name: 'Grace Okafor' }
const linus = { id: 'linus', name: 'Linus Berg' }
const learners = new Map([['checkout', [linus, ada, grace]]])

function assignment(id: string, fields: Partial<OverdueCandidate> = {}): OverdueCandidate {
	return {
		id,
		teamId: 'checkout',
		exerciseId: `exercise-${id}`,
		createdAt: at(-10),
		dueAt: at(-2),
		cancelledAt: null,
		closedAt: null,
		wholeTeam: true,
		members: [],
		exercise: { slug: id, title: `Exercise ${id}` },
		...fields,
	}
}

function attempt(userId: string, assignmentId: string, status: ProgressAttempt['status']): [string, ProgressAttempt] {
	return [
		userId,
		{
			id: `${userId}-${assignmentId}`,
			assignmentId,
			exerciseId: `exercise-${assignmentId}`,
			status,
			startedAt: at(-5),
			finishedAt: status === 'in_progress' ? null : at(-4),
			reviewed: false,
		},
	]
}

function byUser(...entries: Array<[string, ProgressAttempt]>) {
	const map = new Map<string, ProgressAttempt[]>()
	for (const [userId, row] of entries) map.set(userId, [...(map.get(userId) ?? []), row])
	return map
}

describe('overdueAssignments', () => {
	it('names everyone of the team who has not finished a past-due assignment, with how far they got', () => {
		const [overdue] = overdueAssignments([assignment('a')], learners, byUser(attempt('ada', 'a', 'solved'), attempt('grace', 'a', 'in_progress')), now)
		expect(overdue).toMatchObject({ id: 'a', audienceSize: 3 })
		expect(overdue!.behind).toEqual([
			{ person: grace, progress: 'in_progress' },
			{ person: linus, progress: 'not_started' },
		])
	})

	it('leaves out assignments not yet due, cancelled or closed ones, and ones everybody finished', () => {
		const all = byUser(attempt('ada', 'done', 'solved'), attempt('grace', 'done', 'gave_up'), attempt('linus', 'done', 'solved'))
		const result = overdueAssignments(
			[
				assignment('future', { dueAt: at(1) }),
				assignment('cancelled', { cancelledAt: at(-1) }),
				assignment('closed', { closedAt: at(-1) }),
				// Past its grace period, it has closed by itself.
				assignment('long-ago', { createdAt: at(-60), dueAt: at(-40) }),
				assignment('done'),
			],
			learners,
			all,
			now,
		)
		expect(result).toEqual([])
	})

	it('counts only the listed people for a member-only assignment', () => {
		const [overdue] = overdueAssignments([assignment('a', { wholeTeam: false, members: [ada] })], learners, new Map(), now)
		expect(overdue!.audienceSize).toBe(1)
		expect(overdue!.behind.map((row) => row.person.id)).toEqual(['ada'])
	})

	it('lists the most recently due first', () => {
		const result = overdueAssignments([assignment('older', { dueAt: at(-6) }), assignment('recent', { dueAt: at(-1) })], learners, new Map(), now)
		expect(result.map((row) => row.id)).toEqual(['recent', 'older'])
	})
})

describe('wholeDaysSince', () => {
	it('counts whole days, zero within the first day and never below zero', () => {
		expect(wholeDaysSince(at(-0.5), now)).toBe(0)
		expect(wholeDaysSince(at(-3.2), now)).toBe(3)
		expect(wholeDaysSince(at(1), now)).toBe(0)
	})
})
