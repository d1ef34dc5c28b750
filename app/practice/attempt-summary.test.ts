import { describe, expect, it } from 'vitest'
import { attemptIndependence, timeSpentMs } from './attempt-summary.ts'

const minutes = (n: number) => n * 60_000

describe('timeSpentMs', () => {
	const startedAt = new Date('2026-12-01T10:00:00Z')
	it('runs to the finish, or to the last activity while open', () => {
		expect(timeSpentMs({ startedAt, finishedAt: new Date('2026-12-01T10:42:00Z'), lastActiveAt: new Date('2026-12-01T10:40:00Z') })).toBe(minutes(42))
		expect(timeSpentMs({ startedAt, finishedAt: null, lastActiveAt: new Date('2026-12-01T11:05:00Z') })).toBe(minutes(65))
	})
})

describe('attemptIndependence', () => {
	const clean = { status: 'solved' as const, hintsRevealed: 0, outsidePastes: 0, lastSubmissionAttested: true }
	it('is independent with no hints, no outside pastes and an attested last submission', () => {
		expect(attemptIndependence(clean)).toEqual({ independent: true, label: 'Independent' })
		expect(attemptIndependence({ ...clean, status: 'in_progress', lastSubmissionAttested: null })).toEqual({ independent: true, label: 'Independent' })
	})

	it('says what broke it', () => {
		expect(attemptIndependence({ ...clean, hintsRevealed: 2, outsidePastes: 1 })).toEqual({ independent: false, label: '2 hints · 1 outside paste' })
		expect(attemptIndependence({ ...clean, hintsRevealed: 1 }).label).toBe('1 hint')
		expect(attemptIndependence({ ...clean, lastSubmissionAttested: false }).label).toBe('not attested')
		expect(attemptIndependence({ ...clean, status: 'gave_up', lastSubmissionAttested: null }).label).toBe('nothing attested')
	})
})
