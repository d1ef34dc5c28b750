// Programs that try to flood the host with results: every limit holds on the way out of the
// isolate, what reaches the app stays small, and other learners' runs go on meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRunnerPool, runTests, type RunnerPool } from './index.ts'

let pool: RunnerPool
beforeAll(async () => {
	pool = createRunnerPool({ size: 2 })
	await pool.ready()
})
afterAll(async () => {
	await pool?.close()
})

// A console flood is not a failure: the tests pass, and the output is cut with the limit named.
const floods: Array<[string, string, { status: 'pass' | 'fail' | 'error'; limit?: string }]> = [
	[
		'defines 60,000 tests, swallowing the limit each time',
		"for (let i = 0; i < 60000; i++) { try { it('t' + i, () => {}) } catch {} }",
		{ status: 'error', limit: 'tests' },
	],
	[
		'fails 500 tests with 5 MB messages and long diffs',
		"const big = 'x'.repeat(5e6)\nfor (let i = 0; i < 500; i++) it('t' + i, () => { if (i % 2) throw new Error(big); expect('a'.repeat(20000) + i).toBe('b'.repeat(20000)) })",
		{ status: 'fail' },
	],
	[
		'logs 20 MB in a few enormous lines',
		"it('logs', () => { const line = 'y'.repeat(5e6); for (let i = 0; i < 4; i++) console.log(line) })",
		{ status: 'pass', limit: 'output' },
	],
	[
		'prints 100 KB of output in each of 500 tests',
		"for (let i = 0; i < 500; i++) it('t' + i, () => { console.log('z'.repeat(100000)) })",
		{ status: 'pass', limit: 'output' },
	],
]

describe('a program that floods the host', () => {
	it.each(floods)('%s: is capped, and an honest run alongside it still passes', async (_name, body, expected) => {
		const [flood, honest] = await Promise.all([
			runTests({ files: { 'flood.test.js': body }, owner: 'flooder', limits: { cpuMs: 4000, wallMs: 8000, memoryMb: 128 } }, { pool }),
			runTests({ files: { 'ok.test.js': "it('still works', () => expect(1 + 1).toBe(2))" }, owner: 'someone else' }, { pool }),
		])
		expect(honest).toMatchObject({ status: 'pass', tests: [{ name: 'still works', status: 'pass' }] })
		expect(flood).toMatchObject(expected)
		expect(flood.tests.length).toBeLessThanOrEqual(500)
		expect(Buffer.byteLength(flood.console)).toBeLessThanOrEqual(64 * 1024 + 256)
		for (const test of flood.tests) {
			expect(test.message?.length ?? 0).toBeLessThanOrEqual(10_100)
			expect(test.expected?.length ?? 0).toBeLessThanOrEqual(4_200)
		}
		// What the app stores and sends to the browser for this run.
		expect(JSON.stringify(flood).length).toBeLessThan(8 * 1024 * 1024)
	})
})
