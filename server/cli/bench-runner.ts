// npm run bench:runner [-- --runs N --memory-runs N]
// Latency and throughput of the sandbox for a typical exercise (3 source files, 10 tests)
// at concurrency 1, 4 and 16, against the same tests run in-process with node:vm (no
// isolation), and worker memory across many runs. A benchmark, not a test: it prints figures.
import { readFileSync } from 'node:fs'
import vm from 'node:vm'
import { build } from 'esbuild'
import { assertSupportedNode } from '#server/node-version.ts'
import { createRunnerPool, runTests, type RunnerPool } from '#app/runner/index.ts'
import { typicalExercise } from './bench-runner-exercise.ts'
import { ensureHarnessBundle } from '#app/runner/worker/harness-bundle.ts'

assertSupportedNode('The runner benchmark')

const arg = (name: string, fallback: number) => {
	const index = process.argv.indexOf(`--${name}`)
	return index >= 0 ? Number(process.argv[index + 1]) : fallback
}
const RUNS = arg('runs', 400)
const MEMORY_RUNS = arg('memory-runs', 10_000)

function percentile(sorted: number[], p: number) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function measure(label: string, concurrency: number, runs: number, once: () => Promise<unknown>) {
	const latencies: number[] = []
	let next = 0
	const started = performance.now()
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next++ < runs) {
				const t0 = performance.now()
				await once()
				latencies.push(performance.now() - t0)
			}
		}),
	)
	const seconds = (performance.now() - started) / 1000
	latencies.sort((a, b) => a - b)
	const row = {
		label,
		concurrency,
		runs,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		throughput: runs / seconds,
	}
	console.log(
		`${label.padEnd(10)} c=${String(concurrency).padEnd(3)} p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  p99 ${row.p99.toFixed(1).padStart(6)} ms  ${row.throughput.toFixed(0).padStart(5)} runs/s`,
	)
	return row
}

// The baseline: the same harness and the same tests in a node:vm context in this process.
async function makeVmBaseline() {
	const harness = readFileSync(await ensureHarnessBundle(), 'utf8')
	const bundled = await build({
		stdin: { contents: typicalExercise['tests/cart.test.ts']!, resolveDir: '/', sourcefile: 'tests/cart.test.ts', loader: 'ts' },
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'neutral',
		plugins: [
			{
				name: 'memory',
				setup(b) {
					b.onResolve({ filter: /^vitest$/ }, () => ({ path: 'vitest', namespace: 'api' }))
					b.onLoad({ filter: /.*/, namespace: 'api' }, () => ({ contents: 'module.exports = globalThis.__hmTestApi', loader: 'js' }))
					// Every import in the typical exercise names a file in src/.
					b.onResolve({ filter: /^\./ }, (args) => ({ path: `src/${args.path.split('/').pop()}`, namespace: 'mem' }))
					b.onLoad({ filter: /.*/, namespace: 'mem' }, (args) => ({
						contents: typicalExercise[`${args.path}.ts`] ?? typicalExercise[args.path]!,
						loader: 'ts',
					}))
				},
			},
		],
	})
	// Named as in the sandbox: the harness only lets test files define tests.
	const testCode = new vm.Script(bundled.outputFiles[0]!.text, { filename: 'tests/cart.test.ts' })
	const harnessScript = new vm.Script(harness, { filename: 'hardmode-harness' })
	return async () => {
		// The harness is evaluated per run here, so it is told not to prepare the lockdown it will never apply.
		const context = vm.createContext({ __hmEvaluatedOnce: true })
		harnessScript.runInContext(context)
		const hm = vm.runInContext('__hm', context)
		hm.configure(JSON.stringify({ seed: 1, outputBytes: 65536, maxTests: 500, files: [] }))
		hm.install()
		hm.beginFile('tests/cart.test.ts')
		testCode.runInContext(context)
		hm.endCollect()
		hm.startRun()
		for (;;) {
			await new Promise((resolve) => setImmediate(resolve))
			if (hm.advance() === 'done') break
		}
		const { results } = JSON.parse(hm.takeResults())
		if (results.length !== 10 || results.some((r: { status: string }) => r.status !== 'pass')) throw new Error('baseline run failed')
	}
}

async function main() {
	const pool: RunnerPool = createRunnerPool({ recycleAfterRuns: Number.MAX_SAFE_INTEGER })
	await pool.ready()
	const once = async () => {
		const result = await runTests({ files: typicalExercise }, { pool })
		if (result.status !== 'pass' || result.tests.length !== 10) throw new Error(`benchmark run failed: ${result.message}`)
	}
	for (let i = 0; i < 50; i++) await once() // warm-up
	console.log(`Sandbox runner: ${pool.size} workers, typical exercise (3 source files, 10 tests), ${RUNS} runs per row\n`)
	const rows = []
	for (const c of [1, 4, 16]) rows.push(await measure('isolated', c, RUNS, once))
	const baseline = await makeVmBaseline()
	for (let i = 0; i < 20; i++) await baseline()
	const base = await measure('node:vm', 1, RUNS, baseline)
	const c1 = rows[0]!
	console.log(
		`\nisolated-vm in a worker vs in-process node:vm at c=1: p50 ×${(c1.p50 / base.p50).toFixed(2)}, throughput ×${(c1.throughput / base.throughput).toFixed(2)}`,
	)

	// Memory: the same pool (no recycling) shows the raw growth; a pool with the default
	// recycling (a fresh worker every 500 runs) shows what the server actually holds.
	// Compared with the first sample after 250 warm-up runs: a cold worker has not yet
	// grown V8's code and heap spaces to their working size.
	const report = (label: string, samples: number[]) => {
		const [, warm, ...rest] = samples
		const low = Math.min(warm!, ...rest)
		const high = Math.max(warm!, ...rest)
		const pct = (value: number) => `${value >= warm! ? '+' : ''}${(((value - warm!) / warm!) * 100).toFixed(0)}%`
		console.log(
			`  ${label}: ${(warm! / 1048576).toFixed(0)} MB after warm-up, range ${(low / 1048576).toFixed(0)}–${(high / 1048576).toFixed(0)} MB (${pct(low)} … ${pct(high)}), at the end ${(samples.at(-1)! / 1048576).toFixed(0)} MB (${pct(samples.at(-1)!)})`,
		)
	}
	const sampleEvery = async (target: RunnerPool, runs: number) => {
		const samples: number[] = []
		let next = 0
		const sample = () => samples.push(Math.max(...target.workerMemory().map((w) => w.rss || w.startRss)))
		sample()
		await Promise.all(
			Array.from({ length: 4 }, async () => {
				while (next++ < runs) {
					await runTests({ files: typicalExercise }, { pool: target })
					if (next % 250 === 0) sample()
				}
			}),
		)
		return samples
	}
	console.log(`\nWorker RSS (largest worker) across ${MEMORY_RUNS} runs at c=4:`)
	report('no recycling', await sampleEvery(pool, MEMORY_RUNS))
	const recycling = createRunnerPool()
	await recycling.ready()
	report('recycled every 500 runs (default)', await sampleEvery(recycling, MEMORY_RUNS))
	await recycling.close()
	await pool.close()
}

await main()
