import { describe, expect, it } from 'vitest'
import { BUGGY_LINE, SAMPLE_SLUG, fakeRunner, sampleFolder } from './fixtures/sample-exercise.ts'
import { architectureFolder, fakeScenarioRunner, LATER_FILES } from './fixtures/sample-architecture.ts'
import { type ExerciseFiles, exerciseFolderFromFiles } from './exercise-folder.ts'
import { checkFixProofCount, commentsOnly, missingFixProofs } from './fix-proofs.ts'
import { type SandboxRunRequest, type SandboxRunResult } from './sandbox.ts'
import { checkExercise, validateExercise } from './validate.ts'

const ALTERNATIVE_LINE = '\t\tif (entry.day >= fromDay && !(entry.day > toDay)) lines.push(entry)'
// A symptom patch: the statement renders one more day instead of fixing the period filter.
const PATCHED_RENDER = 'const lines = statementLines(ledger, account, fromDay, toDay + 1)'

function withFixes(change: (files: ExerciseFiles) => void = () => {}) {
	return (files: ExerciseFiles) => {
		const statement = files['src/statement.js'] as string
		files['alternatives/negated-check/statement.js'] = statement.replace(BUGGY_LINE, ALTERNATIVE_LINE)
		files['patches/render-one-more-day/statement.js'] = statement.replace('const lines = statementLines(ledger, account, fromDay, toDay)', PATCHED_RENDER)
		files['patches/sort-descending/statement.js'] = statement.replace('.sort(byDay)', '.sort((a, b) => b.day - a.day)')
		change(files)
	}
}

/** The fake sandbox of the sample, except that the render patch passes the visible test and `patchPasses` hidden ones. */
function runner({ patchPasses = false } = {}) {
	return fakeRunner({
		behave: (request: SandboxRunRequest): SandboxRunResult | undefined => {
			if (!request.files['src/statement.js']?.includes(PATCHED_RENDER)) return undefined
			const tests = (request.testFiles ?? []).map((file) => ({
				name: `${file} case`,
				file,
				status: file.startsWith('tests/visible/') || patchPasses ? ('pass' as const) : ('fail' as const),
				durationMs: 1,
			}))
			return { status: tests.every((test) => test.status === 'pass') ? 'pass' : 'fail', tests }
		},
	})
}

describe('alternatives and patches', () => {
	it('plays every test with each alternative and patch laid over src/, and counts them in the report', async () => {
		const fake = runner()
		const report = await checkExercise(sampleFolder(withFixes()), fake)
		expect(report.problems).toEqual([])
		expect(report.fixes).toEqual({ alternatives: 1, patches: 2 })
		expect(fake.requests).toHaveLength(5)
		const sources = fake.requests.map((request) => request.files['src/statement.js'] as string)
		expect(sources.filter((source) => source.includes(ALTERNATIVE_LINE))).toHaveLength(1)
		expect(sources.filter((source) => source.includes(PATCHED_RENDER))).toHaveLength(1)
		for (const request of fake.requests) expect(request.testFiles).toEqual(['tests/visible/statement.test.js', 'tests/hidden/periods.test.js'])
	})

	it('reports an alternative that fails a test, naming it and the test', async () => {
		const problems = await validateExercise(
			sampleFolder(withFixes((files) => (files['alternatives/negated-check/statement.js'] = (files['src/statement.js'] as string).replace(BUGGY_LINE, `${BUGGY_LINE} // still <`)))),
			runner(),
		)
		expect(problems).toEqual([
			{
				slug: SAMPLE_SLUG,
				file: 'alternatives/negated-check/',
				rule: 'alternative-passes',
				message:
					"alternatives/negated-check is meant to be a correct fix, but 2 of 2 tests do not pass with it: tests/visible/statement.test.js › tests/visible/statement.test.js case (fail: expected [ 60 ] to deeply equal [ 60, 90 ]); tests/hidden/periods.test.js › tests/hidden/periods.test.js case (fail: expected [ 60 ] to deeply equal [ 60, 90 ]). If it is correct, the tests grade the reference fix's shape rather than behaviour",
			},
		])
	})

	it('reports a patch that no hidden test catches, naming it and the hidden tests it passes', async () => {
		const problems = await validateExercise(sampleFolder(withFixes()), runner({ patchPasses: true }))
		expect(problems).toEqual([
			{
				slug: SAMPLE_SLUG,
				file: 'patches/render-one-more-day/',
				rule: 'patch-caught',
				message:
					'patches/render-one-more-day is a wrong fix, but it passes all 1 hidden tests: tests/hidden/periods.test.js › tests/hidden/periods.test.js case (pass). Strengthen the hidden tests so that one of them fails with it',
			},
		])
	})

	it('does not count a patch that fails only visible tests, or runs no test at all, as caught', async () => {
		const onlyVisible = await validateExercise(
			sampleFolder(withFixes()),
			fakeRunner({
				behave: (request) =>
					request.files['src/statement.js']?.includes('b.day - a.day')
						? {
								status: 'fail',
								tests: [
									{ name: 'shows every entry', file: 'tests/visible/statement.test.js', status: 'fail', durationMs: 1 },
									{ name: 'includes both ends', file: 'tests/hidden/periods.test.js', status: 'pass', durationMs: 1 },
								],
							}
						: undefined,
			}),
		)
		expect(onlyVisible).toEqual([
			expect.objectContaining({ rule: 'patch-caught', message: expect.stringMatching(/^patches\/sort-descending is a wrong fix, but it passes all 1 hidden tests \(it fails 1 visible test, which the learner sees anyway\)/) }),
		])
		const crashed = await validateExercise(
			sampleFolder(withFixes()),
			fakeRunner({ behave: (request) => (request.files['src/statement.js']?.includes('b.day - a.day') ? { status: 'error', message: 'SyntaxError: Unexpected token', tests: [] } : undefined) }),
		)
		expect(crashed).toEqual([expect.objectContaining({ rule: 'patch-caught', message: 'patches/sort-descending ran no test (SyntaxError: Unexpected token); a plausible wrong fix still runs, and some hidden test must fail with it' })])
	})

	it('does not play the fixes when src/ already holds the reference fix, which is said once', async () => {
		const fake = runner()
		const problems = await validateExercise(sampleFolder(withFixes((files) => (files['src/statement.js'] = files['solution/statement.js'] as string))), fake)
		expect(problems.map((problem) => problem.rule)).toEqual(['starter-fails'])
		expect(fake.requests).toHaveLength(2)
	})

	it('wants named folders of files that replace src/ files, never empty, and an alternative that is not the reference again', async () => {
		const problems = await validateExercise(
			sampleFolder(
				withFixes((files) => {
					files['alternatives/negated-check/statment.js'] = 'export const typo = 1\n'
					files['patches/sort-descending/format.js'] = files['src/format.js'] as string
					files['patches/nested/src/statement.js'] = files['solution/statement.js'] as string
					files['alternatives/copy-of-reference/statement.js'] = files['solution/statement.js'] as string
					files['alternatives/loose.js'] = 'export {}\n'
				}),
			),
			runner(),
		)
		expect(problems.map((problem) => [problem.rule, problem.file, problem.message])).toEqual([
			['layout', 'alternatives/loose.js', expect.stringContaining('is outside the exercise layout (exercise.json, README.md, src/, tests/visible/, tests/hidden/, solution/, alternatives/<name>/, patches/<name>/)')],
			['layout', 'alternatives/copy-of-reference/', 'alternatives/copy-of-reference/ is the reference solution again; an alternative must fix the cause differently (another layer, another technique)'],
			['layout', 'alternatives/negated-check/statment.js', 'alternatives/negated-check/statment.js replaces no file in src/ (there is no src/statment.js) and no file imports it as a new module; check the path'],
			['layout', 'patches/nested/src/statement.js', 'patches/nested/src/statement.js should be patches/nested/statement.js: files of a fix mirror their path relative to src/'],
			['layout', 'patches/sort-descending/format.js', 'patches/sort-descending/format.js is identical to src/format.js; a fix holds only the files it changes'],
			// The nested patch leaves src/ as it is, so the fake sandbox fails every test with it: caught.
		])
		const empty = sampleFolder(withFixes())
		empty.emptyFolders = ['patches/retry-more/']
		expect(await validateExercise(empty, runner())).toEqual([
			expect.objectContaining({ rule: 'layout', file: 'patches/retry-more/', message: 'patches/retry-more/ is empty; give it the files the fix changes, at their path relative to src/, or delete it' }),
		])
	})

	it('looks for an alternative, but not a patch, in what the learner reads', async () => {
		const alternativeInReadme = await validateExercise(sampleFolder(withFixes((files) => (files['README.md'] = `${files['README.md']}\nTry \`${ALTERNATIVE_LINE.trim()}\`.\n`))), runner())
		expect(alternativeInReadme).toEqual([
			expect.objectContaining({
				rule: 'no-leak',
				file: 'README.md',
				message: `README.md line 16 gives away a correct fix: it contains "${ALTERNATIVE_LINE.trim()}" from alternatives/negated-check/statement.js`,
			}),
		])
		const reusedCode = await validateExercise(
			sampleFolder(withFixes((files) => (files['alternatives/negated-check/statement.js'] = (files['src/statement.js'] as string).replace(BUGGY_LINE, `${BUGGY_LINE.replace(' < toDay', ' <= toDay')}\n\t\tstatementTotal(lines)`)))),
			runner(),
		)
		expect(reusedCode).toEqual([])
		const commentedOut = await validateExercise(
			sampleFolder(withFixes((files) => (files['src/format.js'] = `${files['src/format.js']}// old note:\n// ${ALTERNATIVE_LINE.trim()}\n`))),
			runner(),
		)
		expect(commentedOut).toEqual([expect.objectContaining({ rule: 'no-leak', file: 'src/format.js', message: expect.stringContaining('src/format.js line 21 gives away a correct fix') })])
		const patchInReadme = await validateExercise(sampleFolder(withFixes((files) => (files['README.md'] = `${files['README.md']}\nWe tried \`${PATCHED_RENDER}\`; no.\n`))), runner())
		expect(patchInReadme).toEqual([])
	})

	it('on an architecture exercise, wants an alternative to meet every scenario and a patch to miss a hidden one', async () => {
		const folder = architectureFolder((files) => {
			files['alternatives/create-if-absent/signup.js'] = (files['solution/signup.js'] as string).replace('return { status: 201 }', 'return { status: 202 }')
			files['patches/in-memory-set/signup.js'] = (files['src/signup.js'] as string)
				.replace('export async function', 'const seen = new Set()\nexport async function')
				.replace('if (await accounts.exists(event.userId))', 'if (seen.has(event.userId)) return { status: 200 }\n\tseen.add(event.userId)\n\tif (await accounts.exists(event.userId))')
		})
		// The in-memory set holds in one region (stage 1) and lets duplicates through with two (stage 2), or, when `holds`, everywhere.
		const narrowDesign = ({ holds }: { holds: boolean }) => {
			const fake = fakeScenarioRunner()
			return {
				...fake,
				run: async (request: SandboxRunRequest): Promise<SandboxRunResult> => {
					if (!request.files['src/signup.js']?.includes('seen.has')) return fake.run(request)
					const tests = (await fake.run({ ...request, files: { ...request.files, 'src/signup.js': folder.solution['solution/signup.js'] as string } })).tests
					const missed = (file: string) => !holds && LATER_FILES.includes(file)
					return { status: 'fail', tests: tests.map((test) => (missed(test.file) ? { ...test, status: 'fail', message: '1 of 1 thresholds missed' } : test)) }
				},
			}
		}
		expect(await validateExercise(folder, narrowDesign({ holds: false }))).toEqual([])
		expect(await validateExercise(folder, narrowDesign({ holds: true }))).toEqual([
			expect.objectContaining({ rule: 'patch-caught', file: 'patches/in-memory-set/', message: expect.stringContaining('passes all 2 hidden tests') }),
		])
	})
})

describe('fix-proofs', () => {
	it('says what an exercise lacks: one alternative and two patches for debugging, one of each for architecture', () => {
		expect(missingFixProofs('debugging', { alternatives: 0, patches: 0 })).toBe('1 alternative, 2 patches')
		expect(missingFixProofs('debugging', { alternatives: 1, patches: 1 })).toBe('1 patch')
		expect(missingFixProofs('debugging', { alternatives: 2, patches: 2 })).toBeUndefined()
		expect(missingFixProofs('architecture', { alternatives: 1, patches: 1 })).toBeUndefined()
		expect(missingFixProofs('architecture', { alternatives: 0, patches: 1 })).toBe('1 alternative')
	})

	it('is a problem of the exercise only once enforced', () => {
		const reported: string[] = []
		const folder = exerciseFolderFromFiles('x', {})
		checkFixProofCount(folder, 'debugging', (rule, message) => reported.push(`${rule}: ${message}`), false)
		expect(reported).toEqual([])
		checkFixProofCount(folder, 'debugging', (rule, message) => reported.push(`${rule}: ${message}`), true)
		expect(reported).toEqual([
			'fix-proofs: add 1 alternative, 2 patches: an exercise needs at least 1 other correct fix in alternatives/<name>/ and 2 plausible wrong fixes in patches/<name>/, laid over src/ like solution/',
		])
	})
})

describe('commentsOnly', () => {
	it('keeps the comments of each line, in place', () => {
		expect(commentsOnly("const url = 'https://x' // the mirror\n/** Sums\n * the lines */ const a = 1\nreturn a // done\n")).toBe('the mirror\n* Sums\n* the lines\ndone')
	})
})
