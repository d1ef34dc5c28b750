// Plans and API keys. The account service owns this data; every gateway node keeps a copy
// in memory, refreshed on every change, so looking a key up costs nothing.

export type Plan = {
  name: string
  /** What the pricing page sells: the sustained rate, in requests per minute (600 is 10 a second). */
  requestsPerMinute: number
  /**
   * How many requests a key may send at once, above that rate (the solver team's number:
   * a key should never put more than this on the solver pool in one go).
   */
  burst: number
}

export const PLANS = {
  starter: { name: 'starter', requestsPerMinute: 120, burst: 10 },
  business: { name: 'business', requestsPerMinute: 600, burst: 20 },
} satisfies Record<string, Plan>

export type Account = {
  /** The key the client sends as `Authorization: Bearer tw_live_…`. */
  apiKey: string
  /** The customer that owns the key ('freshcrate'). One customer may have several keys. */
  tenant: string
  plan: Plan
}

export interface AccountDirectory {
  find(apiKey: string): Account | undefined
}

export class InMemoryAccounts implements AccountDirectory {
  private readonly byKey = new Map<string, Account>()

  constructor(accounts: Account[] = []) {
    for (const account of accounts) this.add(account)
  }

  add(account: Account) {
    this.byKey.set(account.apiKey, account)
  }

  find(apiKey: string): Account | undefined {
    return this.byKey.get(apiKey)
  }
}
