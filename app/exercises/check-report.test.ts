import { describe, expect, it } from 'vitest'
import { catalogueCoverage, formatCatalogueReport, formatCatalogueSummary, formatExerciseLine, formatFamilies, formatFixProofWarning, wrapList } from './check-report.ts'
import { type ExerciseReport } from './validate.ts'

const report = (overrides: Partial<ExerciseReport> = {}): ExerciseReport => ({
	slug: 'statement-misses-last-payment',
	kind: 'debugging',
	category: 'boundary',
	difficulty: 900,
	srcFiles: 3,
	srcLines: 82,
	starter: { visible: { total: 2, failing: 1 }, hidden: { total: 6, failing: 3 } },
	problems: [],
	...overrides,
})

describe('formatExerciseLine', () => {
	it('shows the facts a reviewer scans for, with ✓ or ✗', () => {
		expect(formatExerciseLine(report())).toBe(
			'✓ statement-misses-last-payment  debugging  boundary  900  src 3 files/82 lines  tests 2 visible/6 hidden  starter fails 1/2 visible, 3/6 hidden',
		)
		expect(
			formatExerciseLine(report({ kind: undefined, starter: undefined, problems: [{ slug: 'x', rule: 'load', message: 'unreadable' }] })),
		).toBe('✗ statement-misses-last-payment  ?  boundary  900  src 3 files/82 lines  tests not run')
	})
})

describe('fix proofs in the report', () => {
	it('counts the alternatives and patches on the exercise line', () => {
		expect(formatExerciseLine(report({ fixes: { alternatives: 1, patches: 2 } }))).toMatch(/ {2}fixes 1 alternative, 2 patches$/)
		expect(formatExerciseLine(report({ fixes: { alternatives: 0, patches: 1 } }))).toMatch(/ {2}fixes 0 alternatives, 1 patch$/)
	})

	it('lists the exercises short of them while the rule is a warning, and nothing once it is enforced', () => {
		const reports = [
			report({ slug: 'a', fixes: { alternatives: 1, patches: 2 } }),
			report({ slug: 'b', fixes: { alternatives: 0, patches: 0 } }),
			report({ slug: 'c', kind: 'architecture', fixes: { alternatives: 1, patches: 0 } }),
		]
		expect(formatFixProofWarning(reports)).toEqual([
			'Fix proofs missing in 2 of 3 exercises (a warning until every exercise has them, then rule fix-proofs): add alternatives/<name>/ and patches/<name>/ to',
			'  b (1 alternative, 2 patches), c (1 patch)',
		])
		expect(formatFixProofWarning(reports, true)).toEqual([])
		expect(formatFixProofWarning([reports[0] as ExerciseReport])).toEqual([])
	})

	it('wraps a long list into indented lines', () => {
		expect(wrapList(['alpha', 'beta', 'gamma', 'delta'], 16)).toEqual(['  alpha, beta,', '  gamma, delta'])
	})
})

describe('catalogueCoverage', () => {
	it('counts categories covered and exercises per difficulty band of ±150', () => {
		const coverage = catalogueCoverage([
			report({ difficulty: 750 }),
			report({ difficulty: 1049, category: 'stale-cache' }),
			report({ difficulty: 1050, category: 'stale-cache' }),
			report({ difficulty: 1800, category: 'async-race' }),
			report({ difficulty: 2100, category: undefined }),
			report({ difficulty: undefined }),
		])
		expect(coverage.categoriesCovered).toEqual(['boundary', 'async-race', 'stale-cache'])
		expect(coverage.categoriesMissing).toHaveLength(17)
		expect(coverage.difficultyBands).toEqual([
			{ centre: 900, count: 2 },
			{ centre: 1200, count: 1 },
			{ centre: 1500, count: 0 },
			{ centre: 1800, count: 1 },
		])
		expect(coverage.outsideBands).toBe(1)
	})
})

describe('formatCatalogueReport', () => {
	it('lists every problem with exercise, file and rule, then the coverage', () => {
		const text = formatCatalogueReport([
			report(),
			report({
				slug: 'cache-serves-old-price',
				category: 'stale-cache',
				difficulty: 1500,
				problems: [{ slug: 'cache-serves-old-price', file: 'README.md', rule: 'no-leak', message: 'README.md line 4 gives away the reference fix' }],
			}),
		])
		expect(text).toContain('✗ cache-serves-old-price')
		expect(text).toContain('1 problem:\n  ✗ cache-serves-old-price › README.md [no-leak] README.md line 4 gives away the reference fix')
		expect(text).toContain('2 exercises, 1 valid.')
		expect(text).toContain('Catalogue: 2 exercises, 2 debugging, 0 architecture.')
		expect(text).toContain('Root causes covered: 2/20 (goal 20); missing: wrong-condition,')
		expect(text).toContain('Difficulty: ≈900: 1, ≈1200: 0, ≈1500: 1, ≈1800: 0')
	})
})

describe('the families in the report', () => {
	const variant = (slug: string, family: string, difficulty: number, category = 'boundary') => report({ slug, family, difficulty, category })

	it('gives each family its variants, categories and bands, then the families short of the goals', () => {
		expect(
			formatFamilies([
				{ family: 'cursor-off-by-one', variants: ['a', 'b', 'c'], categories: ['boundary'], bands: [900, 1500] },
				{ family: 'stale-read', variants: ['d'], categories: ['stale-cache'], bands: [1200] },
				{ family: 'lost-update-across-await', variants: ['e', 'f', 'g'], categories: ['async-race'], bands: [1800] },
			]),
		).toEqual([
			'Bug families: 3 (goal: each with 3 variants or more, in 2 difficulty bands or more)',
			'  cursor-off-by-one         3 variants  boundary                ≈900 ≈1500',
			'  stale-read                1 variant   stale-cache             ≈1200',
			'  lost-update-across-await  3 variants  async-race              ≈1800',
			'Goals not met yet:',
			'  1 family has fewer than 3 variants:',
			'    stale-read (1)',
			'  2 families span fewer than 2 difficulty bands:',
			'    stale-read (≈1200), lost-update-across-await (≈1800)',
		])
	})

	it('counts the whole catalogue, and shows only the checked exercise\'s family when one was checked', () => {
		const checked = variant('a', 'cursor-off-by-one', 900)
		const others = [
			{ slug: 'b', kind: 'debugging', family: 'cursor-off-by-one', category: 'boundary', difficulty: 1500 },
			{ slug: 'c', kind: 'debugging', family: 'stale-read', category: 'stale-cache', difficulty: 1200 },
			{ slug: 'd', kind: 'architecture', category: 'idempotency', difficulty: 1800 },
		]
		const text = formatCatalogueSummary([checked], { others })
		expect(text).toContain('1 exercise, 1 valid.\nCatalogue: 4 exercises, 3 debugging, 1 architecture.\nRoot causes covered: 3/20 (goal 20); missing:')
		expect(text).toContain('Bug family of this exercise (goal: 3 variants or more, in 2 difficulty bands or more)\n  cursor-off-by-one  2 variants  boundary                ≈900 ≈1500\nGoals not met yet:\n  1 family has fewer than 3 variants:\n    cursor-off-by-one (2)')
		expect(text).not.toContain('stale-read')
	})
})
