// The workspace's outbox: every recorded event gets a browser-made id and a sequence number,
// is kept in localStorage until the server acknowledges it, and is sent in batches with
// retries. A flaky connection, a closed laptop lid or a reload loses nothing; the server
// de-duplicates by id, so sending twice is harmless.
import type { ClientEvent, ClientEventType, EventBatch } from '#app/attempts/events.ts'

export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** What the server said about a batch: stored, try again later, or refused for good (with why). */
export type SendOutcome = { kind: 'ok' } | { kind: 'retry' } | { kind: 'refused'; message: string }
export type SendBatch = (batch: EventBatch) => Promise<SendOutcome>

export type OutboxStatus = { pending: number; state: 'saved' | 'saving' | 'offline' | 'error'; message?: string }

type Stored = { seq: number; events: ClientEvent[] }

const MAX_BATCH = 200
const MAX_BACKOFF_MS = 30_000

export type EventData<T extends ClientEventType> = Extract<ClientEvent, { type: T }>['data']

export class Outbox {
	private events: ClientEvent[]
	private seq: number
	private inFlight: Promise<boolean> | null = null
	/** Ids of the batch on its way, which a newer snapshot must not drop. */
	private sending = new Set<string>()
	private failures = 0
	private timer: ReturnType<typeof setTimeout> | null = null
	private status: OutboxStatus = { pending: 0, state: 'saved' }
	private readonly key: string
	private readonly storage: OutboxStorage | null
	private readonly send: SendBatch
	private readonly now: () => number
	private readonly newId: () => string
	private readonly onStatus: (status: OutboxStatus) => void

	constructor(options: {
		key: string
		send: SendBatch
		storage?: OutboxStorage | null
		/** The highest sequence number the server has seen, so numbering continues after it. */
		initialSeq?: number
		now?: () => number
		newId?: () => string
		onStatus?: (status: OutboxStatus) => void
	}) {
		this.key = options.key
		this.send = options.send
		this.storage = options.storage ?? null
		this.now = options.now ?? Date.now
		this.newId = options.newId ?? (() => crypto.randomUUID())
		this.onStatus = options.onStatus ?? (() => {})
		const stored = this.read()
		this.events = stored.events
		this.seq = Math.max(stored.seq, options.initialSeq ?? 0, ...stored.events.map((event) => event.seq))
		this.setStatus({ pending: this.events.length, state: 'saved' })
	}

	/** Events recorded but not yet acknowledged, oldest first (after a reload: the ones the last page left behind). */
	pending(): ClientEvent[] {
		return [...this.events]
	}

	getStatus(): OutboxStatus {
		return this.status
	}

	push<T extends ClientEventType>(type: T, data: EventData<T>): ClientEvent {
		this.seq += 1
		const event = { id: this.newId(), seq: this.seq, at: this.now(), type, data } as ClientEvent
		// A newer snapshot makes an unsent older one pointless: it holds the whole code.
		if (type === 'snapshot') this.events = this.events.filter((candidate) => candidate.type !== 'snapshot' || this.sending.has(candidate.id))
		this.events.push(event)
		this.write()
		this.setStatus({ ...this.status, pending: this.events.length, state: this.status.state === 'saved' ? 'saving' : this.status.state })
		return event
	}

	/** Sends what is pending; resolves true once everything up to now is acknowledged. */
	flush(): Promise<boolean> {
		if (this.inFlight) return this.inFlight.then(() => (this.events.length ? this.flush() : true))
		if (this.events.length === 0) {
			this.setStatus({ pending: 0, state: 'saved' })
			return Promise.resolve(true)
		}
		this.inFlight = this.sendOnce().finally(() => {
			this.inFlight = null
		})
		return this.inFlight
	}

	private async sendOnce(): Promise<boolean> {
		const batch = this.events.slice(0, MAX_BATCH)
		for (const event of batch) this.sending.add(event.id)
		this.setStatus({ pending: this.events.length, state: 'saving' })
		let outcome: SendOutcome
		try {
			outcome = await this.send({ sentAt: this.now(), events: batch })
		} catch {
			outcome = { kind: 'retry' }
		}
		this.sending.clear()
		if (outcome.kind === 'retry') {
			this.failures += 1
			this.setStatus({ pending: this.events.length, state: 'offline' })
			this.scheduleRetry()
			return false
		}
		this.failures = 0
		const sent = new Set(batch.map((event) => event.id))
		this.events = this.events.filter((event) => !sent.has(event.id))
		this.write()
		if (outcome.kind === 'refused') {
			this.setStatus({ pending: this.events.length, state: 'error', message: outcome.message })
			return false
		}
		if (this.events.length > 0) return this.sendOnce()
		this.setStatus({ pending: 0, state: 'saved' })
		return true
	}

	/** Retries with a doubling back-off, up to 30 s between tries. */
	private scheduleRetry() {
		if (this.timer) return
		const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.failures - 1, 5))
		this.timer = setTimeout(() => {
			this.timer = null
			void this.flush()
		}, delay)
	}

	/** The pending events as one batch for navigator.sendBeacon when the page goes away; they stay stored until acknowledged. */
	beaconBatch(): EventBatch | null {
		if (this.events.length === 0) return null
		return { sentAt: this.now(), events: this.events.slice(0, MAX_BATCH) }
	}

	dispose() {
		if (this.timer) clearTimeout(this.timer)
		this.timer = null
	}

	private setStatus(status: OutboxStatus) {
		this.status = status
		this.onStatus(status)
	}

	private read(): Stored {
		try {
			const raw = this.storage?.getItem(this.key)
			if (!raw) return { seq: 0, events: [] }
			const parsed = JSON.parse(raw) as Stored
			return { seq: Number(parsed.seq) || 0, events: Array.isArray(parsed.events) ? parsed.events : [] }
		} catch {
			return { seq: 0, events: [] }
		}
	}

	private write() {
		try {
			this.storage?.setItem(this.key, JSON.stringify({ seq: this.seq, events: this.events } satisfies Stored))
		} catch {
			// Storage full or disabled: the events still go out from memory.
		}
	}
}
