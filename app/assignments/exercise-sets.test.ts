import { describe, expect, it } from 'vitest'
import { exerciseSets, type SetCandidate } from './exercise-sets.ts'

const exercise = (slug: string, topics: SetCandidate['topics'], difficulty: number, kind: SetCandidate['kind'] = 'debugging'): SetCandidate => ({
	slug,
	title: slug,
	kind,
	topics,
	difficulty,
})

describe('exerciseSets', () => {
	it('groups exercises of one kind by topic and difficulty level', () => {
		const sets = exerciseSets([
			exercise('a', ['async'], 1100),
			exercise('b', ['async', 'time'], 1300),
			exercise('c', ['async'], 1500),
			exercise('d', ['time'], 1200),
		])
		expect(sets).toEqual([
			{ id: 'debugging:async:2', label: 'Async bugs, level 2 (Intermediate)', slugs: ['a', 'b'] },
			{ id: 'debugging:time:2', label: 'Time bugs, level 2 (Intermediate)', slugs: ['b', 'd'] },
		])
	})

	it('leaves out sets of one and never mixes kinds', () => {
		expect(exerciseSets([exercise('a', ['caching'], 1100), exercise('b', ['caching'], 1100, 'architecture')])).toEqual([])
	})
})
