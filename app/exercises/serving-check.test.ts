import { describe, expect, it } from 'vitest'
import type { SandboxRunRequest, SandboxRunResult } from './sandbox.ts'
import { fakeRunner, sampleFolder } from './fixtures/sample-exercise.ts'
import type { ProofCache } from './proof-cache.ts'
import { patientRun, servingCheck } from './serving-check.ts'

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

describe('servingCheck with remembered proofs', () => {
	function proofsOf(proven: boolean) {
		const remembered: string[] = []
		const proofs: ProofCache = { isProven: () => proven, remember: (folder) => void remembered.push(folder.folderName), save: async () => {} }
		return { proofs, remembered }
	}

	it('plays a folder proven with this content and checker no more, but still applies the catalogue rules', async () => {
		const runner = fakeRunner()
		const folder = sampleFolder()
		const twin = sampleFolder(undefined, 'statement-twin')
		expect(await servingCheck(runner.run, proofsOf(true).proofs)(folder, [folder])).toEqual([])
		expect(runner.requests).toHaveLength(0)
		// A renamed copy: catalogue problems (uuid, family), whatever the proofs say.
		const problems = await servingCheck(runner.run, proofsOf(true).proofs)(twin, [folder, twin])
		expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('[unique-uuid]'), expect.stringContaining('[family-similarity]')]))
		expect(runner.requests).toHaveLength(0)
	})

	it('proves a folder it does not know, and remembers it once it passes', async () => {
		const runner = fakeRunner()
		const folder = sampleFolder()
		const { proofs, remembered } = proofsOf(false)
		expect(await servingCheck(runner.run, proofs)(folder, [folder])).toEqual([])
		expect(runner.requests.length).toBeGreaterThan(0)
		expect(remembered).toEqual([folder.folderName])
	})
})
