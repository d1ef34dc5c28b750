import { describe, expect, it } from 'vitest'
import { describeDiff, diffLines, diffTouchesRange } from './line-diff.ts'

const lines = (...parts: string[]) => `${parts.join('\n')}\n`

describe('diffLines', () => {
	it('finds a changed line', () => {
		const diff = diffLines(lines('a', 'b', 'c', 'd'), lines('a', 'B', 'c', 'd'))
		expect(diff).toEqual({ removedLines: [2], insertedAfter: [1], addedLines: ['B'] })
	})

	it('finds insertions and removals, and where the insertions go', () => {
		expect(diffLines(lines('a', 'b', 'c'), lines('a', 'b', 'x', 'y', 'c'))).toEqual({
			removedLines: [],
			insertedAfter: [2, 2],
			addedLines: ['x', 'y'],
		})
		expect(diffLines(lines('a', 'b', 'c'), lines('a', 'c'))).toEqual({ removedLines: [2], insertedAfter: [], addedLines: [] })
		expect(diffLines(lines('a'), lines('z', 'a'))).toEqual({ removedLines: [], insertedAfter: [0], addedLines: ['z'] })
	})

	it('ignores trailing whitespace and CRLF, but not indentation', () => {
		expect(diffLines('a  \r\nb\n', 'a\nb')).toEqual({ removedLines: [], insertedAfter: [], addedLines: [] })
		expect(diffLines('a\n', '  a\n').removedLines).toEqual([1])
	})

	it('aligns repeated lines sensibly', () => {
		const before = lines('{', '  x', '}', '{', '  y', '}')
		const after = lines('{', '  x', '}', '{', '  y2', '}')
		expect(diffLines(before, after)).toEqual({ removedLines: [5], insertedAfter: [4], addedLines: ['  y2'] })
	})
})

describe('diffTouchesRange', () => {
	const diff = diffLines(lines('1', '2', '3', '4', '5', '6'), lines('1', '2', '3', 'new', '4', '5', '6'))

	it('counts an insertion between two lines of the range', () => {
		expect(diffTouchesRange(diff, 3, 4)).toBe(true)
		expect(diffTouchesRange(diff, 2, 5)).toBe(true)
	})

	it('does not count an insertion just outside the range', () => {
		expect(diffTouchesRange(diff, 1, 3)).toBe(false)
		expect(diffTouchesRange(diff, 4, 6)).toBe(false)
	})

	it('counts a changed or removed line inside the range', () => {
		const changed = diffLines(lines('1', '2', '3'), lines('1', 'two', '3'))
		expect(diffTouchesRange(changed, 2, 2)).toBe(true)
		expect(diffTouchesRange(changed, 1, 1)).toBe(false)
		expect(diffTouchesRange(changed, 3, 3)).toBe(false)
	})
})

describe('describeDiff', () => {
	it('says which lines changed and where lines went in', () => {
		expect(describeDiff(diffLines(lines('a', 'b', 'c', 'd'), lines('a', 'B', 'C', 'd')))).toBe('changes lines 2-3')
		expect(describeDiff(diffLines(lines('a', 'b'), lines('a', 'x', 'b')))).toBe('inserts lines after line 1')
		expect(describeDiff(diffLines(lines('a'), lines('a')))).toBe('changes nothing')
	})
})
