// The pieces of the reference design that keep a client polite to a struggling dependency.

/** Sleeps are capped exponential with full jitter: a random wait in [0, min(cap, base·2^n)). */
export function backoffMs(retry: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** (retry - 1)))
}

export class AttemptTimedOut extends Error {
  override name = 'AttemptTimedOut'
}

/** Stops waiting after `ms`; the work itself goes on (Stockroom finishes what reached it). */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AttemptTimedOut(`no answer within ${ms} ms`)), ms)
    work.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/**
 * Retries may add at most `ratio` to the load this process sends: every first attempt earns
 * `ratio` of a token, every retry spends one. In an outage, retries stop after the saved-up
 * tokens are spent, so the process sends about 1 + ratio calls per request instead of 3.
 */
export class RetryBudget {
  private tokens: number
  private readonly ratio: number
  private readonly max: number

  constructor(ratio: number, max: number) {
    this.ratio = ratio
    this.max = max
    this.tokens = max
  }

  earn() {
    this.tokens = Math.min(this.max, this.tokens + this.ratio)
  }

  trySpend(): boolean {
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

export type BreakerOptions = {
  /** Outcomes remembered, the most recent ones. */
  window: number
  /** Fewest outcomes in the window before the breaker judges. */
  minCalls: number
  /** Share of failures in the window that opens the breaker. */
  failureRatio: number
  /** First open period; each failed probe doubles it, up to maxOpenMs. */
  openMs: number
  maxOpenMs: number
}

/**
 * Closed: calls go through and their outcomes are counted. Open: calls fail at once, without
 * reaching the dependency. After the open period one probe is let through (half-open): its
 * success closes the breaker, its failure opens it again for twice as long.
 */
export class CircuitBreaker {
  private readonly options: BreakerOptions
  private outcomes: boolean[] = []
  private state: 'closed' | 'open' | 'half-open' = 'closed'
  private openUntil = 0
  private openFor: number

  constructor(options: BreakerOptions) {
    this.options = options
    this.openFor = options.openMs
  }

  /** Whether a call may go out now. In half-open, only the one probe may. */
  allow(): boolean {
    if (this.state === 'closed') return true
    if (this.state === 'open' && Date.now() >= this.openUntil) {
      this.state = 'half-open'
      return true
    }
    return false
  }

  succeeded() {
    if (this.state === 'half-open') {
      this.state = 'closed'
      this.openFor = this.options.openMs
      this.outcomes = []
    }
    this.record(true)
  }

  failed() {
    if (this.state === 'half-open') {
      this.openFor = Math.min(this.options.maxOpenMs, this.openFor * 2)
      this.open()
      return
    }
    this.record(false)
    const failures = this.outcomes.filter((ok) => !ok).length
    if (this.state === 'closed' && this.outcomes.length >= this.options.minCalls && failures / this.outcomes.length >= this.options.failureRatio) this.open()
  }

  private record(ok: boolean) {
    this.outcomes.push(ok)
    if (this.outcomes.length > this.options.window) this.outcomes.shift()
  }

  private open() {
    this.state = 'open'
    this.outcomes = []
    // ±20 % so that the pods, which all saw the same outage, do not probe in the same instant.
    this.openUntil = Date.now() + Math.round(this.openFor * (0.8 + 0.4 * Math.random()))
  }
}
