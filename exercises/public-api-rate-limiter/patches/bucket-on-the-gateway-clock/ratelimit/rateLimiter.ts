// Rate limiting for the public API: for every request, may this key go on to the solvers?
// The gateway calls check() once per request, before anything expensive happens.
import type { Plan } from '../accounts/plans'
import { type Clock, systemClock } from '../clock'
import type { Script, SharedStore, StoredValue } from '../store/sharedStore'

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

// One token bucket per key: it holds `burst` requests and refills at the plan's rate, so a key
// may burst up to `burst` and is held to its rate after that, with no window edges to exploit.
// The bucket lives in Redis, shared by every node, and is read, refilled and drawn from in one
// script, atomically: two nodes cannot both spend the last token. The request's time is the
// gateway's, when the request arrived, not when the script runs. A bucket left alone refills;
// once it would be full its key expires, so Redis holds only the keys in use.
type Bucket = { tokens: number; at: number }

const KEY_PREFIX = 'ratelimit:'
/** Denied keys this node remembers at most; each is forgotten once its next token is due. */
const MAX_DENIED_KEYS = 500

export class RateLimiter {
  private readonly store: SharedStore
  private readonly clock: Clock
  private readonly node: string
  private readonly log: (line: string) => void
  /**
   * Keys that cannot succeed before a moment on this node's clock. Redis answers a duration
   * (retry after 80 ms), which this node adds to its own clock: no two clocks are compared.
   * A client that hammers through its 429s is answered here, without a Redis command.
   */
  private readonly deniedUntil = new Map<string, number>()

  constructor(deps: RateLimiterDeps) {
    this.store = deps.store
    this.clock = deps.clock ?? systemClock
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async check(apiKey: string, plan: Plan): Promise<Decision> {
    const now = this.clock.now()
    const until = this.deniedUntil.get(apiKey)
    if (until !== undefined) {
      if (now < until) return { allowed: false, remaining: 0, retryAfterMs: until - now }
      this.deniedUntil.delete(apiKey)
    }
    let decision: Decision
    try {
      decision = await this.store.run(KEY_PREFIX + apiKey, takeToken(plan, now))
    } catch (error) {
      // Redis unreachable: admit rather than fail every customer at once; the solver pool's
      // queue limit is the backstop until Redis is back, and the log says it happened.
      this.log(`${this.node} ${apiKey} admitted unchecked, Redis failed: ${String(error)}`)
      return { allowed: true, remaining: 0, retryAfterMs: 0 }
    }
    if (!decision.allowed) {
      if (until === undefined) this.log(`${this.node} ${apiKey} over its plan, next token in ${decision.retryAfterMs} ms`)
      this.remember(apiKey, now + decision.retryAfterMs)
    }
    return decision
  }

  private remember(apiKey: string, until: number) {
    if (this.deniedUntil.size >= MAX_DENIED_KEYS) {
      const now = this.clock.now()
      for (const [key, due] of this.deniedUntil) if (due <= now) this.deniedUntil.delete(key)
      const oldest = this.deniedUntil.keys().next()
      if (this.deniedUntil.size >= MAX_DENIED_KEYS && !oldest.done) this.deniedUntil.delete(oldest.value)
    }
    this.deniedUntil.set(apiKey, until)
  }
}

/** The Redis script: refill the key's bucket up to the gateway's now, and take a token if there is one. */
function takeToken(plan: Plan, now: number): Script<Decision> {
  const perMs = plan.requestsPerMinute / 60_000
  return (current) => {
    const bucket = asBucket(current) ?? { tokens: plan.burst, at: now }
    // Fractions of a token carry over: a key that asks every 70 ms still earns one token per 100 ms.
    const tokens = Math.min(plan.burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs)
    const allowed = tokens >= 1
    const left = allowed ? tokens - 1 : tokens
    const result: Decision = allowed
      ? { allowed, remaining: Math.floor(left), retryAfterMs: 0 }
      : { allowed, remaining: 0, retryAfterMs: Math.ceil((1 - tokens) / perMs) }
    // A missing key is a full bucket, so the key may expire once the bucket would be full again.
    return { value: { tokens: left, at: now }, ttlMs: Math.ceil((plan.burst - left) / perMs), result }
  }
}

function asBucket(value: StoredValue | undefined): Bucket | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const { tokens, at } = value
  return typeof tokens === 'number' && typeof at === 'number' ? { tokens, at } : undefined
}
