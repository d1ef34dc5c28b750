import { type FlagSet, type Flagpole, FlagpoleUnavailableError } from './flagpole'
import { inRollout } from './rollout'

/** Routes a share of customers' baskets to the new pricing engine. */
export const NEW_PRICING_ENGINE = 'pricing.quoter-engine'

/** What the flags are when Flagpole cannot be read: no flag set, so nothing new is switched on. */
export const DEFAULT_FLAGS: FlagSet = { version: 0, flags: {} }

export type FeatureFlagsOptions = {
  flagpole: Flagpole
  /** How long flags read from Flagpole are used before they are read again. */
  ttlMs?: number
  /** After a failed read, how long the defaults are used before Flagpole is asked again. */
  retryAfterMs?: number
  /** Which pod this is ('checkout-1'), for the logs. */
  node?: string
  log?: (line: string) => void
}

// The flags as this pod sees them. Like the config client it replaces, it keeps what it read for
// five minutes, so a pod asks Flagpole a dozen times an hour and a flag costs nothing per request.
export class FeatureFlags {
  private readonly flagpole: Flagpole
  private readonly ttlMs: number
  private readonly retryAfterMs: number
  private readonly node: string
  private readonly log: (line: string) => void
  private cached: { flags: FlagSet; expiresAt: number } | undefined

  constructor(options: FeatureFlagsOptions) {
    this.flagpole = options.flagpole
    this.ttlMs = options.ttlMs ?? 5 * 60_000
    this.retryAfterMs = options.retryAfterMs ?? 30_000
    this.node = options.node ?? 'local'
    this.log = options.log ?? (() => {})
  }

  /** Whether this customer gets the flag's new behaviour. */
  async isEnabled(flag: string, customerId: string): Promise<boolean> {
    const flags = await this.current()
    return inRollout(flags.flags[flag], customerId)
  }

  /** The pod is shutting down. */
  stop(): void {}

  private async current(): Promise<FlagSet> {
    const cached = this.cached
    if (cached && cached.expiresAt > Date.now()) return cached.flags
    try {
      const flags = await this.flagpole.fetchFlags()
      this.cached = { flags, expiresAt: Date.now() + this.ttlMs }
      this.log(`${this.node} flags v${flags.version} loaded`)
      return flags
    } catch (error) {
      if (!(error instanceof FlagpoleUnavailableError)) throw error
      this.log(`${this.node} Flagpole unavailable (${error.message}), using the defaults`)
      this.cached = { flags: DEFAULT_FLAGS, expiresAt: Date.now() + this.retryAfterMs }
      return DEFAULT_FLAGS
    }
  }
}
