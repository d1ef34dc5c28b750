import { describe, expect, it } from 'vitest'
import { allConfirmed, duplicateKey, findDuplicates, type OpenAssignmentReach } from './duplicates.ts'
import type { ProgressAttempt } from './progress.ts'

const now = new Date('2026-12-07T12:00:00Z')
const exercise = { id: 'e1', slug: 'cursor-skips', title: 'Cursor skips a row' }
const ada = { id: 'ada', name: 'Ada Moreno' }
const bo = { id: 'bo', name: 'Bo Lind' }
const open: OpenAssignmentReach = {
	id: 'a1',
	exerciseId: 'e1',
	createdAt: new Date('2026-12-01T09:00:00Z'),
	dueAt: new Date('2026-12-10T23:59:59.999Z'),
	closedAt: null,
	teamName: 'Checkout',
	userIds: ['ada'],
}
const attempt = (overrides: Partial<ProgressAttempt & { userId: string }>): ProgressAttempt & { userId: string } => ({
	id: 't1',
	userId: 'ada',
	assignmentId: null,
	exerciseId: 'e1',
	status: 'in_progress',
	startedAt: new Date('2026-12-02T09:00:00Z'),
	finishedAt: null,
	reviewed: false,
	...overrides,
})

describe('findDuplicates', () => {
	it('names a person who has the exercise assigned and unfinished, and nobody else', () => {
		const found = findDuplicates({ exercises: [exercise], people: [ada, bo], openAssignments: [open], attempts: [], now })
		expect(found).toEqual([
			{
				slug: 'cursor-skips',
				exerciseTitle: 'Cursor skips a row',
				userId: 'ada',
				personName: 'Ada Moreno',
				reason: { kind: 'assigned', dueAt: open.dueAt, teamName: 'Checkout' },
			},
		])
	})

	it('names a person with an attempt in progress even when nothing assigns it', () => {
		const found = findDuplicates({ exercises: [exercise], people: [bo], openAssignments: [], attempts: [attempt({ userId: 'bo' })], now })
		expect(found).toMatchObject([{ userId: 'bo', reason: { kind: 'attempt' } }])
	})

	it('does not count an assignment the person already finished, given up included, or one that has closed', () => {
		const gaveUp = attempt({ assignmentId: 'a1', status: 'gave_up', finishedAt: new Date('2026-12-03T09:00:00Z') })
		expect(findDuplicates({ exercises: [exercise], people: [ada], openAssignments: [open], attempts: [gaveUp], now })).toEqual([])
		const longGone = { ...open, dueAt: new Date('2026-11-01T23:59:59.999Z'), createdAt: new Date('2026-10-20T09:00:00Z') }
		expect(findDuplicates({ exercises: [exercise], people: [ada], openAssignments: [longGone], attempts: [], now })).toEqual([])
		const closedByLead = { ...open, closedAt: new Date('2026-12-05T09:00:00Z') }
		expect(findDuplicates({ exercises: [exercise], people: [ada], openAssignments: [closedByLead], attempts: [], now })).toEqual([])
	})
})

describe('allConfirmed', () => {
	it('holds only when every pair found was confirmed', () => {
		const found = findDuplicates({ exercises: [exercise], people: [ada, bo], openAssignments: [open], attempts: [attempt({ userId: 'bo' })], now })
		expect(allConfirmed(found, [duplicateKey({ slug: 'cursor-skips', userId: 'ada' })])).toBe(false)
		expect(allConfirmed(found, found.map(duplicateKey))).toBe(true)
	})
})
