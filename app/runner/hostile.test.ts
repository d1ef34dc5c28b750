// Hostile programs: each must end in exactly the safe outcome listed, and the same pool
// must then still serve an ordinary run. The host (this test process) must never crash.
import { describe, expect, it } from 'vitest'
import { createRunnerPool, runTests, type RunResult } from './index.ts'
import { useTestPool } from './test-pool.ts'

const testPool = useTestPool()

// Tight limits keep the suite quick; the defaults are larger.
const limits = { cpuMs: 400, wallMs: 2500, memoryMb: 48 }
const testFile = (body: string) => ({ 'hostile.test.js': body })
const inTest = (code: string) => testFile(`it('hostile', async () => {\n${code}\n})\n`)

type Expectation = {
	status: RunResult['status']
	/** Several when either limit is a safe end: which fires first depends on how loaded the machine is. */
	limit?: RunResult['limit'] | Array<RunResult['limit']>
	message?: RegExp
	testStatus?: 'pass' | 'fail' | 'error'
	testMessage?: RegExp
}

const cases: Array<[string, Record<string, string>, Expectation]> = [
	['a synchronous infinite loop', inTest('while (true) {}'), { status: 'error', limit: 'time', message: /time limit/ }],
	['an infinite loop at module top level', testFile('for (;;) {}\nit("never reached", () => {})'), { status: 'error', limit: 'time' }],
	['an async loop that only awaits resolved promises', inTest('for (;;) await null'), { status: 'error', limit: 'time' }],
	[
		'a microtask that re-queues itself forever',
		inTest('const again = () => queueMicrotask(again); again(); await new Promise(() => {})'),
		{ status: 'error', limit: 'time' },
	],
	['a promise that never settles', inTest('await new Promise(() => {})'), { status: 'fail', testStatus: 'fail', testMessage: /never settles/ }],
	['top-level await on a promise that never settles', testFile('await new Promise(() => {})\nit("x", () => {})'), { status: 'fail', message: /No tests ran/ }],
	[
		'a push loop heap bomb',
		inTest('const a = []; for (;;) a.push(new Array(100000).fill(1))'),
		{ status: 'error', limit: ['memory', 'time'], message: /memory|time limit/ },
	],
	['Array(1e9).fill(0)', inTest('Array(1e9).fill(0)'), { status: 'error', limit: 'time' }],
	["'1'.repeat(0x7ffffff).split('')", inTest("'1'.repeat(0x7ffffff).split('')"), { status: 'error', limit: ['memory', 'time'] }],
	["[...'.'.repeat(1e9)]", inTest("[...'.'.repeat(1e9)]"), { status: 'fail', testStatus: 'fail', testMessage: /Invalid string length/ }],
	['huge BigInt arithmetic', inTest('let x = 3n ** 2000000n; for (;;) x = x * x'), { status: 'error', limit: 'time' }],
	['unbounded recursion', inTest('const f = () => f(); f()'), { status: 'fail', testStatus: 'fail', testMessage: /Maximum call stack size exceeded/ }],
	['a catastrophic regular expression', inTest("/^(a+)+$/.test('a'.repeat(40) + 'b')"), { status: 'error', limit: 'time' }],
	['an infinite loop inside a sort comparator', inTest('[3, 2, 1].sort(() => { for (;;) {} })'), { status: 'error', limit: 'time' }],
	['a thrown object whose getter loops', inTest('throw { get message() { for (;;) {} }, name: "Evil" }'), { status: 'error', limit: 'time' }],
	[
		'a thrown Proxy whose traps throw',
		inTest("throw new Proxy({}, { get() { throw new Error('trap') }, has() { throw new Error('trap') } })"),
		{ status: 'fail', testStatus: 'fail', testMessage: /could not be read|non-Error value/ },
	],
	['a thrown primitive', inTest('throw 42'), { status: 'fail', testStatus: 'fail', testMessage: /^A non-Error value was thrown: 42/ }],
	[
		'an output flood',
		inTest("for (let i = 0; i < 200000; i++) console.log('spam spam spam spam')"),
		{ status: 'pass', limit: 'output', message: /console output passed its limit/ },
	],
	['an endless output flood', inTest("for (;;) console.log('spam')"), { status: 'error', limit: 'time' }],
	[
		'an ArrayBuffer flood',
		inTest('const keep = []; for (;;) keep.push(new ArrayBuffer(8 * 1024 * 1024))'),
		{ status: 'fail', testStatus: 'fail', testMessage: /Array buffer allocation failed/ },
	],
	[
		'reaching process through the constructor chain',
		inTest("const p = ({}).constructor.constructor('return process')(); p.exit(1)"),
		{ status: 'fail', testStatus: 'fail', testMessage: /process is not defined/ },
	],
	[
		'reaching process through a function’s constructor',
		inTest("const P = (() => {}).constructor('return typeof process + typeof require + typeof fetch')(); expect(P).toBe('objectfunctionfunction')"),
		{ status: 'fail', testStatus: 'fail', testMessage: /expected 'undefinedundefinedundefined'/ },
	],
	[
		'Error.prepareStackTrace looking for host objects',
		inTest(
			"Error.prepareStackTrace = (_, frames) => frames.map((f) => typeof f.getThis?.()).join(); const s = new Error('x').stack; expect(typeof globalThis.process).toBe('undefined'); throw new Error('reported: ' + s)",
		),
		{
			status: 'fail',
			testStatus: 'fail',
			testMessage: /^hostile\.test\.js:2 tried to replace Error\.prepareStackTrace; built-ins are read-only in the sandbox$/,
		},
	],
	[
		'a Promise species trick',
		inTest('class Evil extends Promise { static get [Symbol.species]() { for (;;) {} } }\nawait Evil.resolve(1).then(() => 1)'),
		{ status: 'error', limit: 'time' },
	],
	[
		'replacing Promise.prototype.then',
		testFile("it('breaks', () => { Promise.prototype.then = function () { return this } })\nit('next', async () => { await null })"),
		{ status: 'fail', testStatus: 'fail', testMessage: /tried to replace Promise\.prototype\.then; built-ins are read-only/ },
	],
	['a Symbol.toPrimitive trap in an assertion', inTest('expect({ [Symbol.toPrimitive]() { for (;;) {} } } + 1).toBe(1)'), { status: 'error', limit: 'time' }],
	['a looping getter inside an expected value', inTest('expect({ a: 1 }).toEqual({ get a() { for (;;) {} } })'), { status: 'error', limit: 'time' }],
	["import('fs')", inTest("await import('fs')"), { status: 'fail', testStatus: 'fail', testMessage: /Dynamic import\(\) is not available/ }],
	[
		"a static import of 'fs'",
		testFile("import fs from 'fs'\nit('x', () => {})"),
		{ status: 'error', message: /imports "fs", which is not available in the sandbox/ },
	],
	['require, process and fetch', inTest('require("child_process")'), { status: 'fail', testStatus: 'fail', testMessage: /require is not defined/ }],
	[
		'WebAssembly, SharedArrayBuffer and Atomics',
		inTest('expect([typeof WebAssembly, typeof SharedArrayBuffer, typeof Atomics]).toEqual(["object", "function", "object"])'),
		{ status: 'fail', testStatus: 'fail', testMessage: /'undefined', 'undefined', 'undefined'/ },
	],
	[
		'reaching the harness controls',
		inTest('expect(typeof globalThis.__hm + typeof globalThis.__hmRealNow + typeof globalThis.__hmTestApi).toBe("undefinedundefinedundefined")'),
		{ status: 'pass', testStatus: 'pass' },
	],
	['an interval that never stops', inTest('setInterval(() => {}, 1)'), { status: 'pass', testStatus: 'pass' }],
	['more tests than allowed', testFile('for (let i = 0; i < 600; i++) it("t" + i, () => {})'), { status: 'error', limit: 'tests', message: /at most 500/ }],
	['a 20 MB source file', testFile(`const blob = "${'x'.repeat(20 * 1024 * 1024)}"\nit('x', () => {})`), { status: 'error', limit: 'source-size' }],
	['a syntax error', testFile('it("x", () => { return ) })'), { status: 'error', message: /Unexpected token/ }],
]

describe('hostile programs', () => {
	it.each(cases)('%s ends safely and the pool keeps serving', async (_name, files, expected) => {
		const result = await runTests({ files, limits }, { pool: testPool.pool })
		expect(result.status).toBe(expected.status)
		if (expected.limit) expect([expected.limit].flat()).toContain(result.limit)
		if (expected.message) expect(result.message).toMatch(expected.message)
		if (expected.testStatus) expect(result.tests[0]?.status).toBe(expected.testStatus)
		if (expected.testMessage) expect(result.tests[0]?.message).toMatch(expected.testMessage)

		const benign = await runTests({ files: { 'ok.test.js': "it('still works', () => expect(({}).polluted).toBeUndefined())" } }, { pool: testPool.pool })
		expect(benign).toMatchObject({ status: 'pass', tests: [{ name: 'still works', status: 'pass' }] })
	})

	it('does not let prototype pollution leak into the next run', async () => {
		await runTests({ files: inTest('Object.prototype.polluted = "yes"; Array.prototype.map = () => ["hijacked"]') }, { pool: testPool.pool })
		const next = await runTests(
			{ files: testFile("it('clean', () => { expect(({}).polluted).toBeUndefined(); expect([1].map((x) => x + 1)).toEqual([2]) })") },
			{ pool: testPool.pool },
		)
		expect(next.status).toBe('pass')
	})

	// The worker reuses an isolate after clean runs (ADR 013); each run still gets a new realm.
	it('gives the next run on a reused isolate none of the last run’s globals, built-ins or timers', async () => {
		const first = await runTests(
			{
				files: testFile(
					"it('leaves things behind', () => { globalThis.marker = 'left over'; setInterval(() => { globalThis.ticks = (globalThis.ticks ?? 0) + 1 }, 1) })",
				),
			},
			{ pool: testPool.pool },
		)
		expect(first.status).toBe('pass')
		const next = await runTests(
			{
				files: testFile(
					"it('starts clean', async () => { await new Promise((r) => setTimeout(r, 50)); expect([globalThis.marker, globalThis.ticks]).toEqual([undefined, undefined]) })",
				),
			},
			{ pool: testPool.pool },
		)
		expect(next).toMatchObject({ status: 'pass', tests: [{ status: 'pass' }] })
	})

	it('serves many owners in turn while one floods the queue', async () => {
		const slow = { files: inTest('const end = Date.now(); let x = 0; for (let i = 0; i < 3e6; i++) x += i'), owner: 'flooder' }
		const order: string[] = []
		const flood = Array.from({ length: 6 }, () => runTests(slow, { pool: testPool.pool }).then(() => order.push('flooder')))
		const fair = runTests({ files: testFile("it('quick', () => {})"), owner: 'someone-else' }, { pool: testPool.pool }).then(() => order.push('someone-else'))
		await Promise.all([...flood, fair])
		// Round-robin between owners: the second owner is served second, not seventh.
		expect(order.indexOf('someone-else')).toBeLessThanOrEqual(2)
	})

	it('refuses runs beyond the queue cap with a clear "busy" answer', async () => {
		const small = createRunnerPool({ size: 1, maxQueue: 1 })
		try {
			await small.ready()
			const files = inTest('let x = 0; for (let i = 0; i < 2e6; i++) x += i')
			const results = await Promise.all([1, 2, 3].map(() => runTests({ files }, { pool: small })))
			expect(results.filter((r) => r.limit === 'queue')).toHaveLength(1)
			expect(results.find((r) => r.limit === 'queue')?.message).toMatch(/busy/)
		} finally {
			await small.close()
		}
	})
})
