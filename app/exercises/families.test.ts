import { describe, expect, it } from 'vitest'
import { architectureFolder } from './fixtures/sample-architecture.ts'
import { SAMPLE_SLUG, sampleExerciseFiles, sampleMetadata } from './fixtures/sample-exercise.ts'
import { type ExerciseFiles, exerciseFolderFromFiles } from './exercise-folder.ts'
import { difficultyBand, familySummaries, validateFamilies } from './families.ts'
import { renamedCopy } from './fixtures/renamed-copy.ts'

/** A debugging exercise of family `family`, its src/ given (the sample's by default). */
function variant(slug: string, { family = 'cursor-off-by-one', category = 'boundary', difficulty = 900, src }: { family?: string; category?: string; difficulty?: number; src?: ExerciseFiles } = {}) {
	const files = sampleExerciseFiles()
	const metadata = { ...sampleMetadata(), slug, uuid: crypto.randomUUID(), family, difficulty, rootCause: { ...sampleMetadata().rootCause, category } }
	files['exercise.json'] = JSON.stringify(metadata)
	if (src) {
		for (const path of Object.keys(files)) if (path.startsWith('src/')) delete files[path]
		Object.assign(files, src)
	}
	return exerciseFolderFromFiles(slug, files)
}

const sampleSrc = () => Object.fromEntries(Object.entries(sampleExerciseFiles()).filter(([path]) => path.startsWith('src/')))
const unrelatedSrc = () => architectureFolder().src

describe('validateFamilies', () => {
	it('wants every variant of a family to name the same category, naming the variants that differ', () => {
		const first = variant(SAMPLE_SLUG)
		const second = variant('invoice-lines-skip-the-last', { category: 'wrong-condition', src: unrelatedSrc() })
		const elsewhere = variant('cache-serves-yesterday', { family: 'stale-read', category: 'stale-cache', src: unrelatedSrc() })
		expect(validateFamilies([first, second, elsewhere]).map((problem) => [problem.slug, problem.rule, problem.message])).toEqual([
			[
				SAMPLE_SLUG,
				'family-category',
				'family "cursor-off-by-one": rootCause.category is "boundary", but invoice-lines-skip-the-last has "wrong-condition"; every variant of a family has the same category (list other fair names in rootCause.acceptedCategories)',
			],
			['invoice-lines-skip-the-last', 'family-category', expect.stringContaining(`but ${SAMPLE_SLUG} has "boundary"`)],
		])
	})

	it('refuses a renamed copy of another variant, naming it and the share, and accepts a different code base', () => {
		const first = variant(SAMPLE_SLUG)
		const copy = variant('ledger-misses-a-refund', { src: renamedCopy(sampleSrc()) })
		const problems = validateFamilies([copy], [first])
		expect(problems).toEqual([
			{
				slug: 'ledger-misses-a-refund',
				file: 'src/',
				rule: 'family-similarity',
				message: expect.stringMatching(
					new RegExp(`^src/ shares (9\\d|100)% of its lines with ${SAMPLE_SLUG}, another variant of family "cursor-off-by-one" \\(names and literals aside\\); a variant is a different system, not a renamed copy: at most 25%$`),
				),
			},
		])
		expect(validateFamilies([variant('signup-mails-twice', { src: unrelatedSrc() })], [first])).toEqual([])
	})

	it('compares only variants of the same family, only debugging exercises, and reports only on the exercises checked', () => {
		const first = variant(SAMPLE_SLUG)
		const copyInOtherFamily = variant('ledger-misses-a-refund', { family: 'other-family', category: 'wrong-condition', src: renamedCopy(sampleSrc()) })
		expect(validateFamilies([copyInOtherFamily], [first])).toEqual([])
		const architecture = architectureFolder()
		expect(validateFamilies([first], [architecture])).toEqual([])
		const differing = variant('invoice-lines-skip-the-last', { category: 'wrong-condition', src: unrelatedSrc() })
		expect(validateFamilies([first], [differing]).map((problem) => problem.slug)).toEqual([SAMPLE_SLUG])
	})
})

describe('familySummaries', () => {
	it('lists each family of debugging exercises with its variants, categories and difficulty bands', () => {
		expect(
			familySummaries([
				{ slug: 'b', kind: 'debugging', family: 'stale-read', category: 'stale-cache', difficulty: 1210 },
				{ slug: 'a', kind: 'debugging', family: 'cursor-off-by-one', category: 'boundary', difficulty: 760 },
				{ slug: 'c', kind: 'debugging', family: 'cursor-off-by-one', category: 'boundary', difficulty: 1800 },
				{ slug: 'd', kind: 'debugging', family: 'cursor-off-by-one', category: 'wrong-condition', difficulty: 2100 },
				{ slug: 'e', kind: 'architecture', category: 'idempotency', difficulty: 1800 },
			]),
		).toEqual([
			{ family: 'cursor-off-by-one', variants: ['a', 'c', 'd'], categories: ['boundary', 'wrong-condition'], bands: [900, 1800] },
			{ family: 'stale-read', variants: ['b'], categories: ['stale-cache'], bands: [1200] },
		])
	})

	it('puts a difficulty in the band of ±150 around 900, 1200, 1500 or 1800', () => {
		expect([749, 750, 1049, 1050, 1949, 1950].map(difficultyBand)).toEqual([undefined, 900, 900, 1200, 1800, undefined])
	})
})
