// Golden results: each fixture folder has the exact result it must produce (durations
// zeroed). UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { runTests, type RunResult } from './index.ts'
import { useTestPool } from './test-pool.ts'
import { collectFiles } from './files.ts'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const testPool = useTestPool()

function normalise(result: RunResult) {
	return {
		...result,
		timings: { queueMs: 0, compileMs: 0, runMs: 0 },
		tests: result.tests.map((test) => ({ ...test, durationMs: 0 })),
	}
}

it.each(['pass', 'fail', 'error'])('the %s fixture gives its golden result', async (name) => {
	const dir = path.join(fixtures, name)
	const result = normalise(await runTests({ files: collectFiles(dir) }, { pool: testPool.pool }))
	const goldenFile = path.join(dir, 'expected.json')
	if (process.env.UPDATE_GOLDEN) writeFileSync(goldenFile, `${JSON.stringify(result, null, '\t')}\n`)
	expect(result).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')))
	expect(result.status).toBe(name)
})
