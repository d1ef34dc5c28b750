// The world the scenarios play in: parcels scanned along their way, scan-ingest publishing the
// scans on the parcel-scans topic, the platform's consumer library delivering them to the
// instances of tracking-updater, the shared tracking database, Notify, and the dead-letter
// topic. Built on the sandbox's simulation kit, in virtual time: ten minutes of an evening run
// in a fraction of a second.
import { SimulatedFailure } from 'hardmode:sim'
import type { DependencyProfile, Simulation } from 'hardmode:sim'
import type { BrokerMessage, DeadLetterTopic } from '../../src/broker/messages'
import { type NotifyClient, NotifyUnavailableError } from '../../src/notify/notifyClient'
import { type ParcelScan, type ScanStatus, notificationFor } from '../../src/scans/scanEvents'
import { InMemoryDatabase, type Row } from '../../src/storage/database'
import { TRACKING_TABLE } from '../../src/tracking/trackingTable'
import { TrackingUpdater } from '../../src/tracking/trackingUpdater'

/** Long enough for the last parcel of the evening to be delivered, and for whatever waited to catch up. */
export const SETTLE_MS = 6 * 60_000
/** The platform's consumer library, from its runbook (src/broker/messages.ts). */
const HANDLE_TIMEOUT_MS = 30_000
const REDELIVER_AFTER_MS = 1_000
const COMMIT_EVERY_MS = 5_000
/** How long the group stops while partitions move between instances. */
const REBALANCE_PAUSE_MS = 3_000
/** A customer is told about a scan within this long, unless the parcel has moved on by then. */
export const NOTIFY_WITHIN_MS = 30_000

export type WorldOptions = {
  /** Instances of tracking-updater in the group (default 3). */
  instances?: number
  /** Partitions of parcel-scans (default 6). */
  partitions?: number
  notify: DependencyProfile
  /** Moments (ms since the start) at which a deploy rebalances the group. */
  rebalanceAt?: number[]
  /** Which partition a parcel's scan is published to (default: the hash of the parcel id modulo `partitions`). */
  partitionFor?: (parcelId: string, hash: number, now: number) => number
  /** Windows in which the group consumes nothing from these partitions; a scan published on one meanwhile is due once it resumes. */
  stalls?: Array<{ partitions: number[]; from: number; to: number }>
  /** Unreadable scans: at each moment, a parcel on its way sends one. */
  poison?: Array<{ at: number; kind: 'truncated' | 'unknown-status' }>
}

type Scan = ParcelScan & { poison: boolean; publishedAt: number; messageId: string; partition: number; shownAt?: number }
type Parcel = { parcelId: string; scans: Scan[]; nextSeq: number; done: boolean }
type StoredMessage = Omit<BrokerMessage, 'deliveryCount'>
type Partition = {
  index: number
  log: StoredMessage[]
  next: number
  committed: number
  lastCommitAt: number
  pausedUntil: number
  generation: number
  seenGeneration: number
  owner: number
  deliveryCount: number
  pumping: boolean
  commitScheduled: boolean
}

export type World = ReturnType<typeof createWorld>

export function createWorld(sim: Simulation, options: WorldOptions) {
  const instanceCount = options.instances ?? 3
  const partitionCount = options.partitions ?? 6
  const parcels = new Map<string, Parcel>()
  const scansById = new Map<string, Scan>()
  const messages = new Map<string, Scan>()
  const shownSeq = new Map<string, number>()
  const notifiedSeq = new Map<string, number>()
  const deadLettered = new Set<string>()
  const notificationDelays: number[] = []
  let regressions = 0
  let staleNotifications = 0
  let parcelCount = 0

  const db = new InMemoryDatabase({
    roundTrip: () => sim.sleep(sim.latency({ p50: 2, p99: 12 })),
    onWrite: (table, key, row) => {
      if (table === TRACKING_TABLE) tracked(key, row)
    },
  })

  // What the tracking page shows, every time the row changes.
  function tracked(parcelId: string, row: Row) {
    const seq = typeof row.scanSeq === 'number' ? row.scanSeq : 0
    const before = shownSeq.get(parcelId)
    if (before !== undefined && seq < before) regressions++
    shownSeq.set(parcelId, seq)
    for (const scan of parcels.get(parcelId)?.scans ?? []) {
      if (scan.seq <= seq && scan.shownAt === undefined) scan.shownAt = sim.now()
    }
  }

  const notifyApi = sim.dependency('notify', options.notify)
  const outages = (options.notify.failures ?? []).filter((window) => window.rate >= 0.9)
  const notify: NotifyClient = {
    async send(request) {
      const scan = scansById.get(request.scanId)
      // The page has already moved past this scan: the message would tell the customer something old.
      let stale = scan !== undefined && (shownSeq.get(scan.parcelId) ?? 0) > scan.seq
      try {
        await notifyApi.call(() => {
          if (scan) {
            // A message about a later scan went out first ("arriving today" after "delivered").
            if ((notifiedSeq.get(scan.parcelId) ?? 0) > scan.seq) stale = true
            notifiedSeq.set(scan.parcelId, Math.max(scan.seq, notifiedSeq.get(scan.parcelId) ?? 0))
            if (mustNotify(scan)) notificationDelays.push(sim.now() - readyAt(scan))
          }
          if (stale) staleNotifications++
          sim.effect('notify', request.scanId)
        })
      } catch (error) {
        if (error instanceof SimulatedFailure) throw new NotifyUnavailableError('503 Service Unavailable')
        throw error
      }
    },
  }

  const deadLetters: DeadLetterTopic = {
    async publish(message) {
      await sim.sleep(sim.latency({ p50: 3, p99: 15 }))
      deadLettered.add(message.messageId)
    },
  }

  const instances = Array.from({ length: instanceCount }, (_, i) => new TrackingUpdater({ db, notify, deadLetters, instance: `tracking-updater-${i + 1}` }))

  // The platform's consumer library: one message of a partition at a time, in order.
  const partitions: Partition[] = Array.from({ length: partitionCount }, (_, index) => ({
    index,
    log: [],
    next: 0,
    committed: 0,
    lastCommitAt: 0,
    pausedUntil: 0,
    generation: 0,
    seenGeneration: 0,
    owner: index % instanceCount,
    deliveryCount: 0,
    pumping: false,
    commitScheduled: false,
  }))

  async function pump(partition: Partition) {
    if (partition.pumping) return
    partition.pumping = true
    try {
      for (;;) {
        if (sim.now() < partition.pausedUntil) {
          await sim.sleep(partition.pausedUntil - sim.now())
          continue
        }
        if (partition.seenGeneration !== partition.generation) {
          // Moved to another instance: resume from the last committed offset.
          partition.seenGeneration = partition.generation
          partition.next = partition.committed
          partition.deliveryCount = 0
        }
        const stored = partition.log[partition.next]
        if (!stored) break
        const message: BrokerMessage = { ...stored, deliveryCount: ++partition.deliveryCount }
        const handler = instances[partition.owner] as TrackingUpdater
        const outcome = await sim.request(() => handler.handle(message), { timeoutMs: HANDLE_TIMEOUT_MS })
        if (partition.seenGeneration !== partition.generation) continue
        if (outcome.ok) {
          partition.next++
          partition.deliveryCount = 0
          if (sim.now() - partition.lastCommitAt >= COMMIT_EVERY_MS) commit(partition)
        } else {
          await sim.sleep(REDELIVER_AFTER_MS)
        }
      }
    } finally {
      partition.pumping = false
    }
    // Idle: the next auto-commit still commits what was acknowledged.
    if (partition.committed < partition.next && !partition.commitScheduled) {
      partition.commitScheduled = true
      sim.at(Math.max(sim.now(), partition.lastCommitAt + COMMIT_EVERY_MS), () => {
        partition.commitScheduled = false
        if (!partition.pumping && partition.seenGeneration === partition.generation) commit(partition)
      })
    }
  }
  function commit(partition: Partition) {
    partition.committed = partition.next
    partition.lastCommitAt = sim.now()
  }
  function kick(partition: Partition) {
    if (!partition.pumping) sim.at(sim.now(), () => pump(partition))
  }

  for (const at of options.rebalanceAt ?? []) {
    sim.at(at, () => {
      for (const partition of partitions) {
        partition.generation++
        partition.pausedUntil = Math.max(partition.pausedUntil, at + REBALANCE_PAUSE_MS)
        partition.owner = (partition.owner + 1) % instanceCount
        if (partition.committed < partition.log.length) kick(partition)
      }
    })
  }
  for (const stall of options.stalls ?? []) {
    sim.at(stall.from, () => {
      for (const index of stall.partitions) {
        const partition = partitions[index]
        if (partition) partition.pausedUntil = Math.max(partition.pausedUntil, stall.to)
      }
    })
  }

  function partitionOf(key: string) {
    const index = options.partitionFor ? options.partitionFor(key, hash(key), sim.now()) : hash(key) % partitionCount
    return partitions[index] as Partition
  }

  function publish(parcel: Parcel, status: ScanStatus | 'customs_hold', depot: string, damage?: 'truncated') {
    const seq = parcel.nextSeq++
    const scan = {
      scanId: `sc_${parcel.parcelId.slice(2)}_${String(seq).padStart(2, '0')}`,
      parcelId: parcel.parcelId,
      seq,
      status,
      scannedAt: new Date().toISOString(),
      depot,
    }
    let value = JSON.stringify(scan)
    if (damage === 'truncated') value = value.slice(0, Math.floor(value.length * 0.6))
    const partition = partitionOf(parcel.parcelId)
    const offset = partition.log.length
    const messageId = `parcel-scans-${partition.index}-${offset}`
    const poison = damage !== undefined || status === 'customs_hold'
    const recorded: Scan = { ...(scan as ParcelScan), poison, publishedAt: sim.now(), messageId, partition: partition.index }
    parcel.scans.push(recorded)
    scansById.set(scan.scanId, recorded)
    messages.set(messageId, recorded)
    partition.log.push({ topic: 'parcel-scans', partition: partition.index, offset, messageId, key: parcel.parcelId, value, publishedAt: Date.now() })
    kick(partition)
  }

  for (const { at, kind } of options.poison ?? []) {
    sim.at(at, () => {
      const moving = [...parcels.values()].filter((parcel) => !parcel.done && parcel.scans.length > 1)
      if (moving.length === 0) return
      const parcel = sim.pick(moving)
      if (kind === 'truncated') publish(parcel, 'sorted', sim.pick(DEPOTS), 'truncated')
      else publish(parcel, 'customs_hold', sim.pick(DEPOTS))
    })
  }

  // When a message about this scan is wanted: when it reached us, or when the stall or the
  // Notify outage it arrived in was over.
  function readyAt(scan: Scan) {
    let ready = scan.publishedAt
    for (const stall of options.stalls ?? []) if (stall.partitions.includes(scan.partition) && ready >= stall.from && ready < stall.to) ready = stall.to
    for (const outage of outages) if (ready >= outage.from && ready < outage.to) ready = outage.to
    return ready
  }
  function successor(scan: Scan) {
    return parcels.get(scan.parcelId)?.scans.find((other) => other.seq > scan.seq && !other.poison)
  }
  /** Every scan a customer is told about, unless a later scan of the parcel came before the message was due. */
  function mustNotify(scan: Scan) {
    if (scan.poison || !notificationFor(scan.status)) return false
    const next = successor(scan)
    return next === undefined || next.publishedAt > readyAt(scan) + NOTIFY_WITHIN_MS
  }

  /** One parcel's way from the sender to the door: each scan is published as it happens. */
  async function parcelJourney({ failedFirstAttempt }: { failedFirstAttempt: number }) {
    const parcel: Parcel = { parcelId: `LB${String(40_000 + ++parcelCount)}`, scans: [], nextSeq: 1, done: false }
    parcels.set(parcel.parcelId, parcel)
    const depot = sim.pick(DEPOTS)
    const steps: Array<[ScanStatus, string, number]> = [
      ['registered', 'web', sim.between(3_000, 15_000)],
      ['collected', depot, sim.between(5_000, 20_000)],
      ['sorted', sim.pick(DEPOTS), sim.between(5_000, 20_000)],
    ]
    if (sim.chance(0.5)) steps.push(['sorted', depot, sim.between(5_000, 20_000)])
    steps.push(['out_for_delivery', depot, sim.between(45_000, 90_000)])
    if (sim.chance(failedFirstAttempt)) {
      steps.push(['delivery_failed', depot, sim.between(45_000, 90_000)], ['out_for_delivery', depot, sim.between(45_000, 90_000)])
    }
    steps.push(['delivered', depot, 0])
    for (const [status, where, gap] of steps) {
      publish(parcel, status, where)
      if (gap > 0) await sim.sleep(gap)
    }
    parcel.done = true
    for (const scan of parcel.scans) if (mustNotify(scan)) sim.expectEffect('notify', scan.scanId)
  }

  // ---- Measurements --------------------------------------------------------------------------
  const validScans = () => [...scansById.values()].filter((scan) => !scan.poison)

  sim.metric('trackingRegressions', {
    label: 'Tracking page went back to an older scan',
    unit: 'times',
    value: () => regressions,
  })
  sim.metric('staleParcelsAtEnd', {
    label: 'Parcels whose tracking page does not show their latest scan at the end',
    unit: 'parcels',
    value: () =>
      [...parcels.values()].filter((parcel) => {
        const latest = parcel.scans.filter((scan) => !scan.poison).at(-1)
        return latest !== undefined && shownSeq.get(parcel.parcelId) !== latest.seq
      }).length,
  })
  sim.metric('trackingLagP99Ms', {
    label: 'Scan to tracking page, p99',
    unit: 'ms',
    value: () => percentile(validScans().map((scan) => (scan.shownAt ?? sim.now()) - scan.publishedAt)),
  })
  sim.metric('notificationDelayP99Ms', {
    label: 'Scan to customer message, p99',
    unit: 'ms',
    value: () => percentile(notificationDelays),
  })
  sim.metric('staleNotifications', {
    label: 'Messages about a scan the parcel had already moved past',
    unit: 'messages',
    value: () => staleNotifications,
  })
  sim.metric('poisonNotDeadLettered', {
    label: 'Unreadable scans not on the dead-letter topic',
    unit: 'scans',
    value: () => [...messages.values()].filter((scan) => scan.poison && !deadLettered.has(scan.messageId)).length,
  })
  sim.metric('healthyDeadLettered', {
    label: 'Readable scans sent to the dead-letter topic',
    unit: 'scans',
    value: () => [...deadLettered].filter((messageId) => messages.get(messageId)?.poison === false).length,
  })

  return {
    db,
    instances,
    /** Parcels start their way at `perSecond` for `forMs`; a share needs a second delivery attempt. */
    parcelsArrive({ perSecond, forMs, startAt = 0, failedFirstAttempt = 0.3 }: { perSecond: number; forMs: number; startAt?: number; failedFirstAttempt?: number }) {
      sim.traffic({ perSecond, forMs, startAt }, () => parcelJourney({ failedFirstAttempt }))
    },
  }
}

const DEPOTS = ['BRU-1', 'ANR-2', 'GNT-1', 'RTM-3', 'UTR-1', 'EIN-2'] as const

function hash(key: string) {
  let h = 2166136261
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619)
  return h >>> 0
}

function percentile(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(0.99 * sorted.length) - 1)] as number
}
