import type { Scout } from '../search/scout'
import { ScoutUnavailableError, VersionConflictError } from '../search/scout'
import { toDocument } from '../search/listingDocument'
import type { Database, Transaction } from '../storage/database'
import type { Listing } from './listings'

/** One row per committed change of a listing, written in the change's own transaction. */
export const SEARCH_OUTBOX = 'search_outbox'
const LOCKS = 'search_locks'

type OutboxRow = { listingId: string; version: number; claimedBy: string; leaseUntil: number; attempts: number; notBefore: number }

/** Records, in the transaction that changes the listing, that Scout must be told. */
export async function recordForSearch(tx: Transaction, listing: Listing): Promise<void> {
  const row: OutboxRow = { listingId: listing.id, version: listing.version, claimedBy: '', leaseUntil: 0, attempts: 0, notBefore: 0 }
  await tx.insert(SEARCH_OUTBOX, `${listing.id}:${listing.version}`, row)
}

export type SearchSyncOptions = {
  db: Database
  scout: Scout
  node: string
  log?: (line: string) => void
  /** How often an idle relay looks at the outbox. */
  pollEveryMs?: number
  /** Rows one relay claims at a time. */
  batch?: number
  /** How long a claim holds; a relay that dies holding one lets it go after this. */
  leaseMs?: number
}

// The relay: every pod runs one. It claims the oldest due rows of the outbox, and puts a listing
// to Scout only while it holds that listing's lock, so one listing's puts never overtake each
// other: the last put is always the newest state. A row is deleted only once Scout has the
// listing; on a failure it goes back with a backoff.
export class SearchSync {
  private readonly db: Database
  private readonly scout: Scout
  private readonly node: string
  private readonly log: (line: string) => void
  private readonly pollEveryMs: number
  private readonly batch: number
  private readonly leaseMs: number
  private timer: ReturnType<typeof setTimeout> | undefined
  private stopped = false
  private claims = 0
  private failedPasses = 0

  constructor(options: SearchSyncOptions) {
    this.db = options.db
    this.scout = options.scout
    this.node = options.node
    this.log = options.log ?? (() => {})
    this.pollEveryMs = options.pollEveryMs ?? 1_000
    this.batch = options.batch ?? 20
    this.leaseMs = options.leaseMs ?? 30_000
  }

  start(): void {
    const loop = async () => {
      if (this.stopped) return
      let pass: Pass = 'idle'
      try {
        pass = await this.relay()
      } catch (error) {
        this.log(`${this.node} search relay: ${(error as Error).message}`)
      }
      // While Scout fails every put, the relay backs off as a whole, up to 30 s between passes.
      this.failedPasses = pass === 'failed' ? this.failedPasses + 1 : 0
      const wait = pass === 'full' ? 50 : pass === 'failed' ? Math.min(30_000, this.pollEveryMs * 2 ** this.failedPasses) : this.pollEveryMs
      if (!this.stopped) this.timer = setTimeout(() => void loop(), wait)
    }
    void loop()
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== undefined) clearTimeout(this.timer)
  }

  /** One pass: claims what is due and puts it to Scout. */
  private async relay(): Promise<Pass> {
    // Leases are 30 s; the pods' clocks, kept by NTP, agree far better than that.
    const now = Date.now()
    const rows = await this.db.select<OutboxRow>(SEARCH_OUTBOX, { limit: 200 })
    const due = rows.filter((row) => (row.claimedBy === '' || row.leaseUntil < now) && row.notBefore <= now).slice(0, this.batch)
    const claimed: OutboxRow[] = []
    for (const row of due) {
      const mine = { ...row, claimedBy: `${this.node}:${++this.claims}`, leaseUntil: now + this.leaseMs }
      if (await this.db.update(SEARCH_OUTBOX, keyOf(row), mine, { claimedBy: row.claimedBy, leaseUntil: row.leaseUntil })) claimed.push(mine)
    }
    const results = await Promise.all(claimed.map((row) => this.apply(row, now)))
    if (claimed.length === 0) return 'idle'
    if (!results.some(Boolean)) return 'failed'
    return claimed.length === this.batch ? 'full' : 'idle'
  }

  private async apply(row: OutboxRow, now: number): Promise<boolean> {
    const lock = { owner: row.claimedBy, leaseUntil: now + this.leaseMs }
    const held = await this.db.get<{ owner: string; leaseUntil: number }>(LOCKS, row.listingId)
    const locked = held
      ? held.leaseUntil < now && (await this.db.update(LOCKS, row.listingId, lock, { owner: held.owner }))
      : await this.db.insertIfAbsent(LOCKS, row.listingId, lock)
    if (!locked) {
      // Another relay is putting this listing: try again shortly, after it.
      await this.db.update(SEARCH_OUTBOX, keyOf(row), { ...row, claimedBy: '', leaseUntil: 0, notBefore: now + 200 }, { claimedBy: row.claimedBy })
      return true
    }
    try {
      return await this.put(row, now)
    } finally {
      await this.db.deleteIf(LOCKS, row.listingId, { owner: row.claimedBy })
    }
  }

  private async put(row: OutboxRow, now: number): Promise<boolean> {
    const listing = await this.db.get<Listing>('listings', row.listingId)
    try {
      if (listing) await this.scout.put(toDocument(listing))
    } catch (error) {
      if (error instanceof ScoutUnavailableError) {
        const attempts = row.attempts + 1
        const retry = { ...row, claimedBy: '', leaseUntil: 0, attempts, notBefore: now + backoff(attempts) }
        await this.db.update(SEARCH_OUTBOX, keyOf(row), retry, { claimedBy: row.claimedBy })
        if (attempts % 10 === 0) this.log(`${this.node} ${row.listingId} v${row.version}: Scout still failing after ${attempts} attempts (${error.message})`)
        return false
      }
      if (!(error instanceof VersionConflictError)) throw error
    }
    await this.db.deleteIf(SEARCH_OUTBOX, keyOf(row), { claimedBy: row.claimedBy })
    return true
  }
}

/** What a pass found: nothing due (or less than a batch), a full batch (look again at once), or a Scout that failed every put. */
type Pass = 'idle' | 'full' | 'failed'

const keyOf = (row: OutboxRow) => `${row.listingId}:${row.version}`

/** 0.5 s, 1 s, 2 s … up to 30 s, with jitter. */
function backoff(attempts: number) {
  const ceiling = Math.min(30_000, 500 * 2 ** (attempts - 1))
  return Math.round(ceiling * (0.5 + 0.5 * Math.random()))
}
