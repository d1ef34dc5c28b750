// Rate limiting for the public API: for every request, may this key go on to the solvers?
// The gateway calls check() once per request, before anything expensive happens.
import type { Plan } from '../accounts/plans'
import type { Clock } from '../clock'
import type { Script, SharedStore } from '../store/sharedStore'

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
  /** This node's clock (not used: every time the decision needs is Redis's). */
  clock?: Clock
  /** Which gateway node this is ('gw-1'), for the logs. */
  node?: string
  log?: (line: string) => void
}

// The generic cell rate algorithm (GCRA), kept in Redis. A key is one number: its theoretical
// arrival time (TAT), the moment at which it would have used up exactly its rate. Each
// admitted request pushes the TAT one emission interval (60 s / requests per minute) further;
// a request is admitted while the TAT stays within `burst` intervals of now. That is the
// solver team's rule exactly: over any stretch, at most the rate for that stretch plus the
// burst, and a client that sends too much still gets one request per interval.
//
// The decision is one script, atomic and on Redis's clock, so every node reads and moves the
// same TAT and no node's clock takes part. Once the TAT is in the past the key means nothing
// more than a missing key, so it expires then: Redis holds only the keys that are in use, and
// the nodes hold nothing at all, whatever the number of keys.
const KEY_PREFIX = 'ratelimit:gcra:'

export class RateLimiter {
  private readonly store: SharedStore
  private readonly node: string
  private readonly log: (line: string) => void

  constructor(deps: RateLimiterDeps) {
    this.store = deps.store
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async check(apiKey: string, plan: Plan): Promise<Decision> {
    try {
      return await this.store.run(KEY_PREFIX + apiKey, gcra(plan))
    } catch (error) {
      // Redis unreachable: admit rather than fail every customer at once; the solver pool's
      // queue limit is the backstop until Redis is back, and the log says it happened.
      this.log(`${this.node} ${apiKey} admitted unchecked, Redis failed: ${String(error)}`)
      return { allowed: true, remaining: 0, retryAfterMs: 0 }
    }
  }
}

/** The Redis script: admit if the key's TAT, moved one interval on, stays within its burst. */
function gcra(plan: Plan): Script<Decision> {
  const interval = 60_000 / plan.requestsPerMinute
  const tolerance = plan.burst * interval
  return (current, now) => {
    const tat = typeof current === 'number' && current > now ? current : now
    const next = tat + interval
    if (next - now > tolerance) {
      // Unchanged: a denied request costs the key nothing.
      const retryAfterMs = Math.ceil(next - tolerance - now)
      return { value: current, ttlMs: Math.max(1, tat - now), result: { allowed: false, remaining: 0, retryAfterMs } }
    }
    const remaining = Math.floor((tolerance - (next - now)) / interval)
    return { value: next, ttlMs: Math.ceil(next - now), result: { allowed: true, remaining, retryAfterMs: 0 } }
  }
}
