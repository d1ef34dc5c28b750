// The sandbox's front door: runTests(request) → RunResult. It never throws; learner
// failures and sandbox limits come back as data.
import { RunnerPool, type PoolOptions, type WorkerOutcome } from './pool.ts'
import { sourceBytes } from './source-size.ts'
import { parseRunnerClientEnv } from './remote/env.ts'
import { RemotePool } from './remote/remote-pool.ts'
import { FIELD_CAPS, appendCappedTests, capText, capUtf8, type CappedTest } from './result-caps.ts'
import {
	RESULT_VERSION,
	RunRequestSchema,
	TestResultSchema,
	describeLimit,
	rejectedRun,
	resolveLimits,
	type RunLimits,
	type RunRequest,
	type RunResult,
	type TestResult,
} from './protocol.ts'

export { DEFAULT_LIMITS, type RunLimits, type RunRequest, type RunResult, type TestResult } from './protocol.ts'
export { RunnerPool } from './pool.ts'
export { RemotePool } from './remote/remote-pool.ts'

/** What runs tests: the in-process pool, or runner nodes over signed HTTP (RUNNER_URLS, ADR 032). */
export type SandboxPool = RunnerPool | RemotePool

export function createRunnerPool(options?: PoolOptions) {
	return new RunnerPool(options)
}

// One pool per process, created on first use and shared across module copies (the
// server and its React Router build each load this module). The one place that chooses:
// with RUNNER_URLS the runs go to runner nodes, without it they run here, as they always have.
const globalForRunner = globalThis as typeof globalThis & { __hardmodeRunnerPool?: SandboxPool }
export function getDefaultPool(): SandboxPool {
	globalForRunner.__hardmodeRunnerPool ??= createDefaultPool(process.env)
	return globalForRunner.__hardmodeRunnerPool
}

export function createDefaultPool(source: Record<string, string | undefined>): SandboxPool {
	const env = parseRunnerClientEnv(source)
	if (env.RUNNER_URLS.length === 0) return new RunnerPool()
	return new RemotePool({ urls: env.RUNNER_URLS, secret: env.RUNNER_SECRET!, timeoutMs: env.RUNNER_TIMEOUT_MS })
}

export async function runTests(request: RunRequest, options: { pool?: SandboxPool } = {}): Promise<RunResult> {
	try {
		const parsed = RunRequestSchema.safeParse(request)
		if (!parsed.success) return rejectedRun(`The run request is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`)
		const limits = resolveLimits(parsed.data.limits)
		const bytes = sourceBytes(parsed.data.files)
		if (bytes > limits.sourceBytes) {
			return rejectedRun(`${describeLimit('source-size', limits)} (These files are ${Math.ceil(bytes / 1024)} KB.)`, 'source-size')
		}
		const pool = options.pool ?? getDefaultPool()
		// A runner node checks and resolves the request itself; it gets it as the learner's version set it.
		if ('remote' in pool) return await pool.runTests(parsed.data)
		const outcome = await pool.run({ ...parsed.data, limits })
		return toRunResult(outcome, limits)
	} catch (error) {
		return rejectedRun(
			`The sandbox failed unexpectedly: ${error instanceof Error ? error.message : String(error)}. Try again; if it keeps happening, tell your admin.`,
		)
	}
}

/** Maps what a worker reported to the versioned result format. Pure. */
export function toRunResult(outcome: WorkerOutcome & { queueMs: number }, limits: RunLimits): RunResult {
	const queueMs = round(outcome.queueMs)
	if (outcome.kind === 'rejected') return rejectedRun(describeLimit('queue', limits), 'queue', queueMs)
	if (outcome.kind === 'unavailable') {
		return rejectedRun(
			`The sandbox could not start, so nothing was run. Tell your Hardmode admin; the server log has the details (${outcome.reason || 'no detail'}).`,
			undefined,
			queueMs,
		)
	}
	if (outcome.kind === 'killed') {
		return { ...rejectedRun(describeLimit(outcome.limit, limits), outcome.limit, queueMs) }
	}
	const timings = { queueMs, compileMs: round(outcome.compileMs), runMs: round(outcome.kind === 'error' ? 0 : outcome.runMs) }
	if (outcome.kind === 'stopped') {
		return { version: RESULT_VERSION, status: 'error', message: describeLimit(outcome.limit, limits), tests: [], console: '', timings, limit: outcome.limit }
	}
	// The worker caps what leaves the isolate; the app checks it again rather than trust a process that ran learner code.
	const capped: CappedTest[] = []
	const withinTestLimit = appendCappedTests(capped, outcome.tests, limits.maxTests, limits.outputBytes)
	if (!withinTestLimit)
		return { version: RESULT_VERSION, status: 'error', message: describeLimit('tests', limits), tests: [], console: '', timings, limit: 'tests' }
	const tests = capped.flatMap((t) => {
		const parsed = TestResultSchema.safeParse(t)
		return parsed.success ? [parsed.data] : []
	})
	if (outcome.kind === 'error') {
		return {
			version: RESULT_VERSION,
			status: 'error',
			message: capText(outcome.message, FIELD_CAPS.message),
			tests,
			console: '',
			timings,
			...(outcome.location ? { location: outcome.location } : {}),
		}
	}
	const consoleText = capUtf8(outcome.console, limits.outputBytes + 256)
	const outputTruncated = outcome.outputTruncated || consoleText.cut
	const problem = outcome.fileProblem === null ? undefined : capText(outcome.fileProblem, FIELD_CAPS.message)
	return {
		version: RESULT_VERSION,
		status: overallStatus(tests),
		tests,
		console: consoleText.text,
		timings,
		...(outputTruncated ? { limit: 'output' as const } : {}),
		...summary(tests, problem, outputTruncated ? describeLimit('output', limits) : undefined),
	}
}

function overallStatus(tests: TestResult[]): RunResult['status'] {
	const ran = tests.filter((t) => t.status !== 'skip')
	if (ran.length === 0) return 'fail'
	return ran.every((t) => t.status === 'pass') ? 'pass' : 'fail'
}

function summary(tests: TestResult[], problem?: string, outputNote?: string): { message?: string } {
	const ran = tests.filter((t) => t.status !== 'skip')
	const notes = [problem, outputNote].filter(Boolean)
	if (ran.length === 0) notes.unshift('No tests ran: a test file must call test() or it() at least once (skipped tests do not count).')
	return notes.length ? { message: notes.join(' ') } : {}
}

function round(ms: number) {
	return Math.round(ms * 100) / 100
}
