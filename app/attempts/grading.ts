// Grading a submitted diagnosis, each part on its own: the location (lines picked in the
// learner's current code, mapped back to the starter the root cause is recorded against),
// the category, and the fix (every visible and hidden test passes). Pure.
import { diffLines } from 'diff'
import type { SourceLocation } from '#app/exercises/schema.ts'
import type { RunResult } from '#app/runner/protocol.ts'

export type LineRange = { startLine: number; endLine: number }
export type PickedLocation = LineRange & { file: string }

/**
 * Maps lines of `current` to the lines of `starter` they came from. Unchanged lines map one
 * to one; a line the learner added or rewrote maps to the starter lines it replaced, or,
 * for a pure insertion, to the lines on either side of it.
 */
export function mapToStarterLines(starter: string, current: string, range: LineRange): LineRange {
	const lineMap: Array<LineRange> = [] // index = current line - 1
	let oldLine = 1
	const parts = diffLines(starter, current)
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i]!
		const count = part.count ?? 0
		if (part.removed) {
			const next = parts[i + 1]
			if (next?.added) {
				const replaced = { startLine: oldLine, endLine: oldLine + count - 1 }
				for (let k = 0; k < (next.count ?? 0); k++) lineMap.push(replaced)
				i++
			}
			oldLine += count
		} else if (part.added) {
			const around = { startLine: Math.max(1, oldLine - 1), endLine: oldLine }
			for (let k = 0; k < count; k++) lineMap.push(around)
		} else {
			for (let k = 0; k < count; k++) lineMap.push({ startLine: oldLine + k, endLine: oldLine + k })
			oldLine += count
		}
	}
	const picked = lineMap.slice(Math.max(0, range.startLine - 1), Math.max(range.startLine, range.endLine))
	if (picked.length === 0) return { startLine: oldLine, endLine: oldLine }
	return { startLine: Math.min(...picked.map((r) => r.startLine)), endLine: Math.max(...picked.map((r) => r.endLine)) }
}

/**
 * Whether the picked lines name the root cause: same file, overlapping a recorded range,
 * and not so wide that it names half the file (at most three times the range plus five lines).
 */
export function locationMatches(picked: LineRange, file: string, locations: SourceLocation[]): boolean {
	return locations.some((location) => {
		if (location.file !== file) return false
		const overlaps = picked.startLine <= location.endLine && picked.endLine >= location.startLine
		const width = picked.endLine - picked.startLine + 1
		const allowed = 3 * (location.endLine - location.startLine + 1) + 5
		return overlaps && width <= allowed
	})
}

export type DiagnosisGrade = {
	locationCorrect: boolean
	categoryCorrect: boolean
	fixCorrect: boolean
	correct: boolean
	testsPassed: number
	testsFailed: number
}

export function gradeDiagnosis(input: {
	picked: PickedLocation
	category: string
	starterFiles: Record<string, string>
	submittedFiles: Record<string, string>
	/** `acceptedCategories`: other fair names for the same root cause, graded as correct too. */
	rootCause: { category: string; acceptedCategories?: readonly string[] | undefined; locations: SourceLocation[] }
	/** The visible and hidden tests run against the submitted files. */
	result: Pick<RunResult, 'status' | 'tests'>
}): DiagnosisGrade {
	const { picked } = input
	const starter = input.starterFiles[picked.file]
	const current = input.submittedFiles[picked.file]
	const inStarter = starter !== undefined && current !== undefined ? mapToStarterLines(starter, current, picked) : picked
	const locationCorrect = starter !== undefined && locationMatches(inStarter, picked.file, input.rootCause.locations)
	const categoryCorrect = input.category === input.rootCause.category || (input.rootCause.acceptedCategories ?? []).includes(input.category)
	const ran = input.result.tests.filter((test) => test.status !== 'skip')
	const testsPassed = ran.filter((test) => test.status === 'pass').length
	const testsFailed = ran.length - testsPassed
	const fixCorrect = input.result.status === 'pass' && testsFailed === 0 && testsPassed > 0
	return { locationCorrect, categoryCorrect, fixCorrect, correct: locationCorrect && categoryCorrect && fixCorrect, testsPassed, testsFailed }
}
