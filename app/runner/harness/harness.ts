// Runs INSIDE the isolate. Bundled by esbuild into one script (see worker/harness-bundle.ts)
// and snapshotted once per worker. It provides the Jest/Vitest test API, `expect`, spies,
// a virtual clock, console capture and the simulation kit ('hardmode:sim'). The host drives
// it through the functions on `__hm` (captured by the host, then removed from the global
// scope before learner code runs).
import * as chai from 'chai'
import { ASYMMETRIC_MATCHERS_OBJECT, JEST_MATCHERS_OBJECT } from '@vitest/expect'
import { callSitesAccessor } from './call-sites.ts'
import { BuiltinTamperError, prepareLockdown } from './lockdown.ts'
import { VirtualDate, clearTimer, clock, schedule, seedRandom, stubSlots } from './clock.ts'
import { clone } from './clone.ts'
import { afterAll, afterEach, beforeAll, beforeEach, beginCollecting, describe, endCollecting, it, type Fn } from './collection.ts'
import { config } from './config.ts'
import { consoleObject, takeConsole } from './console-capture.ts'
import { setLearnerFiles, stackFrames, tamperReport } from './errors.ts'
import { expect } from './expect.ts'
import { setLockdown } from './prepared-lockdown.ts'
import { abandonCurrent, runCollectedTests, setHostClock, stepEventLoop } from './run.ts'
import { fileRun, reportUncaught, takeResults } from './run-state.ts'
import { simulationKit } from './simulation-host.ts'
import { vi } from './vi.ts'

const g = globalThis as any

const testApi: Record<string, unknown> = {
	describe,
	suite: describe,
	it,
	test: it,
	xit: it.skip,
	xtest: it.skip,
	xdescribe: describe.skip,
	fit: it.only,
	fdescribe: describe.only,
	beforeAll,
	afterAll,
	beforeEach,
	afterEach,
	expect,
	vi,
	vitest: vi,
	jest: vi,
}

const api = {
	configure(json: string) {
		const options = JSON.parse(json)
		Object.assign(config, options)
		clock.now = config.startTime
		seedRandom(config.seed)
		setLearnerFiles(options.files ?? [])
	},
	/** Starts collecting the tests of one file (the host then evaluates its module). */
	beginFile(file: string) {
		beginCollecting()
		fileRun.file = file
		fileRun.error = null
	},
	endCollect() {
		endCollecting()
	},
	/** Runs the collected tests; the host calls advance() until it answers 'done'. */
	startRun() {
		runCollectedTests()
	},
	/** One step of the event loop: fire the next timer. 'idle' means nothing can move. */
	advance(): 'done' | 'step' | 'idle' {
		return stepEventLoop()
	},
	/** Gives up on whatever the current test awaits; false when nothing can be given up. */
	abandon(reason: string) {
		return abandonCurrent(reason)
	},
	/** isolated-vm reports an unhandled rejection by throwing it from the host's call; it comes back here. */
	reportUnhandledRejection(message: string, stack: string) {
		const error = new Error(`Unhandled promise rejection: ${message}`)
		Object.defineProperty(error, 'stack', { value: stack })
		reportUncaught(error)
	},
	takeResults(): string {
		return takeResults()
	},
	takeConsole(): string {
		return takeConsole()
	},
	/** Called once per run, before learner code: puts the test API and sandbox globals in place. */
	install() {
		setHostClock(typeof g.__hmRealNow === 'function' ? g.__hmRealNow : null)
		Object.assign(g, sandboxGlobals)
		Math.random = seededMathRandom
		Object.defineProperty(Error, 'prepareStackTrace', prepareStackTraceAccessor)
		g.console = consoleObject
		for (const [name, value] of Object.entries(testApi)) g[name] = value
		g.__hmTestApi = testApi
		g.__hmSim = simulationKit.exports
	},
	/**
	 * Called once per context after the host has taken its handles and before any learner
	 * module is evaluated: removes the harness's handles from the global scope and makes the
	 * realm read-only (lockdown.ts).
	 */
	seal() {
		for (const name of ['__hm', '__hmTestApi', '__hmSim', '__hmRealNow', 'WebAssembly', 'SharedArrayBuffer', 'Atomics']) delete g[name]
		lockdown.seal()
	},
	/** What a TypeError thrown while a test file was loading says, when it was an attempt to change a built-in; else null. */
	describeLoadError(message: string, stack: string): string {
		return JSON.stringify(tamperReport(message, stackFrames({ stack })))
	},
}

// What install() puts in place, made once with the snapshot so that seal() finds it listed.
const sandboxGlobals = {
	setTimeout: (fn: unknown, delay?: unknown, ...args: unknown[]) => schedule(fn, delay, args, false),
	setInterval: (fn: unknown, delay?: unknown, ...args: unknown[]) => schedule(fn, delay, args, true),
	setImmediate: (fn: unknown, ...args: unknown[]) => schedule(fn, 0, args, false),
	clearTimeout: clearTimer,
	clearInterval: clearTimer,
	clearImmediate: clearTimer,
	queueMicrotask: (fn: Fn) => {
		Promise.resolve().then(fn).catch(reportUncaught)
	},
	Date: VirtualDate,
	performance: { now: () => clock.now - config.startTime, timeOrigin: config.startTime },
	structuredClone: (value: unknown) => clone(value),
}
const seededMathRandom = function random() {
	return stubSlots.random()
}
const prepareStackTraceAccessor = callSitesAccessor(() => {
	throw new BuiltinTamperError('Error.prepareStackTrace')
})

// What seal() freezes is listed now, while the harness is evaluated for the snapshot, after
// everything it lists exists.
const matcherTables = g[JEST_MATCHERS_OBJECT] as { state: object | undefined; matchers: object; customEqualityTesters: unknown[] }
const lockdown = prepareLockdown(g, {
	listNow: g.__hmEvaluatedOnce !== true,
	writableGlobals: new Set<PropertyKey>(['console']),
	// The global object stays extensible (tests set globals of their own); its existing bindings are locked.
	mutable: new Set<object>([g, consoleObject, stubSlots, ...(matcherTables.state ? [matcherTables.state] : [])]),
	extraRoots: [
		{ object: testApi, name: 'the test API' },
		{ object: simulationKit.exports, name: 'the simulation kit' },
		{ object: sandboxGlobals, name: 'the sandbox' },
		{ object: seededMathRandom, name: 'Math.random' },
		{ object: prepareStackTraceAccessor, name: 'Error.prepareStackTrace' },
		// The assertion library: no global names these.
		{ object: chai.Assertion, name: 'expect' },
		{ object: chai.AssertionError, name: 'expect' },
		{ object: chai.config, name: 'expect' },
		{ object: chai.util, name: 'expect' },
		{ object: chai.expect, name: 'expect' },
		{ object: chai.assert, name: 'expect' },
		{ object: matcherTables.matchers, name: 'expect' },
		{ object: matcherTables.customEqualityTesters, name: 'expect' },
		{ object: g[ASYMMETRIC_MATCHERS_OBJECT], name: 'expect' },
	],
})
setLockdown(lockdown)

g.__hm = api
