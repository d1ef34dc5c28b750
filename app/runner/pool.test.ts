import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { createRunnerPool, runTests } from './index.ts'
import { useTestPool } from './test-pool.ts'

const testPool = useTestPool()
const files = { 'ok.test.js': "it('works', () => expect(new Date().getTimezoneOffset()).toBe(0))" }

it('answers "could not start" when workers die before they are ready, without taking the host down', async () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'hm-broken-worker-'))
	const entry = path.join(dir, 'worker.mjs')
	writeFileSync(entry, "console.error('Cannot find package isolated-vm'); process.exit(1)\n")
	const broken = createRunnerPool({ size: 2, entry })
	try {
		const result = await runTests({ files }, { pool: broken })
		expect(result).toMatchObject({ status: 'error', tests: [] })
		expect(result.message).toMatch(/could not start.*Cannot find package isolated-vm/)
		// It stops trying after a few failures instead of respawning in a loop.
		await new Promise((resolve) => setTimeout(resolve, 1500))
		expect(broken.stats.started).toBeLessThanOrEqual(4)
		expect((await runTests({ files }, { pool: broken })).message).toMatch(/could not start/)
	} finally {
		await broken.close()
	}
}, 30_000)

it('does not blame the next run on a worker that died between runs', async () => {
	const { pool } = testPool
	expect((await runTests({ files }, { pool })).status).toBe('pass')
	for (const pid of pool.workerPids()) process.kill(pid, 'SIGKILL')
	const next = await runTests({ files }, { pool })
	expect(next).toMatchObject({ status: 'pass' })
	expect(next.limit).toBeUndefined()
}, 30_000)
