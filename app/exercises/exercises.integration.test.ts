// Breaks a real exercise four ways and checks that the validator, running the real
// sandbox as `npm run exercises:check` does, reports exactly the rule that was broken.
import { spawnSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunnerPool, createRunnerPool, runTests } from '#app/runner/index.ts'
import { checkCatalogue } from './catalogue-check.ts'
import { sampleExerciseFiles } from './fixtures/sample-exercise.ts'
import { distinctiveSolutionLines } from './leaks.ts'
import { diffLines, diffTouchesRange } from './line-diff.ts'
import { readExerciseFolder } from './load.ts'
import { scaffoldExercise } from './scaffold.ts'
import { type RunTests } from './validate.ts'

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const EXERCISES_ROOT = fileURLToPath(new URL('../../exercises', import.meta.url))
// A real exercise with a one-file fix; any valid exercise would do.
const REAL_SLUG = 'orders-page-skips-an-order'
describe('exercises:check on a real exercise, with the real sandbox', () => {
	let pool: RunnerPool
	let workDir: string
	const run: RunTests = (request) => runTests(request, { pool })

	beforeAll(async () => {
		pool = createRunnerPool({ size: 1 })
		await pool.ready()
		workDir = await mkdtemp(path.join(tmpdir(), 'hardmode-exercise-check-'))
	}, 60_000)

	afterAll(async () => {
		await pool?.close()
		if (workDir) await rm(workDir, { recursive: true, force: true })
	})

	let copies = 0
	async function copyOfRealExercise() {
		const dir = path.join(workDir, `copy-${++copies}`, REAL_SLUG)
		await cp(path.join(EXERCISES_ROOT, REAL_SLUG), dir, { recursive: true })
		const folder = await readExerciseFolder(dir)
		const [solutionPath, solutionText] = Object.entries(folder.solution)[0] as [string, string]
		const srcPath = `src/${solutionPath.slice('solution/'.length)}`
		return { dir, folder, solutionPath, solutionText, srcPath }
	}

	async function rulesReported(dir: string) {
		const { reports } = await checkCatalogue([dir], { run })
		const problems = reports.flatMap((report) => report.problems)
		return { rules: [...new Set(problems.map((problem) => problem.rule))].sort(), problems }
	}

	// On failure, show the messages, not just the rule names.
	const expectRules = ({ rules, problems }: Awaited<ReturnType<typeof rulesReported>>) =>
		expect(rules, problems.map((problem) => `[${problem.rule}] ${problem.message}`).join('\n'))

	it('finds the untouched exercise valid', async () => {
		const { dir } = await copyOfRealExercise()
		expect((await rulesReported(dir)).problems).toEqual([])
	}, 60_000)

	it('reports starter-fails when the solution is applied to src/', async () => {
		const { dir, solutionText, srcPath } = await copyOfRealExercise()
		await writeFile(path.join(dir, srcPath), solutionText)
		expectRules(await rulesReported(dir)).toEqual(['starter-fails'])
	}, 60_000)

	it('reports solution-passes when the solution is broken', async () => {
		const { dir, solutionPath, solutionText } = await copyOfRealExercise()
		await writeFile(path.join(dir, solutionPath), `${solutionText}\nthrow new Error('deliberately broken reference solution')\n`)
		expectRules(await rulesReported(dir)).toEqual(['solution-passes'])
	}, 60_000)

	it('reports root-cause-location when the range is moved to lines the solution does not touch', async () => {
		const { dir, solutionText, srcPath, folder } = await copyOfRealExercise()
		const diff = diffLines(folder.src[srcPath] as string, solutionText)
		const untouched = Array.from({ length: 40 }, (_, index) => index + 1).find((line) => !diffTouchesRange(diff, line, line + 1))
		const metadata = JSON.parse(await readFile(path.join(dir, 'exercise.json'), 'utf8'))
		metadata.rootCause.locations = [{ file: srcPath, startLine: untouched, endLine: (untouched as number) + 1 }]
		await writeFile(path.join(dir, 'exercise.json'), JSON.stringify(metadata, null, '\t'))
		expectRules(await rulesReported(dir)).toEqual(['root-cause-location'])
	}, 60_000)

	it('reports no-leak when a line of the solution is pasted into the README', async () => {
		const { dir, folder } = await copyOfRealExercise()
		const [leaked] = distinctiveSolutionLines(folder)
		expect(leaked).toBeDefined()
		await writeFile(path.join(dir, 'README.md'), `${folder.readme}\nA colleague suggested: \`${leaked?.line}\`\n`)
		const reported = await rulesReported(dir)
		expectRules(reported).toEqual(['no-leak'])
		expect(reported.problems[0]?.file).toBe('README.md')
	}, 60_000)

	it('agrees with the fake runner of the unit tests on the in-memory sample exercise', async () => {
		const dir = path.join(workDir, 'sample', 'statement-misses-last-payment')
		for (const [relative, text] of Object.entries(sampleExerciseFiles())) {
			const file = path.join(dir, ...relative.split('/'))
			await mkdir(path.dirname(file), { recursive: true })
			await writeFile(file, text)
		}
		expect((await rulesReported(dir)).problems).toEqual([])
	}, 60_000)

	it('finds only the author placeholders and the sample size in a fresh scaffold', async () => {
		const dir = await scaffoldExercise({ exercisesRoot: path.join(workDir, 'scaffold'), slug: 'invoice-drops-line' })
		expectRules(await rulesReported(dir)).toEqual(['placeholder', 'src-size'])
	}, 60_000)

	describe('the architecture exercise', () => {
		const ARCHITECTURE_SLUG = 'idempotent-payment-webhook'
		async function copyOfArchitectureExercise() {
			const dir = path.join(workDir, `copy-${++copies}`, ARCHITECTURE_SLUG)
			await cp(path.join(EXERCISES_ROOT, ARCHITECTURE_SLUG), dir, { recursive: true })
			return dir
		}

		it('is valid, and its naive starter misses thresholds in both stages', async () => {
			const { reports } = await checkCatalogue([await copyOfArchitectureExercise()], { run })
			const [report] = reports
			expect(report?.problems).toEqual([])
			expect(report?.stages?.map((stage) => stage.stage)).toEqual([1, 2])
			for (const stage of report?.stages ?? []) expect(stage.failing).toBeGreaterThan(0)
		}, 60_000)

		it('reports solution-passes, naming the scenario and the metric, when the reference design forgets its idempotency key', async () => {
			const dir = await copyOfArchitectureExercise()
			const file = path.join(dir, 'solution/webhooks/paymentService.ts')
			const reference = await readFile(file, 'utf8')
			const forgetful = reference.replace(', idempotencyKey: `capture:${paymentId}`', '')
			expect(forgetful).not.toBe(reference)
			await writeFile(file, forgetful)
			const reported = await rulesReported(dir)
			expectRules(reported).toEqual(['solution-passes'])
			expect(reported.problems[0]?.message).toMatch(/the payments API has a bad two minutes \(fail: .*Duplicate side effects: \d+ effects \(threshold ≤ 0 effects\)/)
		}, 60_000)
	})

	it('makes npm run exercises:check exit 1 and name the exercise, file and rule', async () => {
		const { dir, folder } = await copyOfRealExercise()
		const [leaked] = distinctiveSolutionLines(folder)
		await writeFile(path.join(dir, 'README.md'), `${folder.readme}\n${leaked?.line}\n`)
		const cli = spawnSync('npx', ['tsx', 'server/cli/exercises-check.ts', dir], { cwd: PROJECT_ROOT, encoding: 'utf8' })
		expect(cli.status, cli.stderr).toBe(1)
		expect(cli.stdout).toContain(`✗ ${REAL_SLUG}  debugging  boundary  900`)
		expect(cli.stdout).toContain(`✗ ${REAL_SLUG} › README.md [no-leak] README.md line`)
		expect(cli.stdout).toContain('1 exercise, 0 valid.')
	}, 60_000)
})
