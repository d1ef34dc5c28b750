// A RatingChange row as stored (ADR 010) and what pages make of it: the sentence that explains
// it and the figures the rating note shows. Pure.
import { describeRatingChange, type RatingChangeDisplay } from './rating-display.ts'
import { explainRatingChange } from './ratings.ts'
import { topicName } from './topic-names.ts'

export type StoredRatingChange = {
	topic: string
	at: Date
	ratingBefore: number
	ratingAfter: number
	rdBefore: number
	rdAfter: number
	delta: number
	weight: number
	solved: boolean
	hintsRevealed: number
	outsidePastes: number
	exerciseRating: number
	/** Null for an attempt rated as solved or not (rule 1). */
	score: number | null
	minutesToRootCause: number | null
	failedFixes: number | null
	estimatedMinutes: number | null
}

/** A Prisma `select` of every StoredRatingChange column. */
export const storedRatingChangeSelect = {
	topic: true,
	at: true,
	ratingBefore: true,
	ratingAfter: true,
	rdBefore: true,
	rdAfter: true,
	delta: true,
	weight: true,
	solved: true,
	hintsRevealed: true,
	outsidePastes: true,
	exerciseRating: true,
	score: true,
	minutesToRootCause: true,
	failedFixes: true,
	estimatedMinutes: true,
} as const satisfies Record<keyof StoredRatingChange, true>

/** The sentence a learner reads next to a change, e.g. "rating +23 in Async because you solved a 1510-rated exercise without hints". */
export function explainStoredChange(change: StoredRatingChange & { userId?: string; exerciseId?: string }): string {
	return explainRatingChange(
		{
			engineer: change.userId ?? '',
			exercise: change.exerciseId ?? '',
			topic: change.topic,
			at: change.at,
			before: change.ratingBefore,
			after: change.ratingAfter,
			delta: change.delta,
			rdBefore: change.rdBefore,
			rdAfter: change.rdAfter,
			exerciseRating: change.exerciseRating,
			solved: change.solved,
			hintsRevealed: change.hintsRevealed,
			outsidePastes: change.outsidePastes,
			weight: change.weight,
			score: change.score,
			minutesToRootCause: change.minutesToRootCause,
			failedFixes: change.failedFixes,
			estimatedMinutes: change.estimatedMinutes,
		},
		topicName(change.topic),
	)
}

export type RatingChangeView = {
	topic: string
	label: string
	before: number
	after: number
	delta: number
	rdBefore: number
	rdAfter: number
	weight: number
	exerciseRating: number
	/** The change as pages show it: "+23", or "now ≈1690, provisional" while the rating was provisional. */
	shown: RatingChangeDisplay
	sentence: string
}

export function ratingChangeView(change: StoredRatingChange): RatingChangeView {
	return {
		topic: change.topic,
		label: topicName(change.topic),
		before: change.ratingBefore,
		after: change.ratingAfter,
		delta: change.delta,
		rdBefore: change.rdBefore,
		rdAfter: change.rdAfter,
		weight: change.weight,
		exerciseRating: change.exerciseRating,
		shown: describeRatingChange({ before: change.ratingBefore, after: change.ratingAfter, rdBefore: change.rdBefore }),
		sentence: explainStoredChange(change),
	}
}
