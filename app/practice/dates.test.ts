import { describe, expect, it } from 'vitest'
import { formatDay, formatRelativeDay, formatTimeAgo } from './dates.ts'

const now = new Date('2026-12-01T22:30:00Z')

describe('formatDay', () => {
	it('shows day and month, and the year only when it is not this one', () => {
		expect(formatDay(new Date('2026-12-04T09:00:00Z'), now)).toBe('4 Dec')
		expect(formatDay(new Date('2025-11-30T09:00:00Z'), now)).toBe('30 Nov 2025')
	})
})

describe('formatRelativeDay', () => {
	it('counts calendar days, not 24-hour periods', () => {
		expect(formatRelativeDay(new Date('2026-12-01T00:10:00Z'), now)).toBe('today')
		expect(formatRelativeDay(new Date('2026-12-02T00:10:00Z'), now)).toBe('tomorrow')
		expect(formatRelativeDay(new Date('2026-12-04T23:00:00Z'), now)).toBe('in 3 days')
		expect(formatRelativeDay(new Date('2026-11-30T23:59:00Z'), now)).toBe('yesterday')
		expect(formatRelativeDay(new Date('2026-11-26T12:00:00Z'), now)).toBe('5 days ago')
	})
})

describe('formatTimeAgo', () => {
	it('goes from minutes to hours to days to a date', () => {
		expect(formatTimeAgo(new Date('2026-12-01T22:29:40Z'), now)).toBe('just now')
		expect(formatTimeAgo(new Date('2026-12-01T22:18:00Z'), now)).toBe('12 min ago')
		expect(formatTimeAgo(new Date('2026-12-01T19:00:00Z'), now)).toBe('3 h ago')
		expect(formatTimeAgo(new Date('2026-11-30T20:00:00Z'), now)).toBe('yesterday')
		expect(formatTimeAgo(new Date('2026-11-27T20:00:00Z'), now)).toBe('4 days ago')
		expect(formatTimeAgo(new Date('2026-10-01T20:00:00Z'), now)).toBe('1 Oct')
	})
})
