import { describe, expect, it } from 'vitest'
import { gradeDiagnosis, locationMatches, mapToStarterLines } from './grading.ts'

const starter = ['line 1', 'line 2', 'if (total > 50) {', '  free()', '}', 'line 6', 'line 7'].join('\n') + '\n'
const rootCause = { category: 'wrong-condition', locations: [{ file: 'src/shipping.ts', startLine: 3, endLine: 3 }] }
const passing = { status: 'pass' as const, tests: [{ name: 'a', file: 't', status: 'pass' as const, durationMs: 1 }] }

describe('mapping picked lines back to the starter', () => {
	it('maps unchanged lines one to one', () => {
		expect(mapToStarterLines(starter, starter, { startLine: 3, endLine: 4 })).toEqual({ startLine: 3, endLine: 4 })
	})
	it('follows lines moved down by lines the learner inserted above them', () => {
		const current = ['// note', '// another note', ...starter.split('\n')].join('\n')
		expect(mapToStarterLines(starter, current, { startLine: 5, endLine: 5 })).toEqual({ startLine: 3, endLine: 3 })
	})
	it('maps a rewritten line to the line it replaced', () => {
		const current = starter.replace('if (total > 50) {', 'if (subtotal >= 50 && !isGift) {')
		expect(mapToStarterLines(starter, current, { startLine: 3, endLine: 3 })).toEqual({ startLine: 3, endLine: 3 })
	})
	it('maps a line inserted between two lines to both of them', () => {
		const lines = starter.split('\n')
		const current = [...lines.slice(0, 3), '  log(total)', ...lines.slice(3)].join('\n')
		expect(mapToStarterLines(starter, current, { startLine: 4, endLine: 4 })).toEqual({ startLine: 3, endLine: 4 })
	})
})

describe('whether the location names the root cause', () => {
	it('accepts an overlapping range in the right file', () => {
		expect(locationMatches({ startLine: 2, endLine: 4 }, 'src/shipping.ts', rootCause.locations)).toBe(true)
	})
	it('refuses the right lines in another file', () => {
		expect(locationMatches({ startLine: 3, endLine: 3 }, 'src/cart.ts', rootCause.locations)).toBe(false)
	})
	it('refuses lines next to the root cause', () => {
		expect(locationMatches({ startLine: 5, endLine: 7 }, 'src/shipping.ts', rootCause.locations)).toBe(false)
	})
	it('refuses a range so wide it names half the file', () => {
		expect(locationMatches({ startLine: 1, endLine: 40 }, 'src/shipping.ts', rootCause.locations)).toBe(false)
	})
})

describe('grading a diagnosis', () => {
	const base = {
		picked: { file: 'src/shipping.ts', startLine: 3, endLine: 3 },
		category: 'wrong-condition',
		starterFiles: { 'src/shipping.ts': starter },
		submittedFiles: { 'src/shipping.ts': starter.replace('> 50', '>= 50') },
		rootCause,
		result: passing,
	}
	it('is correct when location, category and fix are all right', () => {
		expect(gradeDiagnosis(base)).toEqual({ locationCorrect: true, categoryCorrect: true, fixCorrect: true, correct: true, testsPassed: 1, testsFailed: 0 })
	})
	it('grades each part on its own', () => {
		const grade = gradeDiagnosis({
			...base,
			category: 'boundary',
			result: { status: 'fail', tests: [...passing.tests, { name: 'b', file: 't', status: 'fail', durationMs: 1 }] },
		})
		expect(grade).toMatchObject({ locationCorrect: true, categoryCorrect: false, fixCorrect: false, correct: false, testsPassed: 1, testsFailed: 1 })
	})
	it('accepts a category the exercise lists as another fair name for the root cause, and no other', () => {
		const withAlternatives = { ...rootCause, acceptedCategories: ['boundary'] }
		expect(gradeDiagnosis({ ...base, category: 'boundary', rootCause: withAlternatives })).toMatchObject({ categoryCorrect: true, correct: true })
		expect(gradeDiagnosis({ ...base, category: 'async-race', rootCause: withAlternatives })).toMatchObject({ categoryCorrect: false, correct: false })
	})
	it('does not call a run in which no test ran a correct fix', () => {
		expect(gradeDiagnosis({ ...base, result: { status: 'error', tests: [] } }).fixCorrect).toBe(false)
	})
	it('refuses a file that is not in the starter', () => {
		expect(gradeDiagnosis({ ...base, picked: { file: 'src/nope.ts', startLine: 3, endLine: 3 } }).locationCorrect).toBe(false)
	})
})
