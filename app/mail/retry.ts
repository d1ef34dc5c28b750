// When the sender tries a message again after a failed try (ADR 028): exponential backoff from
// 30 seconds, at most an hour apart, for about seven hours in all; then the message is marked
// failed and waits for an admin to send it again from the outbox. It is never deleted.

export const MAX_ATTEMPTS = 14
const FIRST_DELAY_MS = 30_000
const LONGEST_DELAY_MS = 60 * 60_000

/** The wait after the `attempt`-th failed try (1 for the first). */
export function retryDelayMs(attempt: number) {
	return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_DELAY_MS)
}

/** What happens to a message whose `attempt`-th try failed at `now`. */
export function afterFailedTry(attempt: number, now: Date): { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' } {
	if (attempt >= MAX_ATTEMPTS) return { status: 'failed' }
	return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt)) }
}

/** A failed try in one line for the outbox page: the SMTP reply when there was one, else the error. */
export function describeDeliveryError(error: unknown) {
	if (error && typeof error === 'object') {
		const { response, responseCode, code, message } = error as { response?: unknown; responseCode?: unknown; code?: unknown; message?: unknown }
		if (typeof response === 'string' && response) return `The mail server answered: ${response}`.slice(0, 500)
		if (typeof responseCode === 'number') return `The mail server answered with code ${responseCode}.`
		if (code === 'ECONNREFUSED' || code === 'ESOCKET' || code === 'ECONNECTION')
			return `Could not reach the mail server (${String(message ?? code)}).`.slice(0, 500)
		if (typeof message === 'string') return message.slice(0, 500)
	}
	return String(error).slice(0, 500)
}
