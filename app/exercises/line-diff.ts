// A line diff between a starter file and its reference solution, enough to answer "does
// the solution touch this range?" and "which lines does it add?". Lines compare with
// trailing whitespace ignored, so a stray space is not a change.
import { splitLines } from './exercise-folder.ts'

export type LineDiff = {
	/** 1-based lines of the old file that the new file removes or changes. */
	removedLines: number[]
	/** Where new lines go in: n means "after old line n" (0 = before line 1). One entry per added line. */
	insertedAfter: number[]
	/** The new file's lines that are not in the old file, in order. */
	addedLines: string[]
}

// Above this many cells the middle of the diff is treated as replaced wholesale: exercise
// files are small, and a coarse answer beats a slow validator.
const MAX_TABLE_CELLS = 4_000_000

export function diffLines(oldText: string, newText: string): LineDiff {
	const oldLines = splitLines(oldText)
	const newLines = splitLines(newText)
	const same = (oldIndex: number, newIndex: number) =>
		(oldLines[oldIndex] as string).trimEnd() === (newLines[newIndex] as string).trimEnd()

	let prefix = 0
	while (prefix < oldLines.length && prefix < newLines.length && same(prefix, prefix)) prefix++
	let suffix = 0
	while (
		suffix < oldLines.length - prefix &&
		suffix < newLines.length - prefix &&
		same(oldLines.length - 1 - suffix, newLines.length - 1 - suffix)
	) {
		suffix++
	}

	const oldCount = oldLines.length - prefix - suffix
	const newCount = newLines.length - prefix - suffix
	const diff: LineDiff = { removedLines: [], insertedAfter: [], addedLines: [] }
	const remove = (oldIndex: number) => diff.removedLines.push(oldIndex + 1)
	const insert = (newIndex: number, afterOldLine: number) => {
		diff.insertedAfter.push(afterOldLine)
		diff.addedLines.push(newLines[newIndex] as string)
	}

	if (oldCount * newCount > MAX_TABLE_CELLS) {
		for (let i = 0; i < oldCount; i++) remove(prefix + i)
		for (let j = 0; j < newCount; j++) insert(prefix + j, prefix)
		return diff
	}

	// Longest common subsequence of the middle parts; table[i][j] = LCS of old[i..] and new[j..].
	const width = newCount + 1
	const table = new Uint32Array((oldCount + 1) * width)
	for (let i = oldCount - 1; i >= 0; i--) {
		for (let j = newCount - 1; j >= 0; j--) {
			table[i * width + j] = same(prefix + i, prefix + j)
				? (table[(i + 1) * width + j + 1] as number) + 1
				: Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number)
		}
	}
	let i = 0
	let j = 0
	while (i < oldCount || j < newCount) {
		if (i < oldCount && j < newCount && same(prefix + i, prefix + j)) {
			i++
			j++
		} else if (j < newCount && (i === oldCount || (table[i * width + j + 1] as number) >= (table[(i + 1) * width + j] as number))) {
			insert(prefix + j, prefix + i)
			j++
		} else {
			remove(prefix + i)
			i++
		}
	}
	return diff
}

/** Whether the diff changes or removes a line in [startLine, endLine], or inserts between two lines of it. */
export function diffTouchesRange(diff: LineDiff, startLine: number, endLine: number): boolean {
	return (
		diff.removedLines.some((line) => line >= startLine && line <= endLine) ||
		diff.insertedAfter.some((after) => after >= startLine && after < endLine)
	)
}

/** "lines 4-6, 9 and an insertion after line 12": what a diff touched, for error messages. */
export function describeDiff(diff: LineDiff): string {
	const parts: string[] = []
	if (diff.removedLines.length > 0) parts.push(`changes ${describeLineSet(diff.removedLines)}`)
	const insertionPoints = [...new Set(diff.insertedAfter)]
	const pureInsertions = insertionPoints.filter((after) => !diff.removedLines.includes(after + 1) && !diff.removedLines.includes(after))
	if (pureInsertions.length > 0) {
		parts.push(`inserts lines ${pureInsertions.map((after) => (after === 0 ? 'before line 1' : `after line ${after}`)).join(', ')}`)
	}
	return parts.length > 0 ? parts.join(' and ') : 'changes nothing'
}

function describeLineSet(lines: number[]): string {
	const sorted = [...new Set(lines)].sort((a, b) => a - b)
	const ranges: string[] = []
	let start = sorted[0] as number
	let previous = start
	for (const line of [...sorted.slice(1), Number.NaN]) {
		if (line === previous + 1) {
			previous = line
			continue
		}
		ranges.push(start === previous ? `${start}` : `${start}-${previous}`)
		start = line
		previous = line
	}
	return `${ranges.length === 1 && !ranges[0]?.includes('-') ? 'line' : 'lines'} ${ranges.join(', ')}`
}
