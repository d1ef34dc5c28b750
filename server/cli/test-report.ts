// Pure pieces of `npm test` (server/cli/test.ts): reading test counts from the runners'
// JSON reports and rendering the closing summary. No I/O here, so it is unit-tested.

export type TestCounts = { passed: number; failed: number; skipped: number; flaky?: number }

type StepStatus = 'passed' | 'failed' | 'skipped' | 'not run'

export type StepOutcome = {
	title: string
	status: StepStatus
	durationMs?: number
	/** Present for steps that run tests. */
	counts?: TestCounts
	/** One short line for the summary table: a database, a browser, why it was skipped… */
	note?: string
}

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

/** Counts from Vitest's `json` reporter (Jest-compatible shape). */
export function countsFromVitestReport(report: unknown): TestCounts {
	const r = (report ?? {}) as Record<string, unknown>
	return {
		passed: count(r.numPassedTests),
		failed: count(r.numFailedTests),
		skipped: count(r.numPendingTests) + count(r.numTodoTests),
	}
}

/**
 * Counts from Playwright's `json` reporter. A flaky test failed, then passed on retry:
 * it counts as passed and is reported separately. `expected` includes `test.fail()` tests
 * that failed as they should.
 */
export function countsFromPlaywrightReport(report: unknown): TestCounts {
	const stats = ((report ?? {}) as { stats?: Record<string, unknown> }).stats ?? {}
	const flaky = count(stats.flaky)
	return {
		passed: count(stats.expected) + flaky,
		failed: count(stats.unexpected),
		skipped: count(stats.skipped),
		flaky,
	}
}

/**
 * A step whose command failed but whose report shows no failed test (a crash, a config
 * error, a suite that did not load) still counts as one failure, so the summary can never
 * read "0 failed" for a run that failed.
 */
export function settleCounts(counts: TestCounts | undefined, exitedCleanly: boolean): TestCounts {
	const base = counts ?? { passed: 0, failed: 0, skipped: 0 }
	if (!exitedCleanly && base.failed === 0) return { ...base, failed: 1 }
	return base
}

/** Where a database URL points, without its credentials: "PostgreSQL at 127.0.0.1:54329/postgres". */
export function describeDatabaseUrl(url: string) {
	try {
		const parsed = new URL(url)
		const database = parsed.pathname.replace(/^\//, '')
		return `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${database ? `/${database}` : ''}`
	} catch {
		return 'PostgreSQL (TEST_DATABASE_URL is not a valid URL)'
	}
}

export function formatDuration(ms: number) {
	if (ms < 1000) return `${Math.round(ms)} ms`
	const seconds = ms / 1000
	if (seconds < 60) return `${seconds.toFixed(1)} s`
	const minutes = Math.floor(seconds / 60)
	return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`
}

export function formatCounts(counts: TestCounts) {
	let text = `${counts.passed} passed, ${counts.failed} failed`
	if (counts.skipped > 0) text += `, ${counts.skipped} skipped`
	if (counts.flaky) text += ` (${counts.flaky} flaky)`
	return text
}

function totalCounts(steps: StepOutcome[]): TestCounts {
	const total = { passed: 0, failed: 0, skipped: 0 }
	for (const step of steps) {
		if (step.counts) {
			total.passed += step.counts.passed
			total.failed += step.counts.failed
			total.skipped += step.counts.skipped
		} else if (step.status === 'failed') {
			total.failed += 1
		}
	}
	return total
}

/**
 * The closing block: one row per step, the total time, and alone on the last line
 * `Summary: N passed, N failed` (`, N skipped` when there are any) — the line CI reads.
 */
export function renderSummary(steps: StepOutcome[], totalMs: number) {
	const rows = steps.map((step) => [
		step.title,
		step.status,
		step.durationMs === undefined ? '' : formatDuration(step.durationMs),
		[step.counts ? formatCounts(step.counts) : step.status === 'failed' ? 'counted as 1 failed' : '', step.note].filter(Boolean).join(' · '),
	])
	const header = ['Step', 'Result', 'Time', 'Tests / notes']
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
	const line = (cells: string[]) =>
		cells
			.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
			.join('  ')
			.trimEnd()
	const total = totalCounts(steps)
	const closing = `Summary: ${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`
	return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line), '', `Total time: ${formatDuration(totalMs)}`, closing].join('\n')
}
