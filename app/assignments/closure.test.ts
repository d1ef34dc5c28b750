import { describe, expect, it } from 'vitest'
import { ASSIGNMENT_GRACE_DAYS, assignmentClosure, graceEndsAt, openDueAfter } from './closure.ts'

const dueAt = new Date('2026-11-10T23:59:59.999Z')
const daysAfterDue = (days: number) => new Date(dueAt.getTime() + days * 86_400_000)

describe('assignmentClosure', () => {
	it('keeps an assignment open until its due date, and while overdue within the grace period', () => {
		expect(assignmentClosure({ dueAt, closedAt: null }, daysAfterDue(-3))).toBeNull()
		expect(assignmentClosure({ dueAt, closedAt: null }, daysAfterDue(ASSIGNMENT_GRACE_DAYS - 0.001))).toBeNull()
	})

	it('closes it by itself once the grace period after the due date has passed', () => {
		expect(ASSIGNMENT_GRACE_DAYS).toBe(14)
		expect(assignmentClosure({ dueAt, closedAt: null }, daysAfterDue(ASSIGNMENT_GRACE_DAYS))).toEqual({ at: daysAfterDue(14), by: 'grace' })
		expect(assignmentClosure({ dueAt, closedAt: null }, daysAfterDue(158))).toEqual({ at: graceEndsAt(dueAt), by: 'grace' })
	})

	it('is closed by the lead from the moment they closed it, even before it was due', () => {
		const closedAt = daysAfterDue(-2)
		expect(assignmentClosure({ dueAt, closedAt }, daysAfterDue(-1))).toEqual({ at: closedAt, by: 'lead' })
		expect(assignmentClosure({ dueAt, closedAt }, daysAfterDue(30))).toEqual({ at: closedAt, by: 'lead' })
	})

	it('says the grace period closed it when that came first', () => {
		expect(assignmentClosure({ dueAt, closedAt: daysAfterDue(20) }, daysAfterDue(21))).toEqual({ at: daysAfterDue(14), by: 'grace' })
	})
})

describe('openDueAfter', () => {
	it('is the due date that closes exactly now', () => {
		const now = new Date('2026-12-07T12:00:00Z')
		expect(graceEndsAt(openDueAfter(now))).toEqual(now)
		expect(assignmentClosure({ dueAt: openDueAfter(now), closedAt: null }, now)?.by).toBe('grace')
		expect(assignmentClosure({ dueAt: new Date(openDueAfter(now).getTime() + 1), closedAt: null }, now)).toBeNull()
	})
})
