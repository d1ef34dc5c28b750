import { describe, expect, it } from 'vitest'
import {
	defaultReportPeriod,
	growthReportFileName,
	nameSlug,
	parseDay,
	parseReportPeriod,
	periodLabel,
	periodSearch,
	previousPeriod,
	quickPeriod,
} from './report-period.ts'

const now = new Date('2026-12-01T15:30:00Z')
const day = (text: string) => new Date(`${text}T00:00:00Z`)
const parse = (query: string, at = now) => parseReportPeriod(new URLSearchParams(query), at)
const days = (period: { fromDay: string; toDay: string }) => `${period.fromDay}..${period.toDay}`

describe('quarters', () => {
	it('defaults to the last full calendar quarter', () => {
		const period = defaultReportPeriod(now)
		expect(period.from).toEqual(day('2026-07-01'))
		expect(period.to).toEqual(day('2026-10-01'))
		expect(days(period)).toBe('2026-07-01..2026-09-30')
		expect(period.label).toBe('Q3 2026')
	})

	it('reaches back into the previous year in January, and the first day of a quarter still means the one before', () => {
		expect(days(defaultReportPeriod(new Date('2027-01-15T08:00:00Z')))).toBe('2026-10-01..2026-12-31')
		expect(defaultReportPeriod(new Date('2027-01-15T08:00:00Z')).label).toBe('Q4 2026')
		expect(days(defaultReportPeriod(new Date('2026-04-01T00:00:00Z')))).toBe('2026-01-01..2026-03-31')
		expect(days(defaultReportPeriod(new Date('2026-03-31T23:59:59Z')))).toBe('2025-10-01..2025-12-31')
	})

	it('makes "this quarter" the quarter so far, today included', () => {
		const period = quickPeriod('this-quarter', now)
		expect(days(period)).toBe('2026-10-01..2026-12-01')
		expect(period.to).toEqual(day('2026-12-02'))
	})

	it('counts the last 90 days and the last 6 months up to today', () => {
		const ninety = quickPeriod('last-90-days', now)
		expect((ninety.to.getTime() - ninety.from.getTime()) / 86_400_000).toBe(90)
		expect(ninety.toDay).toBe('2026-12-01')
		expect(days(quickPeriod('last-6-months', now))).toBe('2026-06-02..2026-12-01')
	})

	it('labels exact quarters by name and other periods by their first and last day', () => {
		expect(periodLabel(day('2026-01-01'), day('2026-04-01'))).toBe('Q1 2026')
		expect(periodLabel(day('2026-09-03'), day('2026-12-02'))).toMatch(/^3 Sept? – 1 Dec 2026$/)
		expect(periodLabel(day('2025-11-15'), day('2026-02-01'))).toBe('15 Nov 2025 – 31 Jan 2026')
		expect(periodLabel(day('2026-05-05'), day('2026-05-06'))).toBe('5 May 2026')
		// Two quarters are not "a quarter".
		expect(periodLabel(day('2026-01-01'), day('2026-07-01'))).toBe('1 Jan – 30 Jun 2026')
	})
})

describe('the previous period', () => {
	it('is the same length, just before', () => {
		expect(previousPeriod({ from: day('2026-07-01'), to: day('2026-10-01') })).toEqual({ from: day('2026-03-31'), to: day('2026-07-01') })
		const ninety = quickPeriod('last-90-days', now)
		const before = previousPeriod(ninety)
		expect(before.to).toEqual(ninety.from)
		expect(before.to.getTime() - before.from.getTime()).toBe(ninety.to.getTime() - ninety.from.getTime())
	})
})

describe('reading the URL', () => {
	it('takes from and to, both days included', () => {
		const parsed = parse('from=2026-02-10&to=2026-05-20')
		expect(parsed.error).toBeNull()
		expect(parsed.period.from).toEqual(day('2026-02-10'))
		expect(parsed.period.to).toEqual(day('2026-05-21'))
		expect(parsed.quick).toBeNull()
		expect(periodSearch(parsed.period)).toBe('from=2026-02-10&to=2026-05-20')
	})

	it('allows a single day and exactly two years', () => {
		expect(parse('from=2026-05-05&to=2026-05-05').error).toBeNull()
		expect(parse('from=2024-01-01&to=2025-12-31').error).toBeNull()
	})

	it('recognises a range that is a quick period, and a quick period by name', () => {
		expect(parse('from=2026-07-01&to=2026-09-30').quick).toBe('last-quarter')
		const named = parse('period=last-90-days&from=2020-01-01&to=2020-02-01')
		expect(named).toMatchObject({ quick: 'last-90-days', error: null })
		expect(named.period.toDay).toBe('2026-12-01')
		expect(named.requested).toEqual({ from: named.period.fromDay, to: named.period.toDay })
	})

	it('uses the default without a message when nothing is asked for', () => {
		expect(parse('')).toMatchObject({ quick: 'last-quarter', error: null })
	})

	it.each([
		['from=2026-13-01&to=2026-12-31', /“2026-13-01” is not a date/],
		['from=2026-02-30&to=2026-03-31', /“2026-02-30” is not a date/],
		['from=yesterday&to=2026-03-31', /“yesterday” is not a date/],
		['from=2026-01-01&to=31.03.2026', /“31.03.2026” is not a date/],
		['from=1900-01-01&to=1900-03-01', /“1900-01-01” is not a date/],
		['from=2026-06-01&to=2026-05-01', /The start \(2026-06-01\) is after the end \(2026-05-01\)/],
		['from=2023-01-01&to=2025-01-01', /at most 2 years; this period is 732 days/],
		['from=2026-01-01', /Choose an end date as well/],
		['to=2026-01-01', /Choose a start date as well/],
		['period=custom', /Choose a start and an end date/],
		['period=last-decade', /Choose one of the periods offered/],
	])('falls back to the last quarter, saying why, for %s', (query, message) => {
		const parsed = parse(query)
		expect(parsed.error).toMatch(message)
		expect(days(parsed.period)).toBe('2026-07-01..2026-09-30')
		expect(parsed.quick).toBe('last-quarter')
	})

	it('echoes what was asked for back to the form, cut short', () => {
		const parsed = parse(`from=${'9'.repeat(500)}&to=2026-01-01`)
		expect(parsed.error).toMatch(/is not a date/)
		expect(parsed.requested.from).toHaveLength(20)
		expect(parsed.requested.to).toBe('2026-01-01')
	})
})

describe('days and names', () => {
	it('reads only real calendar days', () => {
		expect(parseDay('2028-02-29')).toEqual(day('2028-02-29'))
		expect(parseDay('2026-02-29')).toBeNull()
		expect(parseDay('2026-1-1')).toBeNull()
		expect(parseDay('')).toBeNull()
	})

	it('makes file names from names and periods', () => {
		expect(nameSlug('Tomás Ruiz')).toBe('tomas-ruiz')
		expect(nameSlug('  ../Ōno, "Taiichi"  ')).toBe('ono-taiichi')
		expect(nameSlug('李雷')).toBe('engineer')
		expect(growthReportFileName('Ada Moreno', defaultReportPeriod(now))).toBe('growth-ada-moreno-2026-07-01-2026-09-30.csv')
	})
})
