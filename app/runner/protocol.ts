// The runner's wire format: what the app asks the sandbox to run and what comes back.
// Pure (zod and types only), so the browser, the server and the worker can share it.
import { z } from 'zod'

export const RESULT_VERSION = 1 as const

export const RunLimitsSchema = z.object({
	/** Total size of all files, checked before anything is compiled. */
	sourceBytes: z.number().int().positive(),
	/** CPU time the isolate may use for the whole run. */
	cpuMs: z.number().int().positive(),
	/** Wall-clock time for the whole run; the host kills the worker past it. */
	wallMs: z.number().int().positive(),
	/** Isolate heap. isolated-vm treats it as a soft limit. */
	memoryMb: z.number().int().min(8),
	/** Console output kept for the whole run (and per test). */
	outputBytes: z.number().int().positive(),
	maxTests: z.number().int().positive(),
})
export type RunLimits = z.infer<typeof RunLimitsSchema>

export const DEFAULT_LIMITS: RunLimits = {
	sourceBytes: 512 * 1024,
	cpuMs: 2000,
	wallMs: 5000,
	memoryMb: 64,
	outputBytes: 64 * 1024,
	maxTests: 500,
}

export { CODE_FILE_PATTERN, TEST_FILE_PATTERN } from './test-files.ts'

export const RunRequestSchema = z.object({
	/** POSIX paths relative to the exercise root ('src/cart.ts') → source text. */
	files: z.record(z.string().min(1).max(300), z.string()),
	/** The test files to run, in order. Default: every *.test|spec.(ts|js|mts|mjs), sorted. */
	testFiles: z.array(z.string()).optional(),
	/** Seed for Math.random; the same seed gives the same run. */
	seed: z.number().int().optional(),
	limits: RunLimitsSchema.partial().optional(),
	/** Who asked (a user id): the queue takes turns between owners so nobody starves. */
	owner: z.string().optional(),
})
export type RunRequest = z.infer<typeof RunRequestSchema>

export const TestStatusSchema = z.enum(['pass', 'fail', 'error', 'skip'])
export type TestStatus = z.infer<typeof TestStatusSchema>

export const SourceLocationSchema = z.object({ file: z.string(), line: z.number().int(), column: z.number().int() })
export type SourceLocation = z.infer<typeof SourceLocationSchema>

/** One measured outcome of a scenario, against its threshold when it has one. */
export const ScenarioMetricSchema = z.object({
	/** Stable id: 'successRate', 'p50LatencyMs', 'p99LatencyMs', 'duplicateSideEffects', 'missingSideEffects', 'dependencyCalls', 'costUnits', or one the scenario added. */
	name: z.string(),
	/** For people: 'Success rate', 'Latency p99', … */
	label: z.string(),
	/** null when nothing was measured (no request finished, say). */
	value: z.number().nullable(),
	/** '%', 'ms' (virtual), 'effects', 'calls', 'units', or the scenario's own. */
	unit: z.string(),
	threshold: z.number().nullable(),
	/** value >= threshold or value <= threshold passes; null without a threshold. */
	comparator: z.enum(['>=', '<=']).nullable(),
	/** null when the metric has no threshold in this scenario. */
	passed: z.boolean().nullable(),
})
export type ScenarioMetric = z.infer<typeof ScenarioMetricSchema>

/**
 * What a scenario test of an architecture exercise measured ('hardmode:sim'). It rides on the
 * test's result: the test passes iff `passed`, and its message names the missed thresholds.
 */
export const ScenarioResultSchema = z.object({
	/** The exercise stage the scenario belongs to: 1 at launch, 2 "six months later". */
	stage: z.number().int().min(1),
	seed: z.number().int(),
	passed: z.boolean(),
	/** Set when the simulation was cut short: too many events, or calls the design never answered. */
	stoppedBy: z.enum(['event-limit', 'unfinished-calls']).optional(),
	/** Virtual time the simulation covered, in ms. */
	virtualMs: z.number(),
	/** Timers fired inside the simulation. */
	events: z.number().int(),
	/** Calls to the design that were measured. */
	requests: z.number().int(),
	/** Empty when the scenario's own code failed before anything could be measured. */
	metrics: z.array(ScenarioMetricSchema),
})
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>

export const TestResultSchema = z.object({
	/** describe names and the test name, joined with ' > '. */
	name: z.string(),
	file: z.string(),
	status: TestStatusSchema,
	message: z.string().optional(),
	expected: z.string().optional(),
	actual: z.string().optional(),
	location: SourceLocationSchema.optional(),
	output: z.string().optional(),
	durationMs: z.number(),
	/** Only on scenario tests. A malformed report is dropped rather than losing the test. */
	scenario: ScenarioResultSchema.optional().catch(undefined),
})
export type TestResult = z.infer<typeof TestResultSchema>

/** The scenario tests of a run, in run order, with the test's name, file, status and message. */
export function scenarioResults(result: Pick<RunResult, 'tests'>): Array<ScenarioResult & Pick<TestResult, 'name' | 'file' | 'status' | 'message'>> {
	return result.tests.flatMap((test) =>
		test.scenario
			? [{ ...test.scenario, name: test.name, file: test.file, status: test.status, ...(test.message === undefined ? {} : { message: test.message }) }]
			: [],
	)
}

export const LimitKindSchema = z.enum(['time', 'memory', 'output', 'source-size', 'tests', 'queue'])
export type LimitKind = z.infer<typeof LimitKindSchema>

export const RunResultSchema = z.object({
	version: z.literal(RESULT_VERSION),
	status: z.enum(['pass', 'fail', 'error']),
	message: z.string().optional(),
	tests: z.array(TestResultSchema),
	console: z.string(),
	timings: z.object({ queueMs: z.number(), compileMs: z.number(), runMs: z.number() }),
	/** Which limit stopped the run, when one did. */
	limit: LimitKindSchema.optional(),
	/** Where a syntax or import error is, when the run could not start. */
	location: SourceLocationSchema.optional(),
})
export type RunResult = z.infer<typeof RunResultSchema>

/** Plain words for each limit, shown to the learner. */
export function describeLimit(kind: LimitKind, limits: RunLimits): string {
	switch (kind) {
		case 'time':
			return `The run took longer than its time limit (${limits.cpuMs / 1000} s of CPU, ${limits.wallMs / 1000} s in all) and was stopped. Look for an infinite loop, a promise that never settles, or very slow code.`
		case 'memory':
			return `The run used more memory than its limit (${limits.memoryMb} MB) and was stopped. Look for a loop that keeps adding to an array, string or map.`
		case 'output':
			return `The console output passed its limit (${Math.round(limits.outputBytes / 1024)} KB); the rest was dropped.`
		case 'source-size':
			return `The files add up to more than ${Math.round(limits.sourceBytes / 1024)} KB, the most the sandbox accepts. Nothing was run.`
		case 'tests':
			return `More than ${limits.maxTests} tests were defined; the sandbox runs at most ${limits.maxTests}.`
		case 'queue':
			return 'The sandbox is busy with other runs right now. Nothing was run; try again in a few seconds.'
	}
}

export function resolveLimits(overrides?: Partial<RunLimits>): RunLimits {
	return { ...DEFAULT_LIMITS, ...overrides }
}

// ---------------------------------------------------------------------------------------
// The pool ⇄ worker wire (IPC). One definition for both ends: the worker builds these
// messages with these types, and the pool validates every message it receives, since the
// worker is a process that ran learner code.

/** What the worker reports for one run, before the app turns it into a RunResult (index.ts). */
export const WorkerRunReportSchema = z.discriminatedUnion('kind', [
	/** The tests ran. Their results stay unknown here: index.ts caps and validates each one. */
	z.object({
		kind: z.literal('ran'),
		tests: z.array(z.unknown()),
		console: z.string(),
		outputTruncated: z.boolean(),
		compileMs: z.number(),
		runMs: z.number(),
		/** A test file's own problem (it stopped responding, its hooks failed), shown with the results. */
		fileProblem: z.string().nullable(),
	}),
	/** The code could not be run: a syntax or import error, or the sandbox could not start. Tests of earlier files come along. */
	z.object({ kind: z.literal('error'), message: z.string(), location: SourceLocationSchema.optional(), tests: z.array(z.unknown()), compileMs: z.number() }),
	/** A limit stopped the run inside the worker. */
	z.object({ kind: z.literal('stopped'), limit: z.enum(['time', 'memory', 'tests']), compileMs: z.number(), runMs: z.number() }),
])
export type WorkerRunReport = z.infer<typeof WorkerRunReportSchema>

export const HostToWorkerSchema = z.object({ type: z.literal('run'), id: z.number().int(), request: z.unknown() })
export type HostToWorker = { type: 'run'; id: number; request: WorkerRunRequest }

/** A run as the worker receives it: the request with its limits resolved. */
export type WorkerRunRequest = Omit<RunRequest, 'limits'> & { limits: RunLimits }

export const WorkerMessageSchema = z.discriminatedUnion('type', [
	/** Sent once, when the worker has built its harness snapshot and can take runs. */
	z.object({ type: z.literal('ready'), memory: z.number() }),
	/** The worker took run `id` from its queue. A worker that dies before this did not fail the run. */
	z.object({ type: z.literal('started'), id: z.number().int() }),
	z.object({ type: z.literal('result'), id: z.number().int(), memory: z.number(), result: WorkerRunReportSchema }),
])
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>

/** A result for a run that never reached the sandbox (bad request, limit, busy queue). */
export function rejectedRun(message: string, limit?: LimitKind, queueMs = 0): RunResult {
	return {
		version: RESULT_VERSION,
		status: 'error',
		message,
		tests: [],
		console: '',
		timings: { queueMs, compileMs: 0, runMs: 0 },
		...(limit ? { limit } : {}),
	}
}
