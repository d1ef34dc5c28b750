import { describe, expect, it } from 'vitest'
import type { AttemptMetricsColumns } from './attempt-metrics-columns.ts'
import { GROWTH_REPORT_CSV_COLUMNS, growthReportAttemptRow, growthReportCsv } from './growth-report-csv.ts'

const stored: AttemptMetricsColumns & { attemptId: string } = {
	attemptId: 'attempt-1',
	solved: true,
	firstAttempt: true,
	startedAt: new Date('2026-07-01T09:00:00.000Z'),
	finishedAt: new Date('2026-07-01T09:30:00.000Z'),
	durationMs: 1_800_000,
	timeToFirstHypothesisMs: 240_000,
	timeToRootCauseMs: null,
	runs: 5,
	runsPerDiagnosis: 4,
	predictionsScored: 3,
	predictionsRight: 2,
	submissions: 2,
	failedFixes: 1,
	rework: 1,
	hintsUsed: 0,
	outsidePastes: 0,
	attested: true,
	independent: false,
}

const row = (overrides: Partial<Parameters<typeof growthReportAttemptRow>[1]> = {}, columns: Partial<typeof stored> = {}) =>
	growthReportAttemptRow(
		{ ...stored, ...columns },
		{ exercise: { slug: 'free-shipping', title: 'Free shipping' }, ratingChange: 23.46, reviewPercent: 88, ...overrides },
	)

describe('growthReportAttemptRow', () => {
	it('shows how the attempt ended as its status, its moments as ISO strings and every stored metric', () => {
		expect(row()).toEqual({
			attemptId: 'attempt-1',
			exerciseSlug: 'free-shipping',
			exerciseTitle: 'Free shipping',
			status: 'solved',
			firstAttempt: true,
			startedAt: '2026-07-01T09:00:00.000Z',
			finishedAt: '2026-07-01T09:30:00.000Z',
			durationMs: 1_800_000,
			ratingChange: 23.46,
			timeToFirstHypothesisMs: 240_000,
			timeToRootCauseMs: null,
			runs: 5,
			runsPerDiagnosis: 4,
			predictionsScored: 3,
			predictionsRight: 2,
			submissions: 2,
			failedFixes: 1,
			rework: 1,
			hintsUsed: 0,
			outsidePastes: 0,
			attested: true,
			independent: false,
			reviewPercent: 88,
		})
		expect(row({}, { solved: false }).status).toBe('gave_up')
	})
})

describe('growthReportCsv', () => {
	it('starts with the header, in the order the export has always had', () => {
		const [header] = growthReportCsv([]).split('\r\n')
		expect(header).toBe(
			'attemptId,exerciseSlug,exerciseTitle,status,firstAttempt,startedAt,finishedAt,durationMs,ratingChange,timeToFirstHypothesisMs,timeToRootCauseMs,runs,runsPerDiagnosis,' +
				'predictionsScored,predictionsRight,submissions,failedFixes,rework,hintsUsed,outsidePastes,attested,independent,reviewPercent',
		)
		expect(header!.split(',')).toEqual(GROWTH_REPORT_CSV_COLUMNS)
	})

	it('writes one CRLF-ended line per attempt, with yes/no, empty cells for nothing and one decimal for fractions', () => {
		const csv = growthReportCsv([row(), row({ ratingChange: null, reviewPercent: null }, { attemptId: 'attempt-2', solved: false })])
		expect(csv.endsWith('\r\n')).toBe(true)
		const lines = csv.split('\r\n')
		expect(lines).toHaveLength(4)
		expect(lines[3]).toBe('')
		expect(lines[1]).toBe(
			'attempt-1,free-shipping,Free shipping,solved,yes,2026-07-01T09:00:00.000Z,2026-07-01T09:30:00.000Z,1800000,23.5,240000,,5,4,3,2,2,1,1,0,0,yes,no,88',
		)
		expect(lines[2]).toMatch(/^attempt-2,free-shipping,Free shipping,gave_up,yes,.*,1800000,,240000,.*,yes,no,$/)
	})

	it('quotes cells with commas, quotes or line breaks as RFC 4180 says', () => {
		expect(growthReportCsv([row({ exercise: { slug: 'x', title: 'Ship, then "fix"' } })])).toContain(',"Ship, then ""fix""",solved,')
		expect(growthReportCsv([row({ exercise: { slug: 'x', title: 'Two\nlines' } })])).toContain(',"Two\nlines",solved,')
		expect(growthReportCsv([row({ exercise: { slug: 'x', title: 'Carriage\rreturn' } })])).toContain(',"Carriage\rreturn",solved,')
		expect(growthReportCsv([row({ exercise: { slug: 'x', title: 'Plain text' } })])).toContain(',x,Plain text,solved,')
	})

	it('keeps a spreadsheet from running a cell as a formula', () => {
		expect(growthReportCsv([row({ exercise: { slug: 'x', title: '=HYPERLINK("http://evil.example")' } })])).toContain(
			`,"'=HYPERLINK(""http://evil.example"")",solved,`,
		)
		for (const start of ['+', '-', '@']) expect(growthReportCsv([row({ exercise: { slug: 'x', title: `${start}1` } })])).toContain(`,'${start}1,solved,`)
	})
})
