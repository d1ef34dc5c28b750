import { describe, expect, it } from 'vitest'
import type { SandboxRunRequest, SandboxRunResult } from './sandbox.ts'
import { patientRun } from './serving-check.ts'

const request: SandboxRunRequest = { files: {}, testFiles: [] }
const passed: SandboxRunResult = { status: 'pass', tests: [{ name: 't', file: 'a.test.ts', status: 'pass', durationMs: 1 }] }
const refused = (limit: 'queue' | 'time'): SandboxRunResult => ({ status: 'error', limit, message: `hit the ${limit} limit`, tests: [] })

function scripted(results: SandboxRunResult[]) {
	let calls = 0
	return { run: async () => results[Math.min(calls++, results.length - 1)]!, calls: () => calls }
}

describe('patientRun', () => {
	it('tries again when the sandbox queue turned the run away', async () => {
		const sandbox = scripted([refused('queue'), refused('queue'), passed])
		expect(await patientRun(sandbox.run, { retryDelayMs: 0 })(request)).toEqual(passed)
		expect(sandbox.calls()).toBe(3)
	})

	it('gives a run stopped by its time limit one more chance, and reports a second stop', async () => {
		const once = scripted([refused('time'), passed])
		expect(await patientRun(once.run, { retryDelayMs: 0 })(request)).toEqual(passed)
		const always = scripted([refused('time')])
		expect(await patientRun(always.run, { retryDelayMs: 0 })(request)).toMatchObject({ limit: 'time' })
		expect(always.calls()).toBe(2)
	})
})
