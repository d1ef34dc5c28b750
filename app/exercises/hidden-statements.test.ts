import { describe, expect, it } from 'vitest'
import { architectureFolder } from './fixtures/sample-architecture.ts'
import { sampleFolder } from './fixtures/sample-exercise.ts'
import { type ExerciseFiles } from './exercise-folder.ts'
import { checkHiddenTestStatements, findHiddenTests, normalizeStatement, sourceComments } from './hidden-statements.ts'

const HIDDEN = 'tests/hidden/periods.test.js'

function problemsOf(hidden: string, change: (files: ExerciseFiles) => void = () => {}) {
	const folder = sampleFolder((files) => {
		files[HIDDEN] = hidden
		change(files)
	})
	const problems: Array<{ rule: string; message: string; file?: string }> = []
	checkHiddenTestStatements(folder, (rule, message, file) => problems.push({ rule, file, message }))
	return problems
}

const test = (comments: string, name = 'includes the last day') => `import { it, expect } from 'vitest'\n\n${comments}\nit('${name}', () => {\n\texpect(1).toBe(1)\n})\n`

describe('findHiddenTests', () => {
	it('finds it, test and their variants, each with the comment lines right above it', () => {
		const source = [
			"import { describe, expect, it, test } from 'vitest'",
			'',
			'// Stated in README.md: "one"',
			"describe('periods', () => {",
			'\t// A note first',
			'\t// Stated in README.md: "two"',
			"\tit('a', () => {})",
			'',
			'\t// Stated in README.md: "three"',
			'',
			"\ttest.skip('b', () => {})",
			"\tit.each([[1], [2]])('c %s', (n) => expect(n).toBeGreaterThan(0))",
			'\ttest.each`\n\t\ta\n\t\t${1}\n\t`(\'d $a\', () => {})',
			'\tfor (const day of [1, 2]) it(`e ${day}`, () => {})',
			"\tconst pattern = /x/; pattern.test('x')",
			'})',
		].join('\n')
		expect(findHiddenTests(source, 'x.test.ts')).toEqual([
			{ name: 'a', line: 7, comments: ['// A note first', '// Stated in README.md: "two"'] },
			{ name: 'b', line: 11, comments: [] },
			{ name: 'c %s', line: 12, comments: [] },
			{ name: 'd $a', line: 13, comments: [] },
			{ name: '`e ${day}`', line: 17, comments: [] },
		])
	})

	it('finds scenarios only where they are asked for', () => {
		const source = "import { scenario } from 'hardmode:sim'\n// Stated in stage 2 brief: \"x\"\nscenario('two regions', { thresholds: {} }, (sim) => {})\n"
		expect(findHiddenTests(source, 'x.test.ts')).toEqual([])
		expect(findHiddenTests(source, 'x.test.ts', { scenarios: true })).toEqual([{ name: 'two regions', line: 3, comments: ['// Stated in stage 2 brief: "x"'] }])
	})
})

describe('normalizeStatement and sourceComments', () => {
	it('compares quotes with whitespace collapsed and Markdown emphasis left out', () => {
		expect(normalizeStatement('Both  ends are\n**inclusive**: `fromDay` and _toDay_')).toBe('Both ends are inclusive: fromDay and toDay')
	})

	it('reads the comments and doc comments of a source file, not its strings', () => {
		const comments = sourceComments("/**\n * Entries between two days,\n * both inclusive.\n */\nexport const label = 'not // a comment' // trailing note\n", 'a.ts')
		expect(normalizeStatement(comments)).toBe('Entries between two days, both inclusive. trailing note')
	})
})

describe('checkHiddenTestStatements', () => {
	it('accepts a quote of the README, whitespace and emphasis aside, and of a src/ file\'s comments', () => {
		expect(problemsOf(test('// Stated in README.md: "I paid 120.00 on 31 March and my March statement"'))).toEqual([])
		expect(problemsOf(test('// Stated in src/statement.js: "Entries of one account between two days of the year (both inclusive)"'))).toEqual([])
		expect(problemsOf(test('// Stated in README.md: "The billing service keeps a ledger of entries per account"'))).toEqual([])
		expect(
			problemsOf(test('// Stated in README.md: "I paid 120.00 on 31 March"\n// Stated in src/statement.js: "between two days of the year (both inclusive)"')),
		).toEqual([])
	})

	it('reports a test without a statement directly above it, one problem per test, naming it', () => {
		expect(problemsOf(test('// Checks the last day'))).toEqual([
			{
				rule: 'hidden-test-stated',
				file: HIDDEN,
				message: `${HIDDEN} line 4, test "includes the last day": no "// Stated in …" comment directly above it; quote where README.md or a src/ file states the behaviour it checks, e.g. // Stated in README.md: "<at least 15 characters>"`,
			},
		])
		const separated = problemsOf(test('// Stated in README.md: "I paid 120.00 on 31 March"\n'))
		expect(separated).toEqual([expect.objectContaining({ message: expect.stringContaining('no "// Stated in …" comment directly above it') })])
	})

	it('reports a quote that is not there, saying where it is when it is elsewhere', () => {
		expect(problemsOf(test('// Stated in README.md: "payments on the last day are always shown"'))).toEqual([
			expect.objectContaining({ message: `${HIDDEN} line 4, test "includes the last day": "payments on the last day are always shown" is not in README.md` }),
		])
		expect(problemsOf(test('// Stated in src/ledger.js: "both inclusive), oldest first"'))).toEqual([
			expect.objectContaining({ message: expect.stringContaining('"both inclusive), oldest first" is not in the comments of src/ledger.js (it is in the comments of src/statement.js)') }),
		])
		expect(problemsOf(test('// Stated in src/statement.js: "I paid 120.00 on 31 March"'))).toEqual([
			expect.objectContaining({ message: expect.stringContaining('(it is in README.md)') }),
		])
		expect(problemsOf(test('// Stated in src/statement.js: "entry.day >= fromDay && entry.day < toDay"'))).toEqual([
			expect.objectContaining({ message: expect.stringContaining('(it is in the code of src/statement.js, not its comments;') }),
		])
	})

	it('checks every statement of a test, and the form of each', () => {
		const problems = problemsOf(test('// Stated in README.md: "I paid 120.00 on 31 March"\n// Stated in README.md: "short"\n// Stated in the ticket: "the customer said so"'))
		expect(problems).toEqual([
			expect.objectContaining({
				message: `${HIDDEN} line 6, test "includes the last day": the quote "short" has 5 characters; quote at least 15, enough to pin the statement down; cannot read "// Stated in the ticket: \\"the customer said so\\"": write // Stated in README.md: "<quote>", // Stated in src/<path>: "<quote>"`,
			}),
		])
		expect(problemsOf(test('// Stated in src/missing.js: "Entries of one account between"'))).toEqual([
			expect.objectContaining({ message: expect.stringContaining('src/missing.js is not a file of src/') }),
		])
		expect(problemsOf(test('// Stated in stage 1 brief: "Entries of one account between"'))).toEqual([
			expect.objectContaining({ message: expect.stringContaining('a debugging exercise has no stage briefs') }),
		])
	})

	it('checks the scenarios of an architecture exercise against its stage briefs', () => {
		const problems: string[] = []
		const folder = architectureFolder((files) => {
			const scenarioFile = files['tests/hidden/six-months-later.test.js'] as string
			files['tests/hidden/six-months-later.test.js'] = scenarioFile.replace('scenario(', '// Stated in stage 2 brief: "A second region takes signups too"\nscenario(')
			files['tests/hidden/launch-grading.test.js'] = (files['tests/hidden/launch-grading.test.js'] as string).replace('scenario(', '// Stated in stage 1 brief: "Every signup gets two welcome mails."\nscenario(')
		})
		checkHiddenTestStatements(folder, (_rule, message) => problems.push(message))
		expect(problems).toEqual(['tests/hidden/launch-grading.test.js line 7, test "a signup campaign goes out": "Every signup gets two welcome mails." is not in stage 1 brief'])
	})

	it('only looks at the hidden tests', () => {
		expect(problemsOf(test('// Stated in README.md: "I paid 120.00 on 31 March"'), (files) => (files['tests/visible/statement.test.js'] = test('')))).toEqual([])
	})
})
