// What the demo lead writes: a review's rubric scores and summary, drawn from how the attempt
// went, and the growth notes left on each learner.
import type { RubricCriterion } from '#app/reviews/rubric.ts'
import type { Random } from '#app/utils/random.ts'
import type { PlannedAttempt } from './plan.ts'

const REVIEW_OPENINGS_SOLVED = [
	'Found the root cause and fixed it where it lives, not in the symptom.',
	'Solid diagnosis: the fix is small and in the right place.',
	'Got there. The explanation names the mechanism, not just the line.',
]
const REVIEW_OPENINGS_GAVE_UP = [
	'Gave up before the cause was pinned down; read the reference and let us walk through it on Thursday.',
	'Stopped at the symptom. The journal shows the right direction early on — trust it longer.',
]

export function reviewSummary(random: Random, plan: PlannedAttempt) {
	const parts = [random.pick(plan.solved ? REVIEW_OPENINGS_SOLVED : REVIEW_OPENINGS_GAVE_UP)]
	if (plan.hypothesisMinute !== null && plan.hypothesisMinute < 7)
		parts.push('A hypothesis within minutes and a prediction before the first run: exactly the habit we want.')
	else parts.push('Went to the code before writing down what you expected; next time put the hypothesis in the journal first.')
	if (plan.hints > 0) parts.push(`${plan.hints === 1 ? 'One hint was' : 'Two hints were'} needed; try one more experiment before reaching for them.`)
	if (plan.pastes > 0) parts.push('Some code came in from outside the editor; tell me what you looked up so we can talk about it.')
	if (plan.wrongSubmissions.includes('failed-fix'))
		parts.push('The first fix did not hold against the hidden tests; run the visible ones on the edge cases before submitting.')
	return parts.join(' ')
}

export function reviewScores(random: Random, plan: PlannedAttempt, rubric: RubricCriterion[]) {
	const base = plan.solved ? 3 : 1
	return Object.fromEntries(
		rubric.map((criterion) => {
			let level =
				base +
				(plan.hypothesisMinute !== null && plan.hypothesisMinute < 7 && random.chance(0.6) ? 1 : 0) -
				(plan.hints >= 2 ? 1 : 0) -
				(random.chance(0.2) ? 1 : 0)
			level = Math.max(0, Math.min(4, level))
			return [criterion.id, level]
		}),
	)
}

export const LEAD_NOTES = [
	'Talked through the last three attempts: hypotheses come earlier now, and predictions are specific.',
	'Next quarter: fewer hints on concurrency exercises; pair with someone strong there once a month.',
	'Independent on every assignment this month. Ready for the harder reliability exercises.',
]
