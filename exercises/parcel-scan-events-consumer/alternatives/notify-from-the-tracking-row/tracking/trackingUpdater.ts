// tracking-updater: consumes parcel-scans and keeps the tracking page and the customer's
// notifications up to date. Three instances run in the consumer group "tracking-updater";
// the platform's consumer library calls handle() for every message (see broker/messages.ts).
import type { BrokerMessage, DeadLetterTopic, MessageHandler } from '../broker/messages'
import { type NotifyClient, NotifyUnavailableError } from '../notify/notifyClient'
import { InvalidScanError, type ParcelScan, notificationFor, parseScan } from '../scans/scanEvents'
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

// Level-triggered: the consumer only moves each parcel's row forward (compare-and-set, by seq),
// and the row itself says whether the customer has been told about what it shows
// (notifiedSeq < scanSeq). A reconciler on every instance tells customers about the rows that
// owe a message, claiming a row before it sends. There is no queue of messages to keep in
// order: a parcel that moved on before its message went out simply owes the newer one.
type Row = TrackingRow & {
  scanId: string
  /** The highest scan the customer has been told about (or that needed no message). */
  notifiedSeq: number
  notifyDueAt: number
  notifyAttempts: number
  /** Who is sending, and until when the claim holds. */
  notifyClaim: string
  notifyLeaseUntil: number
  /** Bumped by every write: the compare-and-set token. */
  rev: number
}

const SWEEP_EVERY_MS = 5_000
const BATCH = 25
const LEASE_MS = 30_000
const MAX_BACKOFF_MS = 15_000
const FAILURES_BEFORE_PAUSE = 5

export class TrackingUpdater implements MessageHandler {
  private readonly db: Database
  private readonly notify: NotifyClient
  private readonly deadLetters: DeadLetterTopic
  private readonly instance: string
  private readonly log: (line: string) => void
  private timer: ReturnType<typeof setTimeout> | undefined
  private timerAt = Infinity
  private sweeping = false
  private sweepAgain = false
  private failuresInARow = 0
  private pausedUntil = 0
  private claims = 0

  constructor(deps: TrackingUpdaterDeps) {
    this.db = deps.db
    this.notify = deps.notify
    this.deadLetters = deps.deadLetters
    this.instance = deps.instance ?? 'local'
    this.log = deps.log ?? (() => {})
    this.wake(SWEEP_EVERY_MS)
  }

  async handle(message: BrokerMessage): Promise<void> {
    let scan: ParcelScan
    try {
      scan = parseScan(message.value)
    } catch (error) {
      if (!(error instanceof InvalidScanError)) throw error
      await this.deadLetters.publish(message, error.message)
      this.log(`${this.instance} ${message.messageId} dead-lettered: ${error.message}`)
      return
    }
    for (;;) {
      const current = await this.db.get<Row>(TRACKING_TABLE, scan.parcelId)
      // Older than (or the same as) what the page shows: a replay, a redelivery or a late scan.
      if (current && current.scanSeq >= scan.seq) return
      const row: Row = {
        parcelId: scan.parcelId,
        status: scan.status,
        scanSeq: scan.seq,
        scannedAt: scan.scannedAt,
        depot: scan.depot,
        updatedAt: Date.now(),
        scanId: scan.scanId,
        notifiedSeq: current?.notifiedSeq ?? 0,
        notifyDueAt: Date.now(),
        notifyAttempts: 0,
        notifyClaim: current?.notifyClaim ?? '',
        notifyLeaseUntil: current?.notifyLeaseUntil ?? 0,
        rev: (current?.rev ?? 0) + 1,
      }
      const written = current
        ? await this.db.update(TRACKING_TABLE, scan.parcelId, row, { rev: current.rev })
        : await this.db.insertIfAbsent(TRACKING_TABLE, scan.parcelId, row)
      if (!written) continue
      if (notificationFor(scan.status)) this.wake(0)
      return
    }
  }

  private wake(inMs: number) {
    const at = Date.now() + inMs
    if (this.timer !== undefined && this.timerAt <= at) return
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timerAt = at
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.timerAt = Infinity
      void this.sweep()
    }, inMs)
  }

  private async sweep() {
    if (this.sweeping) {
      this.sweepAgain = true
      return
    }
    this.sweeping = true
    let full = false
    try {
      const now = Date.now()
      if (now >= this.pausedUntil) {
        const owing = await this.db.select<Row>(
          TRACKING_TABLE,
          (row) => notificationFor(row.status as ParcelScan['status']) !== undefined && row.notifiedSeq < row.scanSeq && row.notifyDueAt <= now && row.notifyLeaseUntil <= now,
          this.failuresInARow >= FAILURES_BEFORE_PAUSE ? 1 : BATCH,
        )
        full = owing.length === BATCH
        await Promise.all(owing.map((row) => this.tell(row)))
      }
    } catch (error) {
      this.log(`${this.instance} sweep failed: ${String(error)}`)
    } finally {
      this.sweeping = false
      const paused = Math.max(0, this.pausedUntil - Date.now())
      this.wake(paused > 0 ? paused : full || this.sweepAgain ? 0 : SWEEP_EVERY_MS)
      this.sweepAgain = false
    }
  }

  private async tell(row: Row) {
    const claim = `${this.instance}:${++this.claims}`
    const claimed: Row = { ...row, notifyClaim: claim, notifyLeaseUntil: Date.now() + LEASE_MS, rev: row.rev + 1 }
    if (!(await this.db.update(TRACKING_TABLE, row.parcelId, claimed, { rev: row.rev }))) return
    const template = notificationFor(row.status as ParcelScan['status'])
    if (!template) return
    let sent = true
    try {
      await this.notify.send({ parcelId: row.parcelId, template, scanId: row.scanId })
      this.failuresInARow = 0
      this.pausedUntil = 0
    } catch (error) {
      if (!(error instanceof NotifyUnavailableError)) this.log(`${this.instance} ${row.scanId} Notify failed: ${String(error)}`)
      sent = false
      this.failuresInARow++
      if (this.failuresInARow >= FAILURES_BEFORE_PAUSE) this.pausedUntil = Date.now() + backoff(this.failuresInARow - FAILURES_BEFORE_PAUSE + 1)
    }
    // Record the outcome on whatever the row has become meanwhile; only our own claim is released.
    for (;;) {
      const current = await this.db.get<Row>(TRACKING_TABLE, row.parcelId)
      if (!current) return
      const next: Row = { ...current, rev: current.rev + 1 }
      if (sent) next.notifiedSeq = Math.max(current.notifiedSeq, row.scanSeq)
      else if (current.scanSeq === row.scanSeq) {
        next.notifyAttempts = current.notifyAttempts + 1
        next.notifyDueAt = Date.now() + backoff(next.notifyAttempts)
        this.wake(next.notifyDueAt - Date.now())
      }
      if (current.notifyClaim === claim) {
        next.notifyClaim = ''
        next.notifyLeaseUntil = 0
      }
      if (await this.db.update(TRACKING_TABLE, row.parcelId, next, { rev: current.rev })) break
    }
    if (sent) this.log(`${this.instance} ${row.parcelId} #${row.scanSeq}: sent ${template}`)
  }
}

function backoff(attempts: number) {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempts)
}
