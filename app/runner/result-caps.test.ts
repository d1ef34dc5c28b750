import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, WorkerMessageSchema } from './protocol.ts'
import { toRunResult } from './index.ts'
import { FIELD_CAPS, appendCappedTests, capTest, capUtf8, parseHarnessJson, type CappedTest } from './result-caps.ts'

const passing = (i: number) => ({ name: `test ${i}`, file: 'a.test.js', status: 'pass', durationMs: 1 })

describe('what the host accepts from an isolate', () => {
	it('refuses to parse a results string larger than the cap, and says how large it was', () => {
		const huge = JSON.stringify({ results: Array.from({ length: 60_000 }, (_, i) => ({ ...passing(i), message: 'x'.repeat(200) })) })
		const parsed = parseHarnessJson(huge)
		expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(/returned 1\d\.\d MB of results, more than the 8 MB it accepts/) })
	})

	it('keeps at most the run’s number of tests, without spreading them into a call, and says when there were more', () => {
		const tests: CappedTest[] = []
		const incoming = Array.from({ length: 200_000 }, (_, i) => passing(i))
		expect(appendCappedTests(tests, incoming, 500, 1024)).toBe(false)
		expect(tests).toHaveLength(500)
		expect(appendCappedTests([], incoming.slice(0, 10), 500, 1024)).toBe(true)
	})

	it('cuts every field to its cap and never reads an unknown status as a pass', () => {
		const test = capTest(
			{
				name: 'n'.repeat(10_000),
				file: 'f.test.js',
				status: 'passed',
				message: 'm'.repeat(1_000_000),
				expected: 'e'.repeat(50_000),
				actual: 'a'.repeat(50_000),
				output: 'o'.repeat(200_000),
				durationMs: 'soon',
				location: { file: 'f.test.js', line: '1', column: 2 },
			},
			64 * 1024,
		)!
		expect(test.status).toBe('error')
		expect(test.name.length).toBeLessThanOrEqual(FIELD_CAPS.name + 40)
		expect(test.message!.length).toBeLessThanOrEqual(FIELD_CAPS.message + 40)
		expect(test.message).toMatch(/cut at 10000 characters\)$/)
		expect(test.expected!.length).toBeLessThanOrEqual(FIELD_CAPS.expected + 40)
		expect(Buffer.byteLength(test.output!)).toBeLessThanOrEqual(64 * 1024)
		expect(test.durationMs).toBe(0)
		expect(test.location).toBeUndefined()
		expect(capTest('not a test', 1024)).toBeNull()
		expect(capTest({ name: 1, file: 'x' }, 1024)).toBeNull()
	})

	it('cuts console text on a character boundary', () => {
		const cut = capUtf8('é'.repeat(100), 51)
		expect(cut.cut).toBe(true)
		expect(cut.text).toBe('é'.repeat(25))
		expect(capUtf8('short', 100)).toEqual({ text: 'short', cut: false })
	})

	it('turns a flood from a worker into a capped result: 60,000 tests become the "too many tests" limit, a 20 MB console its limit', () => {
		const flood = toRunResult(
			{
				kind: 'ran',
				tests: Array.from({ length: 60_000 }, (_, i) => passing(i)),
				console: '',
				outputTruncated: false,
				fileProblem: null,
				compileMs: 1,
				runMs: 1,
				queueMs: 0,
			},
			DEFAULT_LIMITS,
		)
		expect(flood).toMatchObject({ status: 'error', limit: 'tests', tests: [] })

		const noisy = toRunResult(
			{
				kind: 'ran',
				tests: [passing(1)],
				console: 'spam\n'.repeat(4 * 1024 * 1024),
				outputTruncated: false,
				fileProblem: null,
				compileMs: 1,
				runMs: 1,
				queueMs: 0,
			},
			DEFAULT_LIMITS,
		)
		expect(noisy.status).toBe('pass')
		expect(noisy.limit).toBe('output')
		expect(Buffer.byteLength(noisy.console)).toBeLessThanOrEqual(DEFAULT_LIMITS.outputBytes + 256)
		expect(JSON.stringify(noisy).length).toBeLessThan(100_000)
	})

	it('does not let a forged test status, stop reason or message shape through', () => {
		const forged = toRunResult(
			{ kind: 'ran', tests: [{ ...passing(1), status: 'ok' }], console: '', outputTruncated: false, fileProblem: null, compileMs: 1, runMs: 1, queueMs: 0 },
			DEFAULT_LIMITS,
		)
		expect(forged.status).toBe('fail')
		expect(
			WorkerMessageSchema.safeParse({ type: 'result', id: 1, memory: 1, result: { kind: 'stopped', limit: 'everything is fine', compileMs: 0, runMs: 0 } })
				.success,
		).toBe(false)
		expect(WorkerMessageSchema.safeParse({ type: 'result', id: 1, memory: 1, result: { kind: 'ran', status: 'pass', tests: [] } }).success).toBe(false)
		expect(WorkerMessageSchema.safeParse({ type: 'ready', memory: 1 }).success).toBe(true)
	})
})
