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

// One token bucket per key, in this node's memory: it holds `burst` requests and refills at
// the plan's rate. No network call on the request path, so the limiter adds nothing to the
// latency and costs Redis nothing. Buckets that have refilled are as good as absent, so they
// are dropped when the map grows.
type Bucket = { tokens: number; at: number }

const MAX_BUCKETS = 200

export class RateLimiter {
  private readonly clock: Clock
  private readonly node: string
  private readonly log: (line: string) => void
  private readonly buckets = new Map<string, Bucket>()

  constructor(deps: RateLimiterDeps) {
    this.clock = deps.clock ?? systemClock
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async check(apiKey: string, plan: Plan): Promise<Decision> {
    const now = this.clock.now()
    const perMs = plan.requestsPerMinute / 60_000
    const bucket = this.buckets.get(apiKey) ?? { tokens: plan.burst, at: now }
    bucket.tokens = Math.min(plan.burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs)
    bucket.at = now
    this.buckets.delete(apiKey)
    this.buckets.set(apiKey, bucket)
    if (this.buckets.size > MAX_BUCKETS) this.prune(now)
    if (bucket.tokens < 1) {
      this.log(`${this.node} ${apiKey} over its plan`)
      return { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - bucket.tokens) / perMs) }
    }
    bucket.tokens -= 1
    return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 }
  }

  private prune(now: number) {
    // Least recently used first; a bucket idle for a minute is full again whatever its plan.
    for (const [key, bucket] of this.buckets) {
      if (this.buckets.size <= MAX_BUCKETS || now - bucket.at < 60_000) break
      this.buckets.delete(key)
    }
  }
}
