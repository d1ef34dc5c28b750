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

const NOTIFIED_TABLE = 'notified_scans'
/** Deliveries after which a message that keeps failing is parked on the dead-letter topic. */
const MAX_DELIVERIES = 3

export class TrackingUpdater implements MessageHandler {
  private readonly db: Database
  private readonly notify: NotifyClient
  private readonly deadLetters: DeadLetterTopic
  private readonly instance: string
  private readonly log: (line: string) => void

  constructor(deps: TrackingUpdaterDeps) {
    this.db = deps.db
    this.notify = deps.notify
    this.deadLetters = deps.deadLetters
    this.instance = deps.instance ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async handle(message: BrokerMessage): Promise<void> {
    let scan: ParcelScan
    try {
      scan = parseScan(message.value)
    } catch (error) {
      if (!(error instanceof InvalidScanError)) throw error
      await this.deadLetters.publish(message, error.message)
      return
    }
    // The row only moves forward in seq, so replays and late scans cannot take it back.
    let current = await this.db.get<TrackingRow>(TRACKING_TABLE, scan.parcelId)
    while (!current || current.scanSeq < scan.seq) {
      const row: TrackingRow = { parcelId: scan.parcelId, status: scan.status, scanSeq: scan.seq, scannedAt: scan.scannedAt, depot: scan.depot, updatedAt: Date.now() }
      const written = current
        ? await this.db.update(TRACKING_TABLE, scan.parcelId, row, { scanSeq: current.scanSeq })
        : await this.db.insertIfAbsent(TRACKING_TABLE, scan.parcelId, row)
      if (written) current = row
      else current = await this.db.get<TrackingRow>(TRACKING_TABLE, scan.parcelId)
    }
    if (current.scanSeq > scan.seq) return

    const template = notificationFor(scan.status)
    if (!template || (await this.db.get(NOTIFIED_TABLE, scan.scanId))) return
    try {
      await this.notify.send({ parcelId: scan.parcelId, template, scanId: scan.scanId })
    } catch (error) {
      // A message that keeps failing is poison too: park it rather than hold the partition.
      if (error instanceof NotifyUnavailableError && message.deliveryCount >= MAX_DELIVERIES) {
        await this.deadLetters.publish(message, `Notify failed ${message.deliveryCount} times`)
        return
      }
      throw error
    }
    await this.db.put(NOTIFIED_TABLE, scan.scanId, { sentAt: Date.now() })
    this.log(`${this.instance} ${scan.parcelId} #${scan.seq} ${scan.status}: sent ${template}`)
  }
}
