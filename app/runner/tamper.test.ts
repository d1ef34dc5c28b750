// Learner programs that try to forge the verdict: each takes an exercise whose code is wrong
// (the invoice total is off by one) and tries, from its src/ file, to make the tests pass
// anyway. None may get a passing run, and the same pool must then run an honest program.
import { describe, expect, it } from 'vitest'
import { runTests, type RunResult } from './index.ts'
import { useTestPool } from './test-pool.ts'

const testPool = useTestPool()

const BUGGY = 'export function invoiceTotal(items) {\n\treturn items.reduce((sum, item) => sum + item.price * item.quantity, 0) + 1\n}\n'
const TESTS = `import { describe, expect, it } from 'vitest'
import { invoiceTotal } from '../src/invoice.js'

describe('invoiceTotal', () => {
	it('adds up the lines', () => {
		expect(invoiceTotal([{ price: 3, quantity: 2 }, { price: 4, quantity: 1 }])).toBe(10)
	})
	it('is zero for no lines', () => {
		expect(invoiceTotal([])).toEqual(0)
	})
})
`
// The same tests written against the globals, as Jest-style test files are.
const GLOBAL_TESTS = TESTS.replace("import { describe, expect, it } from 'vitest'\n", '')

/** The buggy exercise with `tamper` prepended to its only source file. */
const exercise = (tamper: string, extra: Record<string, string> = {}) => ({
	'src/invoice.js': `${tamper}\n${BUGGY}`,
	'tests/invoice.test.js': TESTS,
	...extra,
})

const HIDDEN = `import { expect, it } from 'vitest'
import { invoiceTotal } from '../../src/invoice.js'
export const expectedTotals = { 2: 10, 0: 0, 1: 25 }
it('hidden: totals a large invoice', () => expect(invoiceTotal([{ price: 5, quantity: 5 }])).toBe(25))
`

const tampers: Array<[string, Record<string, string>]> = [
	[
		'rewrites the results as JSON.stringify serialises them',
		exercise(
			"const stringify = JSON.stringify\nJSON.stringify = function (value, ...rest) {\n\tfor (const result of value?.results ?? []) { result.status = 'pass'; delete result.message }\n\treturn stringify.call(this, value, ...rest)\n}",
		),
	],
	[
		'replaces the global expect with one that never fails',
		exercise('globalThis.expect = () => new Proxy({}, { get: () => () => {} })', { 'tests/invoice.test.js': GLOBAL_TESTS }),
	],
	['replaces Object.is, which toBe and toEqual compare with', exercise('Object.is = () => true')],
	[
		'replaces the matchers on the assertion prototype',
		exercise('const proto = Object.getPrototypeOf(expect(0))\nproto.toBe = proto.toEqual = function () { return this }'),
	],
	['replaces chai’s assert, which every matcher calls', exercise('Object.getPrototypeOf(expect(0)).assert = function () {}')],
	[
		'redefines the matchers with Object.defineProperty',
		exercise("for (const name of ['toBe', 'toEqual']) Object.defineProperty(Object.getPrototypeOf(expect(0)), name, { value() { return this } })"),
	],
	[
		'wraps the global it so every test body is skipped',
		exercise('const realIt = it\nglobalThis.it = globalThis.test = (name) => realIt(name, () => {})', { 'tests/invoice.test.js': GLOBAL_TESTS }),
	],
	[
		'redefines the global describe with a getter that empties each suite',
		exercise(
			"const realDescribe = describe, realIt = it\nObject.defineProperty(globalThis, 'describe', { get: () => (name) => realDescribe(name, () => realIt('works', () => {})) })",
			{ 'tests/invoice.test.js': GLOBAL_TESTS },
		),
	],
	['adds a passing test marked .only, so the real ones are skipped', exercise("it.only('all good', () => {})")],
	[
		'adds a .only test from a function the tests call',
		{
			'src/invoice.js': `export function invoiceTotal(items) {\n\ttest.only('looks fine', () => {})\n\treturn items.length + 1\n}\n`,
			'tests/invoice.test.js':
				"import { invoiceTotal } from '../src/invoice.js'\nconst total = invoiceTotal([])\nit('is zero for no lines', () => expect(total).toBe(0))\n",
		},
	],
	[
		'registers a .only test from the microtask queue, where no file is on the stack',
		exercise("Promise.resolve().then(test.only.bind(null, 'queued', () => {}))"),
	],
	[
		'throws undefined from the code under test',
		{ 'src/invoice.js': 'export function invoiceTotal(items) {\n\tif (items.length > 0) throw undefined\n\treturn 0\n}\n', 'tests/invoice.test.js': TESTS },
	],
	[
		'adds toJSON to Object.prototype, which rewrites every result as it is serialised',
		exercise(
			"Object.prototype.toJSON = function () { return 'status' in this && 'durationMs' in this ? { ...this, status: 'pass', message: undefined } : this }",
		),
	],
	[
		'rewrites results as they are pushed',
		exercise(
			"Object.defineProperty(Array.prototype, 'push', { value(...items) { for (const item of items) { if (item && item.status === 'fail') item.status = 'pass'; this[this.length] = item } return this.length } })",
		),
	],
	[
		'throws undefined from a Proxy trap while the assertion prints the value',
		{
			'src/invoice.js':
				'export function invoiceTotal() {\n\treturn new Proxy({}, { get() { throw undefined }, getPrototypeOf() { throw undefined }, ownKeys() { throw undefined } })\n}\n',
			'tests/invoice.test.js': TESTS,
		},
	],
	['throws a falsy value when the assertion error is built', exercise('Error.captureStackTrace = () => { throw 0 }')],
	[
		'replaces Math.abs, which toBeCloseTo measures with',
		{
			'src/invoice.js': 'Math.abs = () => 0\nexport function invoiceTotal() { return 99 }\n',
			'tests/invoice.test.js': "import { invoiceTotal } from '../src/invoice.js'\nit('rounds to the cent', () => expect(invoiceTotal()).toBeCloseTo(0.3))\n",
		},
	],
	[
		'pushes an equality tester that says everything is equal',
		{
			'src/invoice.js':
				"globalThis[Symbol.for('$$jest-matchers-object')].customEqualityTesters.push(() => true)\nexport function invoiceTotal() { return { total: 11 } }\n",
			'tests/invoice.test.js': "import { invoiceTotal } from '../src/invoice.js'\nit('totals', () => expect(invoiceTotal()).toEqual({ total: 10 }))\n",
		},
	],
	[
		'imports expect from vitest and extends it',
		exercise(
			"import { expect as e } from 'vitest'\ne.extend({ toBe: () => ({ pass: true, message: () => '' }), toEqual: () => ({ pass: true, message: () => '' }) })",
		),
	],
	[
		'stubs the global expect through vi.stubGlobal',
		exercise("vi.stubGlobal('expect', () => new Proxy({}, { get: () => () => {} }))", { 'tests/invoice.test.js': GLOBAL_TESTS }),
	],
	[
		'wraps Promise.prototype.then so that a failed test reads as fulfilled',
		exercise(
			'const then = Promise.prototype.then\nPromise.prototype.then = function (fulfilled, rejected) { return then.call(this, fulfilled, (error) => (fulfilled ? fulfilled() : undefined)) }',
		),
	],
	[
		'replaces Function.prototype.apply, through which the assertion library raises its errors',
		exercise('Function.prototype.apply = function () { return undefined }'),
	],
	[
		'reads the expected values out of a hidden test file',
		{
			'src/invoice.js':
				"import { expectedTotals } from '../tests/hidden/invoice.test.js'\nexport function invoiceTotal(items) { return expectedTotals[items.length] ?? 25 }\n",
			'tests/invoice.test.js': TESTS,
			'tests/hidden/invoice.test.js': HIDDEN,
		},
	],
	[
		'imports the simulation kit to add a scenario of its own, marked .only',
		exercise(
			"import { scenario } from 'hardmode:sim'\nscenario.only('an easy scenario', { thresholds: { successRate: { atLeast: 0 } } }, (sim) => sim.traffic({ perSecond: 1, forMs: 1000 }, () => sim.deliver(() => 1)))",
		),
	],
	[
		'turns off expect.assertions() through the expect state',
		{
			'src/invoice.js': 'export function invoiceTotal(items, onLine) {\n\texpect.setState({ expectedAssertionsNumber: null })\n\treturn 0\n}\n',
			'tests/invoice.test.js':
				"import { invoiceTotal } from '../src/invoice.js'\nit('calls back for each line', () => { expect.assertions(2); invoiceTotal([1, 2], (line) => expect(line).toBeDefined()) })\n",
		},
	],
]

function verdict(result: RunResult) {
	return `${result.status}: ${result.message ?? ''} ${result.tests.map((test) => `[${test.status}] ${test.name}: ${test.message ?? ''}`).join(' | ')}`
}

describe('learner code that tries to forge a passing verdict', () => {
	it.each(tampers)('%s: never passes, and the pool then runs honest code', async (_name, files) => {
		const result = await runTests(
			{ files, testFiles: Object.keys(files).filter((file) => file.endsWith('.test.js')), limits: { cpuMs: 1000, wallMs: 4000 } },
			{ pool: testPool.pool },
		)
		expect(result.status, verdict(result)).not.toBe('pass')
		expect(result.tests.filter((test) => test.status === 'pass').map((test) => test.name)).not.toContain('forged')
		expect(result.message ?? '').not.toMatch(/No tests ran/)

		const honest = await runTests({ files: { ...exercise(''), 'src/invoice.js': BUGGY.replace(' + 1', '') } }, { pool: testPool.pool })
		expect(honest.status, verdict(honest)).toBe('pass')
		expect(honest.tests).toHaveLength(2)
	})
})

describe('what the learner reads when code changes a built-in', () => {
	it('names the file, the line and what it tried to replace', async () => {
		const files = exercise("// A helper that 'fixes' number formatting.\nJSON.stringify = (value) => String(value)")
		const result = await runTests({ files }, { pool: testPool.pool })
		expect(result.status).toBe('fail')
		expect(result.tests).toHaveLength(1)
		expect(result.tests[0]).toMatchObject({
			status: 'error',
			message: 'src/invoice.js:2 tried to replace JSON.stringify; built-ins are read-only in the sandbox',
			location: { file: 'src/invoice.js', line: 2 },
		})
	})

	it('names the test API when code replaces a global of it', async () => {
		const result = await runTests({ files: exercise('globalThis.expect = () => ({})') }, { pool: testPool.pool })
		expect(result.tests[0]?.message).toBe('src/invoice.js:1 tried to replace the global expect; the test API is read-only in the sandbox')
	})

	it('says where a test was defined from code under test', async () => {
		const result = await runTests({ files: exercise("it.only('all good', () => {})") }, { pool: testPool.pool })
		expect(result.tests[0]?.message).toBe('src/invoice.js:1 tried to define a test; only test files can define tests and hooks.')
	})

	it('refuses a hidden test file imported from src/, naming both files', async () => {
		const result = await runTests({ files: tampers.find(([name]) => name.startsWith('reads the expected values'))![1] }, { pool: testPool.pool })
		expect(result.status).toBe('error')
		expect(result.message).toBe(
			'src/invoice.js imports "../tests/hidden/invoice.test.js" (tests/hidden/invoice.test.js): code under test cannot import the tests or the test API; only test files can.',
		)
	})

	it('reports a test body that pollutes a prototype as that test failing, by name, and runs the others', async () => {
		const result = await runTests(
			{
				files: {
					'src/invoice.js': BUGGY.replace(' + 1', ''),
					'tests/invoice.test.js': `${TESTS}\nit('sets up a helper the quick way', () => {\n\tArray.prototype.sum = function () { return this.reduce((a, b) => a + b, 0) }\n})\n`,
				},
			},
			{ pool: testPool.pool },
		)
		expect(result.status).toBe('fail')
		expect(result.tests.map((test) => [test.name, test.status])).toEqual([
			['invoiceTotal > adds up the lines', 'pass'],
			['invoiceTotal > is zero for no lines', 'pass'],
			['sets up a helper the quick way', 'fail'],
		])
		expect(result.tests[2]?.message).toBe('tests/invoice.test.js:14 tried to add sum to a built-in object; built-ins are read-only in the sandbox')
	})

	it('still lets ordinary code assign what built-in prototypes define (the override mistake)', async () => {
		const result = await runTests(
			{
				files: {
					'src/errors.js':
						"export class NotFound extends Error {\n\tconstructor(id) {\n\t\tsuper(`No order ${id}`)\n\t\tthis.name = 'NotFound'\n\t}\n}\nexport const money = { amount: 5 }\nmoney.toString = function () { return `$${this.amount}` }\nmoney.constructor = Object\n",
					'tests/errors.test.js':
						"import { NotFound, money } from '../src/errors.js'\nit('names its errors', () => { expect(new NotFound(7).name).toBe('NotFound'); expect(String(money)).toBe('$5'); expect(String(new Error('x'))).toBe('Error: x') })\n",
				},
			},
			{ pool: testPool.pool },
		)
		expect(result.status, verdict(result)).toBe('pass')
	})

	it('still lets tests spy on Date.now, Math.random and console', async () => {
		const result = await runTests(
			{
				files: {
					'tests/spies.test.js':
						"it('spies', () => { const now = vi.spyOn(Date, 'now').mockReturnValue(42); const random = vi.spyOn(Math, 'random').mockReturnValue(0.25); const log = vi.spyOn(console, 'log').mockImplementation(() => {}); console.log('hidden'); expect([Date.now(), Math.random()]).toEqual([42, 0.25]); expect(log).toHaveBeenCalledWith('hidden'); now.mockRestore(); random.mockRestore(); expect(Date.now()).not.toBe(42); expect(Math.random()).not.toBe(0.25) })\nit('explains a spy on a frozen built-in', () => { expect(() => vi.spyOn(JSON, 'parse')).toThrow('vi.spyOn cannot replace JSON.parse: built-ins are read-only in the sandbox') })\n",
				},
			},
			{ pool: testPool.pool },
		)
		expect(result.status, verdict(result)).toBe('pass')
	})
})
