import { describe, expect, test } from 'vitest'
import {
	countsFromPlaywrightReport,
	countsFromVitestReport,
	describeDatabaseUrl,
	formatDuration,
	renderSummary,
	settleCounts,
	type StepOutcome,
} from './test-report.ts'

describe('reading test counts', () => {
	test('Vitest: skipped and todo tests count as skipped', () => {
		const report = { numTotalTests: 9, numPassedTests: 6, numFailedTests: 1, numPendingTests: 1, numTodoTests: 1 }
		expect(countsFromVitestReport(report)).toEqual({ passed: 6, failed: 1, skipped: 2 })
	})

	test('Playwright: flaky tests passed on retry and are reported as such', () => {
		const report = { stats: { expected: 10, unexpected: 2, flaky: 1, skipped: 3, duration: 1 } }
		expect(countsFromPlaywrightReport(report)).toEqual({ passed: 11, failed: 2, skipped: 3, flaky: 1 })
	})

	test('a missing or mangled report reads as no tests rather than crashing', () => {
		expect(countsFromVitestReport(undefined)).toEqual({ passed: 0, failed: 0, skipped: 0 })
		expect(countsFromPlaywrightReport({ stats: { expected: 'many' } })).toEqual({ passed: 0, failed: 0, skipped: 0, flaky: 0 })
	})

	test('a command that failed without a failed test still counts one failure', () => {
		expect(settleCounts({ passed: 4, failed: 0, skipped: 0 }, false)).toEqual({ passed: 4, failed: 1, skipped: 0 })
		expect(settleCounts(undefined, false)).toEqual({ passed: 0, failed: 1, skipped: 0 })
		expect(settleCounts({ passed: 4, failed: 2, skipped: 0 }, false).failed).toBe(2)
		expect(settleCounts({ passed: 4, failed: 0, skipped: 0 }, true).failed).toBe(0)
	})
})

test('a database URL is described without its password', () => {
	expect(describeDatabaseUrl('postgresql://postgres:s3cret@127.0.0.1:54329/postgres')).toBe('PostgreSQL at 127.0.0.1:54329/postgres')
	expect(describeDatabaseUrl('postgres://db.internal/app')).toBe('PostgreSQL at db.internal:5432/app')
	expect(describeDatabaseUrl('not a url')).not.toContain('not a url')
})

test('durations read naturally', () => {
	expect(formatDuration(340)).toBe('340 ms')
	expect(formatDuration(12_340)).toBe('12.3 s')
	expect(formatDuration(125_000)).toBe('2 min 05 s')
})

describe('the summary', () => {
	const steps: StepOutcome[] = [
		{ title: 'Type check', status: 'passed', durationMs: 20_000 },
		{ title: 'Vitest on PGlite (embedded)', status: 'passed', durationMs: 9_000, counts: { passed: 40, failed: 0, skipped: 2 } },
		{ title: 'Playwright (Chromium)', status: 'failed', durationMs: 60_000, counts: { passed: 7, failed: 1, skipped: 0 } },
		{ title: 'Exercises check', status: 'not run' },
	]

	test('ends with the totals of every runner, alone on the last line', () => {
		const lines = renderSummary(steps, 90_000).split('\n')
		expect(lines.at(-1)).toBe('Summary: 47 passed, 1 failed, 2 skipped')
		expect(lines).toContain('Total time: 1 min 30 s')
	})

	test('leaves out skipped when nothing was skipped', () => {
		const summary = renderSummary([{ title: 'Vitest', status: 'passed', counts: { passed: 3, failed: 0, skipped: 0 } }], 1)
		expect(summary.split('\n').at(-1)).toBe('Summary: 3 passed, 0 failed')
	})

	test('a failed step without tests (type check, build) counts as a failure', () => {
		const summary = renderSummary([{ title: 'Type check', status: 'failed', durationMs: 5_000 }], 5_000)
		expect(summary.split('\n').at(-1)).toBe('Summary: 0 passed, 1 failed')
		expect(summary).toMatch(/Type check\s+failed\s+5\.0 s\s+counted as 1 failed/)
	})

	test('lists every step with its result', () => {
		const summary = renderSummary(steps, 90_000)
		expect(summary).toMatch(/Playwright \(Chromium\)\s+failed\s+1 min 00 s\s+7 passed, 1 failed/)
		expect(summary).toMatch(/Exercises check\s+not run/)
	})
})
