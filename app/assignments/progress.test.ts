import { describe, expect, it } from 'vitest'
import { countProgress, memberStanding, personProgress, type ProgressAttempt } from './progress.ts'

const assignment = { id: 'a1', exerciseId: 'e1', createdAt: new Date('2026-11-01T10:00:00Z') }
const attempt = (overrides: Partial<ProgressAttempt>): ProgressAttempt => ({
	id: 'x',
	assignmentId: 'a1',
	exerciseId: 'e1',
	status: 'in_progress',
	startedAt: new Date('2026-11-02T10:00:00Z'),
	finishedAt: null,
	reviewed: false,
	...overrides,
})

describe('memberStanding', () => {
	it('is not started without an attempt', () => {
		expect(memberStanding(assignment, [])).toEqual({ progress: 'not_started', attemptId: null, outcome: null })
	})

	it('is in progress while the only attempt is open', () => {
		expect(memberStanding(assignment, [attempt({ id: 'open' })])).toMatchObject({ progress: 'in_progress', attemptId: 'open' })
	})

	it('is submitted once an attempt is solved or given up, and points at that attempt', () => {
		const standing = memberStanding(assignment, [attempt({ id: 'gave', status: 'gave_up', finishedAt: new Date('2026-11-03T10:00:00Z') })])
		expect(standing).toEqual({ progress: 'submitted', attemptId: 'gave', outcome: 'gave_up' })
	})

	it('is reviewed once the finished attempt has a review, even when a newer one waits', () => {
		const standing = memberStanding(assignment, [
			attempt({ id: 'first', status: 'gave_up', finishedAt: new Date('2026-11-03T10:00:00Z'), reviewed: true }),
			attempt({ id: 'second', status: 'solved', finishedAt: new Date('2026-11-04T10:00:00Z') }),
		])
		expect(standing).toMatchObject({ progress: 'reviewed', attemptId: 'first' })
	})

	it('counts work on the same exercise begun after the assignment, but not before it', () => {
		const before = attempt({
			id: 'old',
			assignmentId: null,
			status: 'solved',
			startedAt: new Date('2026-10-01T10:00:00Z'),
			finishedAt: new Date('2026-10-01T11:00:00Z'),
		})
		expect(memberStanding(assignment, [before]).progress).toBe('not_started')
		const after = attempt({ id: 'new', assignmentId: null, status: 'solved', finishedAt: new Date('2026-11-05T11:00:00Z') })
		expect(memberStanding(assignment, [before, after])).toMatchObject({ progress: 'submitted', attemptId: 'new' })
	})

	it('ignores attempts at other exercises', () => {
		expect(memberStanding(assignment, [attempt({ assignmentId: null, exerciseId: 'e2', status: 'solved' })]).progress).toBe('not_started')
	})
})

describe('personProgress', () => {
	const due = { ...assignment, dueAt: new Date('2026-11-10T23:59:59.999Z'), closedAt: null }
	const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12))

	it('counts a given-up attempt as finished, never overdue, with its outcome', () => {
		const gaveUp = attempt({ id: 'gave', status: 'gave_up', finishedAt: day(5) })
		expect(personProgress(due, [gaveUp], day(12))).toMatchObject({ progress: 'submitted', outcome: 'gave_up', finished: true, overdue: false, closure: null })
	})

	it('counts a solved attempt as finished', () => {
		const solved = attempt({ id: 'solved', status: 'solved', finishedAt: day(12), reviewed: true })
		expect(personProgress(due, [solved], day(13))).toMatchObject({ progress: 'reviewed', outcome: 'solved', finished: true, overdue: false })
	})

	it('is overdue past the due date while nothing is finished and the assignment is open', () => {
		expect(personProgress(due, [], day(9))).toMatchObject({ progress: 'not_started', overdue: false })
		expect(personProgress(due, [], day(12))).toMatchObject({ progress: 'not_started', finished: false, overdue: true })
		expect(personProgress(due, [attempt({ id: 'open', startedAt: day(8) })], day(20))).toMatchObject({ progress: 'in_progress', overdue: true })
	})

	it('stops being overdue once the grace period closes the assignment, keeping the progress it had then', () => {
		const lateFinish = attempt({ id: 'late', status: 'solved', startedAt: day(9), finishedAt: day(29) })
		const afterClose = attempt({ id: 'after', assignmentId: null, status: 'solved', startedAt: day(26), finishedAt: day(26) })
		const progress = personProgress(due, [lateFinish, afterClose], day(30))
		expect(progress).toMatchObject({ progress: 'in_progress', attemptId: 'late', finished: false, overdue: false })
		expect(progress.closure).toEqual({ at: new Date('2026-11-24T23:59:59.999Z'), by: 'grace' })
	})

	it('is final from the moment a lead closed it', () => {
		const closed = { ...due, closedAt: day(7) }
		const solvedBefore = attempt({ id: 'early', status: 'solved', startedAt: day(3), finishedAt: day(6) })
		expect(personProgress(closed, [solvedBefore], day(12))).toMatchObject({
			progress: 'submitted',
			finished: true,
			overdue: false,
			closure: { by: 'lead', at: day(7) },
		})
		expect(personProgress(closed, [], day(12))).toMatchObject({ progress: 'not_started', finished: false, overdue: false })
	})
})

describe('countProgress', () => {
	it('counts each standing', () => {
		expect(countProgress([{ progress: 'submitted' }, { progress: 'submitted' }, { progress: 'not_started' }])).toEqual({
			not_started: 1,
			in_progress: 0,
			submitted: 2,
			reviewed: 0,
		})
	})
})
