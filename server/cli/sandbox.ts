// npm run sandbox -- <dir> [<dir> …] [--json] [--seed N]
// Runs every test file in each directory against the other files in it, all through one
// pool. Exits 0 whenever it produced results (failing tests and hostile code included).
import { assertSupportedNode } from '#server/node-version.ts'
import { createRunnerPool, runTests, type RunResult } from '#app/runner/index.ts'
import { collectFiles } from '#app/runner/files.ts'

assertSupportedNode('The sandbox command')

const SYMBOL = { pass: '✓', fail: '✗', error: '!', skip: '-' } as const

export function formatResult(dir: string, result: RunResult) {
	const lines = [`${dir}: ${result.status.toUpperCase()}${result.limit ? ` (limit: ${result.limit})` : ''}`]
	if (result.message) lines.push(`  ${result.message}`)
	for (const test of result.tests) {
		lines.push(`  ${SYMBOL[test.status]} ${test.file} › ${test.name}${test.durationMs ? ` (${test.durationMs} ms)` : ''}`)
		if (test.status === 'fail' || test.status === 'error') {
			if (test.message) lines.push(...test.message.split('\n').map((l) => `      ${l}`))
			if (test.expected !== undefined) lines.push(`      Expected: ${test.expected.slice(0, 300)}`, `      Received: ${test.actual?.slice(0, 300)}`)
			if (test.location) lines.push(`      at ${test.location.file}:${test.location.line}:${test.location.column}`)
		}
	}
	const counts = result.tests.reduce<Record<string, number>>((acc, t) => ((acc[t.status] = (acc[t.status] ?? 0) + 1), acc), {})
	lines.push(
		`  ${counts.pass ?? 0} passed, ${counts.fail ?? 0} failed, ${counts.error ?? 0} errors, ${counts.skip ?? 0} skipped · compile ${result.timings.compileMs} ms, run ${result.timings.runMs} ms`,
	)
	return lines.join('\n')
}

async function main(argv: string[]) {
	const json = argv.includes('--json')
	const seedIndex = argv.indexOf('--seed')
	const seed = seedIndex >= 0 ? Number(argv[seedIndex + 1]) : undefined
	const dirs = argv.filter((arg, i) => !arg.startsWith('--') && !(seedIndex >= 0 && i === seedIndex + 1))
	if (dirs.length === 0 || (seed !== undefined && !Number.isInteger(seed))) {
		console.error('Usage: npm run sandbox -- <dir> [<dir> …] [--json] [--seed N]')
		return 2
	}
	const pool = createRunnerPool()
	try {
		const results = await Promise.all(
			dirs.map(async (dir) => {
				let files: Record<string, string>
				try {
					files = collectFiles(dir)
				} catch (error) {
					return { dir, error: `cannot read ${dir}: ${(error as Error).message}` }
				}
				return { dir, result: await runTests({ files, seed }, { pool }) }
			}),
		)
		for (const entry of results) {
			if ('error' in entry) {
				console.error(entry.error)
				continue
			}
			console.log(json ? JSON.stringify({ dir: entry.dir, ...entry.result }) : formatResult(entry.dir, entry.result))
		}
		return results.some((entry) => 'error' in entry) ? 1 : 0
	} finally {
		await pool.close()
	}
}

process.exitCode = await main(process.argv.slice(2))
