import { describe, expect, it } from 'vitest'
import {
	BUGGY_LINE,
	FIXED_LINE,
	SAMPLE_SLUG,
	fakeRunner,
	sampleExerciseFiles,
	sampleFolder,
	sampleMetadata,
} from './fixtures/sample-exercise.ts'
import {
	ARCHITECTURE_SLUG,
	LATER_FILES,
	LAUNCH_FILES,
	SOUND_LINE,
	architectureFolder,
	architectureMetadata,
	fakeScenarioRunner,
} from './fixtures/sample-architecture.ts'
import { formatExerciseLine } from './check-report.ts'
import { type ExerciseFiles, exerciseFolderFromFiles } from './exercise-folder.ts'
import { type SandboxRunRequest, type SandboxRunResult } from './sandbox.ts'
import { checkExercise, validateCatalogue, validateExercise } from './validate.ts'

async function problemsAfter(change: (files: ExerciseFiles) => void, options: Parameters<typeof fakeRunner>[0] = {}) {
	return validateExercise(sampleFolder(change), fakeRunner(options))
}

function withMetadata(change: (metadata: ReturnType<typeof sampleMetadata> & Record<string, any>) => void) {
	return (files: ExerciseFiles) => {
		const metadata = sampleMetadata()
		change(metadata)
		files['exercise.json'] = JSON.stringify(metadata)
	}
}

const rulesOf = (problems: Array<{ rule: string }>) => [...new Set(problems.map((problem) => problem.rule))]

describe('validateExercise', () => {
	it('finds nothing wrong with a sound exercise, and reports what it ran', async () => {
		const runner = fakeRunner()
		const report = await checkExercise(sampleFolder(), runner)
		expect(report).toMatchObject({
			slug: SAMPLE_SLUG,
			kind: 'debugging',
			category: 'boundary',
			difficulty: 900,
			srcFiles: 3,
			srcLines: 82,
			starter: { visible: { total: 1, failing: 1 }, hidden: { total: 1, failing: 1 } },
			problems: [],
		})
		expect(runner.requests).toHaveLength(2)
		const [starter, solved] = runner.requests as [SandboxRunRequest, SandboxRunRequest]
		expect(starter.testFiles).toEqual(['tests/visible/statement.test.js', 'tests/hidden/periods.test.js'])
		expect(starter.limits).toEqual({ cpuMs: 1000 })
		expect(Object.keys(starter.files).sort()).toEqual([
			'src/format.js',
			'src/ledger.js',
			'src/statement.js',
			'tests/hidden/periods.test.js',
			'tests/visible/statement.test.js',
		])
		expect(solved.files['src/statement.js']).toContain(FIXED_LINE)
	})

	describe('schema', () => {
		it('reports each schema problem with its field', async () => {
			const problems = await problemsAfter(withMetadata((metadata) => ((metadata as any).difficulty = 3000)))
			expect(problems).toEqual([
				{ slug: SAMPLE_SLUG, file: 'exercise.json', rule: 'schema', message: 'difficulty: must be at most 2200' },
			])
		})

		it('reports a missing or malformed exercise.json instead of crashing', async () => {
			expect(await problemsAfter((files) => delete files['exercise.json'])).toContainEqual(
				expect.objectContaining({ rule: 'schema', message: 'exercise.json is missing' }),
			)
			const malformed = await problemsAfter((files) => (files['exercise.json'] = '{ "slug": '))
			expect(malformed).toContainEqual(expect.objectContaining({ rule: 'schema', message: expect.stringContaining('not valid JSON') }))
		})

		it('asks for at least two hints', async () => {
			const problems = await problemsAfter(withMetadata((metadata) => metadata.hints.pop()))
			expect(problems).toEqual([expect.objectContaining({ rule: 'schema', message: 'hints: must have at least 2 hints' })])
		})
	})

	it('requires the slug to equal the folder name', async () => {
		const problems = await validateExercise(sampleFolder(undefined, 'statement-drops-payment'), fakeRunner())
		expect(problems).toEqual([
			{
				slug: 'statement-drops-payment',
				file: 'exercise.json',
				rule: 'slug-matches-folder',
				message: `slug is "${SAMPLE_SLUG}" but the folder is named "statement-drops-payment"; they must be equal`,
			},
		])
	})

	describe('readme-sections', () => {
		it('names each missing section', async () => {
			const problems = await problemsAfter((files) => {
				files['README.md'] = (files['README.md'] as string).replace('## Context', '## Background').replace('## What we know', '## Notes')
			})
			expect(problems).toContainEqual(
				expect.objectContaining({ rule: 'readme-sections', file: 'README.md', message: 'the README lacks the sections "## Context", "## What we know"' }),
			)
		})

		it('ignores headings inside code blocks, such as a log excerpt', async () => {
			const problems = await problemsAfter((files) => {
				files['README.md'] = `${files['README.md']}\n\`\`\`\n## Symptom of another kind\n# not a title\n\`\`\`\n`
			})
			expect(problems).toEqual([])
		})

		it('wants the title first, matching exercise.json, and no extra sections', async () => {
			const retitled = await problemsAfter((files) => (files['README.md'] = (files['README.md'] as string).replace('# Monthly', '# Yearly')))
			expect(retitled).toEqual([expect.objectContaining({ rule: 'readme-sections', message: expect.stringContaining('differs from the title') })])
			const extra = await problemsAfter((files) => (files['README.md'] = `${files['README.md']}\n## The fix\n\nChange < to <=.\n`))
			expect(extra).toEqual([expect.objectContaining({ rule: 'readme-sections', message: expect.stringContaining('"## The fix"') })])
		})

		it('reports a missing README', async () => {
			expect(rulesOf(await problemsAfter((files) => delete files['README.md']))).toEqual(['readme-sections'])
		})
	})

	describe('src-size', () => {
		it('wants 2 to 8 code files', async () => {
			const problems = await problemsAfter((files) => {
				files['src/statement.js'] = `${files['src/ledger.js']}\n${files['src/format.js']}\n${files['src/statement.js']}`
				delete files['src/ledger.js']
				delete files['src/format.js']
			})
			expect(problems).toContainEqual(
				expect.objectContaining({ rule: 'src-size', message: 'src/ has 1 code file; a believable system has 2 to 8' }),
			)
		})

		it('wants 80 to 500 lines of code', async () => {
			const short = await problemsAfter((files) => (files['src/format.js'] = 'export const unused = 1\n'))
			expect(short).toContainEqual(expect.objectContaining({ rule: 'src-size', message: expect.stringMatching(/^src\/ has \d+ lines of code; it must have 80 to 500$/) }))
			const long = await problemsAfter((files) => (files['src/format.js'] = `${files['src/format.js']}${'export const pad = 1\n'.repeat(430)}`))
			expect(long).toEqual([expect.objectContaining({ rule: 'src-size', message: 'src/ has 512 lines of code; it must have 80 to 500' })])
		})
	})

	describe('starter-fails', () => {
		it('reports a starter on which no test fails', async () => {
			const problems = await problemsAfter(() => {}, {
				behave: (request) => ({
					status: 'pass',
					tests: (request.testFiles ?? []).map((file) => ({ name: 'case', file, status: 'pass', durationMs: 1 })),
				}),
			})
			expect(problems).toEqual([
				expect.objectContaining({ rule: 'starter-fails', file: 'tests/visible/', message: 'no visible test fails on the starter (1 pass); the learner must see the symptom in at least one' }),
				expect.objectContaining({ rule: 'starter-fails', file: 'tests/hidden/', message: expect.stringContaining('no hidden test fails on the starter') }),
			])
		})

		it('says once that src/ already holds the fix when the solution was applied to the starter', async () => {
			const problems = await problemsAfter((files) => (files['src/statement.js'] = files['solution/statement.js'] as string))
			expect(problems).toEqual([
				{
					slug: SAMPLE_SLUG,
					file: 'src/',
					rule: 'starter-fails',
					message: 'src/ already holds the fix: solution/statement.js equals the starter and every test passes on the starter',
				},
			])
		})

		it('says once that the solution fixes nothing when it is a copy of the starter', async () => {
			const problems = await problemsAfter((files) => (files['solution/statement.js'] = files['src/statement.js'] as string))
			expect(problems).toEqual([expect.objectContaining({ rule: 'solution-passes', message: 'solution/statement.js equals the starter, so the solution fixes nothing' })])
		})

		it('classifies failures by test folder', async () => {
			const onlyVisibleFails = (request: SandboxRunRequest): SandboxRunResult | undefined =>
				request.files['src/statement.js']?.includes(BUGGY_LINE)
					? {
							status: 'fail',
							tests: (request.testFiles ?? []).map((file) => ({
								name: 'case',
								file,
								status: file.startsWith('tests/visible/') ? 'fail' : 'pass',
								durationMs: 1,
							})),
						}
					: undefined
			const problems = await problemsAfter(() => {}, { behave: onlyVisibleFails })
			expect(problems).toEqual([expect.objectContaining({ rule: 'starter-fails', file: 'tests/hidden/' })])
		})

		it('counts an erroring test as failing, but not a run that never started', async () => {
			const erroring = await problemsAfter(() => {}, {
				behave: (request) =>
					request.files['src/statement.js']?.includes(BUGGY_LINE)
						? {
								status: 'fail',
								tests: (request.testFiles ?? []).map((file) => ({ name: 'case', file, status: 'error', message: 'TypeError', durationMs: 1 })),
							}
						: undefined,
			})
			expect(erroring).toEqual([])
			const crashed = await problemsAfter(() => {}, {
				behave: (request) =>
					request.files['src/statement.js']?.includes(BUGGY_LINE)
						? { status: 'error', message: 'SyntaxError: Unexpected token', tests: [], limit: undefined }
						: undefined,
			})
			expect(crashed).toEqual([
				expect.objectContaining({ rule: 'starter-fails', message: 'the starter ran no test (SyntaxError: Unexpected token); a learner would see nothing but an error' }),
			])
		})
	})

	describe('solution-passes', () => {
		it('lists the tests the solution fails', async () => {
			const problems = await problemsAfter(() => {}, {
				behave: (request) =>
					request.files['src/statement.js']?.includes(FIXED_LINE)
						? {
								status: 'fail',
								tests: [
									{ name: 'shows every entry', file: 'tests/visible/statement.test.js', status: 'pass', durationMs: 1 },
									{ name: 'includes both ends', file: 'tests/hidden/periods.test.js', status: 'fail', message: 'expected 1 to be 2\n  at …', durationMs: 1 },
								],
							}
						: undefined,
			})
			expect(problems).toEqual([
				{
					slug: SAMPLE_SLUG,
					file: 'solution/',
					rule: 'solution-passes',
					message: 'with the solution, 1 of 2 tests do not pass: tests/hidden/periods.test.js › includes both ends (fail: expected 1 to be 2)',
				},
			])
		})

		it('treats a skipped test, zero tests or a test file with no tests as not passing', async () => {
			const solvedRun = (tests: SandboxRunResult['tests'], status: SandboxRunResult['status'] = 'pass') => ({
				behave: (request: SandboxRunRequest) => (request.files['src/statement.js']?.includes(FIXED_LINE) ? { status, tests } : undefined),
			})
			const skipped = await problemsAfter(() => {}, solvedRun([
				{ name: 'a', file: 'tests/visible/statement.test.js', status: 'pass', durationMs: 1 },
				{ name: 'b', file: 'tests/hidden/periods.test.js', status: 'skip', durationMs: 0 },
			]))
			expect(skipped).toEqual([expect.objectContaining({ rule: 'solution-passes', message: expect.stringContaining('periods.test.js › b (skip)') })])

			const none = await problemsAfter(() => {}, solvedRun([], 'error'))
			expect(none).toEqual([expect.objectContaining({ rule: 'solution-passes', message: 'the solution ran no test' })])

			const missingFile = await problemsAfter(() => {}, solvedRun([{ name: 'a', file: 'tests/visible/statement.test.js', status: 'pass', durationMs: 1 }]))
			expect(missingFile).toEqual([
				expect.objectContaining({ rule: 'solution-passes', file: 'tests/hidden/periods.test.js', message: expect.stringContaining('ran no test') }),
			])
		})

		it('reports a run limit the solution hit', async () => {
			const problems = await problemsAfter(() => {}, {
				behave: (request) =>
					request.files['src/statement.js']?.includes(FIXED_LINE) ? { status: 'error', tests: [], limit: 'time', message: 'CPU time limit of 1000 ms exceeded' } : undefined,
			})
			expect(problems).toEqual([
				expect.objectContaining({ rule: 'solution-passes', message: 'the solution ran no test (hit the time limit: CPU time limit of 1000 ms exceeded)' }),
			])
		})
	})

	describe('root-cause-location', () => {
		it('reports a range the solution does not touch, saying what the solution does change', async () => {
			const problems = await problemsAfter(withMetadata((metadata) => (metadata.rootCause.locations = [{ file: 'src/statement.js', startLine: 14, endLine: 16 }])))
			expect(problems).toEqual([
				{
					slug: SAMPLE_SLUG,
					file: 'exercise.json',
					rule: 'root-cause-location',
					message:
						'the root cause is in src/statement.js lines 14-16, but the solution changes line 9 of that file, nothing inside the range; fix the range or the solution',
				},
			])
		})

		it('accepts an insertion between two lines of the range', async () => {
			const insertedFix = '\t\telse if (entry.day === toDay) lines.push(entry)'
			const passesWithInsertedFix = (request: SandboxRunRequest): SandboxRunResult | undefined =>
				request.files['src/statement.js']?.includes(insertedFix)
					? { status: 'pass', tests: (request.testFiles ?? []).map((file) => ({ name: 'case', file, status: 'pass', durationMs: 1 })) }
					: undefined
			const problems = await problemsAfter(
				(files) => {
					files['solution/statement.js'] = (files['src/statement.js'] as string).replace(`${BUGGY_LINE}\n`, `${BUGGY_LINE}\n${insertedFix}\n`)
				},
				{ behave: passesWithInsertedFix },
			)
			expect(problems).toEqual([])
		})

		it('reports a range past the end of the file, a file not in src/, and a file the solution leaves alone', async () => {
			const problemsFor = (location: object) => problemsAfter(withMetadata((metadata) => (metadata.rootCause.locations = [location as any])))
			expect(await problemsFor({ file: 'src/statement.js', startLine: 30, endLine: 40 })).toEqual([
				expect.objectContaining({ message: 'rootCause.locations names src/statement.js lines 30-40, but the starter file has only 29 lines' }),
			])
			expect(await problemsFor({ file: 'src/statements.js', startLine: 9, endLine: 9 })).toEqual([
				expect.objectContaining({ message: 'rootCause.locations names src/statements.js, which is not a file in src/' }),
			])
			expect(await problemsFor({ file: 'src/ledger.js', startLine: 5, endLine: 8 })).toEqual([
				expect.objectContaining({ message: 'the root cause is in src/ledger.js lines 5-8, but the solution does not change that file (no solution/ledger.js)' }),
			])
		})

		it('checks every location, not just one', async () => {
			const problems = await problemsAfter(
				withMetadata((metadata) =>
					metadata.rootCause.locations.push({ file: 'src/statement.js', startLine: 20, endLine: 21 }),
				),
			)
			expect(rulesOf(problems)).toEqual(['root-cause-location'])
		})
	})

	describe('solution-overlay', () => {
		it('reports a solution file that replaces nothing', async () => {
			const problems = await problemsAfter((files) => (files['solution/statment.js'] = 'export const x = 1\n'))
			expect(problems).toEqual([
				expect.objectContaining({
					rule: 'solution-overlay',
					file: 'solution/statment.js',
					message: 'solution/statment.js replaces no file in src/ (there is no src/statment.js) and no file imports it as a new module; check the path',
				}),
			])
		})

		it('accepts a new module that the solution imports', async () => {
			const problems = await problemsAfter((files) => {
				files['solution/period.js'] = 'export function inPeriod(day, fromDay, toDay) {\n\treturn day >= fromDay && day <= toDay\n}\n'
				files['solution/statement.js'] = (files['src/statement.js'] as string)
					.replace("import { byDay } from './ledger'", "import { byDay } from './ledger'\nimport { inPeriod } from './period'")
					.replace(BUGGY_LINE, '\t\tif (inPeriod(entry.day, fromDay, toDay)) lines.push(entry)')
			})
			expect(problems).toEqual([])
		})

		it('points out solution/src/… and a solution identical to the starter', async () => {
			const nested = await problemsAfter((files) => (files['solution/src/statement.js'] = files['solution/statement.js'] as string))
			expect(nested).toContainEqual(expect.objectContaining({ rule: 'solution-overlay', message: expect.stringContaining('should be solution/statement.js') }))
			const unchanged = await problemsAfter((files) => (files['solution/format.js'] = files['src/format.js'] as string))
			expect(unchanged).toEqual([expect.objectContaining({ rule: 'solution-overlay', message: 'solution/format.js is identical to src/format.js; the solution holds only the files the fix changes' })])
		})
	})

	describe('no-leak', () => {
		it('reports a solution line pasted into the README', async () => {
			const problems = await problemsAfter((files) => (files['README.md'] = `${files['README.md']}\nWe tried \`${FIXED_LINE.trim()}\` already.\n`))
			expect(problems).toEqual([
				{
					slug: SAMPLE_SLUG,
					file: 'README.md',
					rule: 'no-leak',
					message: `README.md line 16 gives away the reference fix: it contains "${FIXED_LINE.trim()}" from solution/statement.js`,
				},
			])
		})

		it('reports a commented-out fix in src/', async () => {
			const problems = await problemsAfter((files) => {
				files['src/statement.js'] = (files['src/statement.js'] as string).replace(BUGGY_LINE, `${BUGGY_LINE}\n\t\t// ${FIXED_LINE.trim()}`)
				files['solution/statement.js'] = (files['src/statement.js'] as string).replace(`${BUGGY_LINE}\n`, `${FIXED_LINE}\n`)
			})
			expect(problems).toContainEqual(expect.objectContaining({ rule: 'no-leak', file: 'src/statement.js', message: expect.stringContaining('line 10 gives away the reference fix') }))
		})

		it('reports a hidden-test line quoted in the README, but not visible-test lines or boilerplate', async () => {
			const hiddenLine = "ledger.book(payment('zeta', 90, 500, 'Settled on day ninety'))"
			const leaked = await problemsAfter((files) => (files['README.md'] = `${files['README.md']}\n    ${hiddenLine}\n`))
			expect(leaked).toEqual([
				expect.objectContaining({ rule: 'no-leak', file: 'README.md', message: expect.stringContaining(`reveals a hidden test: it contains "${hiddenLine}" from tests/hidden/periods.test.js`) }),
			])
			const harmless = await problemsAfter((files) => {
				files['README.md'] = `${files['README.md']}\n\`\`\`\nimport { describe, expect, it } from 'vitest'\nimport { charge, createLedger, payment } from '../../src/ledger'\n\`\`\`\n`
			})
			expect(harmless).toEqual([])
		})

		it('ignores short lines and lines that only match inside a longer identifier', async () => {
			const problems = await problemsAfter((files) => {
				files['solution/statement.js'] = (files['solution/statement.js'] as string).replace('\treturn lines\n}', '\tconst result = lines\n\treturn result\n}')
				files['README.md'] = `${files['README.md']}\nSee const resultCount = lines.length in the logs.\n`
			})
			expect(problems).toEqual([])
		})
	})

	describe('layout, imports and placeholders', () => {
		it('reports files outside the layout and missing tests or solution', async () => {
			const problems = await problemsAfter((files) => {
				files['notes.md'] = 'the answer is <='
				files['tests/helpers.js'] = 'export {}\n'
			})
			expect(problems.map((problem) => [problem.rule, problem.file])).toEqual([
				['layout', 'notes.md'],
				['layout', 'tests/helpers.js'],
			])
			const noHidden = await problemsAfter((files) => delete files['tests/hidden/periods.test.js'])
			expect(noHidden).toContainEqual(expect.objectContaining({ rule: 'layout', message: 'tests/hidden/ has no test file (*.test.ts or *.test.js); an exercise needs hidden tests' }))
		})

		it('allows only relative, extensionless imports that resolve inside the exercise', async () => {
			const problems = await problemsAfter((files) => {
				files['src/format.js'] = `import { readFileSync } from 'node:fs'\nimport { byDay } from './ledger.js'\nimport { nothing } from './missing'\n${files['src/format.js']}`
			})
			expect(problems.filter((problem) => problem.rule === 'imports').map((problem) => problem.message)).toEqual([
				'src/format.js imports "node:fs"; exercise code may import only relative paths (no packages, no node:*)',
				'src/format.js imports "./ledger.js" with a file extension; write relative imports without one ("./ledger")',
				'src/format.js imports "./missing", which is not a file of the exercise',
			])
			const testImports = await problemsAfter((files) => {
				files['tests/visible/statement.test.js'] = `import { faker } from '@faker-js/faker'\n${files['tests/visible/statement.test.js']}`
			})
			expect(testImports).toEqual([expect.objectContaining({ rule: 'imports', message: expect.stringContaining('tests may import only "vitest" and relative paths') })])
		})

		it('wants each hidden test to say where its behaviour is stated', async () => {
			const problems = await problemsAfter((files) => {
				files['tests/hidden/periods.test.js'] = (files['tests/hidden/periods.test.js'] as string).replace(/\t\/\/ Stated in .*\n/, '')
			})
			expect(problems).toEqual([
				expect.objectContaining({ rule: 'hidden-test-stated', file: 'tests/hidden/periods.test.js', message: expect.stringContaining('test "includes entries on the first and the last day of the period": no "// Stated in …" comment') }),
			])
		})

		it('refuses scaffold placeholders', async () => {
			const problems = await problemsAfter(withMetadata((metadata) => (metadata.summary = 'TODO(author) write the summary')))
			expect(problems).toEqual([expect.objectContaining({ rule: 'placeholder', file: 'exercise.json' })])
		})
	})
})

describe('validateCatalogue', () => {
	// The copies here are also copies of one family's variant (families.test.ts has those rules).
	const uniqueness = (problems: ReturnType<typeof validateCatalogue>) => problems.filter((problem) => problem.rule === 'unique-slug' || problem.rule === 'unique-uuid')

	it('reports a reused uuid and a reused slug, naming the first owner', () => {
		const first = sampleFolder()
		const copy = sampleFolder(undefined, 'statement-copy')
		const other = exerciseFolderFromFiles('other', { ...sampleExerciseFiles(), 'exercise.json': JSON.stringify({ ...sampleMetadata(), slug: 'other', uuid: crypto.randomUUID() }) })
		expect(uniqueness(validateCatalogue([first, copy, other]))).toEqual([
			{ slug: 'statement-copy', file: 'exercise.json', rule: 'unique-slug', message: `slug "${SAMPLE_SLUG}" is already used by exercise "${SAMPLE_SLUG}"; every exercise needs its own` },
			{
				slug: 'statement-copy',
				file: 'exercise.json',
				rule: 'unique-uuid',
				message: `uuid "${sampleMetadata().uuid}" is already used by exercise "${SAMPLE_SLUG}"; every exercise needs its own (generate one with crypto.randomUUID())`,
			},
		])
		expect(uniqueness(validateCatalogue([first, other]))).toEqual([])
	})

	it('compares the exercises checked with the rest of the catalogue, reporting only on the checked ones', () => {
		const first = sampleFolder()
		const copy = sampleFolder(undefined, 'statement-copy')
		expect(uniqueness(validateCatalogue([copy], { others: [first] })).map((problem) => [problem.slug, problem.rule, problem.message])).toEqual([
			['statement-copy', 'unique-slug', `slug "${SAMPLE_SLUG}" is already used by exercise "${SAMPLE_SLUG}"; every exercise needs its own`],
			['statement-copy', 'unique-uuid', expect.stringContaining('is already used by exercise "statement-misses-last-payment"')],
		])
		expect(uniqueness(validateCatalogue([first], { others: [copy] })).map((problem) => problem.slug)).toEqual([SAMPLE_SLUG, SAMPLE_SLUG])
	})
})

describe('validateExercise on an architecture exercise', () => {
	async function architectureProblemsAfter(change: (files: ExerciseFiles) => void, options: Parameters<typeof fakeScenarioRunner>[0] = {}) {
		return validateExercise(architectureFolder(change), fakeScenarioRunner(options))
	}
	const withArchitectureMetadata = (change: (metadata: ReturnType<typeof architectureMetadata> & Record<string, any>) => void) => (files: ExerciseFiles) => {
		const metadata = architectureMetadata()
		change(metadata)
		files['exercise.json'] = JSON.stringify(metadata)
	}

	it('finds nothing wrong with a sound exercise, and counts the failing scenarios of each stage on the starter', async () => {
		const runner = fakeScenarioRunner()
		const report = await checkExercise(architectureFolder(), runner)
		expect(report).toMatchObject({
			slug: ARCHITECTURE_SLUG,
			kind: 'architecture',
			category: 'idempotency',
			starter: { visible: { total: 1, failing: 1 }, hidden: { total: 2, failing: 2 } },
			stages: [
				{ stage: 1, total: 2, failing: 2 },
				{ stage: 2, total: 1, failing: 1 },
			],
			problems: [],
		})
		expect(runner.requests[0]?.testFiles).toEqual([...LAUNCH_FILES.slice(0, 1), ...LAUNCH_FILES.slice(1), ...LATER_FILES])
		expect(formatExerciseLine(report)).toBe(
			`✓ ${ARCHITECTURE_SLUG}  architecture  idempotency  1200  src 3 files/${report.srcLines} lines  tests 1 visible/2 hidden  starter fails stage 1 2/2, stage 2 1/1 scenarios  fixes 0 alternatives, 0 patches`,
		)
	})

	it('requires the README sections of an architecture brief', async () => {
		const problems = await architectureProblemsAfter((files) => (files['README.md'] = (files['README.md'] as string).replace('## Scenario', '## Symptom')))
		expect(problems).toEqual([expect.objectContaining({ rule: 'readme-sections', message: 'the README lacks the section "## Scenario"' })])
	})

	it('lets architecture tests, and only them, import the simulation kit', async () => {
		expect(await architectureProblemsAfter(() => {})).toEqual([])
		const debugging = await problemsAfter((files) => {
			files['tests/hidden/periods.test.js'] = `import { scenario } from 'hardmode:sim'\n${files['tests/hidden/periods.test.js']}`
		})
		expect(debugging).toEqual([
			expect.objectContaining({
				rule: 'imports',
				message: 'tests/hidden/periods.test.js imports "hardmode:sim"; "hardmode:sim" is for the scenarios of architecture exercises (kind "architecture")',
			}),
		])
		const unknown = await architectureProblemsAfter((files) => {
			files['tests/visible/launch.test.js'] = `import { faker } from '@faker-js/faker'\n${files['tests/visible/launch.test.js']}`
		})
		expect(unknown).toEqual([expect.objectContaining({ rule: 'imports', message: expect.stringContaining('tests may import only "vitest", "hardmode:sim" and relative paths') })])
	})

	describe('stages', () => {
		it('keeps later stages hidden and lets the learner play stage 1', async () => {
			const visibleLater = await architectureProblemsAfter((files) => {
				files['tests/visible/six-months-later.test.js'] = files['tests/hidden/six-months-later.test.js'] as string
				delete files['tests/hidden/six-months-later.test.js']
				const metadata = architectureMetadata()
				metadata.architecture.stages[1]!.scenarios = ['tests/visible/six-months-later.test.js']
				files['exercise.json'] = JSON.stringify(metadata)
			})
			expect(visibleLater).toContainEqual(
				expect.objectContaining({ rule: 'stages', file: 'tests/visible/six-months-later.test.js', message: expect.stringContaining('belongs to stage 2, but it is in tests/visible/') }),
			)
			const hiddenLaunch = await architectureProblemsAfter(withArchitectureMetadata((metadata) => (metadata.architecture.stages[0]!.scenarios = ['tests/hidden/launch-grading.test.js'])))
			expect(hiddenLaunch).toContainEqual(expect.objectContaining({ rule: 'stages', message: expect.stringContaining('stage 1 has no file in tests/visible/') }))
		})

		it('puts every test file in exactly one stage, and names files that do not exist', async () => {
			const orphan = await architectureProblemsAfter(withArchitectureMetadata((metadata) => metadata.architecture.stages[0]!.scenarios.pop()))
			expect(orphan).toContainEqual(
				expect.objectContaining({ rule: 'stages', file: 'tests/hidden/launch-grading.test.js', message: 'tests/hidden/launch-grading.test.js belongs to no stage; list it in architecture.stages[…].scenarios of exercise.json' }),
			)
			const missing = await architectureProblemsAfter(withArchitectureMetadata((metadata) => metadata.architecture.stages[1]!.scenarios.push('tests/hidden/a-year-later.test.js')))
			expect(missing).toEqual([
				expect.objectContaining({ rule: 'stages', message: 'architecture.stages[1].scenarios names tests/hidden/a-year-later.test.js, which is not a test file of the exercise' }),
			])
			const twice = await architectureProblemsAfter(withArchitectureMetadata((metadata) => metadata.architecture.stages[1]!.scenarios.push(LAUNCH_FILES[1] as string)))
			expect(twice).toContainEqual(
				expect.objectContaining({ rule: 'schema', message: 'architecture.stages[1].scenarios[1]: is already a file of stage 1; a test file belongs to one stage' }),
			)
		})

		it('wants each stage to play at least one scenario, in the stage exercise.json gives its file', async () => {
			const plainTests = await architectureProblemsAfter(() => {}, {
				outcome: (file, naive) => (file === LATER_FILES[0] && !naive ? { plain: true } : undefined),
			})
			expect(plainTests).toEqual([
				expect.objectContaining({
					rule: 'stages',
					file: LATER_FILES[0],
					message: "stage 2's files (tests/hidden/six-months-later.test.js) play no scenario; define them with scenario() from 'hardmode:sim'",
				}),
			])
			const mislabelled = await architectureProblemsAfter(() => {}, { outcome: (file) => (file === LAUNCH_FILES[1] ? { stage: 2 } : undefined) })
			expect(mislabelled).toContainEqual(
				expect.objectContaining({
					rule: 'stages',
					file: 'tests/hidden/launch-grading.test.js',
					message: 'scenario "tests/hidden/launch-grading.test.js scenario" says stage 2, but its file tests/hidden/launch-grading.test.js belongs to stage 1 in exercise.json; make them agree',
				}),
			)
		})
	})

	describe('starter-fails', () => {
		it('wants the naive design to miss a threshold in each stage, in stage 1 where the learner can see it', async () => {
			const laterPasses = await architectureProblemsAfter(() => {}, { outcome: (file) => (file === LATER_FILES[0] ? { duplicates: 0 } : undefined) })
			expect(laterPasses).toEqual([
				expect.objectContaining({ rule: 'starter-fails', message: 'no scenario of stage 2 fails on the starter (1 pass); the naive design must miss a threshold there, or the stage teaches nothing' }),
			])
			const onlyHiddenLaunchFails = await architectureProblemsAfter(() => {}, { outcome: (file) => (file === LAUNCH_FILES[0] ? { duplicates: 0 } : undefined) })
			expect(onlyHiddenLaunchFails).toEqual([
				expect.objectContaining({ rule: 'starter-fails', file: LAUNCH_FILES[0], message: expect.stringContaining('no visible scenario of stage 1 fails on the starter') }),
			])
		})

		it('does not count a starter that only crashes as a naive design', async () => {
			const problems = await architectureProblemsAfter(() => {}, {
				outcome: (file, naive) => (naive && file === LATER_FILES[0] ? { status: 'error', duplicates: 0, metrics: 'none' } : undefined),
			})
			expect(problems).toEqual([
				expect.objectContaining({
					rule: 'starter-fails',
					message: expect.stringMatching(/^no scenario of stage 2 misses a threshold on the starter; one fails with an error instead \(tests\/hidden\/six-months-later\.test\.js › .* \(error: TypeError: accounts\.exists is not a function\)\)/),
				}),
			])
		})
	})

	it('wants the reference design to pass every scenario of both stages', async () => {
		const problems = await architectureProblemsAfter(() => {}, { outcome: (file, naive) => (!naive && file === LATER_FILES[0] ? { duplicates: 1 } : undefined) })
		expect(problems).toEqual([
			expect.objectContaining({
				rule: 'solution-passes',
				message: 'with the solution, 1 of 3 tests do not pass: tests/hidden/six-months-later.test.js › tests/hidden/six-months-later.test.js scenario (fail: 1 of 1 thresholds missed. Duplicate side effects: 1 effects (threshold ≤ 0 effects))',
			}),
		])
	})

	it('looks for the reference design in what the learner reads later: the stage briefs and the record guidance', async () => {
		const problems = await architectureProblemsAfter(withArchitectureMetadata((metadata) => (metadata.architecture.stages[1]!.brief += ` Hint: \`${SOUND_LINE.trim()}\``)))
		expect(problems).toEqual([expect.objectContaining({ rule: 'no-leak', file: 'exercise.json', message: expect.stringContaining('gives away the reference fix') })])
	})
})
