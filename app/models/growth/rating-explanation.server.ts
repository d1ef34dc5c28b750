// What an attempt did to its engineer's ratings, for the attempt page (ADR 010).
import { storedRatingChangeSelect, ratingChangeView, type RatingChangeView } from '#app/growth/stored-rating-change.ts'
import { byTopicOrder } from '#app/growth/topic-names.ts'
import { getPrisma } from '#app/utils/db.server.ts'

export type RatingExplanation =
	| { status: 'rated'; at: string; changes: RatingChangeView[] }
	| { status: 'retry'; message: string; firstAttemptId: string | null }
	| { status: 'unfinished'; message: string }

/**
 * What an attempt did to its engineer's ratings; null when the attempt is not this user's.
 * Three queries (four for a retry, to link the rated attempt).
 */
export async function getRatingExplanation(attemptId: string, userId: string): Promise<RatingExplanation | null> {
	const prisma = getPrisma()
	const attempt = await prisma.attempt.findFirst({
		where: { id: attemptId, userId },
		select: {
			status: true,
			exerciseId: true,
			metrics: { select: { firstAttempt: true } },
			ratingChanges: { orderBy: { topic: 'asc' }, select: storedRatingChangeSelect },
		},
	})
	if (!attempt) return null
	if (attempt.status === 'in_progress' || !attempt.metrics) {
		return { status: 'unfinished', message: 'Ratings change when an attempt is finished: solved or given up.' }
	}
	if (!attempt.metrics.firstAttempt) {
		const first = await prisma.attempt.findFirst({
			where: { userId, exerciseId: attempt.exerciseId },
			orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
			select: { id: true },
		})
		return {
			status: 'retry',
			message: 'Only your first attempt at an exercise is rated. This one shows your progress; it does not change your ratings.',
			firstAttemptId: first?.id ?? null,
		}
	}
	const changes = [...attempt.ratingChanges].sort((a, b) => byTopicOrder(a.topic, b.topic)).map(ratingChangeView)
	return { status: 'rated', at: (attempt.ratingChanges[0]?.at ?? new Date(0)).toISOString(), changes }
}
