// tracking-updater: consumes parcel-scans and keeps the tracking page and the customer's
// notifications up to date. Three instances run in the consumer group "tracking-updater";
// the platform's consumer library calls handle() for every message (see broker/messages.ts).
import type { BrokerMessage, DeadLetterTopic, MessageHandler } from '../broker/messages'
import { type NotifyClient, NotifyUnavailableError } from '../notify/notifyClient'
import { InvalidScanError, type NotificationTemplate, type ParcelScan, notificationFor, parseScan } from '../scans/scanEvents'
import type { Database } from '../storage/database'
import { TRACKING_TABLE, type TrackingRow } from './trackingTable'

export type TrackingUpdaterDeps = {
  db: Database
  notify: NotifyClient
  deadLetters: DeadLetterTopic
  /** Which instance this is ('tracking-updater-2'), for the logs. */
  instance?: string
  log?: (line: string) => void
}

// A scan's identity is (parcel, seq), not the message that carried it: a redelivery, a replay
// after a rebalance or a copy on another partition is the same scan. The tracking row only ever
// moves forward in seq (compare-and-set on the seq it read), so duplicates and late scans are
// harmless, whatever order they come in. Messages go through an outbox in the shared database:
// handle() only records that one is owed, so a slow or failing Notify never holds a partition,
// and a dispatcher on every instance sends what is due, claiming each row first so that exactly
// one instance sends it, and dropping it if the page has moved past its scan by then.
const OUTBOX_TABLE = 'notification_outbox'
type OutboxRow = {
  scanId: string
  parcelId: string
  scanSeq: number
  template: NotificationTemplate
  state: 'pending' | 'sending' | 'sent' | 'superseded'
  attempts: number
  dueAt: number
  /** Bumped by every write: the compare-and-set token. */
  version: number
  leaseUntil: number
}

/** How often an instance looks for messages owed by anyone (its own it sends at once). */
const SWEEP_EVERY_MS = 5_000
const DISPATCH_BATCH = 25
/** A claim older than this belonged to an instance that died while sending: another may take the row. */
const LEASE_MS = 30_000
const MAX_BACKOFF_MS = 15_000
/** After this many failed sends in a row, Notify is taken to be down: one probe at a time until it answers. */
const FAILURES_BEFORE_PAUSE = 5

export class TrackingUpdater implements MessageHandler {
  private readonly db: Database
  private readonly notify: NotifyClient
  private readonly deadLetters: DeadLetterTopic
  private readonly instance: string
  private readonly log: (line: string) => void
  private dispatchTimer: ReturnType<typeof setTimeout> | undefined
  private dispatchAt = Infinity
  private dispatching = false
  private dispatchAgain = false
  /** Sends that failed in a row, on this instance. */
  private failuresInARow = 0
  private pausedUntil = 0

  constructor(deps: TrackingUpdaterDeps) {
    this.db = deps.db
    this.notify = deps.notify
    this.deadLetters = deps.deadLetters
    this.instance = deps.instance ?? 'local'
    this.log = deps.log ?? (() => {})
    this.scheduleDispatch(SWEEP_EVERY_MS)
  }

  async handle(message: BrokerMessage): Promise<void> {
    let scan: ParcelScan
    try {
      scan = parseScan(message.value)
    } catch (error) {
      if (!(error instanceof InvalidScanError)) throw error
      // No retry will make it readable: park it where ops look, and let the partition go on.
      await this.deadLetters.publish(message, error.message)
      this.log(`${this.instance} ${message.messageId} dead-lettered: ${error.message}`)
      return
    }
    const shown = await this.advance(scan)
    // The page already shows a later scan: this one is old news, for the page and for the customer.
    if (shown > scan.seq) return
    const template = notificationFor(scan.status)
    if (!template) return
    const row: OutboxRow = {
      scanId: scan.scanId,
      parcelId: scan.parcelId,
      scanSeq: scan.seq,
      template,
      state: 'pending',
      attempts: 0,
      dueAt: Date.now(),
      version: 1,
      leaseUntil: 0,
    }
    // Keyed by the scan: a redelivered or replayed scan finds its row and adds nothing.
    if (await this.db.insertIfAbsent(OUTBOX_TABLE, scan.scanId, row)) this.scheduleDispatch(0)
  }

  /** Moves the parcel's row to this scan if it is newer than what the row shows; returns the seq the row shows. */
  private async advance(scan: ParcelScan): Promise<number> {
    for (;;) {
      const current = await this.db.get<TrackingRow>(TRACKING_TABLE, scan.parcelId)
      if (current && current.scanSeq >= scan.seq) return current.scanSeq
      const row: TrackingRow = {
        parcelId: scan.parcelId,
        status: scan.status,
        scanSeq: scan.seq,
        scannedAt: scan.scannedAt,
        depot: scan.depot,
        updatedAt: Date.now(),
      }
      const written = current
        ? await this.db.update(TRACKING_TABLE, scan.parcelId, row, { scanSeq: current.scanSeq })
        : await this.db.insertIfAbsent(TRACKING_TABLE, scan.parcelId, row)
      if (written) return scan.seq
      // Another scan of this parcel was written in between (another partition, another instance): read again.
    }
  }

  private scheduleDispatch(inMs: number) {
    const at = Date.now() + inMs
    if (this.dispatchTimer !== undefined && this.dispatchAt <= at) return
    if (this.dispatchTimer !== undefined) clearTimeout(this.dispatchTimer)
    this.dispatchAt = at
    this.dispatchTimer = setTimeout(() => {
      this.dispatchTimer = undefined
      this.dispatchAt = Infinity
      void this.dispatch()
    }, inMs)
  }

  private async dispatch() {
    if (this.dispatching) {
      this.dispatchAgain = true
      return
    }
    this.dispatching = true
    let full = false
    try {
      const now = Date.now()
      if (now < this.pausedUntil) return this.scheduleDispatch(this.pausedUntil - now)
      // While Notify is down, one message probes it; the rest wait instead of hammering it.
      const batch = this.failuresInARow >= FAILURES_BEFORE_PAUSE ? 1 : DISPATCH_BATCH
      const due = await this.db.select<OutboxRow>(
        OUTBOX_TABLE,
        (row) => (row.state === 'pending' && row.dueAt <= now) || (row.state === 'sending' && row.leaseUntil <= now),
        batch,
      )
      full = due.length === DISPATCH_BATCH
      await Promise.all(due.map((row) => this.sendOne(row)))
    } catch (error) {
      this.log(`${this.instance} dispatch failed: ${String(error)}`)
    } finally {
      this.dispatching = false
      const wait = Math.max(0, this.pausedUntil - Date.now())
      this.scheduleDispatch(wait > 0 ? wait : full || this.dispatchAgain ? 0 : SWEEP_EVERY_MS)
      this.dispatchAgain = false
    }
  }

  private async sendOne(row: OutboxRow) {
    const claimed: OutboxRow = { ...row, state: 'sending', version: row.version + 1, leaseUntil: Date.now() + LEASE_MS }
    if (!(await this.db.update(OUTBOX_TABLE, row.scanId, claimed, { version: row.version }))) return // another instance has it
    const page = await this.db.get<TrackingRow>(TRACKING_TABLE, row.parcelId)
    if (page && page.scanSeq > row.scanSeq) {
      await this.db.update(OUTBOX_TABLE, row.scanId, { ...claimed, state: 'superseded', version: claimed.version + 1 }, { version: claimed.version })
      return
    }
    try {
      await this.notify.send({ parcelId: row.parcelId, template: row.template, scanId: row.scanId })
    } catch (error) {
      if (!(error instanceof NotifyUnavailableError)) this.log(`${this.instance} ${row.scanId} Notify failed: ${String(error)}`)
      this.failuresInARow++
      if (this.failuresInARow >= FAILURES_BEFORE_PAUSE) this.pausedUntil = Date.now() + backoff(this.failuresInARow - FAILURES_BEFORE_PAUSE + 1)
      const attempts = row.attempts + 1
      const retry = { ...claimed, state: 'pending' as const, attempts, dueAt: Date.now() + backoff(attempts), version: claimed.version + 1 }
      if (await this.db.update(OUTBOX_TABLE, row.scanId, retry, { version: claimed.version })) this.scheduleDispatch(retry.dueAt - Date.now())
      return
    }
    this.failuresInARow = 0
    this.pausedUntil = 0
    await this.db.update(OUTBOX_TABLE, row.scanId, { ...claimed, state: 'sent', version: claimed.version + 1 }, { version: claimed.version })
    this.log(`${this.instance} ${row.parcelId} #${row.scanSeq}: sent ${row.template}`)
  }
}

function backoff(attempts: number) {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempts)
}
