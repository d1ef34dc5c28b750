import { describe, expect, it } from 'vitest'
import { formatClock, formatDay, formatDuration, formatFullDay, formatMonth, formatRelativeDay, formatSeconds, formatTimeAgo } from './time-format.ts'

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

const minutes = (n: number) => n * 60_000

describe('formatDuration', () => {
	it('reads like a person would say it', () => {
		expect(formatDuration(0)).toBe('< 1 min')
		expect(formatDuration(59_999)).toBe('< 1 min')
		expect(formatDuration(minutes(42))).toBe('42 min')
		expect(formatDuration(minutes(60))).toBe('1 h')
		expect(formatDuration(minutes(65) + 59_000)).toBe('1 h 5 min')
		expect(formatDuration(minutes(26 * 60 + 3))).toBe('26 h 3 min')
		expect(formatDuration(-5)).toBe('< 1 min')
	})
})

describe('formatSeconds', () => {
	it('counts seconds, then minutes and seconds', () => {
		expect(formatSeconds(12_400)).toBe('12 s')
		expect(formatSeconds(75_000)).toBe('1 min 15 s')
		expect(formatSeconds(59_600)).toBe('1 min 0 s')
	})
})

describe('formatClock', () => {
	it('reads a moment of an attempt like a stopwatch', () => {
		expect(formatClock(0)).toBe('0:00')
		expect(formatClock(245_900)).toBe('4:05')
		expect(formatClock(3_729_000)).toBe('1:02:09')
		expect(formatClock(-1000)).toBe('0:00')
	})
})

describe('formatFullDay and formatMonth', () => {
	it('always name the year, in UTC', () => {
		expect(formatFullDay('2026-12-04T23:30:00Z')).toBe('4 Dec 2026')
		expect(formatFullDay(new Date('2025-01-31T00:00:00Z'))).toBe('31 Jan 2025')
		expect(formatMonth('2026-12')).toBe('Dec 2026')
	})
})
