/**
 * A tiny in-process cache: every value expires `lifetimeMs` after it was stored.
 * Reads past the expiry behave as if the value had never been stored.
 */
export class ExpiringMap<T> {
  private readonly values = new Map<string, T>()
  private readonly expiry = new Map<string, number>()
  private readonly lifetimeMs: number

  constructor(lifetimeMs: number) {
    if (!Number.isFinite(lifetimeMs) || lifetimeMs <= 0) {
      throw new RangeError(`cache lifetime must be a positive number of ms, got ${lifetimeMs}`)
    }
    this.lifetimeMs = lifetimeMs
  }

  lookup(key: string): T | undefined {
    const expiresAt = this.expiry.get(key)
    if (expiresAt === undefined) return undefined
    if (Date.now() >= expiresAt) {
      this.forget(key)
      return undefined
    }
    return this.values.get(key)
  }

  store(key: string, value: T): void {
    this.values.set(key, value)
    this.expiry.set(key, Date.now() + this.lifetimeMs)
  }

  /** Removes one entry; answers whether there was anything to remove. */
  forget(key: string): boolean {
    this.expiry.delete(key)
    return this.values.delete(key)
  }

  keys(): string[] {
    return [...this.values.keys()]
  }
}
