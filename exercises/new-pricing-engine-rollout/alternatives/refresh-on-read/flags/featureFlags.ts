import { type FlagSet, type Flagpole, FlagpoleUnavailableError } from './flagpole'
import { inRollout } from './rollout'

/** Routes a share of customers' baskets to the new pricing engine. */
export const NEW_PRICING_ENGINE = 'pricing.quoter-engine'

/** What the flags are when Flagpole cannot be read: no flag set, so nothing new is switched on. */
export const DEFAULT_FLAGS: FlagSet = { version: 0, flags: {} }

export type FeatureFlagsOptions = {
  flagpole: Flagpole
  /** Flags older than this are refreshed in the background by the next request that reads them. */
  freshForMs?: number
  /** After a failed read, how soon a request may start the next one. */
  retryAfterMs?: number
  /** A read that takes longer than this is abandoned, so the next request may start another. */
  timeoutMs?: number
  node?: string
  log?: (line: string) => void
}

// Stale-while-revalidate: every request answers from the flags in memory at once. A request that
// finds them older than a second starts one read of Flagpole in the background (never
// two at a time) and does not wait for it. A failed read leaves the flags as they were, and the
// next request a quarter of a second later tries again. Traffic
// drives the refreshes, so a pod with customers is never more than a few seconds behind the
// console, and a pod without any costs Flagpole nothing.
export class FeatureFlags {
  private readonly flagpole: Flagpole
  private readonly freshForMs: number
  private readonly retryAfterMs: number
  private readonly timeoutMs: number
  private readonly node: string
  private readonly log: (line: string) => void
  private flags: FlagSet | undefined
  private nextReadAt = Number.NEGATIVE_INFINITY
  private inFlight: Promise<boolean> | undefined
  private stopped = false

  constructor(options: FeatureFlagsOptions) {
    this.flagpole = options.flagpole
    this.freshForMs = options.freshForMs ?? 1_000
    this.retryAfterMs = options.retryAfterMs ?? 250
    this.timeoutMs = options.timeoutMs ?? 1_000
    this.node = options.node ?? 'local'
    this.log = options.log ?? (() => {})
  }

  /** The first flags, read before the pod takes traffic: tried again every second until Flagpole answers. */
  async load(): Promise<void> {
    while (!this.flags && !this.stopped) {
      if (!(await this.read())) await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
  }

  isEnabled(flag: string, customerId: string): boolean {
    if (Date.now() >= this.nextReadAt && !this.inFlight && !this.stopped) void this.read()
    return inRollout((this.flags ?? DEFAULT_FLAGS).flags[flag], customerId)
  }

  stop(): void {
    this.stopped = true
  }

  private read(): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const abandoned = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.timeoutMs)))
    const read = Promise.race([this.flagpole.fetchFlags(), abandoned])
      .then((flags) => {
        if (flags === 'timeout') return false
        if (!this.flags || flags.version > this.flags.version) this.flags = flags
        this.nextReadAt = Date.now() + this.freshForMs
        return true
      })
      .catch((error: unknown) => {
        if (!(error instanceof FlagpoleUnavailableError)) throw error
        this.log(`${this.node} Flagpole unavailable (${error.message}), keeping flags v${this.flags?.version ?? 'none'}`)
        return false
      })
      .then((succeeded) => {
        if (!succeeded) this.nextReadAt = Date.now() + this.retryAfterMs
        return succeeded
      })
      .finally(() => {
        clearTimeout(timer)
        this.inFlight = undefined
      })
    this.inFlight = read
    return read
  }
}
