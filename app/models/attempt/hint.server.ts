// Hints open in the order the author wrote them, each only after real effort (app/attempts/hints.ts),
// later for a learner strong in the exercise's topics and sooner for a beginner (hint-fading.ts).
// How soon after unlocking a hint was revealed is kept on its event: a reveal within seconds
// is a fact the timeline and the replay show.
import { EAGER_REVEAL_SECONDS } from '#app/attempts/hint-fading.ts'
import { hintState, hintUnlockedAt } from '#app/attempts/hints.ts'
import { AttemptError, type AttemptContext } from './guard.server.ts'
import { learnerHintFading } from './hint-fading.server.ts'
import { commitToAttempt } from './kernel.server.ts'

export async function revealHint(attempt: AttemptContext, index: number, now = new Date()) {
	const { hints, topics } = attempt.version.metadata
	const fading = await learnerHintFading(attempt.owner, topics)
	return commitToAttempt(attempt, now, async (tx, locked) => {
		const hypotheses = await tx.journalEntry.findMany({ where: { attemptId: attempt.id, kind: 'hypothesis' }, select: { createdAt: true } })
		const state = hintState(
			hints,
			{
				revealedCount: locked.hintsRevealed,
				startedAt: locked.startedAt,
				now,
				hypothesisCount: hypotheses.length,
				hintsAllowed: locked.hintsAllowed,
			},
			fading,
		)
		// Revealing the same hint twice (a double click) is not a second reveal.
		if (index < locked.hintsRevealed) return { value: { index, text: hints[index]!.text } }
		if (!state.allowed) throw new AttemptError(409, 'Hints are turned off for this assignment.')
		if (!state.next || state.next.index !== index) throw new AttemptError(409, 'Hints open in order; reveal the earlier one first.')
		if (!state.next.unlocked) throw new AttemptError(409, 'This hint is still locked: keep working and recording hypotheses.')
		const unlockedAt = hintUnlockedAt(
			state.next,
			locked.startedAt,
			hypotheses.map((hypothesis) => hypothesis.createdAt),
		)
		const secondsAfterUnlock = unlockedAt ? Math.max(0, Math.round((now.getTime() - unlockedAt.getTime()) / 1000)) : null
		const eager = secondsAfterUnlock !== null && secondsAfterUnlock <= EAGER_REVEAL_SECONDS
		return {
			event: { type: 'hint.revealed', data: { index, secondsAfterUnlock, eager } },
			changes: { hintsRevealed: index + 1 },
			value: { index, text: hints[index]!.text },
		}
	})
}
