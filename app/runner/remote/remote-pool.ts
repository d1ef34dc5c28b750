// Runs tests on runner nodes over signed HTTP (ADR 032). A run is a pure function of its
// request, so after a connection failure, a node error or a busy node (503) it is safe to try
// the next node. A node that fails several times in a row is skipped for a while.
import { randomUUID } from 'node:crypto'
import { pino, type Logger } from 'pino'
import { RunResultSchema, describeLimit, rejectedRun, resolveLimits, type RunRequest, type RunResult } from '../protocol.ts'
import { currentRequestId } from '#app/utils/request-id.server.ts'
import { isRequestId, signRequest } from './signing.ts'

export const RUN_PATH = '/run'

export type RemotePoolOptions = {
	/** Runner nodes (or one load-balanced address), such as http://10.0.0.7:4100. */
	urls: string[]
	secret: string
	/** One attempt at one node, queueing included. */
	timeoutMs?: number
	/** Consecutive failures after which a node is skipped… */
	failureThreshold?: number
	/** …for this long. */
	openMs?: number
	logger?: Logger
}

type RunnerNode = { url: string; failures: number; openUntil: number; attempts: number; succeeded: number; busy: number }

type Attempt = { kind: 'result'; result: RunResult } | { kind: 'busy' } | { kind: 'failed'; reason: string } | { kind: 'timeout' }

export class RemotePool {
	/** Tells runTests to send the request as it is rather than run it here. */
	readonly remote = true
	private readonly nodes: RunnerNode[]
	private readonly secret: string
	private readonly timeoutMs: number
	private readonly failureThreshold: number
	private readonly openMs: number
	private readonly logger: Logger
	private next = 0

	constructor(options: RemotePoolOptions) {
		if (options.urls.length === 0) throw new Error('A remote sandbox pool needs at least one runner URL (RUNNER_URLS).')
		this.nodes = options.urls.map((url) => ({ url: url.replace(/\/+$/, ''), failures: 0, openUntil: 0, attempts: 0, succeeded: 0, busy: 0 }))
		this.secret = options.secret
		this.timeoutMs = options.timeoutMs ?? 30_000
		this.failureThreshold = options.failureThreshold ?? 3
		this.openMs = options.openMs ?? 10_000
		this.logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' })
	}

	/** Per node: attempts, answers, busy refusals, failures in a row, and whether it is being skipped. */
	stats(now = Date.now()) {
		return this.nodes.map(({ url, attempts, succeeded, busy, failures, openUntil }) => ({ url, attempts, succeeded, busy, failures, skipped: openUntil > now }))
	}

	async runTests(request: RunRequest): Promise<RunResult> {
		const inherited = currentRequestId()
		const requestId = isRequestId(inherited) ? inherited : randomUUID()
		const body = JSON.stringify(request)
		let busy = false
		// Every way of getting no result is answered as "nothing ran" (limit 'queue'): the attempt
		// records nothing and the learner is asked to try again, rather than a submission being
		// graded on an outage.
		for (const node of this.order()) {
			const attempt = await this.attempt(node, body, requestId)
			if (attempt.kind === 'result') return attempt.result
			if (attempt.kind === 'timeout') {
				return rejectedRun(
					`The sandbox did not answer within ${this.timeoutMs / 1000} s, so there is no result and nothing was recorded. Try again; if it keeps happening, tell your Hardmode admin.`,
					'queue',
				)
			}
			if (attempt.kind === 'busy') busy = true
		}
		if (busy) return rejectedRun(describeLimit('queue', resolveLimits(request.limits)), 'queue')
		return rejectedRun(
			'No sandbox runner could be reached, so nothing was run or recorded. Try again in a moment; if it keeps happening, tell your Hardmode admin.',
			'queue',
		)
	}

	async close() {}

	// Round-robin over the nodes not being skipped; when every node is skipped, all of them
	// (a run that might work beats one refused outright).
	private order(now = Date.now()) {
		const start = this.next++ % this.nodes.length
		const rotated = [...this.nodes.slice(start), ...this.nodes.slice(0, start)]
		const healthy = rotated.filter((node) => node.openUntil <= now)
		return healthy.length ? healthy : rotated
	}

	private async attempt(node: RunnerNode, body: string, requestId: string): Promise<Attempt> {
		node.attempts++
		const url = new URL(RUN_PATH, node.url + '/')
		const headers = { 'content-type': 'application/json', ...signRequest({ secret: this.secret, method: 'POST', path: url.pathname, body, requestId }) }
		let response: Response
		try {
			response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.timeoutMs) })
		} catch (error) {
			const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
			const reason = timedOut ? `no answer within ${this.timeoutMs} ms` : describeFetchError(error)
			this.failed(node, reason, requestId)
			return timedOut ? { kind: 'timeout' } : { kind: 'failed', reason }
		}
		if (response.status === 503) {
			await response.body?.cancel()
			node.busy++
			this.logger.info({ requestId, node: node.url, retryAfter: response.headers.get('retry-after') }, 'runner node busy, trying the next')
			return { kind: 'busy' }
		}
		const text = await response.text().catch(() => '')
		if (response.status !== 200) {
			const reason = `answered ${response.status}: ${text.slice(0, 200)}`
			this.failed(node, reason, requestId)
			return { kind: 'failed', reason }
		}
		const parsed = RunResultSchema.safeParse(safeJson(text))
		if (!parsed.success) {
			this.failed(node, 'answered with something that is not a run result', requestId)
			return { kind: 'failed', reason: 'malformed result' }
		}
		node.failures = 0
		node.succeeded++
		return { kind: 'result', result: parsed.data }
	}

	private failed(node: RunnerNode, reason: string, requestId: string) {
		node.failures++
		const opens = node.failures >= this.failureThreshold
		if (opens) node.openUntil = Date.now() + this.openMs
		this.logger.warn({ requestId, node: node.url, reason, failures: node.failures, skipMs: opens ? this.openMs : 0 }, 'runner node failed')
	}
}

function describeFetchError(error: unknown) {
	const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined
	const code = cause && 'code' in cause ? String(cause.code) : undefined
	return code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text)
	} catch {
		return undefined
	}
}
