// The Redis cluster (ElastiCache) every gateway node shares. In memory in the scenarios,
// with the same semantics: every command is one network round trip, a value may expire
// after a TTL, and a script runs atomically on the server, against the server's clock.

export type StoredValue = number | string | boolean | null | StoredValue[] | { [field: string]: StoredValue }

export type ScriptResult<T> = {
  /** The key's value after the script: return `current` to leave it, undefined to delete the key. */
  value: StoredValue | undefined
  /** Expiry of the key from now; omitted, the key never expires. */
  ttlMs?: number
  /** What the caller of run() receives. */
  result: T
}

/** A Lua script, written here as a function of the key's value and the server's clock (ms since the epoch). */
export type Script<T> = (current: StoredValue | undefined, serverNowMs: number) => ScriptResult<T>

export interface SharedStore {
  /** GET */
  get(key: string): Promise<StoredValue | undefined>
  /** SET … PX: replaces the value; without ttlMs the key never expires. */
  set(key: string, value: StoredValue, ttlMs?: number): Promise<void>
  /** INCRBY, and PEXPIRE when this call created the key. Atomic; returns the new value. */
  increment(key: string, by: number, ttlMs?: number): Promise<number>
  /** DEL */
  delete(key: string): Promise<void>
  /** EVALSHA: runs the script atomically (no other command runs in between), in one round trip. */
  run<T>(key: string, script: Script<T>): Promise<T>
  /** TIME: the Redis server's clock. */
  time(): Promise<number>
}

export type InMemorySharedStoreOptions = {
  /** Awaited after every command, to play the network round trip. */
  roundTrip?: () => Promise<void>
  /** The Redis server's clock. */
  clock?: () => number
}

type Entry = { value: StoredValue; expiresAt: number | null }

export class InMemorySharedStore implements SharedStore {
  private readonly entries = new Map<string, Entry>()
  private readonly roundTrip: () => Promise<void>
  private readonly clock: () => number
  /** Commands served, for the platform team's dashboard. */
  commands = 0

  constructor(options: InMemorySharedStoreOptions = {}) {
    this.roundTrip = options.roundTrip ?? (() => Promise.resolve())
    this.clock = options.clock ?? (() => Date.now())
  }

  async get(key: string): Promise<StoredValue | undefined> {
    const value = this.read(key)
    await this.served()
    return value
  }

  async set(key: string, value: StoredValue, ttlMs?: number): Promise<void> {
    this.write(key, value, ttlMs)
    await this.served()
  }

  async increment(key: string, by: number, ttlMs?: number): Promise<number> {
    const current = this.read(key)
    if (current !== undefined && typeof current !== 'number') throw new Error(`ERR value at ${key} is not an integer`)
    const next = (current ?? 0) + by
    if (current === undefined) this.write(key, next, ttlMs)
    else (this.entries.get(key) as Entry).value = next
    await this.served()
    return next
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key)
    await this.served()
  }

  async run<T>(key: string, script: Script<T>): Promise<T> {
    const outcome = script(this.read(key), this.clock())
    if (outcome.value === undefined) this.entries.delete(key)
    else this.write(key, outcome.value, outcome.ttlMs)
    await this.served()
    return outcome.result
  }

  async time(): Promise<number> {
    const now = this.clock()
    await this.served()
    return now
  }

  /** Keys that have not expired (DBSIZE), for dashboards and tests. */
  liveKeys(): number {
    const now = this.clock()
    for (const [key, entry] of this.entries) if (entry.expiresAt !== null && entry.expiresAt <= now) this.entries.delete(key)
    return this.entries.size
  }

  private read(key: string): StoredValue | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt !== null && entry.expiresAt <= this.clock()) {
      this.entries.delete(key)
      return undefined
    }
    return copy(entry.value)
  }

  private write(key: string, value: StoredValue, ttlMs?: number) {
    this.entries.set(key, { value: copy(value), expiresAt: ttlMs === undefined ? null : this.clock() + Math.max(1, Math.ceil(ttlMs)) })
  }

  private served() {
    this.commands++
    return this.roundTrip()
  }
}

// Values cross the network: no caller keeps a reference to what the store holds.
function copy(value: StoredValue): StoredValue {
  return typeof value === 'object' && value !== null ? (JSON.parse(JSON.stringify(value)) as StoredValue) : value
}
