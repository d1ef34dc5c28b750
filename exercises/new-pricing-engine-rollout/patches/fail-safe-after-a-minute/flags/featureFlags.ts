import { type FlagSet, type Flagpole, FlagpoleUnavailableError } from './flagpole'
import { inRollout } from './rollout'

/** Routes a share of customers' baskets to the new pricing engine. */
export const NEW_PRICING_ENGINE = 'pricing.quoter-engine'

/** What the flags are when Flagpole cannot be read: no flag set, so nothing new is switched on. */
export const DEFAULT_FLAGS: FlagSet = { version: 0, flags: {} }

export type FeatureFlagsOptions = {
  flagpole: Flagpole
  /** How often the pod reads its flags again while Flagpole answers. */
  refreshEveryMs?: number
  /** How soon it tries again after a read failed. */
  retryAfterMs?: number
  /** A read that takes longer than this is given up; the next one starts on schedule. */
  timeoutMs?: number
  /** Which pod this is ('checkout-1'), for the logs. */
  node?: string
  log?: (line: string) => void
}

class FlagsTimeoutError extends Error {
  override name = 'FlagsTimeoutError'
}

// The flags as this pod sees them: one snapshot in memory, which requests read without waiting,
// and a loop that replaces it every two seconds. A read that fails keeps the snapshot for a while;
// but flags nobody could confirm for a minute may hide a switch-off, so the pod then fails safe and
// uses the defaults (nothing new switched on) until Flagpole answers again.
export class FeatureFlags {
  private readonly flagpole: Flagpole
  private readonly refreshEveryMs: number
  private readonly retryAfterMs: number
  private readonly timeoutMs: number
  private readonly node: string
  private readonly log: (line: string) => void
  private snapshot: FlagSet | undefined
  private confirmedAt = 0
  private failures = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private stopped = false
  private started: Promise<void> | undefined

  constructor(options: FeatureFlagsOptions) {
    this.flagpole = options.flagpole
    this.refreshEveryMs = options.refreshEveryMs ?? 2_000
    this.retryAfterMs = options.retryAfterMs ?? 500
    this.timeoutMs = options.timeoutMs ?? 1_000
    this.node = options.node ?? 'local'
    this.log = options.log ?? (() => {})
  }

  /** Starts the refresh loop; resolves once the first snapshot is in (the pod's readiness). */
  start(): Promise<void> {
    this.started ??= new Promise<void>((resolve) => {
      const tick = async () => {
        if (this.stopped) return
        const read = await this.refresh()
        if (this.snapshot) resolve()
        if (this.stopped) return
        this.timer = setTimeout(() => void tick(), jittered(read ? this.refreshEveryMs : this.retryAfterMs))
      }
      void tick()
    })
    return this.started
  }

  /** Whether this customer gets the flag's new behaviour, by the pod's current snapshot. */
  isEnabled(flag: string, customerId: string): boolean {
    const trusted = this.snapshot && Date.now() - this.confirmedAt <= 60_000 ? this.snapshot : DEFAULT_FLAGS
    return inRollout(trusted.flags[flag], customerId)
  }

  /** The pod is shutting down. */
  stop(): void {
    this.stopped = true
    if (this.timer !== undefined) clearTimeout(this.timer)
  }

  private async refresh(): Promise<boolean> {
    let timeout: ReturnType<typeof setTimeout> | undefined
    try {
      const flags = await Promise.race([
        this.flagpole.fetchFlags(),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => reject(new FlagsTimeoutError(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs)
        }),
      ])
      // A slow answer must not undo a newer one.
      if (!this.snapshot || flags.version > this.snapshot.version) {
        this.log(`${this.node} flags v${flags.version}`)
        this.snapshot = flags
      }
      this.confirmedAt = Date.now()
      this.failures = 0
      return true
    } catch (error) {
      if (!(error instanceof FlagpoleUnavailableError) && !(error instanceof FlagsTimeoutError)) throw error
      if (++this.failures % 10 === 1) this.log(`${this.node} Flagpole unavailable (${error.message}), keeping flags v${this.snapshot?.version ?? 'none'}`)
      return false
    } finally {
      if (timeout !== undefined) clearTimeout(timeout)
    }
  }
}

function jittered(ms: number) {
  return Math.round(ms * (0.8 + 0.4 * Math.random()))
}
