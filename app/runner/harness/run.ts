// Runs a file's collected tests on the virtual clock: each hook and test guarded by a
// deadline, its verdict, output and scenario report recorded as a result, and the host's
// step of the event loop, one timer per turn so promise callbacks run in between.
import { MAX_TIMER_FIRES, advancing, clearAllTimers, clock, earliestTimer, fire, timerCount } from './clock.ts'
import { collectedSuite, fullName, suiteWillRun, testWillRun, type Fn, type Suite, type TestCase } from './collection.ts'
import { config } from './config.ts'
import { startTestOutput, takeTestOutput } from './console-capture.ts'
import { describeError, isLimitError } from './errors.ts'
import { resetExpectState, unmetAssertionCount } from './expect.ts'
import { currentTest, fileRun, type Result } from './run-state.ts'
import { simulationKit } from './simulation-host.ts'

// The host's clock for test durations; captured at install, before the global is removed.
let hostClock: (() => number) | null = null
const realNow = () => (hostClock ? hostClock() : 0)
export function setHostClock(realClock: (() => number) | null) {
	hostClock = realClock
}

let runDone = true

/** Runs fn with a way for the host to abandon it (a promise that never settles, a timeout). */
function guarded(fn: () => unknown, deadline: number): Promise<{ ok: true } | { ok: false; error: unknown }> {
	return new Promise((resolve) => {
		currentTest.deadline = deadline
		currentTest.timeoutMs = deadline - clock.now
		currentTest.abort = (reason) => resolve({ ok: false, error: new Error(reason) })
		Promise.resolve()
			.then(fn)
			.then(
				() => resolve({ ok: true }),
				(error) => resolve({ ok: false, error }),
			)
	}).finally(() => {
		currentTest.abort = null
		currentTest.deadline = Infinity
	}) as Promise<{ ok: true } | { ok: false; error: unknown }>
}

async function drainTimers() {
	if (timerCount() === 0) return
	await new Promise<void>((resolve) => {
		advancing.mode = { kind: 'drain', count: 0, resolve }
	})
}

async function runHooks(hooks: Fn[], timeout: number): Promise<{ ok: true } | { ok: false; error: unknown }> {
	for (const h of hooks) {
		const outcome = await guarded(() => h(), clock.now + timeout)
		if (!outcome.ok) return outcome
	}
	return { ok: true }
}

function eachHooks(suite: Suite, kind: 'beforeEach' | 'afterEach'): Fn[] {
	const chain: Suite[] = []
	for (let s: Suite | null = suite; s; s = s.parent) chain.unshift(s)
	const hooks = chain.flatMap((s) => s.hooks[kind])
	return kind === 'afterEach' ? hooks.reverse() : hooks
}

async function runTest(test: TestCase) {
	const name = fullName(test)
	if (!testWillRun(test)) {
		fileRun.results.push({ name, file: fileRun.file, status: 'skip', durationMs: 0, ...(test.mode === 'todo' ? { message: 'todo' } : {}) })
		return
	}
	startTestOutput()
	currentTest.uncaught = []
	currentTest.scenario = null
	resetExpectState()
	const started = realNow()
	currentTest.running = true
	// Whether the test failed is a flag of its own: code can throw undefined, 0 or '', and a
	// falsy thrown value is still a failure.
	let failed = false
	let error: unknown
	const fail = (reason: unknown) => {
		if (failed) return
		failed = true
		error = reason
	}
	const beforeOutcome = await runHooks(eachHooks(test.suite, 'beforeEach'), test.timeout)
	if (!beforeOutcome.ok) fail(beforeOutcome.error)
	if (!failed) {
		const outcome = await guarded(() => test.fn!(), clock.now + test.timeout)
		if (!outcome.ok) fail(outcome.error)
	}
	const afterOutcome = await runHooks(eachHooks(test.suite, 'afterEach'), test.timeout)
	if (!afterOutcome.ok) fail(afterOutcome.error)
	simulationKit.testEnded()
	await drainTimers()
	currentTest.running = false
	if (!failed && currentTest.uncaught.length) fail(currentTest.uncaught[0])
	if (!failed) {
		const unmet = unmetAssertionCount()
		if (unmet) fail(unmet)
	}
	const result: Result = { name, file: fileRun.file, status: failed ? 'fail' : 'pass', durationMs: Math.max(0, Math.round((realNow() - started) * 100) / 100) }
	if (failed) Object.assign(result, describeError(error))
	if (currentTest.scenario) result.scenario = currentTest.scenario
	const output = takeTestOutput()
	if (output) result.output = output
	fileRun.results.push(result)
}

async function runSuite(suite: Suite) {
	if (!suiteWillRun(suite)) {
		for (const child of suite.children) {
			if ('kind' in child) fileRun.results.push({ name: fullName(child), file: fileRun.file, status: 'skip', durationMs: 0 })
			else await runSuite(child)
		}
		return
	}
	const before = await runHooks(suite.hooks.beforeAll, config.testTimeoutMs)
	for (const child of suite.children) {
		if (!before.ok) {
			if ('kind' in child) {
				const described = describeError(before.error)
				fileRun.results.push({
					name: fullName(child),
					file: fileRun.file,
					status: 'error',
					durationMs: 0,
					...described,
					message: `beforeAll failed: ${described.message}`,
				})
			} else {
				await runSuite(child)
			}
			continue
		}
		if ('kind' in child) await runTest(child)
		else await runSuite(child)
	}
	const after = await runHooks(suite.hooks.afterAll, config.testTimeoutMs)
	if (!after.ok) {
		const described = describeError(after.error)
		const last = [...fileRun.results].reverse().find((r) => r.file === fileRun.file && r.status === 'pass')
		if (last) Object.assign(last, { status: 'error' }, described, { message: `afterAll failed: ${described.message}` })
	}
}

/** Runs the collected tests; the host calls stepEventLoop() until it answers 'done'. */
export function runCollectedTests() {
	runDone = false
	advancing.mode = { kind: 'auto' }
	runSuite(collectedSuite()).then(
		() => {
			runDone = true
		},
		(error) => {
			fileRun.error = isLimitError(error) ? `limit:${error.limit}` : (describeError(error).message ?? 'The test run failed.')
			runDone = true
		},
	)
}

/** One step of the event loop: fire the next timer. 'idle' means nothing can move. */
export function stepEventLoop(): 'done' | 'step' | 'idle' {
	if (runDone) return 'done'
	const next = earliestTimer()
	const mode = advancing.mode
	if (mode.kind === 'advanceTo') {
		const waiter = mode.waiters[0]!
		if (next && next.time <= waiter.target) fire(next)
		else {
			clock.now = Math.max(clock.now, waiter.target)
			mode.waiters.shift()
			if (mode.waiters.length === 0) advancing.mode = { kind: 'auto' }
			waiter.resolve()
		}
		return 'step'
	}
	if (mode.kind === 'runAll' || mode.kind === 'drain') {
		if (next && ++mode.count <= MAX_TIMER_FIRES) {
			fire(next)
			return 'step'
		}
		advancing.mode = { kind: 'auto' }
		if (next && mode.kind === 'runAll') mode.reject(new Error(`Aborting after running ${MAX_TIMER_FIRES} timers, assuming an infinite loop!`))
		else {
			if (mode.kind === 'drain') clearAllTimers()
			mode.resolve()
		}
		return 'step'
	}
	if (!next) return 'idle'
	if (next.time > currentTest.deadline && currentTest.abort && !clock.gate) {
		currentTest.abort(`Test timed out after ${currentTest.timeoutMs} ms: it was still waiting for a timer or a promise when its time ran out.`)
		return 'step'
	}
	fire(next)
	return 'step'
}

/** Gives up on whatever the current test awaits; false when nothing can be given up. */
export function abandonCurrent(reason: string) {
	if (advancing.mode.kind !== 'auto') {
		const mode = advancing.mode
		advancing.mode = { kind: 'auto' }
		if (mode.kind === 'advanceTo') for (const waiter of mode.waiters) waiter.resolve()
		else mode.resolve()
		return true
	}
	if (!currentTest.abort) return false
	currentTest.abort(reason)
	return true
}
