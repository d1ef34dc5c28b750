// Runs INSIDE the isolate. Bundled by esbuild into one script (see worker/harness-bundle.ts)
// and snapshotted once per worker. It provides the Jest/Vitest test API, `expect`, spies,
// a virtual clock, console capture and the simulation kit ('hardmode:sim'). The host drives
// it through the functions on `__hm` (captured by the host, then removed from the global
// scope before learner code runs).
import * as chai from 'chai'
import {
	ASYMMETRIC_MATCHERS_OBJECT,
	GLOBAL_EXPECT,
	JEST_MATCHERS_OBJECT,
	JestAsymmetricMatchers,
	JestChaiExpect,
	JestExtend,
	getState,
	setState,
} from '@vitest/expect'
import * as spy from '@vitest/spy'
import { format, inspect, stringify } from '@vitest/utils/display'
import { HARNESS_FILE, callerLocation, installCallSites } from './call-sites.ts'
import { BuiltinTamperError, describeTamper, prepareLockdown } from './lockdown.ts'
import { createSimulationKit, type ScenarioReport } from './simulation.ts'

type Fn = (...args: any[]) => any
type HookKind = 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach'
type Mode = 'run' | 'skip' | 'only' | 'todo'

interface Suite {
	name: string
	mode: Mode
	parent: Suite | null
	children: Array<Suite | TestCase>
	hooks: Record<HookKind, Fn[]>
}
interface TestCase {
	kind: 'test'
	name: string
	fn: Fn | null
	mode: Mode
	timeout: number
	suite: Suite
}
interface Result {
	name: string
	file: string
	status: 'pass' | 'fail' | 'error' | 'skip'
	message?: string
	expected?: string
	actual?: string
	location?: { file: string; line: number; column: number }
	output?: string
	durationMs: number
	scenario?: ScenarioReport
}

const g = globalThis as any
// The host's clock for test durations; captured at install, before the global is removed.
let hostClock: (() => number) | null = null
const realNow = () => (hostClock ? hostClock() : 0)

// ---------------------------------------------------------------- configuration
const config = { seed: 1, startTime: Date.UTC(2026, 0, 5, 9, 0, 0), testTimeoutMs: 5000, outputBytes: 64 * 1024, maxTests: 500 }

// ---------------------------------------------------------------- virtual clock
interface Timer {
	id: number
	time: number
	seq: number
	fn: Fn
	args: unknown[]
	interval: number | null
}
let now = config.startTime
let timerSeq = 0
let nextTimerId = 1
const timers = new Map<number, Timer>()
// Due order as a binary heap of (time, seq): simulations keep thousands of timers pending,
// and a linear scan per fired timer made them quadratic. Entries of cleared or rescheduled
// timers stay in the heap and are skipped when they reach the top.
type DueEntry = { time: number; seq: number; id: number }
let due: DueEntry[] = []
const before = (a: DueEntry, b: DueEntry) => a.time < b.time || (a.time === b.time && a.seq < b.seq)
function swapDue(i: number, j: number) {
	const entry = due[i]!
	due[i] = due[j]!
	due[j] = entry
}
function pushDue(entry: DueEntry) {
	due.push(entry)
	for (let i = due.length - 1; i > 0; ) {
		const parent = (i - 1) >> 1
		if (!before(due[i]!, due[parent]!)) break
		swapDue(i, parent)
		i = parent
	}
}
function popDue() {
	const last = due.pop()!
	if (due.length === 0) return
	due[0] = last
	for (let i = 0; ; ) {
		const left = 2 * i + 1
		const right = left + 1
		let smallest = i
		if (left < due.length && before(due[left]!, due[smallest]!)) smallest = left
		if (right < due.length && before(due[right]!, due[smallest]!)) smallest = right
		if (smallest === i) break
		swapDue(i, smallest)
		i = smallest
	}
}
function rebuildDue() {
	due = []
	for (const t of timers.values()) pushDue({ time: t.time, seq: t.seq, id: t.id })
}
// Set while a simulated world plays ('hardmode:sim'): it counts the world's timers and may
// veto one (the world ran out of events); the test's timeout waits meanwhile.
let timerGate: ((id: number) => boolean) | null = null

function schedule(fn: unknown, delay: unknown, args: unknown[], repeat: boolean) {
	if (typeof fn !== 'function') throw new TypeError('The callback must be a function. Received ' + typeof fn)
	let ms = Number(delay)
	if (!Number.isFinite(ms) || ms < 1) ms = repeat ? 1 : 0
	ms = Math.floor(ms)
	const timer: Timer = { id: nextTimerId++, time: now + ms, seq: timerSeq++, fn: fn as Fn, args, interval: repeat ? ms : null }
	timers.set(timer.id, timer)
	pushDue({ time: timer.time, seq: timer.seq, id: timer.id })
	return timer.id
}
function earliestTimer(): Timer | undefined {
	while (due.length > 0) {
		const top = due[0]!
		const timer = timers.get(top.id)
		if (timer && timer.seq === top.seq) return timer
		popDue()
	}
	return undefined
}
function fire(timer: Timer) {
	if (timer.time > now) now = timer.time
	if (timer.interval !== null) {
		timer.time = now + timer.interval
		timer.seq = timerSeq++
		pushDue({ time: timer.time, seq: timer.seq, id: timer.id })
	} else {
		timers.delete(timer.id)
	}
	if (timerGate && !timerGate(timer.id)) return
	try {
		timer.fn(...timer.args)
	} catch (error) {
		reportUncaught(error)
	}
}
function clearTimer(id: unknown) {
	if (typeof id !== 'number' || !timers.delete(id)) return
	if (due.length > 64 && due.length > 4 * timers.size) rebuildDue()
}
function clearAllTimers() {
	timers.clear()
	due = []
}

const OriginalDate = Date
// Date() without new gives a string, as the real one does; new Date() reads the virtual clock.
const VirtualDate = function Date(this: unknown, ...args: unknown[]) {
	if (!new.target) return new OriginalDate(now).toString()
	return Reflect.construct(OriginalDate, args.length === 0 ? [now] : args, new.target)
} as unknown as DateConstructor
Object.defineProperty(VirtualDate, 'prototype', { value: OriginalDate.prototype })
// Date.now and Math.random read through slots, so tests can still spy on them
// (vi.spyOn(Date, 'now')) after the built-ins are frozen.
const stubSlots = { now: () => now, random: () => seededRandom() }
VirtualDate.now = function now() {
	return stubSlots.now()
}
VirtualDate.parse = OriginalDate.parse
VirtualDate.UTC = OriginalDate.UTC
Object.defineProperty(VirtualDate, 'name', { value: 'Date' })

// A small, seeded PRNG (mulberry32): the same seed gives the same run.
let randomState = 1
function seededRandom() {
	randomState = (randomState + 0x6d2b79f5) | 0
	let t = randomState
	t = Math.imul(t ^ (t >>> 15), t | 1)
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

// ---------------------------------------------------------------- console capture
let runOutput = ''
let runOutputBytes = 0
let runOutputTruncated = false
let testOutput: string[] | null = null
let testOutputBytes = 0
let allTestOutputBytes = 0
function utf8Length(text: string) {
	let bytes = 0
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i)
		if (code < 0x80) bytes += 1
		else if (code < 0x800) bytes += 2
		else if (code >= 0xd800 && code < 0xdc00) {
			bytes += 4
			i++
		} else bytes += 3
	}
	return bytes
}
function write(stream: string, args: unknown[]) {
	let line: string
	try {
		// Like Node's console: printf-style when the first argument asks for it, else strings as-is.
		const [first] = args
		line = typeof first === 'string' && /%[sdifjoOc%]/.test(first) ? format(args) : args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ')
	} catch (error) {
		line = '[unprintable value]'
	}
	if (stream === 'error' || stream === 'warn') line = `${stream === 'error' ? '[error]' : '[warn]'} ${line}`
	line += '\n'
	// Cap the line before measuring it, so one enormous line costs no more than the limit.
	if (line.length > config.outputBytes) line = `${line.slice(0, config.outputBytes)}…\n`
	const bytes = utf8Length(line)
	if (!runOutputTruncated) {
		if (runOutputBytes + bytes > config.outputBytes) {
			runOutput += `\n… output truncated: the console limit is ${Math.round(config.outputBytes / 1024)} KB\n`
			runOutputTruncated = true
		} else {
			runOutput += line
			runOutputBytes += bytes
		}
	}
	// Every test's own output comes out of one shared allowance too.
	if (testOutput && allTestOutputBytes + bytes <= config.outputBytes) {
		testOutput.push(line)
		testOutputBytes += bytes
		allTestOutputBytes += bytes
	}
}
const consoleObject: Record<string, Fn> = {}
for (const method of ['log', 'info', 'debug', 'trace']) consoleObject[method] = (...args: unknown[]) => write('log', args)
consoleObject.warn = (...args: unknown[]) => write('warn', args)
consoleObject.error = (...args: unknown[]) => write('error', args)
consoleObject.table = (data: unknown) => write('log', [data])
consoleObject.dir = (data: unknown) => write('log', [data])
consoleObject.assert = (condition: unknown, ...args: unknown[]) => {
	if (!condition) write('error', ['Assertion failed:', ...args])
}
consoleObject.group = consoleObject.groupCollapsed = consoleObject.groupEnd = consoleObject.time = consoleObject.timeEnd = consoleObject.count = () => {}

// ---------------------------------------------------------------- structuredClone (the isolate has none)
function clone(value: any, seen = new Map<any, any>()): any {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'function' || typeof value === 'symbol') throw new TypeError('could not be cloned')
		return value
	}
	if (seen.has(value)) return seen.get(value)
	if (value instanceof OriginalDate) return new VirtualDate(value.getTime())
	if (value instanceof RegExp) return new RegExp(value.source, value.flags)
	if (value instanceof Map) {
		const out = new Map()
		seen.set(value, out)
		for (const [k, v] of value) out.set(clone(k, seen), clone(v, seen))
		return out
	}
	if (value instanceof Set) {
		const out = new Set()
		seen.set(value, out)
		for (const v of value) out.add(clone(v, seen))
		return out
	}
	if (ArrayBuffer.isView(value)) return (value as any).slice()
	const out: any = Array.isArray(value) ? [] : {}
	seen.set(value, out)
	for (const key of Object.keys(value)) out[key] = clone(value[key], seen)
	return out
}

// ---------------------------------------------------------------- expect (Vitest's, on chai)
// Messages name the values in full up to a point; the diff fields carry the rest.
chai.config.truncateThreshold = 200
chai.use(JestExtend)
chai.use(JestChaiExpect)
chai.use(JestAsymmetricMatchers)

// Assertion counts for expect.assertions()/hasAssertions() live here, out of reach: the
// expect state object is reachable (expect.getState()) and so stays informational.
const assertionCount = { calls: 0, expected: null as number | null, expectingAny: false }
function createExpect() {
	const expect: any = (value: unknown, message?: string) => {
		assertionCount.calls++
		const { assertionCalls } = getState(expect)
		setState({ assertionCalls: assertionCalls + 1 }, expect)
		return chai.expect(value, message)
	}
	Object.assign(expect, chai.expect)
	Object.assign(expect, g[ASYMMETRIC_MATCHERS_OBJECT])
	expect.getState = () => getState(expect)
	expect.setState = (state: any) => setState(state, expect)
	expect.assert = chai.assert
	expect.soft = (value: unknown, message?: string) => expect(value, message)
	expect.unreachable = (message?: string) => chai.assert.fail(`expected${message ? ` "${message}" ` : ' '}not to be reached`)
	expect.assertions = (n: number) => {
		assertionCount.expected = Number(n)
		setState({ expectedAssertionsNumber: n }, expect)
	}
	expect.hasAssertions = () => {
		assertionCount.expectingAny = true
		setState({ isExpectingAssertions: true }, expect)
	}
	// Both would change matchers for every test after them, from wherever they are called.
	expect.extend = () => {
		throw new Error('expect.extend is not available in the sandbox: write the check as a helper function in the test file.')
	}
	expect.addEqualityTesters = () => {
		throw new Error('expect.addEqualityTesters is not available in the sandbox: compare with a helper function in the test file.')
	}
	setState({ assertionCalls: 0, isExpectingAssertions: false, expectedAssertionsNumber: null, currentTestName: '' }, expect)
	return expect
}
const expect = createExpect()
const noSnapshots = () => {
	throw new Error('Snapshots are not available in the sandbox: compare with toEqual or toMatchObject instead.')
}
;(chai.expect as any).extend(expect, { toMatchSnapshot: noSnapshots, toMatchInlineSnapshot: noSnapshots, toMatchFileSnapshot: noSnapshots, toThrowErrorMatchingSnapshot: noSnapshots, toThrowErrorMatchingInlineSnapshot: noSnapshots })
g[GLOBAL_EXPECT] = expect
function resetExpectState() {
	assertionCount.calls = 0
	assertionCount.expected = null
	assertionCount.expectingAny = false
	setState({ assertionCalls: 0, isExpectingAssertions: false, expectedAssertionsNumber: null, currentTestName: '' }, expect)
}

// ---------------------------------------------------------------- timers API (vi / jest)
type PendingMode =
	| { kind: 'auto' }
	| { kind: 'advanceTo'; target: number; resolve: () => void }
	| { kind: 'runAll'; count: number; resolve: () => void; reject: (e: Error) => void }
	| { kind: 'drain'; count: number; resolve: () => void }
let pending: PendingMode = { kind: 'auto' }
const MAX_TIMER_FIRES = 10_000

function advanceSync(ms: number) {
	const target = now + Math.max(0, Number(ms) || 0)
	let fired = 0
	for (let t = earliestTimer(); t && t.time <= target; t = earliestTimer()) {
		if (++fired > MAX_TIMER_FIRES) throw new Error(`Aborting after running ${MAX_TIMER_FIRES} timers, assuming an infinite loop!`)
		fire(t)
	}
	now = Math.max(now, target)
}
function runAllSync() {
	let fired = 0
	for (let t = earliestTimer(); t; t = earliestTimer()) {
		if (++fired > MAX_TIMER_FIRES) throw new Error(`Aborting after running ${MAX_TIMER_FIRES} timers, assuming an infinite loop!`)
		fire(t)
	}
}

const timerApi = {
	useFakeTimers(options?: { now?: number | Date }) {
		if (options?.now !== undefined) now = new OriginalDate(options.now as number).getTime()
		return vi
	},
	useRealTimers() {
		return vi
	},
	isFakeTimers: () => true,
	advanceTimersByTime(ms: number) {
		advanceSync(ms)
		return vi
	},
	// The host fires each due timer in its own turn, so promise callbacks run in between,
	// as they would in a real event loop.
	advanceTimersByTimeAsync(ms: number) {
		return new Promise<typeof vi>((resolve) => {
			pending = { kind: 'advanceTo', target: now + Math.max(0, Number(ms) || 0), resolve: () => resolve(vi) }
		})
	},
	advanceTimersToNextTimer() {
		const t = earliestTimer()
		if (t) fire(t)
		return vi
	},
	async advanceTimersToNextTimerAsync() {
		const t = earliestTimer()
		if (t) fire(t)
		await Promise.resolve()
		return vi
	},
	runAllTimers() {
		runAllSync()
		return vi
	},
	runAllTimersAsync() {
		return new Promise<typeof vi>((resolve, reject) => {
			pending = { kind: 'runAll', count: 0, resolve: () => resolve(vi), reject }
		})
	},
	runOnlyPendingTimers() {
		const queued = [...timers.values()].sort((a, b) => a.time - b.time || a.seq - b.seq)
		for (const t of queued) if (timers.has(t.id)) fire(t)
		return vi
	},
	async runOnlyPendingTimersAsync() {
		const queued = [...timers.values()].sort((a, b) => a.time - b.time || a.seq - b.seq)
		for (const t of queued) {
			if (timers.has(t.id)) fire(t)
			await Promise.resolve()
		}
		return vi
	},
	runAllTicks() {
		return vi
	},
	clearAllTimers() {
		clearAllTimers()
		return vi
	},
	getTimerCount: () => timers.size,
	setSystemTime(time: number | string | Date) {
		now = new OriginalDate(time as any).getTime()
		return vi
	},
	getMockedSystemTime: () => new VirtualDate(now),
	getRealSystemTime: () => now,
}

const vi: any = {
	fn: spy.fn,
	spyOn(target: any, method: string, accessType?: 'get' | 'set') {
		// Date.now and Math.random read through slots, which stay replaceable.
		if (target === VirtualDate && method === 'now') return spy.spyOn(stubSlots, 'now')
		if (target === Math && method === 'random') return spy.spyOn(stubSlots, 'random')
		const frozenName = target && (typeof target === 'object' || typeof target === 'function') && lockdown.isLocked(target) ? (lockdown.names().get(target) ?? 'a built-in object') : undefined
		if (frozenName) throw new TypeError(`vi.spyOn cannot replace ${frozenName}.${String(method)}: built-ins are read-only in the sandbox. Pass a fake in instead.`)
		return (spy.spyOn as any)(target, method, accessType)
	},
	isMockFunction: spy.isMockFunction,
	clearAllMocks: () => (spy.clearAllMocks(), vi),
	resetAllMocks: () => (spy.resetAllMocks(), vi),
	restoreAllMocks: () => (spy.restoreAllMocks(), vi),
	mocked: <T>(value: T) => value,
	...timerApi,
	stubGlobal(name: string, value: unknown) {
		g[name] = value
		return vi
	},
	unstubAllGlobals: () => vi,
	setConfig(options: { testTimeout?: number }) {
		if (typeof options?.testTimeout === 'number') config.testTimeoutMs = options.testTimeout
		return vi
	},
	// jest.setTimeout: the default timeout of the tests defined after it.
	setTimeout(ms: number) {
		if (typeof ms === 'number') config.testTimeoutMs = ms
		return vi
	},
	mock() {
		throw new Error('vi.mock is not available in the sandbox: exercises pass fakes in as arguments instead of replacing modules.')
	},
	doMock() {
		throw new Error('vi.doMock is not available in the sandbox: exercises pass fakes in as arguments instead of replacing modules.')
	},
	async waitFor(callback: Fn, options: number | { timeout?: number; interval?: number } = {}) {
		const { timeout = 1000, interval = 50 } = typeof options === 'number' ? { timeout: options } : options
		const deadline = now + timeout
		for (;;) {
			try {
				return await callback()
			} catch (error) {
				if (now >= deadline) throw error
				await new Promise((resolve) => schedule(resolve, interval, [], false))
			}
		}
	},
}

// ---------------------------------------------------------------- simulations ('hardmode:sim')
// The report of the scenario the current test played, if it is one.
let scenarioReport: ScenarioReport | null = null
let simulationStartedAt = 0
const simulationKit = createSimulationKit({
	now: () => now,
	setTimer: (fn, ms) => schedule(fn, ms, [], false),
	clearTimer: (id) => clearTimer(id),
	nextTimerId: () => nextTimerId,
	clearTimersFrom(firstId) {
		for (const id of [...timers.keys()]) if (id >= firstId) timers.delete(id)
		if (due.length > 64 && due.length > 4 * timers.size) rebuildDue()
	},
	pendingTimersFrom(firstId, except) {
		let count = 0
		for (const id of timers.keys()) if (id >= firstId && !except.has(id)) count++
		return count
	},
	// A simulated world bounds itself (its settle deadline, its event limit), so the test's
	// timeout waits while it runs and then moves on by the virtual time the world took.
	setGate(gate) {
		if (gate && !timerGate) simulationStartedAt = now
		if (!gate && timerGate) currentDeadline += now - simulationStartedAt
		timerGate = gate
	},
	defineTest: (name, body, mode) => addTest(name, body, undefined, mode),
	attachScenario(report) {
		scenarioReport = report
	},
	runSeed: () => config.seed,
})

// ---------------------------------------------------------------- test collection
const MAX_NAME = 300
const MAX_MESSAGE = 4000
const MAX_STACK = 20_000
function newSuite(name: string, mode: Mode, parent: Suite | null): Suite {
	return { name, mode, parent, children: [], hooks: { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] } }
}
let rootSuite = newSuite('', 'run', null)
let currentSuite = rootSuite
let registered = 0
let hasOnly = false
let collecting = false

function formatTitle(template: string, args: unknown[], index: number) {
	let title = String(template)
	if (args.length === 1 && args[0] && typeof args[0] === 'object' && !Array.isArray(args[0])) {
		const object = args[0] as Record<string, unknown>
		title = title.replace(/\$([A-Za-z_][\w.]*)/g, (match, path: string) => {
			const value = path.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), object)
			return value === undefined && !(path in object) ? match : typeof value === 'string' ? value : stringify(value, 0).slice(0, 100)
		})
	}
	let i = 0
	title = title.replace(/%[sdifjopO#%]/g, (token) => {
		if (token === '%%') return '%'
		if (token === '%#') return String(index)
		const value = args[i++]
		if (token === '%d' || token === '%i') return String(token === '%i' ? Math.trunc(Number(value)) : Number(value))
		if (token === '%f') return String(Number(value))
		if (token === '%s') return typeof value === 'string' ? value : stringify(value, 0).slice(0, 100)
		return stringify(value, 0).slice(0, 100)
	})
	return title
}

// Tests, suites and hooks come from test files (and helpers under tests/). Code under test
// could otherwise add a passing test of its own, or mark its own test `.only` so the real
// ones are skipped.
const TEST_FILE = /\.(test|spec)\.(ts|js|mts|mjs)$/
function requireTestFileCaller(what: string, entry: Function) {
	const caller = callerLocation(entry)
	if (caller && (TEST_FILE.test(caller.file) || caller.file.startsWith('tests/'))) return
	const where = caller ? `${caller.file}:${caller.line} ` : ''
	throw new Error(`${where}tried to define ${what}; only test files can define tests and hooks.`)
}

function addTest(name: unknown, fn: unknown, options: unknown, mode: Mode) {
	if (!collecting) throw new Error('Tests must be defined at the top level of a test file or inside describe(), not inside another test.')
	requireTestFileCaller('a test', addTest)
	registered++
	if (registered > config.maxTests) {
		fileError = 'limit:tests'
		throw new LimitError('tests')
	}
	const timeout = typeof options === 'number' ? options : typeof fn === 'number' ? fn : (options as any)?.timeout ?? config.testTimeoutMs
	const body = typeof fn === 'function' ? (fn as Fn) : typeof options === 'function' ? (options as Fn) : null
	const effective: Mode = currentSuite.mode === 'skip' || currentSuite.mode === 'todo' ? 'skip' : mode
	if (mode === 'only') hasOnly = true
	currentSuite.children.push({ kind: 'test', name: String(name).slice(0, MAX_NAME), fn: body, mode: body ? effective : 'todo', timeout: Number(timeout) || config.testTimeoutMs, suite: currentSuite })
}

function addSuite(name: unknown, fn: unknown, mode: Mode) {
	requireTestFileCaller('a test suite (describe)', addSuite)
	const suite = newSuite(String(name).slice(0, MAX_NAME), currentSuite.mode === 'skip' ? 'skip' : mode, currentSuite)
	if (mode === 'only') hasOnly = true
	currentSuite.children.push(suite)
	const previous = currentSuite
	currentSuite = suite
	try {
		if (typeof fn === 'function') {
			const returned = (fn as Fn)()
			if (returned && typeof returned.then === 'function') throw new Error('describe() callbacks must be synchronous; move the async work into a beforeAll() or a test.')
		}
	} finally {
		currentSuite = previous
	}
}

// Recognised by identity, not instanceof: a thrown Proxy can claim any prototype.
const limitErrors = new WeakSet<object>()
class LimitError extends Error {
	constructor(readonly limit: string) {
		super(limit)
		limitErrors.add(this)
	}
}
function isLimitError(error: unknown): error is LimitError {
	return typeof error === 'object' && error !== null && limitErrors.has(error)
}

function withEach<T extends (name: unknown, ...rest: any[]) => void>(define: T) {
	return (table: any, ...values: unknown[]) => {
		let rows: unknown[][]
		if (Array.isArray(table) && Array.isArray((table as any).raw)) {
			// Tagged template: the first row holds the column names.
			const header = String(table[0]).trim().split(/\s*\|\s*/)
			rows = []
			for (let i = 0; i + header.length <= values.length; i += header.length) {
				const row: Record<string, unknown> = {}
				header.forEach((key, k) => (row[key] = values[i + k]))
				rows.push([row])
			}
		} else {
			rows = (table as unknown[]).map((row) => (Array.isArray(row) ? row : [row]))
		}
		return (name: unknown, fn: Fn, options?: unknown) => {
			rows.forEach((row, index) => define(formatTitle(String(name), row, index), (...extra: unknown[]) => fn(...row, ...extra), options))
		}
	}
}

function makeTestFn(mode: Mode) {
	const define = (name: unknown, fn?: unknown, options?: unknown) => addTest(name, fn, options, mode)
	return define
}
const it: any = makeTestFn('run')
it.skip = makeTestFn('skip')
it.only = makeTestFn('only')
it.todo = (name: unknown) => addTest(name, null, undefined, 'todo')
it.concurrent = it
it.sequential = it
it.fails = (name: unknown, fn: Fn, options?: unknown) =>
	addTest(name, async () => {
		let failed = false
		try {
			await fn()
		} catch {
			failed = true
		}
		if (!failed) throw new Error('Expected the test to fail (it.fails), but it passed.')
	}, options, 'run')
function withFor(define: (name: unknown, fn?: unknown, options?: unknown) => void) {
	return (table: unknown[]) => (name: unknown, fn: Fn, options?: unknown) => {
		table.forEach((row, index) => define(formatTitle(String(name), Array.isArray(row) ? row : [row], index), () => fn(row, {}), options))
	}
}
it.each = withEach(it)
it.for = withFor(it)
it.skip.each = withEach(it.skip)
it.only.each = withEach(it.only)
it.skipIf = (condition: unknown) => (condition ? it.skip : it)
it.runIf = (condition: unknown) => (condition ? it : it.skip)

const describe: any = (name: unknown, fn: unknown) => addSuite(name, fn, 'run')
describe.skip = (name: unknown, fn: unknown) => addSuite(name, fn, 'skip')
describe.only = (name: unknown, fn: unknown) => addSuite(name, fn, 'only')
describe.todo = (name: unknown) => addSuite(name, null, 'todo')
describe.concurrent = describe
describe.sequential = describe
describe.each = withEach(describe)
describe.for = withFor((name, fn) => describe(name, fn))
describe.skip.each = withEach(describe.skip)
describe.only.each = withEach(describe.only)
describe.skipIf = (condition: unknown) => (condition ? describe.skip : describe)
describe.runIf = (condition: unknown) => (condition ? describe : describe.skip)

function hook(kind: HookKind) {
	const register = (fn: Fn) => {
		requireTestFileCaller(`a ${kind} hook`, register)
		currentSuite.hooks[kind].push(fn)
	}
	return register
}

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
	beforeAll: hook('beforeAll'),
	afterAll: hook('afterAll'),
	beforeEach: hook('beforeEach'),
	afterEach: hook('afterEach'),
	expect,
	vi,
	vitest: vi,
	jest: vi,
}

// ---------------------------------------------------------------- error serialisation
let learnerFiles = new Set<string>()

function safeString(value: unknown, max = 4000): string {
	try {
		const text = typeof value === 'string' ? value : stringify(value, 6)
		return text.length > max ? `${text.slice(0, max)}…` : text
	} catch {
		return '[value that could not be printed]'
	}
}

function stackFrames(error: unknown): Array<{ text: string; file: string; line: number; column: number }> {
	let stack = ''
	try {
		stack = String((error as any)?.stack ?? '')
	} catch {
		return []
	}
	const frames: Array<{ text: string; file: string; line: number; column: number }> = []
	// Bounded before any regex runs: a learner can throw an error with a 5 MB message.
	for (const line of stack.slice(0, MAX_STACK).split('\n').slice(0, 200)) {
		if (line.length > 1000) continue
		const match = /\(?([^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line)
		if (match && learnerFiles.has(match[1]!)) frames.push({ text: line.trim(), file: match[1]!, line: Number(match[2]), column: Number(match[3]) })
	}
	return frames
}

/** "src/x.ts:12 tried to replace JSON.stringify; built-ins are read-only in the sandbox", for a TypeError that says so. */
function tamperReport(message: string, frames: ReturnType<typeof stackFrames>): Pick<Result, 'message' | 'location'> | null {
	const tamper = message.startsWith('tried to replace ') ? message : describeTamper(message, lockdown.names(), g)
	if (!tamper) return null
	const frame = frames[0]
	return frame ? { message: `${frame.file}:${frame.line} ${tamper}`, location: { file: frame.file, line: frame.line, column: frame.column } } : { message: tamper }
}

function describeError(error: unknown): Pick<Result, 'message' | 'expected' | 'actual' | 'location'> {
	if (isLimitError(error)) throw error
	let message: string
	let name = 'Error'
	try {
		if (error && typeof error === 'object') {
			name = String((error as any).name ?? 'Error')
			message = String((error as any).message ?? safeString(error))
		} else {
			message = `A non-Error value was thrown: ${safeString(error)}`
		}
	} catch {
		message = 'An error was thrown that could not be read.'
	}
	if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE)}… (message cut at ${MAX_MESSAGE} characters)`
	if (message === 'Not supported') message = 'Dynamic import() is not available in the sandbox: import the exercise’s own files with a static import at the top of the file.'
	const frames = stackFrames(error)
	const tamper = name === 'TypeError' ? tamperReport(message, frames) : null
	if (tamper) return tamper
	const isAssertion = name === 'AssertionError'
	const result: Pick<Result, 'message' | 'expected' | 'actual' | 'location'> = {
		message: isAssertion || name === 'Error' ? message : `${name}: ${message}`,
	}
	if (!isAssertion && frames.length) result.message += '\n' + frames.slice(0, 8).map((f) => `    ${f.text}`).join('\n')
	try {
		const e = error as any
		if (e && typeof e === 'object' && e.showDiff !== false && (e.expected !== undefined || e.actual !== undefined)) {
			result.expected = safeString(e.expected)
			result.actual = safeString(e.actual)
		}
	} catch {
		// Leave expected/actual out when they cannot be read.
	}
	if (frames[0]) result.location = { file: frames[0].file, line: frames[0].line, column: frames[0].column }
	return result
}

let uncaught: unknown[] = []
let testRunning = false
function reportUncaught(error: unknown) {
	if (testRunning) uncaught.push(error)
	else results.push({ name: 'Unhandled promise rejection', file: currentFile, status: 'error', durationMs: 0, ...describeError(error) })
}

// ---------------------------------------------------------------- running a file's tests
let results: Result[] = []
let currentFile = ''
let runDone = true
let abortCurrent: ((reason: string) => void) | null = null
let currentDeadline = Infinity
let currentTimeoutMs = 0
let fileError: string | null = null

function fullName(test: TestCase) {
	const names = [test.name]
	for (let s: Suite | null = test.suite; s && s.parent; s = s.parent) names.unshift(s.name)
	return names.join(' > ')
}

function suiteHasOnly(suite: Suite): boolean {
	return suite.mode === 'only' || suite.children.some((c) => ('kind' in c ? c.mode === 'only' : suiteHasOnly(c)))
}
function testWillRun(test: TestCase): boolean {
	if (test.mode === 'skip' || test.mode === 'todo') return false
	if (!hasOnly) return true
	if (test.mode === 'only') return true
	for (let s: Suite | null = test.suite; s; s = s.parent) if (s.mode === 'only') return true
	return false
}
function suiteWillRun(suite: Suite): boolean {
	return suite.children.some((c) => ('kind' in c ? testWillRun(c) : suiteWillRun(c)))
}

/** Runs fn with a way for the host to abandon it (a promise that never settles, a timeout). */
function guarded(fn: () => unknown, deadline: number): Promise<{ ok: true } | { ok: false; error: unknown }> {
	return new Promise((resolve) => {
		currentDeadline = deadline
		currentTimeoutMs = deadline - now
		abortCurrent = (reason) => resolve({ ok: false, error: new Error(reason) })
		Promise.resolve()
			.then(fn)
			.then(
				() => resolve({ ok: true }),
				(error) => resolve({ ok: false, error }),
			)
	}).finally(() => {
		abortCurrent = null
		currentDeadline = Infinity
	}) as Promise<{ ok: true } | { ok: false; error: unknown }>
}

async function drainTimers() {
	if (timers.size === 0) return
	await new Promise<void>((resolve) => {
		pending = { kind: 'drain', count: 0, resolve }
	})
}

async function runHooks(hooks: Fn[], timeout: number): Promise<{ ok: true } | { ok: false; error: unknown }> {
	for (const h of hooks) {
		const outcome = await guarded(() => h(), now + timeout)
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
		results.push({ name, file: currentFile, status: 'skip', durationMs: 0, ...(test.mode === 'todo' ? { message: 'todo' } : {}) })
		return
	}
	testOutput = []
	testOutputBytes = 0
	uncaught = []
	scenarioReport = null
	resetExpectState()
	const started = realNow()
	testRunning = true
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
		const outcome = await guarded(() => test.fn!(), now + test.timeout)
		if (!outcome.ok) fail(outcome.error)
	}
	const afterOutcome = await runHooks(eachHooks(test.suite, 'afterEach'), test.timeout)
	if (!afterOutcome.ok) fail(afterOutcome.error)
	simulationKit.testEnded()
	await drainTimers()
	testRunning = false
	if (!failed && uncaught.length) fail(uncaught[0])
	if (!failed) {
		if (assertionCount.expected !== null && assertionCount.calls !== assertionCount.expected) {
			fail(new Error(`expected number of assertions to be ${assertionCount.expected}, but got ${assertionCount.calls}`))
		} else if (assertionCount.expectingAny && assertionCount.calls === 0) {
			fail(new Error('expected any number of assertion, but got none'))
		}
	}
	const result: Result = { name, file: currentFile, status: failed ? 'fail' : 'pass', durationMs: Math.max(0, Math.round((realNow() - started) * 100) / 100) }
	if (failed) Object.assign(result, describeError(error))
	if (scenarioReport) result.scenario = scenarioReport
	if (testOutput.length) result.output = testOutput.join('')
	testOutput = null
	results.push(result)
}

async function runSuite(suite: Suite) {
	if (!suiteWillRun(suite)) {
		for (const child of suite.children) {
			if ('kind' in child) results.push({ name: fullName(child), file: currentFile, status: 'skip', durationMs: 0 })
			else await runSuite(child)
		}
		return
	}
	const before = await runHooks(suite.hooks.beforeAll, config.testTimeoutMs)
	for (const child of suite.children) {
		if (!before.ok) {
			if ('kind' in child) {
				const described = describeError(before.error)
				results.push({ name: fullName(child), file: currentFile, status: 'error', durationMs: 0, ...described, message: `beforeAll failed: ${described.message}` })
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
		const last = [...results].reverse().find((r) => r.file === currentFile && r.status === 'pass')
		if (last) Object.assign(last, { status: 'error' }, described, { message: `afterAll failed: ${described.message}` })
	}
}

// ---------------------------------------------------------------- the host's handle
const api = {
	configure(json: string) {
		const options = JSON.parse(json)
		Object.assign(config, options)
		now = config.startTime
		randomState = config.seed | 0 || 1
		learnerFiles = new Set(options.files ?? [])
	},
	/** Starts collecting the tests of one file (the host then evaluates its module). */
	beginFile(file: string) {
		rootSuite = newSuite('', 'run', null)
		currentSuite = rootSuite
		hasOnly = false
		currentFile = file
		fileError = null
		collecting = true
	},
	endCollect() {
		collecting = false
		hasOnly = suiteHasOnly(rootSuite)
	},
	/** Runs the collected tests; the host calls advance() until it answers 'done'. */
	startRun() {
		runDone = false
		pending = { kind: 'auto' }
		runSuite(rootSuite).then(
			() => {
				runDone = true
			},
			(error) => {
				fileError = isLimitError(error) ? `limit:${error.limit}` : describeError(error).message ?? 'The test run failed.'
				runDone = true
			},
		)
	},
	/** One step of the event loop: fire the next timer. 'idle' means nothing can move. */
	advance(): 'done' | 'step' | 'idle' {
		if (runDone) return 'done'
		const next = earliestTimer()
		const mode = pending
		if (mode.kind === 'advanceTo') {
			if (next && next.time <= mode.target) fire(next)
			else {
				now = Math.max(now, mode.target)
				pending = { kind: 'auto' }
				mode.resolve()
			}
			return 'step'
		}
		if (mode.kind === 'runAll' || mode.kind === 'drain') {
			if (next && ++mode.count <= MAX_TIMER_FIRES) {
				fire(next)
				return 'step'
			}
			pending = { kind: 'auto' }
			if (next && mode.kind === 'runAll') mode.reject(new Error(`Aborting after running ${MAX_TIMER_FIRES} timers, assuming an infinite loop!`))
			else {
				if (mode.kind === 'drain') clearAllTimers()
				mode.resolve()
			}
			return 'step'
		}
		if (!next) return 'idle'
		if (next.time > currentDeadline && abortCurrent && !timerGate) {
			abortCurrent(`Test timed out after ${currentTimeoutMs} ms: it was still waiting for a timer or a promise when its time ran out.`)
			return 'step'
		}
		fire(next)
		return 'step'
	},
	/** Gives up on whatever the current test awaits; false when nothing can be given up. */
	abandon(reason: string) {
		if (pending.kind !== 'auto') {
			const mode = pending
			pending = { kind: 'auto' }
			mode.resolve()
			return true
		}
		if (!abortCurrent) return false
		abortCurrent(reason)
		return true
	},
	/** isolated-vm reports an unhandled rejection by throwing it from the host's call; it comes back here. */
	reportUnhandledRejection(message: string, stack: string) {
		const error = new Error(`Unhandled promise rejection: ${message}`)
		Object.defineProperty(error, 'stack', { value: stack })
		reportUncaught(error)
	},
	takeResults(): string {
		const out = JSON.stringify({ results, fileError })
		results = []
		return out
	},
	takeConsole(): string {
		return JSON.stringify({ console: runOutput, truncated: runOutputTruncated })
	},
	/** Called once per run, before learner code: puts the test API and sandbox globals in place. */
	install() {
		hostClock = typeof g.__hmRealNow === 'function' ? g.__hmRealNow : null
		g.setTimeout = (fn: unknown, delay?: unknown, ...args: unknown[]) => schedule(fn, delay, args, false)
		g.setInterval = (fn: unknown, delay?: unknown, ...args: unknown[]) => schedule(fn, delay, args, true)
		g.setImmediate = (fn: unknown, ...args: unknown[]) => schedule(fn, 0, args, false)
		g.clearTimeout = g.clearInterval = g.clearImmediate = clearTimer
		g.queueMicrotask = (fn: Fn) => {
			Promise.resolve().then(fn).catch(reportUncaught)
		}
		g.Date = VirtualDate
		g.performance = { now: () => now - config.startTime, timeOrigin: config.startTime }
		Math.random = function random() {
			return stubSlots.random()
		}
		installCallSites(() => {
			throw new BuiltinTamperError('Error.prepareStackTrace')
		})
		g.console = consoleObject
		g.structuredClone = (value: unknown) => clone(value)
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

// What seal() freezes is listed now, while the harness is evaluated for the snapshot.
const matcherTables = g[JEST_MATCHERS_OBJECT] as { state: object | undefined; matchers: object; customEqualityTesters: unknown[] }
const lockdown = prepareLockdown(g, {
	writableGlobals: new Set<PropertyKey>(['console']),
	// The global object stays extensible (tests set globals of their own); its existing bindings are locked.
	mutable: new Set<object>([g, consoleObject, stubSlots, ...(matcherTables.state ? [matcherTables.state] : [])]),
	extraRoots: [
		{ object: testApi, name: 'the test API' },
		{ object: simulationKit.exports, name: 'the simulation kit' },
		{ object: VirtualDate, name: 'Date' },
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

g.__hm = api
