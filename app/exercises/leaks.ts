// Leak detection: the reference fix and the grading tests must not be readable from what
// the learner gets (src/ and the README). We look for "distinctive" lines, long enough
// that finding one elsewhere is no coincidence, and skip lines the learner legitimately
// sees anyway (already in the starter, or in the visible tests).
import { type ExerciseFolder, splitLines, srcPathOfSolutionFile } from './exercise-folder.ts'
import { diffLines } from './line-diff.ts'

export type DistinctiveLine = {
	file: string
	line: string
	/**
	 * Starter lines the fix replaces that this line is cut from by deleting text (dropping a
	 * regex flag, "- fee"). Wherever such a starter line shows, the learner sees the bug, not
	 * the fix, so a match inside it is no leak.
	 */
	cutFrom?: string[]
}
export type Leak = DistinctiveLine & { foundIn: string; foundAtLine: number }

const MIN_SOLUTION_LINE_CHARS = 12 // non-space characters
const MIN_HIDDEN_TEST_LINE_CHARS = 20

const BOILERPLATE_LINE =
	/^(?:import\b|export\s+(?:\*|\{[^}]*\})\s+from\b|\}\s*from\s*['"]|(?:describe|it|test|suite|bench)(?:\.\w+)*\s*\(|(?:before|after)(?:Each|All)\s*\(|\}\s*\)\s*;?\s*$)/

/** Lines the reference solution adds (trimmed, ≥ 12 non-space characters) that are not already lines of the starter. */
export function distinctiveSolutionLines(folder: Pick<ExerciseFolder, 'src' | 'solution'>): DistinctiveLine[] {
	const starterLines = trimmedLineSet(Object.values(folder.src))
	const found = new Map<string, DistinctiveLine>()
	for (const [path, text] of Object.entries(folder.solution)) {
		const starter = folder.src[srcPathOfSolutionFile(path)]
		const diff = starter === undefined ? undefined : diffLines(starter, text)
		const added = diff ? diff.addedLines : splitLines(text)
		const starterFileLines = starter === undefined ? [] : splitLines(starter)
		const replaced = (diff?.removedLines ?? []).map((number) => (starterFileLines[number - 1] as string).trim())
		for (const raw of added) {
			const line = raw.trim()
			if (line.replace(/\s/g, '').length < MIN_SOLUTION_LINE_CHARS || starterLines.has(line)) continue
			const cutFrom = replaced.filter((starterLine) => isCutFrom(line, starterLine))
			if (!found.has(line)) found.set(line, cutFrom.length > 0 ? { file: path, line, cutFrom } : { file: path, line })
		}
	}
	return [...found.values()]
}

/** Lines of the hidden tests (trimmed, ≥ 20 characters) other than imports, describe/it scaffolding and lines the learner sees anyway. */
export function distinctiveHiddenTestLines(
	folder: Pick<ExerciseFolder, 'src' | 'visibleTests' | 'hiddenTests'>,
): DistinctiveLine[] {
	const seen = trimmedLineSet([...Object.values(folder.src), ...Object.values(folder.visibleTests)])
	const found = new Map<string, DistinctiveLine>()
	for (const [path, text] of Object.entries(folder.hiddenTests)) {
		for (const raw of splitLines(text)) {
			const line = raw.trim()
			if (line.length < MIN_HIDDEN_TEST_LINE_CHARS || BOILERPLATE_LINE.test(line) || seen.has(line)) continue
			if (!found.has(line)) found.set(line, { file: path, line })
		}
	}
	return [...found.values()]
}

/** Every place where one of `lines` appears (whitespace-insensitive, on identifier boundaries) in `files`. */
export function findLeaks(lines: DistinctiveLine[], files: Record<string, string | undefined>): Leak[] {
	const leaks: Leak[] = []
	const haystacks = Object.entries(files).flatMap(([path, text]) =>
		text === undefined ? [] : splitLines(text).map((line, index) => ({ path, lineNumber: index + 1, text: normalize(line) })),
	)
	for (const distinctive of lines) {
		const needle = normalize(distinctive.line)
		const cutFrom = (distinctive.cutFrom ?? []).map(normalize)
		const hit = haystacks.find((haystack) => containsOnBoundaries(withoutStarterLines(haystack.text, cutFrom), needle))
		if (hit) leaks.push({ ...distinctive, foundIn: hit.path, foundAtLine: hit.lineNumber })
	}
	return leaks
}

/** Whether `line` is `starterLine` with some text deleted and nothing added. */
export function isCutFrom(line: string, starterLine: string): boolean {
	const shorter = normalize(line)
	const longer = normalize(starterLine)
	if (shorter.length >= longer.length) return false
	let at = 0
	for (const char of longer) if (char === shorter[at]) at++
	return at === shorter.length
}

// Blanks out the starter lines a deletion fix is cut from, so only text outside them can match.
function withoutStarterLines(text: string, starterLines: string[]) {
	let masked = text
	for (const starterLine of starterLines) masked = masked.split(starterLine).join('\u0000')
	return masked
}

function trimmedLineSet(texts: string[]) {
	return new Set(texts.flatMap((text) => splitLines(text).map((line) => line.trim())))
}

function normalize(line: string) {
	return line.trim().replace(/\s+/g, ' ')
}

const IDENTIFIER_CHAR = /[\p{L}\p{N}_$]/u

// "return total" must not match inside "return totalCents": a hit only counts where the
// needle is not glued to a longer identifier on either side.
function containsOnBoundaries(haystack: string, needle: string) {
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
		const before = haystack[at - 1]
		const after = haystack[at + needle.length]
		const glued =
			(before !== undefined && IDENTIFIER_CHAR.test(before) && IDENTIFIER_CHAR.test(needle[0] as string)) ||
			(after !== undefined && IDENTIFIER_CHAR.test(after) && IDENTIFIER_CHAR.test(needle.at(-1) as string))
		if (!glued) return true
	}
	return false
}
