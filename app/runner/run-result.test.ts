// The host's conversion of every worker outcome into the versioned result format.
import { describe, expect, it } from 'vitest'
import { toRunResult } from './index.ts'
import type { WorkerOutcome } from './pool.ts'
import { DEFAULT_LIMITS } from './protocol.ts'

const test = (name: string, status: string, extra: object = {}) => ({ name, file: 'cart.test.ts', status, durationMs: 1, ...extra })
const ran = (tests: unknown[], extra: Partial<Extract<WorkerOutcome, { kind: 'ran' }>> = {}) =>
	toRunResult(
		{ kind: 'ran', tests, console: '', outputTruncated: false, fileProblem: null, compileMs: 1.234, runMs: 5.678, queueMs: 0.5, ...extra },
		DEFAULT_LIMITS,
	)

describe('turning what a worker reported into a run result', () => {
	it('passes when every test that ran passed, skipped ones aside, with rounded timings', () => {
		expect(ran([test('adds', 'pass'), test('later', 'skip')])).toEqual({
			version: 1,
			status: 'pass',
			tests: [test('adds', 'pass'), test('later', 'skip')],
			console: '',
			timings: { queueMs: 0.5, compileMs: 1.23, runMs: 5.68 },
		})
	})

	it('fails when any test failed or errored', () => {
		expect(ran([test('adds', 'pass'), test('rounds', 'fail', { message: 'expected 1 to be 2' })]).status).toBe('fail')
		expect(ran([test('loads', 'error')]).status).toBe('fail')
	})

	it('fails a run where no test ran, and says why', () => {
		const result = ran([test('later', 'skip')])
		expect(result.status).toBe('fail')
		expect(result.message).toMatch(/^No tests ran: a test file must call test\(\) or it\(\)/)
	})

	it('carries a file’s own problem and the console limit in the message', () => {
		const result = ran([test('adds', 'pass')], { fileProblem: 'cart.test.ts: the tests stopped responding', console: 'hello\n', outputTruncated: true })
		expect(result).toMatchObject({ status: 'pass', console: 'hello\n', limit: 'output' })
		expect(result.message).toMatch(/^cart\.test\.ts: the tests stopped responding The console output passed its limit/)
	})

	it('drops a test result that is not one, keeping the others', () => {
		expect(ran([test('adds', 'pass'), { name: 'broken' }, 'text']).tests.map((t) => t.name)).toEqual(['adds'])
	})

	it('reports code that could not run with its message, location and the tests of earlier files', () => {
		const result = toRunResult(
			{
				kind: 'error',
				message: 'src/cart.ts:3:9: Unexpected token',
				location: { file: 'src/cart.ts', line: 3, column: 9 },
				tests: [test('first file', 'pass')],
				compileMs: 2,
				queueMs: 0,
			},
			DEFAULT_LIMITS,
		)
		expect(result).toMatchObject({
			status: 'error',
			message: 'src/cart.ts:3:9: Unexpected token',
			location: { file: 'src/cart.ts', line: 3, column: 9 },
			tests: [{ name: 'first file' }],
			timings: { runMs: 0 },
		})
	})

	it.each([
		['time', /time limit \(2 s of CPU, 5 s in all\)/],
		['memory', /more memory than its limit \(64 MB\)/],
		['tests', /More than 500 tests were defined/],
	] as const)('names the %s limit when it stopped the run in the worker', (limit, message) => {
		const result = toRunResult({ kind: 'stopped', limit, compileMs: 1, runMs: 2, queueMs: 0 }, DEFAULT_LIMITS)
		expect(result).toMatchObject({ status: 'error', limit, tests: [], console: '' })
		expect(result.message).toMatch(message)
	})

	it.each(['time', 'memory'] as const)('names the %s limit when the host killed the worker', (limit) => {
		expect(toRunResult({ kind: 'killed', limit, reason: 'wall-clock limit', queueMs: 3 }, DEFAULT_LIMITS)).toMatchObject({
			status: 'error',
			limit,
			timings: { queueMs: 3 },
		})
	})

	it('says the sandbox is busy when the queue refused the run, and nothing ran', () => {
		expect(toRunResult({ kind: 'rejected', limit: 'queue', queueMs: 15000 }, DEFAULT_LIMITS)).toMatchObject({
			status: 'error',
			limit: 'queue',
			message: expect.stringMatching(/busy.*Nothing was run/),
		})
	})

	it('tells the learner to tell the admin when the sandbox could not start, with the reason', () => {
		const result = toRunResult({ kind: 'unavailable', reason: 'Cannot find package isolated-vm', queueMs: 0 }, DEFAULT_LIMITS)
		expect(result.status).toBe('error')
		expect(result.limit).toBeUndefined()
		expect(result.message).toMatch(/could not start.*Tell your Hardmode admin.*Cannot find package isolated-vm/)
	})
})
