import { describe, expect, it } from 'vitest'
import { checkRubricScores, levelDescriptor, rubricPercent, type RubricCriterion } from './rubric.ts'

const rubric: RubricCriterion[] = [
	{ id: 'diagnosis', title: 'Found the root cause', weight: 2, levels: ['0 none', '1 area', '2 rule', '3 why', '4 everything'] },
	{ id: 'method', title: 'Diagnostic method', weight: 1, levels: ['a', 'b', 'c', 'd', 'e'] },
]

describe('rubricPercent', () => {
	it('weights each criterion', () => {
		expect(rubricPercent(rubric, { diagnosis: 4, method: 4 })).toBe(100)
		expect(rubricPercent(rubric, { diagnosis: 4, method: 0 })).toBe(67)
		expect(rubricPercent(rubric, { diagnosis: 0, method: 4 })).toBe(33)
		expect(rubricPercent(rubric, { diagnosis: 0, method: 0 })).toBe(0)
	})
})

describe('checkRubricScores', () => {
	it('accepts a whole level from 0 to 4 for every criterion', () => {
		expect(checkRubricScores(rubric, { diagnosis: '3', method: '0' })).toEqual({ ok: true, scores: { diagnosis: 3, method: 0 } })
	})

	it('names each criterion that is missing or out of range', () => {
		const result = checkRubricScores(rubric, { diagnosis: '5', method: null })
		expect(result).toEqual({
			ok: false,
			errors: { diagnosis: '“Found the root cause” takes a level from 0 to 4.', method: 'Choose a level for “Diagnostic method”.' },
		})
		expect(checkRubricScores(rubric, { diagnosis: '-1', method: '2.5' }).ok).toBe(false)
		expect(checkRubricScores(rubric, { diagnosis: 'four', method: '1' }).ok).toBe(false)
	})

	it('ignores scores for criteria the rubric does not have', () => {
		expect(checkRubricScores(rubric, { diagnosis: '1', method: '1', extra: '9' })).toEqual({ ok: true, scores: { diagnosis: 1, method: 1 } })
	})
})

describe('levelDescriptor', () => {
	it('drops the level number authors write in front', () => {
		expect(levelDescriptor(rubric[0]!, 3)).toBe('why')
		expect(levelDescriptor(rubric[1]!, 2)).toBe('c')
	})
})
