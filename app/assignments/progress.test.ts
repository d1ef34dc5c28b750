import { describe, expect, it } from 'vitest'
import { countProgress, memberStanding, type ProgressAttempt } from './progress.ts'

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
