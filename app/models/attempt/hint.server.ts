// Hints open in the order the author wrote them, each only after real effort (app/attempts/hints.ts).
import { hintState } from '#app/attempts/hints.ts'
import { AttemptError, type AttemptContext } from './guard.server.ts'
import { commitToAttempt } from './kernel.server.ts'

export async function revealHint(attempt: AttemptContext, index: number, now = new Date()) {
	const { hints } = attempt.version.metadata
	return commitToAttempt(attempt, now, async (tx, locked) => {
		const hypothesisCount = await tx.journalEntry.count({ where: { attemptId: attempt.id, kind: 'hypothesis' } })
		const state = hintState(hints, {
			revealedCount: locked.hintsRevealed,
			startedAt: locked.startedAt,
			now,
			hypothesisCount,
			hintsAllowed: locked.hintsAllowed,
		})
		// Revealing the same hint twice (a double click) is not a second reveal.
		if (index < locked.hintsRevealed) return { value: { index, text: hints[index]!.text } }
		if (!state.allowed) throw new AttemptError(409, 'Hints are turned off for this assignment.')
		if (!state.next || state.next.index !== index) throw new AttemptError(409, 'Hints open in order; reveal the earlier one first.')
		if (!state.next.unlocked) throw new AttemptError(409, 'This hint is still locked: keep working and recording hypotheses.')
		return { event: { type: 'hint.revealed', data: { index } }, changes: { hintsRevealed: index + 1 }, value: { index, text: hints[index]!.text } }
	})
}
