// Rate limiting for the public API: for every request, may this key go on to the solvers?
// The gateway calls check() once per request, before anything expensive happens.
import type { Plan } from '../accounts/plans'
import { type Clock, systemClock } from '../clock'
import type { SharedStore } from '../store/sharedStore'

export type Decision = {
  allowed: boolean
  /** Requests the key may still send right now (X-RateLimit-Remaining). */
  remaining: number
  /** When a denied request may succeed if retried, in ms (Retry-After). 0 when allowed. */
  retryAfterMs: number
}

export type RateLimiterDeps = {
  /** The Redis cluster every gateway node shares. */
  store: SharedStore
  /** This node's clock. */
  clock?: Clock
  /** Which gateway node this is ('gw-1'), for the logs. */
  node?: string
  log?: (line: string) => void
}

type Window = { startedAt: number; count: number }

const WINDOW_MS = 60_000

export class RateLimiter {
  private readonly store: SharedStore
  private readonly clock: Clock
  private readonly node: string
  private readonly log: (line: string) => void
  private readonly windows = new Map<string, Window>()

  constructor(deps: RateLimiterDeps) {
    this.store = deps.store
    this.clock = deps.clock ?? systemClock
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async check(apiKey: string, plan: Plan): Promise<Decision> {
    const now = this.clock.now()
    // One counter per key and clock minute, as the pricing page puts it: "600 requests per minute".
    // A whole minute also covers bursts: a key may spend its minute whenever it likes.
    const startedAt = now - (now % WINDOW_MS)
    let window = this.windows.get(apiKey)
    if (!window || window.startedAt !== startedAt) {
      window = { startedAt, count: 0 }
      this.windows.set(apiKey, window)
    }
    if (window.count >= plan.requestsPerMinute) {
      this.log(`${this.node} ${apiKey} over ${plan.requestsPerMinute}/min until ${new Date(startedAt + WINDOW_MS).toISOString()}`)
      return { allowed: false, remaining: 0, retryAfterMs: startedAt + WINDOW_MS - now }
    }
    window.count++
    return { allowed: true, remaining: plan.requestsPerMinute - window.count, retryAfterMs: 0 }
  }
}
