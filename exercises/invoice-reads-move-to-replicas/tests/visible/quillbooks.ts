// The world the scenarios play in: people working on their invoices in the browser, the load
// balancer and the app servers, and the database: a primary and two replicas that replay its
// write-ahead log with a lag. Built on the sandbox's simulation kit, in virtual time.
import type { LatencyProfile, Simulation } from 'hardmode:sim'
import { type AppServer, startAppServer } from '../../src/app'
import { type DbNode, DatabaseUnavailableError, type PrimaryNode } from '../../src/db/database'
import type { HttpRequest, HttpResponse, Session } from '../../src/http/session'
import type { InvoiceLine, InvoiceRow, InvoiceSummary } from '../../src/invoices/invoices'

/** The browser gives up on a page after this long. */
export const PAGE_TIMEOUT_MS = 10_000
/** A browser drops a cookie larger than this. */
export const COOKIE_LIMIT_BYTES = 4_096
export const SETTLE_MS = 60_000
/** Replication lag, from the DBA team's notes: 30 ms at the median, 600 ms at p99, 2.5 s at worst on the first working day of a month. */
export const ORDINARY_LAG = { p50: 30, p99: 600, maxMs: 2_500 }
export const MONTH_END_LAG = { p50: 100, p99: 1_200, maxMs: 2_500 }

export type Window = { from: number; to: number }
export type ReplicaOptions = {
  /** Time from a commit on the primary to the replica having replayed it, at most `maxMs`. */
  lag: { p50: number; p99: number; maxMs: number }
  /** Replay is held up: what would have been replayed meanwhile is replayed at `to`. */
  stalls?: Window[]
  /** The replica is restarting: it refuses connections. */
  down?: Window[]
}
export type WorldOptions = { replicas: ReplicaOptions[]; appServers?: number; accounts?: number }

/** What a page showed one person: the invoices on it, as the world checks them. */
export type PageView = { user: string; at: number; kind: 'list' | 'invoice'; rows: Array<Pick<InvoiceSummary, 'id' | 'version'>>; missing?: string }

type Commit = { position: number; row: InvoiceRow }

export type World = ReturnType<typeof createWorld>

export function createWorld(sim: Simulation, options: WorldOptions) {
  // The primary: every commit advances the write-ahead log.
  const log: Commit[] = []
  const rows = new Map<string, InvoiceRow>()
  const primaryTable: Table = new Map()
  const numbers = new Map<string, number>()
  let position = 0x16_b374_d848
  const reads = { primary: 0, replicas: 0 }

  type Replica = { name: string; options: ReplicaOptions; rows: Table; applied: number; replayed: number; applyAt: number[] }
  const replicas: Replica[] = options.replicas.map((replicaOptions, index) => ({
    name: `replica-${index + 1}`,
    options: replicaOptions,
    rows: new Map(),
    applied: 0,
    replayed: position,
    applyAt: [],
  }))

  function commit(row: InvoiceRow, { seeded = false } = {}) {
    position += sim.between(96, 1_200)
    rows.set(row.id, row)
    store(primaryTable, row)
    log.push({ position, row })
    const now = sim.now()
    for (const replica of replicas) {
      let at = seeded ? Number.NEGATIVE_INFINITY : Math.max(replica.applyAt.at(-1) ?? 0, now + Math.min(replica.options.lag.maxMs, sim.latency(replica.options.lag)))
      const stall = replica.options.stalls?.find((window) => at >= window.from && at < window.to)
      if (stall) at = stall.to + sim.between(0, 40)
      replica.applyAt.push(at)
    }
  }
  function replay(replica: Replica) {
    const now = sim.now()
    while (replica.applied < log.length && (replica.applyAt[replica.applied] as number) <= now) {
      const { position: replayed, row } = log[replica.applied] as Commit
      store(replica.rows, row)
      replica.replayed = replayed
      replica.applied++
    }
  }

  // A node's rows, by account: every query of the app names the account.
  type Table = Map<string, Map<string, InvoiceRow>>
  const store = (table: Table, row: InvoiceRow) => {
    const account = table.get(row.accountId) ?? new Map<string, InvoiceRow>()
    account.set(row.id, row)
    table.set(row.accountId, account)
  }
  function select(table: Table, where: Partial<InvoiceRow>) {
    const candidates = where.accountId !== undefined ? [...(table.get(where.accountId)?.values() ?? [])] : [...table.values()].flatMap((account) => [...account.values()])
    return candidates
      .filter((row) => Object.entries(where).every(([field, value]) => row[field as keyof InvoiceRow] === value))
      .sort((a, b) => b.number - a.number)
      .map((row) => ({ ...row, lines: row.lines.map((line) => ({ ...line })) }))
  }

  const primaryLatency: LatencyProfile = { p50: 6, p99: 60 }
  const replicaLatency: LatencyProfile = { p50: 3, p99: 25 }
  const primary: PrimaryNode = {
    name: 'primary',
    async selectInvoices(where) {
      await sim.sleep(sim.latency(primaryLatency))
      reads.primary++
      return select(primaryTable, where)
    },
    async walPosition() {
      await sim.sleep(sim.latency(primaryLatency))
      return position
    },
    async nextInvoiceNumber(accountId) {
      await sim.sleep(sim.latency(primaryLatency))
      const next = (numbers.get(accountId) ?? 0) + 1
      numbers.set(accountId, next)
      return next
    },
    async insertInvoice(row) {
      await sim.sleep(sim.latency(primaryLatency))
      if (rows.has(row.id)) throw new Error(`duplicate key value violates unique constraint "invoices_pkey" (${row.id})`)
      commit(structuredCopy(row))
    },
    async updateInvoice(id, changes, expectedVersion) {
      await sim.sleep(sim.latency(primaryLatency))
      const current = rows.get(id)
      if (!current || current.version !== expectedVersion) return false
      commit({ ...structuredCopy(current), ...structuredCopy(changes), id, version: current.version + 1 })
      return true
    },
  }
  const replicaNodes: DbNode[] = replicas.map((replica) => {
    async function connect() {
      const down = replica.options.down?.find((window) => sim.now() >= window.from && sim.now() < window.to)
      if (down) {
        await sim.sleep(sim.between(1, 4))
        throw new DatabaseUnavailableError(`${replica.name}: connection refused`)
      }
      await sim.sleep(sim.latency(replicaLatency))
      replay(replica)
    }
    return {
      name: replica.name,
      async selectInvoices(where) {
        await connect()
        reads.replicas++
        return select(replica.rows, where)
      },
      async walPosition() {
        await connect()
        return replica.replayed
      },
    }
  })

  // The accounts and the invoices they already have.
  const accounts = Array.from({ length: options.accounts ?? 12 }, (_, i) => `acct-${101 + i}`)
  for (const accountId of accounts) {
    const count = sim.between(12, 30)
    for (let n = 1; n <= count; n++) {
      const lines = randomLines(sim)
      commit({ id: `inv-${accountId}-${n}`, accountId, number: n, customer: pickCustomer(sim), lines, totalCents: total(lines), status: sim.chance(0.7) ? 'paid' : 'sent', version: sim.between(1, 4) }, { seeded: true })
    }
    numbers.set(accountId, count)
  }

  const servers: AppServer[] = Array.from({ length: options.appServers ?? 3 }, (_, i) => startAppServer({ primary, replicas: replicaNodes, node: `app-${i + 1}` }))

  // What people saw. Observers check every page; the world's own checks the person's own writes.
  const observers: Array<(page: PageView) => void> = []
  let ownWritesMissing = 0
  let formsRefused = 0
  const own = new Map<string, Map<string, number>>()
  observers.push((page) => {
    const mine = own.get(page.user)
    if (!mine) return
    const shown = new Map(page.rows.map((row) => [row.id, row.version]))
    const ids = page.kind === 'list' ? [...mine.keys()] : page.missing ? [page.missing] : [...shown.keys()]
    if (ids.some((id) => mine.has(id) && (shown.get(id) ?? 0) < (mine.get(id) as number))) ownWritesMissing++
  })
  sim.metric('ownWritesMissing', { label: "Pages that did not show the person's own last save", unit: 'pages', value: () => ownWritesMissing })
  sim.metric('primaryReadShare', { label: 'Reads served by the primary', unit: '%', value: () => (reads.primary + reads.replicas === 0 ? null : Math.round((1_000 * reads.primary) / (reads.primary + reads.replicas)) / 10) })
  sim.metric('formsRefused', { label: 'Saves refused as changed by someone else', unit: 'saves', value: () => formsRefused })

  let users = 0
  /** One person's morning: the invoice list, invoices opened, drafts created and edited, in the browser. */
  async function person(steps: number, habits: { thinkMs: [number, number]; creates: number; edits: number }) {
    const user = `user-${++users}`
    const accountId = sim.pick(accounts)
    const mine = new Map<string, number>()
    own.set(user, mine)
    let cookie: Record<string, string> = {}
    let lastShown: { id: string; version: number } | undefined
    let listed: string[] = []

    async function browse(method: HttpRequest['method'], path: string, body?: unknown): Promise<HttpResponse | undefined> {
      const jar = { ...cookie }
      const session: Session = { userId: user, accountId, get: (name) => jar[name], set: (name, value) => void (jar[name] = String(value)) }
      const outcome = await sim.request(() => (sim.pick(servers) as AppServer).handle({ method, path, session, body }), { timeoutMs: PAGE_TIMEOUT_MS, ok: (response) => response.status < 400 })
      if (JSON.stringify(jar).length <= COOKIE_LIMIT_BYTES) cookie = jar
      const response = outcome.answer
      if (!response) return undefined
      const at = sim.now()
      if (method === 'GET' && path === '/invoices' && response.status === 200) {
        const invoices = (response.body as { invoices: InvoiceSummary[] }).invoices
        listed = invoices.map((invoice) => invoice.id)
        for (const observe of observers) observe({ user, at, kind: 'list', rows: invoices })
      } else if (method === 'GET' && response.status === 200) {
        const { invoice } = response.body as { invoice: InvoiceRow }
        lastShown = { id: invoice.id, version: invoice.version }
        for (const observe of observers) observe({ user, at, kind: 'invoice', rows: [invoice] })
      } else if (method === 'GET' && response.status === 404) {
        for (const observe of observers) observe({ user, at, kind: 'invoice', rows: [], missing: path.slice('/invoices/'.length) })
      }
      return response
    }
    async function followRedirect(response: HttpResponse | undefined) {
      if (response?.status !== 303 || !response.location) return
      await sim.sleep(sim.between(15, 60))
      await browse('GET', response.location)
    }
    const think = () => sim.sleep(sim.between(...habits.thinkMs))

    await browse('GET', '/invoices')
    for (let step = 0; step < steps; step++) {
      await think()
      const roll = sim.random()
      if (roll < habits.creates || (roll < habits.creates + habits.edits && mine.size === 0)) {
        // A new draft.
        const response = await browse('POST', '/invoices', { customer: pickCustomer(sim), lines: randomLines(sim) })
        const id = response?.status === 303 ? response.location?.slice('/invoices/'.length) : undefined
        if (id) mine.set(id, 1)
        await followRedirect(response)
      } else if (roll < habits.creates + habits.edits) {
        // Edit one of today's drafts: open it, change it, save.
        const id = sim.pick([...mine.keys()])
        if (lastShown?.id !== id) {
          await browse('GET', `/invoices/${id}`)
          await think()
        }
        if (lastShown?.id !== id) continue
        const changes = sim.chance(0.25) ? { status: 'sent' } : { lines: randomLines(sim) }
        const response = await browse('PUT', `/invoices/${id}`, { expectedVersion: lastShown.version, changes })
        if (response?.status === 303) mine.set(id, lastShown.version + 1)
        if (response?.status === 409) formsRefused++
        await followRedirect(response)
      } else if (roll < 0.6 && listed.length > 0) {
        await browse('GET', `/invoices/${sim.pick(listed)}`)
      } else {
        await browse('GET', '/invoices')
      }
    }
  }

  return {
    sim,
    /**
     * People start their morning at `perSecond`; each works through `steps` pages, and at each
     * step creates a draft with the chance `creates` or edits one of theirs with the chance `edits`.
     */
    people(traffic: { perSecond: number; forMs: number; steps?: [number, number]; thinkMs?: [number, number]; creates?: number; edits?: number }) {
      const { steps = [6, 12], thinkMs = [1_000, 5_000], creates = 0.05, edits = 0.1 } = traffic
      sim.traffic({ perSecond: traffic.perSecond, forMs: traffic.forMs }, () => person(sim.between(...steps), { thinkMs, creates, edits }))
    },
    /** Calls `observer` with every page anybody was shown. */
    observePages(observer: (page: PageView) => void) {
      observers.push(observer)
    },
  }
}

const CUSTOMERS = ['Hollis & Vane', 'Marrow Studio', 'Pinecrest Dental', 'Okafor Legal', 'Blue Heron Cafe', 'Tessellate Ltd', 'Juniper Yoga', 'Ferro Bikes']
const pickCustomer = (sim: Simulation) => sim.pick(CUSTOMERS)

function randomLines(sim: Simulation): InvoiceLine[] {
  return Array.from({ length: sim.between(1, 4) }, () => ({ description: sim.pick(['Design', 'Consulting', 'Hosting', 'Support', 'Workshop']), quantity: sim.between(1, 10), unitCents: sim.between(20, 180) * 500 }))
}

function total(lines: InvoiceLine[]) {
  return lines.reduce((sum, line) => sum + line.quantity * line.unitCents, 0)
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
