// Client interface of Flagpole, the feature-flag service we buy (GET /v2/environments/production/flags).
// The growth team edits flags in Flagpole's console; a change is live for every client at once.

/**
 * One flag. A customer is in the rollout when the flag is enabled and the customer's bucket
 * (0 to 9,999, from the salt and the customer id; see rollout.ts) is below rolloutPercent × 100.
 */
export type FlagRule = { enabled: boolean; rolloutPercent: number; salt: string }

/** Every flag of the environment, as Flagpole answers it. `version` goes up by one with every edit. */
export type FlagSet = { version: number; flags: Record<string, FlagRule> }

export interface Flagpole {
  /**
   * From Flagpole's API reference: "Returns every flag of the environment. Requests are limited
   * to 10 per second per SDK key; past that we answer 429 Too Many Requests."
   */
  fetchFlags(): Promise<FlagSet>
}

/** A 429, a 5xx, a timeout or a dropped connection: nothing was read. */
export class FlagpoleUnavailableError extends Error {
  override name = 'FlagpoleUnavailableError'
}
