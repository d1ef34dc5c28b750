// Scoring an attempt against its exercise's rubric. Pure and client-safe.
export type RubricCriterion = { id: string; title: string; weight: number; levels: readonly string[] }

export const RUBRIC_MAX_LEVEL = 4

export type RubricScores = Record<string, number>

/** The weighted score in percent: every criterion at level 4 is 100. */
export function rubricPercent(rubric: readonly RubricCriterion[], scores: RubricScores): number {
	const possible = rubric.reduce((sum, criterion) => sum + criterion.weight * RUBRIC_MAX_LEVEL, 0)
	if (possible === 0) return 0
	const earned = rubric.reduce((sum, criterion) => sum + criterion.weight * (scores[criterion.id] ?? 0), 0)
	return Math.round((earned / possible) * 100)
}

/**
 * Checks a submitted score sheet against the rubric: every criterion scored, with a whole
 * level from 0 to 4, and nothing else. Returns field messages keyed by criterion id.
 */
export function checkRubricScores(
	rubric: readonly RubricCriterion[],
	raw: Record<string, unknown>,
): { ok: true; scores: RubricScores } | { ok: false; errors: Record<string, string> } {
	const errors: Record<string, string> = {}
	const scores: RubricScores = {}
	for (const criterion of rubric) {
		const value = raw[criterion.id]
		const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : ''
		if (text === '') {
			errors[criterion.id] = `Choose a level for “${criterion.title}”.`
			continue
		}
		const level = Number(text)
		if (!Number.isInteger(level) || level < 0 || level > RUBRIC_MAX_LEVEL) {
			errors[criterion.id] = `“${criterion.title}” takes a level from 0 to ${RUBRIC_MAX_LEVEL}.`
			continue
		}
		scores[criterion.id] = level
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, scores }
}

/** The descriptor of a level without the "3 " prefix authors often write in front of it. */
export function levelDescriptor(criterion: RubricCriterion, level: number) {
	return (criterion.levels[level] ?? '').replace(/^\s*[0-4]\s*[-–—:.)]?\s+/, '')
}
