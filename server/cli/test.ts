// `npm test`: every check the project has, in the order that fails fastest, stopping at
// the first failure. Type check → lint → Vitest on PGlite → Vitest's database tests on a real
// PostgreSQL (when TEST_DATABASE_URL is set) → exercises check → build → Vitest on the build
// (a real server process, *.build.test.ts) → browser → Playwright. Ends with a summary table and `Summary: N passed, N failed` on the last line.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { assertSupportedNode } from '#server/node-version.ts'
import * as artifacts from '#tests/setup/artifacts.ts'
import * as report from './test-report.ts'
import type { StepOutcome, TestCounts } from './test-report.ts'

// The modules above load on any Node; Playwright is imported only in the browser step, after this.
assertSupportedNode('The test suite')

type StepResult = { ok: boolean; counts?: TestCounts; note?: string }
type Step = {
	title: string
	/** How to run just this step again, shown when it fails. */
	rerun: string
	/** Set when the step does not apply to this run; it is listed as skipped. */
	skipBecause?: string
	run: () => Promise<StepResult>
}

const root = path.resolve(import.meta.dirname, '../..')
const binDir = path.join(root, 'node_modules/.bin')
let running: ReturnType<typeof spawn> | undefined

/** Runs a command with the project's bin folder first on PATH, output straight to ours. */
function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
	console.log(`$ ${[command, ...args].join(' ')}`)
	return new Promise<number>((resolve) => {
		const child = spawn(command, args, {
			cwd: root,
			stdio: 'inherit',
			env: { ...env, PATH: `${binDir}${path.delimiter}${env.PATH ?? ''}` },
		})
		running = child
		child.on('error', (error) => {
			console.error(`Could not start ${command}: ${error.message}`)
			resolve(127)
		})
		child.on('close', (code, signal) => {
			running = undefined
			resolve(code ?? (signal ? 128 : 1))
		})
	})
}

function readReport(file: string): unknown {
	try {
		return JSON.parse(readFileSync(file, 'utf8'))
	} catch {
		return undefined
	}
}

function withoutDatabaseSettings(env: NodeJS.ProcessEnv) {
	// The first pass must use the embedded database whatever the caller's shell has set.
	const { TEST_DB: _testDb, TEST_DATABASE_URL: _testUrl, DATABASE_URL: _url, ...rest } = env
	return rest
}

async function vitest(reportFile: string, args: string[], env: NodeJS.ProcessEnv): Promise<StepResult> {
	rmSync(reportFile, { force: true })
	const exitCode = await runCommand('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...args], env)
	const json = readReport(reportFile)
	const counts = report.settleCounts(json ? report.countsFromVitestReport(json) : undefined, exitCode === 0)
	if (exitCode === 0 && counts.passed + counts.failed === 0) {
		return { ok: false, counts: { ...counts, failed: 1 }, note: 'no test ran, so nothing was proven' }
	}
	return { ok: exitCode === 0, counts, note: json ? undefined : 'Vitest wrote no report' }
}

async function npmScript(name: string): Promise<StepResult> {
	return { ok: (await runCommand('npm', ['run', '--silent', name])) === 0 }
}

function hasNpmScript(name: string) {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
	return Boolean(pkg.scripts?.[name])
}

const postgresUrl = process.env.TEST_DATABASE_URL?.trim()
const postgres = postgresUrl ? report.describeDatabaseUrl(postgresUrl) : undefined
let chromiumPath: string | undefined

const steps: Step[] = [
	{
		title: 'Type check',
		rerun: 'npm run typecheck',
		run: () => npmScript('typecheck'),
	},
	{
		title: 'Lint (ESLint, Prettier)',
		rerun: 'npm run lint',
		run: () => npmScript('lint'),
	},
	{
		title: 'Vitest on PGlite (embedded)',
		rerun: 'npm run test:unit',
		run: async () => {
			console.log('Database: PGlite (embedded, in memory), one per test file that asks for one.')
			const result = await vitest(artifacts.VITEST_PGLITE_REPORT, [], withoutDatabaseSettings(process.env))
			return { ...result, note: result.note ?? 'database: PGlite (embedded)' }
		},
	},
	{
		title: `Vitest *.db.test.ts on ${postgres ?? 'PostgreSQL'}`,
		rerun: 'TEST_DB=postgres TEST_DATABASE_URL=<url> npx vitest run .db.test.ts',
		skipBecause: postgres ? undefined : 'TEST_DATABASE_URL is not set (.ci/run sets it)',
		run: async () => {
			console.log(`Database: ${postgres}, a fresh database per test file.`)
			const result = await vitest(artifacts.VITEST_POSTGRES_REPORT, ['--passWithNoTests', '.db.test.ts'], {
				...process.env,
				TEST_DB: 'postgres',
				TEST_DATABASE_URL: postgresUrl,
			})
			return { ...result, note: result.note ?? `database: ${postgres}` }
		},
	},
	{
		title: 'Exercises check',
		rerun: 'npm run exercises:check',
		skipBecause: hasNpmScript('exercises:check') ? undefined : 'no exercises:check script yet',
		run: () => npmScript('exercises:check'),
	},
	{
		title: 'Build',
		rerun: 'npm run build',
		run: () => npmScript('build'),
	},
	{
		// Tests of a real server process on the production build (*.build.test.ts), such as its graceful shutdown.
		title: 'Vitest on the production build',
		rerun: 'npx vitest run --config vitest.build.config.ts',
		run: () => vitest(artifacts.VITEST_BUILD_REPORT, ['--config', 'vitest.build.config.ts'], withoutDatabaseSettings(process.env)),
	},
	{
		title: 'Browser',
		rerun: 'npx tsx server/cli/ensure-browser.ts',
		run: async () => {
			const { ensureBrowser, ensurePdfToText } = await import('./ensure-browser.ts')
			try {
				const browser = await ensureBrowser()
				ensurePdfToText()
				chromiumPath = browser.executablePath
				const note = `Chromium ${browser.version} at ${browser.executablePath} (${browser.source})`
				console.log(`${note} launches headless.`)
				return { ok: true, note }
			} catch (error) {
				console.error(error instanceof Error ? error.message : error)
				return { ok: false, note: 'no working Chromium' }
			}
		},
	},
	{
		title: 'Playwright (Chromium)',
		rerun: 'npm run test:e2e   (after npm run build)',
		run: async () => {
			rmSync(artifacts.PLAYWRIGHT_REPORT, { force: true })
			const { HARDMODE_E2E_RUNNER: _marker, ...env } = process.env
			const exitCode = await runCommand('playwright', ['test'], { ...env, CHROMIUM_PATH: chromiumPath ?? env.CHROMIUM_PATH })
			const json = readReport(artifacts.PLAYWRIGHT_REPORT)
			const counts = report.settleCounts(json ? report.countsFromPlaywrightReport(json) : undefined, exitCode === 0)
			if (exitCode === 0 && counts.passed + counts.failed === 0) {
				return { ok: false, counts: { ...counts, failed: 1 }, note: 'no test ran, so nothing was proven' }
			}
			const failures = path.relative(root, artifacts.PLAYWRIGHT_OUTPUT_DIR)
			return { ok: exitCode === 0, counts, note: exitCode === 0 ? undefined : `screenshots and traces in ${failures}/` }
		},
	},
]

const RULE = '━'.repeat(72)

function banner(text: string) {
	console.log(`\n${RULE}\n${text}\n${RULE}`)
}

function forwardSignal(signal: NodeJS.Signals) {
	process.on(signal, () => {
		running?.kill(signal)
		console.error(`\nnpm test stopped by ${signal}.`)
		process.exit(128 + (signal === 'SIGINT' ? 2 : 15))
	})
}
forwardSignal('SIGINT')
forwardSignal('SIGTERM')

const started = performance.now()
const active = steps.filter((step) => !step.skipBecause)
console.log(`Hardmode test suite on Node ${process.versions.node}: ${active.map((step) => step.title).join(' → ')}`)

const outcomes: StepOutcome[] = []
let failed = false
let position = 0
for (const step of steps) {
	if (step.skipBecause) {
		outcomes.push({ title: step.title, status: 'skipped', note: step.skipBecause })
		continue
	}
	if (failed) {
		outcomes.push({ title: step.title, status: 'not run' })
		continue
	}
	position += 1
	banner(`▶ [${position}/${active.length}] ${step.title}`)
	const stepStarted = performance.now()
	let result: StepResult
	try {
		result = await step.run()
	} catch (error) {
		console.error(error)
		result = { ok: false, note: 'crashed (see above)' }
	}
	const durationMs = performance.now() - stepStarted
	outcomes.push({ title: step.title, status: result.ok ? 'passed' : 'failed', durationMs, counts: result.counts, note: result.note })
	const detail = [result.counts ? report.formatCounts(result.counts) : undefined, result.note].filter(Boolean).join(' · ')
	if (result.ok) {
		console.log(`\n✔ ${step.title} passed in ${report.formatDuration(durationMs)}${detail ? ` — ${detail}` : ''}`)
	} else {
		failed = true
		const notRun = active.slice(position).map((later) => later.title)
		banner(
			[
				`✘ FAILED: ${step.title} after ${report.formatDuration(durationMs)}${detail ? ` — ${detail}` : ''}`,
				`  Run this step alone: ${step.rerun}`,
				notRun.length > 0 ? `  Stopped here; not run: ${notRun.join(', ')}` : undefined,
			]
				.filter(Boolean)
				.join('\n'),
		)
	}
}

if (existsSync(artifacts.ARTIFACTS_DIR)) {
	console.log(`\nReports: ${path.relative(root, path.dirname(artifacts.PLAYWRIGHT_REPORT))}/`)
}
console.log(`\n${report.renderSummary(outcomes, performance.now() - started)}`)
process.exitCode = failed ? 1 : 0
