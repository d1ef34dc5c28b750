// Who is in a percentage rollout. Flagpole's SDKs bucket customers this way; we do the same, so
// that the console's "customers in the rollout" matches what our pods do.
import type { FlagRule } from './flagpole'

const BUCKETS = 10_000

/** The customer's bucket for a flag: the same on every pod, for as long as the salt stays. */
export function bucketOf(salt: string, customerId: string): number {
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5
  for (const char of `${salt}:${customerId}`) {
    hash ^= char.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % BUCKETS
}

/** Raising rolloutPercent only adds customers: whoever was in stays in. */
export function inRollout(rule: FlagRule | undefined, customerId: string): boolean {
  if (!rule || !rule.enabled) return false
  return bucketOf(rule.salt, customerId) < Math.round(rule.rolloutPercent * (BUCKETS / 100))
}
