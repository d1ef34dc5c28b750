// The world the scenarios play in: customers checking out on the storefront, checkout's pods
// (each with its own InventoryClient), and Stockroom: a gateway with a fixed pool of workers
// in front of the four centres' stock databases. Built on the sandbox's simulation kit, in
// virtual time: five simulated minutes run in a fraction of a second.
import type { LatencyProfile, Simulation } from 'hardmode:sim'
import { CheckoutService } from '../../src/checkout/checkout'
import type { CheckoutRequest, CheckoutResponse } from '../../src/checkout/orders'
import { InventoryClient } from '../../src/inventory/inventoryClient'
import { type FulfilmentCentre, OutOfStockError, type Reservation, type ReservationRequest, type Stockroom, StockroomError } from '../../src/warehouse/stockroom'

/** The storefront shows "Something went wrong" after 10 s. */
export const STOREFRONT_TIMEOUT_MS = 10_000
/** Stockroom's gateway waits this long for a centre's database, then answers 504. */
export const GATEWAY_TIMEOUT_MS = 30_000
/** Long enough for a reservation stuck behind the gateway timeout, retried twice, to finish. */
export const SETTLE_MS = 2 * 60_000
const DEFAULT_CONNECTIONS = 16
/** Share of checkouts whose cart holds an item that has just sold out (a 409, an answer). */
const SOLD_OUT_SHARE = 0.02

/** A stretch of trouble at Stockroom, in ms since the start of the scenario. */
export type Trouble = {
  from: number
  to: number
  /** Only these centres' databases (default: all of them, as when the gateway or a shared dependency struggles). */
  centres?: FulfilmentCentre[]
  /** The time the database spends on a reservation meanwhile. */
  latency?: LatencyProfile
  /** Share of requests answered 503 after their work: the database was unavailable, nothing reserved. */
  unavailable?: number
  /** Share of requests stuck on the database until the gateway gives up (504), holding their worker meanwhile. */
  hang?: number
  /** Share of the stuck requests that reserved before the gateway gave up. */
  hangReserves?: number
  /** Share of successful requests whose answer is lost on the way back (connection reset) after reserving. */
  lostReply?: number
  /** Database connections left for reservations meanwhile (default: all of them). */
  connections?: number
}

export type StockroomProfile = {
  /** Gateway workers, shared by every consumer; a request that finds none free gets a 503 at once. */
  workers: number
  /** The time a centre's database spends on a reservation on an ordinary day. */
  latency: LatencyProfile
  /** Share of answers lost on an ordinary day (connection resets), after reserving. */
  lostReply?: number
  /** Connections of each centre's database (default 16): past that many at once, reservations wait in line. */
  connections?: number
  trouble?: Trouble[]
}

export type StockroomWorld = ReturnType<typeof createStockroom>

export function createStockroom(sim: Simulation, profile: StockroomProfile) {
  // The network between a pod and the gateway; every call is counted, including the ones the gateway sheds.
  const network = sim.dependency('stockroom', { latency: { p50: 4, p99: 25 } })
  const byKey = new Map<string, Reservation>()
  const soldOut = new Set<string>()
  const callTimes: number[] = []
  let reservations = 0
  let busy = 0
  let peakBusy = 0
  let shed = 0

  function troubleAt(at: number, centre: FulfilmentCentre) {
    return profile.trouble?.find((window) => at >= window.from && at < window.to && (window.centres === undefined || window.centres.includes(centre)))
  }

  function reserveNow(request: ReservationRequest): Reservation {
    const known = request.idempotencyKey === undefined ? undefined : byKey.get(request.idempotencyKey)
    if (known) return known
    const reservation: Reservation = {
      reservationId: `rsv_${String(++reservations).padStart(6, '0')}`,
      orderId: request.orderId,
      fulfilmentCentre: request.fulfilmentCentre,
      expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    }
    sim.effect('reservation', request.orderId)
    if (request.idempotencyKey !== undefined) byKey.set(request.idempotencyKey, reservation)
    return reservation
  }

  // Each centre's database has a pool of connections: a reservation waits for one, in order.
  const databases = new Map<FulfilmentCentre, { inUse: number; waiting: Array<() => void> }>()
  const poolSize = (centre: FulfilmentCentre) => troubleAt(sim.now(), centre)?.connections ?? profile.connections ?? DEFAULT_CONNECTIONS
  function database(centre: FulfilmentCentre) {
    let db = databases.get(centre)
    if (!db) databases.set(centre, (db = { inUse: 0, waiting: [] }))
    return db
  }
  function connect(centre: FulfilmentCentre): Promise<void> {
    const db = database(centre)
    if (db.waiting.length === 0 && db.inUse < poolSize(centre)) {
      db.inUse++
      return Promise.resolve()
    }
    return new Promise((resolve) => db.waiting.push(resolve))
  }
  function disconnect(centre: FulfilmentCentre) {
    const db = database(centre)
    db.inUse--
    while (db.waiting.length > 0 && db.inUse < poolSize(centre)) {
      db.inUse++
      db.waiting.shift()?.()
    }
  }

  // The centre's database: waits for a connection, does the work, commits or fails. It goes on
  // even after the gateway has given up on it.
  async function runInDatabase(request: ReservationRequest, unavailable: number): Promise<Reservation> {
    const centre = request.fulfilmentCentre
    await connect(centre)
    try {
      const trouble = troubleAt(sim.now(), centre)
      await sim.sleep(sim.latency(trouble?.latency ?? profile.latency))
      if (sim.chance(unavailable)) throw new StockroomError(503, `Service Unavailable: ${centre} database unavailable`)
      const missing = request.lines.filter((line) => soldOut.has(line.sku)).map((line) => line.sku)
      if (missing.length > 0) throw new OutOfStockError(missing)
      const reservation = reserveNow(request)
      if (sim.chance(trouble?.lostReply ?? profile.lostReply ?? 0)) throw new StockroomError(0, 'connection reset by peer')
      return reservation
    } finally {
      disconnect(centre)
    }
  }

  const gatewayTimeout = (centre: FulfilmentCentre) => new StockroomError(504, `Gateway Timeout: ${centre} did not answer within 30 s`)

  // What happens at the gateway, between the two halves of the network round trip.
  async function handle(request: ReservationRequest): Promise<Reservation> {
    if (busy >= profile.workers) {
      shed++
      throw new StockroomError(503, 'Service Unavailable: all gateway workers busy', 1_000)
    }
    busy++
    peakBusy = Math.max(peakBusy, busy)
    try {
      const trouble = troubleAt(sim.now(), request.fulfilmentCentre)
      const hang = trouble?.hang ?? 0
      if (sim.chance(hang)) {
        // Stuck on a lock until the gateway gives up; some of these reserved in the end.
        await sim.sleep(GATEWAY_TIMEOUT_MS)
        if (sim.chance(trouble?.hangReserves ?? 0)) reserveNow(request)
        throw gatewayTimeout(request.fulfilmentCentre)
      }
      return await new Promise<Reservation>((resolve, reject) => {
        const timer = setTimeout(() => reject(gatewayTimeout(request.fulfilmentCentre)), GATEWAY_TIMEOUT_MS)
        // `unavailable` is a share of all requests, the stuck ones included.
        runInDatabase(request, hang < 1 ? Math.min(1, (trouble?.unavailable ?? 0) / (1 - hang)) : 0).then(
          (reservation) => {
            clearTimeout(timer)
            resolve(reservation)
          },
          (error: unknown) => {
            clearTimeout(timer)
            reject(error)
          },
        )
      })
    } finally {
      busy--
    }
  }

  const stockroom: Stockroom = {
    reserve(request) {
      callTimes.push(sim.now())
      return network.call(() => handle(request))
    },
  }

  return {
    stockroom,
    soldOut,
    get calls() {
      return network.calls
    },
    /** Calls made from `from` (included) to `to` (excluded), in ms since the start. */
    callsBetween: (from: number, to: number) => callTimes.filter((at) => at >= from && at < to).length,
    get shed() {
      return shed
    },
    get peakBusy() {
      return peakBusy
    },
  }
}

/** Checkout's pods behind the load balancer: each process has its own InventoryClient. */
export function checkoutPods(world: StockroomWorld, count: number, prefix = 'checkout') {
  return Array.from({ length: count }, (_, index) => {
    const node = `${prefix}-${index + 1}`
    return new CheckoutService({ inventory: new InventoryClient({ stockroom: world.stockroom, node }), node })
  })
}

const CATALOGUE = ['LAMP-ARC-BRASS', 'RUG-WOOL-160', 'VASE-STONE-M', 'CHAIR-OAK-2', 'MUG-SET-4', 'THROW-LINEN', 'SHELF-WALNUT', 'CANDLE-FIG-3']

/** A customer's checkout: a cart of one to three lines, shipped to a postcode anywhere in Germany. */
export function checkoutRequest(sim: Simulation, world: StockroomWorld, id: string): CheckoutRequest {
  const lines = Array.from({ length: sim.between(1, 3) }, () => ({ sku: sim.pick(CATALOGUE), quantity: sim.between(1, 2), priceCents: sim.between(9, 240) * 100 }))
  if (sim.chance(SOLD_OUT_SHARE)) {
    const sku = `LAST-ONE-${id}`
    world.soldOut.add(sku)
    lines.push({ sku, quantity: 1, priceCents: 4_900 })
  }
  return { checkoutId: id, customerId: `cus_${sim.between(10_000, 99_999)}`, postcode: String(sim.between(1_067, 99_998)).padStart(5, '0'), lines }
}

/** A checkout answered in time: an order, or an honest "sold out". */
export const answered = (response: CheckoutResponse) => response.status === 201 || response.status === 409

/** The storefront posts the checkout to a pod picked by the load balancer, and gives up after 10 s. */
export function storefrontCheckout(sim: Simulation, pods: CheckoutService[], request: CheckoutRequest) {
  const pod = sim.pick(pods)
  return sim.request(() => pod.placeOrder(request), { timeoutMs: STOREFRONT_TIMEOUT_MS, ok: answered })
}

/**
 * Calls to Stockroom per checkout (1.00 when nothing is retried), what the gateway shed, and,
 * for a scenario with an incident, the calls per checkout that arrived during it.
 */
export function measureStockroom(sim: Simulation, world: StockroomWorld, arrivals: number[], incident?: { from: number; to: number }) {
  const perCheckout = (calls: number, checkouts: number) => (checkouts === 0 ? null : Math.round((100 * calls) / checkouts) / 100)
  sim.metric('callsPerCheckout', { label: 'Calls to Stockroom per checkout', unit: 'calls', value: () => perCheckout(world.calls, arrivals.length) })
  if (incident) {
    sim.metric('callsPerCheckoutInIncident', {
      label: 'Calls to Stockroom per checkout during the incident',
      unit: 'calls',
      value: () => perCheckout(world.callsBetween(incident.from, incident.to), arrivals.filter((at) => at >= incident.from && at < incident.to).length),
    })
  }
  sim.metric('shedCalls', { label: 'Calls shed by the gateway (all workers busy)', unit: 'calls', value: () => world.shed })
  sim.metric('peakBusyWorkers', { label: 'Gateway workers busy, peak', unit: 'workers', value: () => world.peakBusy })
}
