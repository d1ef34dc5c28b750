// Signed requests between web instances and runner nodes (ADR 032). A request carries an
// HMAC-SHA256, under the shared RUNNER_SECRET, of its method, path, timestamp, request id and
// the SHA-256 of its body; a node refuses one that is unsigned, altered, older or newer than
// the replay window, or already seen within it.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'x-hardmode-signature'
export const TIMESTAMP_HEADER = 'x-hardmode-timestamp'
export const REQUEST_ID_HEADER = 'x-request-id'
/** How far a request's timestamp may be from the node's clock, either way. */
export const REPLAY_WINDOW_MS = 60_000

const SCHEME = 'hardmode-runner-v1'
const REQUEST_ID = /^[\w.:-]{1,128}$/

export type SignedRequest = { secret: string; method: string; path: string; body: string; requestId: string; timestamp?: number }

/** A request id fit to log: letters, digits and `.:_-`, at most 128 characters (as the web side makes them). */
export function isRequestId(value: unknown): value is string {
	return typeof value === 'string' && REQUEST_ID.test(value)
}

function canonical({ method, path, body, requestId, timestamp }: Omit<SignedRequest, 'secret'> & { timestamp: number }) {
	const bodyHash = createHash('sha256').update(body).digest('hex')
	return [SCHEME, method.toUpperCase(), path, String(timestamp), requestId, bodyHash].join('\n')
}

function hmac(secret: string, text: string) {
	return createHmac('sha256', secret).update(text).digest('hex')
}

/** The headers that sign one request. */
export function signRequest(request: SignedRequest): Record<string, string> {
	const timestamp = request.timestamp ?? Date.now()
	return {
		[TIMESTAMP_HEADER]: String(timestamp),
		[REQUEST_ID_HEADER]: request.requestId,
		[SIGNATURE_HEADER]: `v1=${hmac(request.secret, canonical({ ...request, timestamp }))}`,
	}
}

export type Verdict = { ok: true; requestId: string } | { ok: false; reason: string }

/**
 * Checks a request's signature, then its timestamp, then that it is not a replay. Only a
 * correctly signed request is remembered, so unsigned traffic cannot fill the replay guard.
 */
export function verifyRequest(
	input: { secret: string; method: string; path: string; body: string; headers: Record<string, string | string[] | undefined> },
	guard: ReplayGuard,
	now = Date.now(),
): Verdict {
	const header = (name: string) => {
		const value = input.headers[name]
		return Array.isArray(value) ? value[0] : value
	}
	const signature = header(SIGNATURE_HEADER)
	const timestampText = header(TIMESTAMP_HEADER)
	const requestId = header(REQUEST_ID_HEADER)
	if (!signature || !timestampText || !requestId) return { ok: false, reason: 'the request is not signed' }
	if (!/^\d{1,16}$/.test(timestampText) || !isRequestId(requestId)) return { ok: false, reason: 'the signature headers are malformed' }
	const timestamp = Number(timestampText)
	const expected = Buffer.from(`v1=${hmac(input.secret, canonical({ ...input, requestId, timestamp }))}`)
	const given = Buffer.from(signature)
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'the signature does not match' }
	if (Math.abs(now - timestamp) > REPLAY_WINDOW_MS) return { ok: false, reason: 'the timestamp is outside the replay window' }
	if (!guard.firstSighting(signature, timestamp, now)) return { ok: false, reason: 'the request was already received (a replay)' }
	return { ok: true, requestId }
}

/** Signatures seen within the replay window. Older ones are dropped: their timestamps are refused anyway. */
export class ReplayGuard {
	private seen = new Map<string, number>()
	private lastSweep = 0

	firstSighting(signature: string, timestamp: number, now = Date.now()) {
		this.sweep(now)
		if (this.seen.has(signature)) return false
		this.seen.set(signature, timestamp + REPLAY_WINDOW_MS)
		return true
	}

	get size() {
		return this.seen.size
	}

	private sweep(now: number) {
		if (now - this.lastSweep < 1000) return
		this.lastSweep = now
		for (const [signature, expiresAt] of this.seen) if (expiresAt < now) this.seen.delete(signature)
	}
}
