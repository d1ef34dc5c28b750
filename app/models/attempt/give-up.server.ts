// Giving up finishes the attempt and shows the reference; a first attempt given up is a
// finished game, rated as a loss (ADR 010).
import type { AttemptContext } from './guard.server.ts'
import { commitToAttempt } from './kernel.server.ts'

export async function giveUp(attempt: AttemptContext, now = new Date()): Promise<void> {
	return commitToAttempt(attempt, now, async () => ({ event: { type: 'gave-up', data: {} }, finished: 'gave_up' as const, value: undefined }))
}
