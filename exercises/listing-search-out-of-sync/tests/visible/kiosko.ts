// The world the scenarios play in: sellers saving listings through the marketplace API's pods,
// the shared database, and Scout, the search team's index. Built on the sandbox's simulation
// kit, in virtual time. Every change the database commits is followed until Scout shows it.
import { SimulatedFailure } from 'hardmode:sim'
import type { DependencyProfile, LatencyProfile, Simulation } from 'hardmode:sim'
import { type ApiRequest, type ApiResponse, type Pod, startPod } from '../../src/app'
import type { Listing, ListingChanges } from '../../src/listings/listings'
import { type ListingDocument, toDocument } from '../../src/search/listingDocument'
import { type Scout, ScoutUnavailableError, VersionConflictError } from '../../src/search/scout'
import { type Database, InMemoryDatabase, type Row, type Transaction } from '../../src/storage/database'

/** The seller's app waits this long for a save, then says "No connection" and tries once more. */
export const SAVE_TIMEOUT_MS = 5_000
/** Long enough for whatever the design does in the background to finish. */
export const SETTLE_MS = 60_000
const DB_ROUND_TRIP: LatencyProfile = { p50: 2, p99: 12 }
const CATEGORIES = ['bikes', 'furniture', 'phones', 'cameras', 'kids', 'garden', 'books', 'audio']

export type WorldOptions = { scout: DependencyProfile; pods?: number; listings?: number }

type Change = { id: string; version: number; at: number; reflectedAt?: number }
type Slot = { pod: Pod; dead: boolean; killed: Promise<never>; kill: () => void }

export type World = ReturnType<typeof createWorld>

export function createWorld(sim: Simulation, options: WorldOptions) {
  // The truth: every listing as the database has committed it, and every change, until Scout shows it.
  const truth = new Map<string, Listing>()
  const changes: Change[] = []
  const unseen = new Map<string, Change[]>()
  const db = new InMemoryDatabase({
    onWrite(table, key, row) {
      if (table !== 'listings' || !row) return
      const listing = row as Listing
      const before = truth.get(key)
      truth.set(key, listing)
      // A write that does not change the listing's version (a flag, a timestamp) is not a change buyers can see.
      if (before?.version === listing.version) return
      const change = { id: key, version: listing.version, at: sim.now() }
      changes.push(change)
      unseen.set(key, [...(unseen.get(key) ?? []), change])
    },
  })

  // Scout: what it holds per listing, and every document that went back to an older listing.
  const held = new Map<string, { document: ListingDocument; version?: number }>()
  let staleOverwrites = 0
  function store(document: ListingDocument, version: number | undefined) {
    const current = held.get(document.id)
    if (version !== undefined && current?.version !== undefined && current.version >= version) throw new VersionConflictError(`${document.id}: version ${current.version} is held`)
    if (current && document.listingVersion < current.document.listingVersion) staleOverwrites++
    held.set(document.id, { document: { ...document }, ...(version === undefined ? {} : { version }) })
    const waiting = unseen.get(document.id)
    if (!waiting) return
    const still = waiting.filter((change) => {
      if (change.version > document.listingVersion) return true
      change.reflectedAt = sim.now()
      return false
    })
    if (still.length > 0) unseen.set(document.id, still)
    else unseen.delete(document.id)
  }
  const api = sim.dependency('scout', options.scout)
  const scout: Scout = {
    async put(document, putOptions) {
      try {
        await api.call(() => store(document, putOptions?.version))
      } catch (error) {
        if (error instanceof SimulatedFailure) throw new ScoutUnavailableError(error.lostReply ? '504 Gateway Timeout' : '503 Service Unavailable')
        throw error
      }
    },
  }

  // The marketplace as it was this morning: listings in the database, and Scout in step with it.
  const seeded = Array.from({ length: options.listings ?? 2_000 }, (_, i): Listing => ({
    id: `lst-${String(400_000 + i)}`,
    sellerId: `sel-${sim.between(1_000, 9_999)}`,
    title: `${sim.pick(['Vintage', 'Almost new', 'Solid', 'Compact', 'Classic'])} ${sim.pick(['road bike', 'armchair', 'phone', 'camera', 'stroller', 'lawnmower', 'turntable', 'bookcase'])}`,
    category: sim.pick(CATEGORIES),
    priceCents: sim.between(5, 900) * 500,
    status: 'available',
    version: sim.between(1, 6),
    updatedAt: Date.now() - sim.between(1, 30) * 86_400_000,
  }))
  db.seed('listings', seeded.map((listing) => ({ key: listing.id, row: listing })))
  for (const listing of seeded) {
    truth.set(listing.id, listing)
    held.set(listing.id, { document: toDocument(listing), version: listing.version })
  }

  // The pods. Each has its own connections; a pod that dies mid-request answers nothing more,
  // and nothing it had not yet sent reaches the database or Scout.
  const hang = () => new Promise<never>(() => {})
  function connect(slot: { dead: boolean }): { db: Database; scout: Scout } {
    // A query reaches the server, takes effect, and its answer comes back one round trip later;
    // a pod that dies in between never hears it.
    async function query<T>(run: () => Promise<T>): Promise<T> {
      if (slot.dead) return hang()
      const result = await run()
      await sim.sleep(sim.latency(DB_ROUND_TRIP))
      if (slot.dead) return hang()
      return result
    }
    const connection: Database = {
      transaction: (work) =>
        query(() =>
          db.transaction((tx) => {
            const remote: Transaction = {
              get: (table, key) => query(() => tx.get(table, key)),
              insert: (table, key, row) => query(() => tx.insert(table, key, row)),
              update: (table, key, row, expected) => query(() => tx.update(table, key, row, expected)),
              delete: (table, key) => query(() => tx.delete(table, key)),
            }
            return work(remote)
          }),
        ),
      get: (table, key) => query(() => db.get(table, key)),
      select: (table, selection) => query(() => db.select(table, selection)),
      insertIfAbsent: (table, key, row) => query(() => db.insertIfAbsent(table, key, row)),
      update: (table, key, row, expected) => query(() => db.update(table, key, row, expected)),
      deleteIf: (table, key, expected) => query(() => db.deleteIf(table, key, expected)),
      now: () => query(() => db.now()),
    }
    const client: Scout = {
      async put(document, putOptions) {
        if (slot.dead) return hang()
        const outcome = await scout.put(document, putOptions).then(
          () => ({ error: undefined }),
          (error: unknown) => ({ error }),
        )
        if (slot.dead) return hang()
        if (outcome.error) throw outcome.error
      },
    }
    return { db: connection, scout: client }
  }

  const slots: Slot[] = []
  let podCount = 0
  function startOne() {
    let kill: () => void = () => {}
    const killed = new Promise<never>((_, reject) => (kill = () => reject(new Error('connection reset by peer'))))
    killed.catch(() => {})
    const slot = { dead: false, killed, kill } as Slot
    slot.pod = startPod({ ...connect(slot), node: `market-${++podCount}` })
    slots.push(slot)
  }
  for (let i = 0; i < (options.pods ?? 3); i++) startOne()
  const alive = () => slots.filter((slot) => !slot.dead)

  /** One save from a seller's app: any live pod; no answer in 5 s, or a dropped connection, and the app tries once more. */
  async function save(request: ApiRequest): Promise<ApiResponse | undefined> {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const outcome = await sim.request(
        () => {
          const slot = sim.pick(alive())
          return Promise.race([slot.pod.handle(request), slot.killed])
        },
        { timeoutMs: SAVE_TIMEOUT_MS, ok: (response) => response.status < 300 },
      )
      if (outcome.answer) return outcome.answer
      await sim.sleep(2_000)
    }
    return undefined
  }

  function randomChange(listing: Listing): ListingChanges | undefined {
    if (listing.status === 'sold') return undefined
    const roll = sim.random()
    if (roll < 0.6) return { priceCents: Math.max(100, Math.round((listing.priceCents * sim.between(70, 98)) / 100 / 100) * 100) }
    if (roll < 0.85) return { status: listing.status === 'reserved' ? 'available' : 'reserved' }
    return { status: 'sold' }
  }
  /** A seller opens the app and saves something: a new listing, or a change to one, often followed by another change a few seconds later. */
  async function seller() {
    const sellerId = `sel-${sim.between(1_000, 9_999)}`
    let id = (sim.pick(seeded) as Listing).id
    if (sim.chance(0.2)) {
      const draft = { title: `${sim.pick(['Barely used', 'Retro', 'Sturdy'])} ${sim.pick(['desk', 'e-bike', 'tablet', 'lens', 'sofa'])}`, category: sim.pick(CATEGORIES), priceCents: sim.between(5, 900) * 500 }
      const created = await save({ method: 'POST', path: '/listings', sellerId, body: draft })
      if (created?.status !== 201 || !sim.chance(0.35)) return
      id = (created.body as Listing).id
      await sim.sleep(sim.between(1_000, 8_000))
    }
    for (let edits = 0; edits < 3; edits++) {
      const change = randomChange(truth.get(id) as Listing)
      if (!change) return
      await save({ method: 'PATCH', path: `/listings/${id}`, sellerId, body: change })
      if (!sim.chance(0.35)) return
      await sim.sleep(sim.between(1_000, 8_000))
    }
  }

  function diverged() {
    let count = 0
    for (const [id, listing] of truth) {
      const document = held.get(id)?.document
      if (!document || JSON.stringify(document) !== JSON.stringify(toDocument(listing))) count++
    }
    return count
  }
  sim.metric('divergedListings', { label: 'Listings whose search copy differs from the database, at the end', unit: 'listings', value: diverged })
  sim.metric('staleOverwrites', { label: 'Search copies that went back to an older version', unit: 'writes', value: () => staleOverwrites })
  sim.metric('searchLagP99Ms', {
    label: 'Time until a change shows in search, p99 (never: until the end)',
    unit: 'ms',
    value: () => {
      if (changes.length === 0) return null
      const lags = changes.map((change) => (change.reflectedAt ?? sim.now()) - change.at).sort((a, b) => a - b)
      return lags[Math.max(0, Math.ceil(0.99 * lags.length) - 1)] as number
    },
  })

  return {
    sim,
    /** Sellers open the app at `perSecond`. */
    sellers(traffic: { perSecond: number; forMs: number; startAt?: number }) {
      sim.traffic(traffic, () => seller())
    },
    /** A shop's bulk-edit tool changes the price of `listings` listings within `withinMs`, from `at`. */
    bulkRepriceAt(at: number, { listings, withinMs }: { listings: number; withinMs: number }) {
      const shop = sim.shuffle(seeded).slice(0, listings)
      sim.burst({ count: listings, at, withinMs }, ({ index }) => {
        const listing = truth.get((shop[index] as Listing).id) as Listing
        if (listing.status === 'sold') return undefined
        return save({ method: 'PATCH', path: `/listings/${listing.id}`, sellerId: listing.sellerId, body: { priceCents: Math.max(100, Math.round(listing.priceCents * 0.009) * 100) } })
      })
    },
    /** At `at`, a pod dies without warning; a new one starts `replaceAfterMs` later. */
    podDiesAt(at: number, { replaceAfterMs = 15_000 }: { replaceAfterMs?: number } = {}) {
      sim.at(at, () => {
        const slot = sim.pick(alive())
        slot.dead = true
        slot.kill()
        sim.at(sim.now() + replaceAfterMs, () => startOne())
      })
    },
    /**
     * Counts, at `at`, the listings with a change committed more than 10 s earlier that search does
     * not show yet, as the metric behindAMinuteAfterScoutIsBack: for a scenario whose Scout outage ends a minute before `at`.
     */
    countBehindAt(at: number) {
      let behind: number | null = null
      sim.at(at, () => {
        behind = 0
        for (const waiting of unseen.values()) if (waiting.some((change) => sim.now() - change.at > 10_000)) behind++
      })
      sim.metric('behindAMinuteAfterScoutIsBack', { label: 'Listings whose change was not in search a minute after Scout was back', unit: 'listings', value: () => behind })
    },
    listingIds: () => [...truth.keys()],
    /** The listings with these ids as the database has them now. */
    listings: (ids: string[]) => ids.map((id) => ({ ...(truth.get(id) as Listing) })),
    /** Connections to the database and to Scout as another client would have them (with their round trips), for a scenario's own clients. */
    connection: () => connect({ dead: false }),
  }
}
