// The synthetic exercise of the load organisation: small, real TypeScript with a real boundary
// bug, so its run results come from the sandbox and stay small in every Run and Submission row.
// Every load exercise (load-001, load-002…) is this one, with its own topics and difficulty.
import type { Files } from '#app/attempts/code-history.ts'
import { gradeDiagnosis } from '#app/attempts/grading.ts'
import type { ExerciseMetadata } from '#app/exercises/schema.ts'
import type { RunResult } from '#app/runner/protocol.ts'

/** Synthetic exercises are named load-001, load-002…; nothing else may use the prefix. */
export const LOAD_SLUG_PREFIX = 'load-'

export const TIERS_FILE = 'src/pricing/tiers.ts'
export const LOAD_STARTER: Files = {
	[TIERS_FILE]: `// Volume discounts: 5% from 10 units, 10% from 50, 15% from 100.
const TIERS = [
	{ from: 10, percent: 5 },
	{ from: 50, percent: 10 },
	{ from: 100, percent: 15 },
]

export function discountPercent(quantity: number): number {
	let percent = 0
	for (const tier of TIERS) {
		if (quantity > tier.from) percent = tier.percent
	}
	return percent
}
`,
	'src/pricing/total.ts': `import { discountPercent } from './tiers'

/** The order total in cents, after the volume discount. */
export function totalCents(quantity: number, unitCents: number): number {
	const gross = quantity * unitCents
	return gross - Math.round((gross * discountPercent(quantity)) / 100)
}
`,
}
export const VISIBLE_TESTS: Files = {
	'tests/visible/total.test.ts': `import { describe, expect, it } from 'vitest'
import { totalCents } from '../../src/pricing/total'

describe('order total', () => {
	it('charges full price below the first tier', () => {
		expect(totalCents(9, 1000)).toBe(9000)
	})
	it('gives 5% off at exactly 10 units', () => {
		expect(totalCents(10, 1000)).toBe(9500)
	})
	it('gives 10% off for 60 units', () => {
		expect(totalCents(60, 1000)).toBe(54000)
	})
})
`,
}
export const HIDDEN_TESTS: Files = {
	'tests/hidden/tiers.test.ts': `import { describe, expect, it } from 'vitest'
import { discountPercent } from '../../src/pricing/tiers'

describe('discount tiers', () => {
	it('starts each tier at its first unit', () => {
		expect([10, 50, 100].map(discountPercent)).toEqual([5, 10, 15])
	})
	it('keeps the tier between thresholds', () => {
		expect([49, 99, 500].map(discountPercent)).toEqual([5, 10, 15])
	})
})
`,
}
export const SOLUTION: Files = { 'solution/pricing/tiers.ts': LOAD_STARTER[TIERS_FILE]!.replace('quantity > tier.from', 'quantity >= tier.from') }
export const LOAD_BRIEF =
	'# Volume discount missing at the threshold\n\nCustomers ordering exactly 10 units report that the 5% volume discount is not applied.\n'

/** The code a simulated learner holds: the starter, the starter with a note while reading it, and the fix. */
export const LOAD_CODE: Record<'starter' | 'edited' | 'fixed', Files> = {
	starter: LOAD_STARTER,
	edited: { ...LOAD_STARTER, [TIERS_FILE]: `${LOAD_STARTER[TIERS_FILE]}\n// which tier does 10 fall in?\n` },
	fixed: { ...LOAD_STARTER, [TIERS_FILE]: SOLUTION['solution/pricing/tiers.ts']! },
}
export type LoadCode = keyof typeof LOAD_CODE

export const ROOT_CAUSE_LINE = 11
export const ROOT_CAUSE = {
	category: 'boundary' as const,
	locations: [{ file: TIERS_FILE, startLine: ROOT_CAUSE_LINE, endLine: ROOT_CAUSE_LINE }],
	explanation:
		'Each tier should apply from its first unit, but the comparison is strict (quantity > tier.from), so an order of exactly 10, 50 or 100 units stays in the tier below. Comparing with >= starts every tier at its threshold.',
}
export const WRONG_CATEGORY = 'wrong-condition'
export const RUBRIC: ExerciseMetadata['rubric'] = [
	{
		id: 'diagnosis',
		title: 'Found the root cause',
		weight: 2,
		levels: ['Not found.', 'Near the pricing code.', 'The tier lookup.', 'The strict comparison.', 'The comparison, and every threshold it affects.'],
	},
	{
		id: 'method',
		title: 'Diagnostic method',
		weight: 1,
		levels: [
			'Random edits.',
			'Reproduced it.',
			'Narrowed it to the tiers.',
			'Tested the thresholds on purpose.',
			'A table of boundary cases before changing code.',
		],
	},
	{
		id: 'fix',
		title: 'Quality of the fix',
		weight: 1,
		levels: ['None.', 'Special-cases the test values.', 'Works but elsewhere.', 'Fixes the comparison.', 'Fixes it and adds boundary tests.'],
	},
]

export function loadExerciseMetadata(index: number, topics: string[], difficulty: number, estimatedMinutes: number): ExerciseMetadata {
	const slug = `${LOAD_SLUG_PREFIX}${String(index + 1).padStart(3, '0')}`
	return {
		slug,
		uuid: '00000000-0000-4000-8000-000000000000'.replace(/0{12}$/, String(index + 1).padStart(12, '0')),
		kind: 'debugging',
		title: `Volume discount missing at the threshold (load ${index + 1})`,
		summary: 'Orders of exactly 10, 50 or 100 units are charged without their volume discount.',
		topics: topics as ExerciseMetadata['topics'],
		difficulty,
		estimatedMinutes,
		language: 'typescript',
		family: 'volume-discount-threshold',
		rootCause: ROOT_CAUSE,
		hints: [
			{
				text: 'List the quantities that go wrong and the ones that work. What do the wrong ones have in common?',
				unlock: { afterMinutes: 5, afterHypotheses: 1 },
			},
			{ text: 'Evaluate the tier condition by hand for 9, 10 and 11 units.', unlock: { afterMinutes: 12, afterHypotheses: 2 } },
		],
		rubric: RUBRIC,
		limits: {},
		version: 1,
	}
}

/** The sandbox's answers for the synthetic exercise, run once: the results every generated run and grading reuses. */
export async function templateResults() {
	const { runTests } = await import('#app/runner/index.ts')
	const visible = Object.keys(VISIBLE_TESTS).sort()
	const all = [...Object.keys(VISIBLE_TESTS), ...Object.keys(HIDDEN_TESTS)].sort()
	const run = (files: Files, tests: Files, testFiles: string[]) => runTests({ files: { ...files, ...tests }, testFiles, owner: 'seed-load', seed: 1 })
	const [starterRun, fixedRun, starterGrading, fixedGrading] = await Promise.all([
		run(LOAD_CODE.edited, VISIBLE_TESTS, visible),
		run(LOAD_CODE.fixed, VISIBLE_TESTS, visible),
		run(LOAD_STARTER, { ...VISIBLE_TESTS, ...HIDDEN_TESTS }, all),
		run(LOAD_CODE.fixed, { ...VISIBLE_TESTS, ...HIDDEN_TESTS }, all),
	])
	if (starterRun.status !== 'fail' || fixedRun.status !== 'pass' || fixedGrading.status !== 'pass') {
		throw new Error(
			`The synthetic exercise did not behave in the sandbox (starter ${starterRun.status}, fixed ${fixedRun.status}): ${starterRun.message ?? fixedRun.message ?? ''}`,
		)
	}
	const grade = (files: Files, category: string, pick: { startLine: number; endLine: number }, result: RunResult) =>
		gradeDiagnosis({ picked: { file: TIERS_FILE, ...pick }, category, starterFiles: LOAD_STARTER, submittedFiles: files, rootCause: ROOT_CAUSE, result })
	const pick = { startLine: ROOT_CAUSE_LINE, endLine: ROOT_CAUSE_LINE }
	return {
		starterRun,
		fixedRun,
		failingTest: starterRun.tests.find((test) => test.status === 'fail')!.name,
		passingTest: starterRun.tests.find((test) => test.status === 'pass')!.name,
		// A right diagnosis with a fix that fails the hidden tests; a wrong category on a working fix; the right answer.
		failedFix: grade(LOAD_STARTER, ROOT_CAUSE.category, pick, starterGrading),
		wrongCategory: grade(LOAD_CODE.fixed, WRONG_CATEGORY, pick, fixedGrading),
		right: grade(LOAD_CODE.fixed, ROOT_CAUSE.category, pick, fixedGrading),
	}
}
export type TemplateResults = Awaited<ReturnType<typeof templateResults>>
