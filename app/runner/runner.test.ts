import { describe, expect, it } from 'vitest'
import { runTests, type RunRequest } from './index.ts'
import { useTestPool } from './test-pool.ts'

const testPool = useTestPool()

const run = (files: Record<string, string>, extra: Partial<RunRequest> = {}) => runTests({ files, ...extra }, { pool: testPool.pool })
const byName = (result: Awaited<ReturnType<typeof run>>) => Object.fromEntries(result.tests.map((t) => [t.name, t]))

describe('the test API', () => {
	it('runs describe/it/test with hooks in Jest order and names tests by their describe path', async () => {
		const result = await run({
			'cart.test.ts': `
				import { describe, it, test, expect, beforeAll, beforeEach, afterEach, afterAll } from 'vitest'
				const log: string[] = []
				beforeAll(() => log.push('beforeAll'))
				beforeEach(() => log.push('beforeEach'))
				afterEach(() => log.push('afterEach'))
				describe('cart', () => {
					beforeEach(() => log.push('inner beforeEach'))
					it('adds', () => { log.push('adds'); expect(1 + 1).toBe(2) })
					describe('totals', () => { test('sum', () => { log.push('sum') }) })
				})
				afterAll(() => console.log(log.join(',')))
			`,
		})
		expect(result.status).toBe('pass')
		expect(result.tests.map((t) => t.name)).toEqual(['cart > adds', 'cart > totals > sum'])
		expect(result.console).toBe('beforeAll,beforeEach,inner beforeEach,adds,afterEach,beforeEach,inner beforeEach,sum,afterEach\n')
	})

	it('honours skip, only, todo, xit and each (arrays, objects and tagged templates)', async () => {
		const result = await run({
			'a.test.js': `
				it.skip('skipped', () => { throw new Error('no') })
				xit('x-skipped', () => { throw new Error('no') })
				it.todo('later')
				it.each([[1, 2, 3], [2, 2, 4]])('%i + %i = %i', (a, b, sum) => expect(a + b).toBe(sum))
				it.each([{ name: 'ada', len: 3 }])('$name has $len letters', ({ name, len }) => expect(name).toHaveLength(len))
				it.each\`
					a    | b    | expected
					\${1} | \${1} | \${2}
				\`('adds $a and $b', ({ a, b, expected }) => expect(a + b).toBe(expected))
			`,
			'b.test.js': `
				it('not focused', () => { throw new Error('should not run') })
				it['only']('focused', () => {}) // the same as it.only, spelled so no linter mistakes it for a focused test here
			`,
		})
		const tests = byName(result)
		expect(result.status).toBe('pass')
		expect(tests['skipped']!.status).toBe('skip')
		expect(tests['x-skipped']!.status).toBe('skip')
		expect(tests['later']).toMatchObject({ status: 'skip', message: 'todo' })
		expect(tests['1 + 2 = 3']!.status).toBe('pass')
		expect(tests['2 + 2 = 4']!.status).toBe('pass')
		expect(tests['ada has 3 letters']!.status).toBe('pass')
		expect(tests['adds 1 and 1']!.status).toBe('pass')
		expect(tests['not focused']!.status).toBe('skip')
		expect(tests['focused']!.status).toBe('pass')
	})

	it('works with @jest/globals imports, jest.fn and plain globals', async () => {
		const result = await run({
			'j.test.ts': `
				import { expect, jest, test } from '@jest/globals'
				test('spies', () => {
					const onSave = jest.fn((x: number) => x * 2)
					expect(onSave(21)).toBe(42)
					expect(onSave).toHaveBeenCalledWith(21)
					const obj = { greet: () => 'hi' }
					const spy = jest.spyOn(obj, 'greet').mockReturnValue('hello')
					expect(obj.greet()).toBe('hello')
					expect(spy).toHaveBeenCalledTimes(1)
				})
			`,
			'g.test.js': `test('globals', () => { const f = vi.fn(); f('a'); expect(f).toHaveBeenLastCalledWith('a') })`,
		})
		expect(result.status).toBe('pass')
		expect(result.tests).toHaveLength(2)
	})

	it('reports failures with a message, expected and actual, and the line in the learner’s file', async () => {
		const result = await run({
			'src/price.ts': `export function total(items: Array<{ cents: number }>): number {\n  return items.reduce((sum, i) => sum + i.cents, 1)\n}\n`,
			'tests/price.test.ts': `import { total } from '../src/price'\nimport { expect, it } from 'vitest'\n\nit('sums', () => {\n  expect(total([{ cents: 100 }, { cents: 250 }])).toBe(350)\n})\nit('objects', () => {\n  expect({ a: 1, b: [1, 2] }).toEqual({ a: 1, b: [1, 3] })\n})\n`,
		})
		const tests = byName(result)
		expect(result.status).toBe('fail')
		expect(tests['sums']).toMatchObject({
			status: 'fail',
			message: 'expected 351 to be 350 // Object.is equality',
			expected: '350',
			actual: '351',
			location: { file: 'tests/price.test.ts', line: 5, column: expect.any(Number) },
		})
		expect(tests['objects']!.message).toContain('to deeply equal')
		expect(tests['objects']!.expected).toContain('3')
	})

	it('maps a thrown error to the learner’s file and line, with no runner internals', async () => {
		const result = await run({
			// Types before the throw must not shift its line or column.
			'src/parse.ts': `type Row = { id: string }\nexport function parse(line: string): Row {\n  if (!line) throw new RangeError('empty line')\n  return { id: line }\n}\n`,
			'parse.test.ts': `import { parse } from './src/parse.ts'\ntest('empty', () => { parse('') })\n`,
		})
		const [test] = result.tests
		expect(test).toMatchObject({ status: 'fail', location: { file: 'src/parse.ts', line: 3, column: 20 } })
		expect(test!.message).toMatch(/^RangeError: empty line/)
		expect(test!.message).toContain('src/parse.ts:3:20')
		expect(test!.message).not.toMatch(/harness|hardmode-harness|worker/)
	})

	it('supports async tests, resolves/rejects and toThrow', async () => {
		const result = await run({
			'async.test.ts': `
				const later = (v: number) => new Promise<number>((r) => setTimeout(() => r(v), 50))
				it('awaits', async () => { expect(await later(3)).toBe(3) })
				it('resolves', () => expect(later(4)).resolves.toBe(4))
				it('rejects', () => expect(Promise.reject(new Error('nope'))).rejects.toThrow('nope'))
				it('throws', () => expect(() => { throw new TypeError('bad') }).toThrow(TypeError))
				it('close', () => expect(0.1 + 0.2).toBeCloseTo(0.3))
				it('asymmetric', () => expect({ id: 'x1', at: 5 }).toEqual({ id: expect.stringMatching(/^x/), at: expect.any(Number) }))
				it('strict', () => expect({ a: undefined }).not.toStrictEqual({}))
				it('subset', () => expect({ a: 1, b: { c: 2, d: 3 } }).toMatchObject({ b: { c: 2 } }))
			`,
		})
		expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([])
		expect(result.tests).toHaveLength(8)
	})

	it('treats zero tests as a failure that says why', async () => {
		const result = await run({ 'empty.test.ts': `// nothing here\n` })
		expect(result.status).toBe('fail')
		expect(result.message).toMatch(/No tests ran/)
	})
})

describe('virtual time and determinism', () => {
	it('jumps the clock to the next timer, so sleeps take no real time and Date follows', async () => {
		const result = await run({
			't.test.ts': `
				const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
				it('sleeps', async () => {
					const start = Date.now()
					await sleep(3000)
					console.log(Date.now() - start, new Date().toISOString())
				})
			`,
		})
		expect(result.status).toBe('pass')
		expect(result.console).toBe('3000 2026-01-05T09:00:03.000Z\n')
	})

	it('fires timers due at the same instant in creation order and runs intervals until cleared', async () => {
		const result = await run({
			't.test.js': `
				it('orders', async () => {
					const seen = []
					setTimeout(() => seen.push('b'), 10)
					setTimeout(() => seen.push('a'), 5)
					setTimeout(() => seen.push('c'), 10)
					let n = 0
					const id = setInterval(() => { if (++n === 3) clearInterval(id) }, 4)
					await new Promise((r) => setTimeout(r, 20))
					expect(seen).toEqual(['a', 'b', 'c'])
					expect(n).toBe(3)
				})
			`,
		})
		expect(result.tests[0]).toMatchObject({ status: 'pass' })
	})

	it('lets tests drive the clock with vi timer helpers', async () => {
		const result = await run({
			't.test.ts': `
				import { vi, it, expect } from 'vitest'
				it('advances', async () => {
					vi.useFakeTimers()
					vi.setSystemTime(new Date('2026-03-29T00:30:00Z'))
					const fired: number[] = []
					setTimeout(() => fired.push(Date.now()), 1000)
					setTimeout(() => fired.push(Date.now()), 5000)
					vi.advanceTimersByTime(1000)
					expect(fired).toHaveLength(1)
					expect(vi.getTimerCount()).toBe(1)
					await vi.advanceTimersByTimeAsync(4000)
					expect(fired).toEqual([Date.parse('2026-03-29T00:30:01Z'), Date.parse('2026-03-29T00:30:05Z')])
					setTimeout(() => fired.push(-1), 99_999)
					await vi.runAllTimersAsync()
					expect(fired).toHaveLength(3)
					vi.useRealTimers()
				})
			`,
		})
		expect(result.tests[0]).toMatchObject({ status: 'pass' })
	})

	it('settles overlapping awaited advances instead of leaving the first one waiting forever', async () => {
		const result = await run({
			't.test.ts': `
				import { vi, it, expect } from 'vitest'
				it('overlaps', async () => {
					vi.useFakeTimers()
					const start = Date.now()
					const settled: string[] = []
					setTimeout(() => settled.push('timer@3000'), 3000)
					const long = vi.advanceTimersByTimeAsync(5000).then(() => settled.push('long'))
					const short = vi.advanceTimersByTimeAsync(2000).then(() => settled.push('short'))
					await Promise.all([long, short])
					expect(settled.toSorted()).toEqual(['long', 'short', 'timer@3000'])
					expect(Date.now() - start).toBeGreaterThanOrEqual(5000)
				})
			`,
		})
		expect(result.tests[0]).toMatchObject({ status: 'pass' })
	})

	it('seeds Math.random: the same seed gives the same run, another seed another', async () => {
		const files = { 'r.test.js': `it('rolls', () => console.log(Array.from({ length: 3 }, () => Math.random()).join(' ')))` }
		const [a, b, c] = await Promise.all([run(files, { seed: 7 }), run(files, { seed: 7 }), run(files, { seed: 8 })])
		expect(a.console).toBe(b.console)
		expect(a.console).not.toBe(c.console)
	})

	it('fails a test that awaits forever with a clear message, and carries on', async () => {
		const result = await run({
			't.test.js': `
				it('hangs', async () => { await new Promise(() => {}) })
				it('slow', async () => { await new Promise((r) => setTimeout(r, 10_000)) })
				it('after', () => {})
			`,
		})
		const tests = byName(result)
		expect(tests['hangs']).toMatchObject({ status: 'fail', message: expect.stringContaining('never settles') })
		expect(tests['slow']).toMatchObject({ status: 'fail', message: expect.stringContaining('timed out after 5000 ms') })
		expect(tests['after']!.status).toBe('pass')
	})

	it('formats time zones with Intl', async () => {
		const result = await run({
			't.test.js': `it('berlin', () => expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date('2026-03-29T07:00:00Z'))).toBe('09:00'))`,
		})
		expect(result.status).toBe('pass')
	})
})

describe('files, imports and errors', () => {
	it('resolves relative imports with or without extensions and index files', async () => {
		const result = await run({
			'src/lib/index.ts': `export const id = (x: string) => x`,
			'src/lib/money.js': `export const cents = (e) => Math.round(e * 100)`,
			'src/cart.ts': `import { id } from './lib'\nimport { cents } from './lib/money.js'\nexport const label = (e: number) => id(String(cents(e)))`,
			'tests/cart.test.ts': `import { label } from '../src/cart.ts'\nit('labels', () => expect(label(1.5)).toBe('150'))`,
		})
		expect(result.status).toBe('pass')
	})

	it('refuses imports of packages and Node built-ins, naming the import and the file', async () => {
		const result = await run({ 'x.test.ts': `import fs from 'node:fs'\nit('reads', () => {})` })
		expect(result.status).toBe('error')
		expect(result.message).toBe(
			`x.test.ts imports "node:fs", which is not available in the sandbox: only the exercise's own files (like './cart') and 'vitest' can be imported.`,
		)
		const missing = await run({ 'x.test.ts': `import { a } from './nope'\nit('a', () => {})` })
		expect(missing.message).toMatch(/x\.test\.ts imports "\.\/nope", but there is no such file/)
	})

	it('reports a syntax error with its file, line and column', async () => {
		const result = await run({ 'src/a.js': `export const a = 1\nexport const b = ;\n`, 'a.test.js': `import { a } from './src/a'\nit('a', () => {})` })
		expect(result).toMatchObject({ status: 'error', location: { file: 'src/a.js', line: 2, column: 18 } })
		expect(result.message).toMatch(/^src\/a\.js:2:18: Unexpected token ';'/)
	})

	it('captures console output per test and for the run, and caps it with a visible marker', async () => {
		const result = await run(
			{ 'c.test.js': `it('one', () => console.log('hello', { a: 1 }))\nit('flood', () => { for (let i = 0; i < 1000; i++) console.log('x'.repeat(100)) })` },
			{ limits: { outputBytes: 2048 } },
		)
		const tests = byName(result)
		expect(tests['one']!.output).toBe('hello { a: 1 }\n')
		expect(result.console.startsWith('hello { a: 1 }\n')).toBe(true)
		expect(result.console).toContain('output truncated: the console limit is 2 KB')
		expect(result.console.length).toBeLessThan(2300)
		expect(result.limit).toBe('output')
	})

	it('refuses sources over the size limit before compiling anything', async () => {
		const result = await run({ 'big.test.js': `// ${'x'.repeat(600 * 1024)}\nit('a', () => {})` })
		expect(result).toMatchObject({ status: 'error', limit: 'source-size', tests: [] })
		expect(result.message).toMatch(/more than 512 KB/)
	})

	it('answers a malformed request with an error result instead of throwing', async () => {
		const result = await runTests({ files: 'nope' } as unknown as RunRequest, { pool: testPool.pool })
		expect(result).toMatchObject({ version: 1, status: 'error', message: expect.stringContaining('malformed') })
	})
})

describe('behaviour that mirrors Vitest and Node', () => {
	it('reports real test durations', async () => {
		const result = await run({ 'd.test.js': "it('works', () => { let x = 0; for (let i = 0; i < 2e6; i++) x += i; expect(x).toBeGreaterThan(0) })" })
		expect(result.tests[0]!.durationMs).toBeGreaterThan(0)
	})

	it('keeps Date callable without new, subclassable, and in UTC', async () => {
		const result = await run({
			'd.test.js': `
				class Deadline extends Date { label() { return 'due ' + this.toISOString() } }
				it('dates', () => {
					expect(typeof Date()).toBe('string')
					expect(new Deadline(0).label()).toBe('due 1970-01-01T00:00:00.000Z')
					expect(new Deadline() instanceof Date).toBe(true)
					expect(new Date().getTimezoneOffset()).toBe(0)
				})
			`,
		})
		expect(result.tests[0]).toMatchObject({ status: 'pass' })
	})

	it('turns a promise rejected with no handler into a failure instead of losing the run', async () => {
		const result = await run({ 'u.test.js': "it('fires and forgets', () => { Promise.reject(new Error('upload failed')) })\nit('next', () => {})" })
		expect(result.status).toBe('fail')
		expect(result.tests.find((t) => t.name === 'Unhandled promise rejection')).toMatchObject({
			status: 'error',
			message: expect.stringContaining('Unhandled promise rejection: upload failed'),
		})
		expect(result.tests.find((t) => t.name === 'next')!.status).toBe('pass')
	})

	it('supports jest.setTimeout, test.for and useFakeTimers({ now })', async () => {
		const result = await run({
			'a.test.js': `
				jest.setTimeout(100)
				it('times out sooner', async () => { await new Promise((r) => setTimeout(r, 1000)) })
				test.for([[1, 2], [2, 4]])('doubles %i', ([n, doubled]) => expect(n * 2).toBe(doubled))
				it('starts the clock where asked', () => { vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') }); expect(new Date().toISOString()).toBe('2030-01-01T00:00:00.000Z') })
			`,
		})
		const tests = byName(result)
		expect(tests['times out sooner']).toMatchObject({ status: 'fail', message: expect.stringContaining('timed out after 100 ms') })
		expect(tests['doubles 1']!.status).toBe('pass')
		expect(tests['doubles 2']!.status).toBe('pass')
		expect(tests['starts the clock where asked']!.status).toBe('pass')
	})

	it('explains that module mocks and snapshots are not available', async () => {
		const mocked = await run({ 'm.test.js': "vi.mock('./src/db')\nit('x', () => {})" })
		expect(mocked.tests[0]!.message).toMatch(/vi\.mock is not available in the sandbox/)
		const snap = await run({ 's.test.js': "it('x', () => expect({ a: 1 }).toMatchSnapshot())" })
		expect(snap.tests[0]!.message).toMatch(/Snapshots are not available in the sandbox/)
	})

	it('caps console output in bytes, and all tests’ own output together', async () => {
		const result = await run(
			{ 'o.test.js': "for (let i = 0; i < 50; i++) it('t' + i, () => { console.log('日本語のログ'.repeat(20)) })" },
			{ limits: { outputBytes: 4096 } },
		)
		const bytes = (text: string) => Buffer.byteLength(text)
		expect(bytes(result.console)).toBeLessThan(4096 + 200)
		expect(result.tests.reduce((sum, t) => sum + bytes(t.output ?? ''), 0)).toBeLessThanOrEqual(4096)
		expect(result.limit).toBe('output')
	})

	it('fails a test that throws an enormous message, within the limits', async () => {
		const result = await run({ 'big.test.js': "it('shouts', () => { throw new Error('x'.repeat(5e6)) })" })
		expect(result.tests[0]).toMatchObject({ status: 'fail', message: expect.stringContaining('message cut at 4000 characters') })
		expect(result.tests[0]!.message!.length).toBeLessThan(5000)
	})
})

describe('isolation between test files', () => {
	it('starts every test file with fresh globals, spies, clock and seed, as Vitest does', async () => {
		const result = await run({
			'a.test.js':
				"it('a', () => { vi.spyOn(Math, 'random').mockReturnValue(0.5); globalThis.leaked = 1; vi.setSystemTime(new Date('2030-01-01T00:00:00Z')) })",
			'b.test.js':
				"it('b', () => { expect(Math.random()).not.toBe(0.5); expect(globalThis.leaked).toBeUndefined(); expect(new Date().toISOString()).toBe('2026-01-05T09:00:00.000Z') })",
		})
		expect(result.tests.map((t) => [t.name, t.status])).toEqual([
			['a', 'pass'],
			['b', 'pass'],
		])
	})

	it('shares the run’s console allowance across files', async () => {
		const result = await run(
			{ 'a.test.js': "it('a', () => console.log('a'.repeat(3000)))", 'b.test.js': "it('b', () => console.log('b'.repeat(3000)))" },
			{ limits: { outputBytes: 4096 } },
		)
		expect(Buffer.byteLength(result.console)).toBeLessThan(4096 + 200)
		expect(result.console).toContain('output truncated')
	})
})
