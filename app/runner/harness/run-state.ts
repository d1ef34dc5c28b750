// The state of the test file being run, shared by the runner, the clock (a timer callback
// that throws), the simulation kit's host and the host's controls.
import { describeError } from './errors.ts'
import type { TestResult } from '../protocol.ts'
import type { ScenarioReport } from './simulation.ts'

/** One test's result, in the run's wire format (a type-only import: nothing of protocol.ts is bundled). */
export type Result = TestResult

/** The file whose tests are collected and run, and what it has produced so far. */
export const fileRun = {
	file: '',
	/** Why the file's run failed as a whole ('limit:tests', say), else null. */
	error: null as string | null,
	results: [] as Result[],
}

/** The test, or hook, running now. */
export const currentTest = {
	/** True from a test's beforeEach hooks until its timers are drained. */
	running: false,
	/** Timer callbacks that threw and rejections nothing handled while it ran: the first fails it. */
	uncaught: [] as unknown[],
	/** Virtual time at which what it awaits times out; Infinity while nothing is guarded. */
	deadline: Infinity,
	timeoutMs: 0,
	/** Gives up on what it awaits (its timeout, or the host abandoning it). */
	abort: null as ((reason: string) => void) | null,
	/** The report of the scenario it played, if it is one. */
	scenario: null as ScenarioReport | null,
}

export function reportUncaught(error: unknown) {
	if (currentTest.running) currentTest.uncaught.push(error)
	else fileRun.results.push({ name: 'Unhandled promise rejection', file: fileRun.file, status: 'error', durationMs: 0, ...describeError(error) })
}

/** The file's results so far, as JSON for the host; the list starts afresh. */
export function takeResults(): string {
	const out = JSON.stringify({ results: fileRun.results, fileError: fileRun.error })
	fileRun.results = []
	return out
}
