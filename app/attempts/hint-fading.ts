// Help that fades as expertise grows. Worked help speeds beginners up and slows experts down
// (the expertise-reversal effect), so a hint's unlock conditions scale with the learner's
// rating in the exercise's topics: sooner below the middle of the scale, later above it.
// Ratings still provisional (too few attempts) leave the author's conditions as written.
// Pure; the server applies it when deciding a reveal, the Hints tab shows the explanation.

/** The rating at which hints unlock exactly as the author wrote them. */
export const FADING_MIDPOINT = 1500
/** Rating points that double (above the midpoint) or halve (below) the time before a hint. */
export const FADING_DOUBLING_POINTS = 400
export const MIN_FADING_FACTOR = 0.5
export const MAX_FADING_FACTOR = 2
/** From this factor on, a hint also waits for one more hypothesis. */
export const EXTRA_HYPOTHESIS_FROM = 1.5

export type TopicRating = { topic: string; rating: number; provisional: boolean }

export type HintFading = {
	/** Multiplies the minutes before each hint. */
	factor: number
	extraHypotheses: number
	/** The rating the factor came from (mean of the settled topic ratings), or null. */
	basis: number | null
	/** One or two sentences for the Hints tab. */
	explanation: string
}

export function hintFading(ratings: readonly TopicRating[], topicLabel: (topic: string) => string = (topic) => topic): HintFading {
	const settled = ratings.filter((rating) => !rating.provisional)
	if (settled.length === 0) {
		return {
			factor: 1,
			extraHypotheses: 0,
			basis: null,
			explanation: `Hints unlock as the exercise’s author set them while your rating in its topics is provisional. Once it settles they open later for a higher rating (up to ${MAX_FADING_FACTOR}× the time) and sooner for a lower one (down to ${Math.round(MIN_FADING_FACTOR * 100)} %).`,
		}
	}
	const basis = Math.round(settled.reduce((sum, rating) => sum + rating.rating, 0) / settled.length)
	const raw = 2 ** ((basis - FADING_MIDPOINT) / FADING_DOUBLING_POINTS)
	const factor = Math.round(Math.min(MAX_FADING_FACTOR, Math.max(MIN_FADING_FACTOR, raw)) * 100) / 100
	const extraHypotheses = factor >= EXTRA_HYPOTHESIS_FROM ? 1 : 0
	const topics = settled.map((rating) => topicLabel(rating.topic)).join(', ')
	const why = 'Hints help most while a topic is new and get in the way once you know it, so they fade as your rating grows.'
	if (factor > 1) {
		const more = extraHypotheses ? ' and one more hypothesis' : ''
		return {
			factor,
			extraHypotheses,
			basis,
			explanation: `Hints open later for you here (${factor}× the usual time${more}): your rating in ${topics} is ≈${basis}. ${why}`,
		}
	}
	if (factor < 1) {
		return {
			factor,
			extraHypotheses,
			basis,
			explanation: `Hints open sooner for you here (${Math.round(factor * 100)} % of the usual time): your rating in ${topics} is ≈${basis}. ${why}`,
		}
	}
	return { factor, extraHypotheses, basis, explanation: `Hints unlock as the author set them: your rating in ${topics} is ≈${basis}, the middle of the scale.` }
}

/** A hint's unlock conditions after fading. Minutes are whole; a hint never waits for fewer hypotheses than written. */
export function fadedUnlock(unlock: { afterMinutes: number; afterHypotheses: number }, fading: Pick<HintFading, 'factor' | 'extraHypotheses'>) {
	return {
		afterMinutes: Math.round(unlock.afterMinutes * fading.factor),
		afterHypotheses: unlock.afterHypotheses + fading.extraHypotheses,
	}
}

/** A reveal this soon after the hint unlocked is recorded as a fact: the learner was waiting for it. */
export const EAGER_REVEAL_SECONDS = 10

export function isEagerReveal(unlockedAt: Date, revealedAt: Date): boolean {
	const seconds = (revealedAt.getTime() - unlockedAt.getTime()) / 1000
	return seconds >= 0 && seconds <= EAGER_REVEAL_SECONDS
}
