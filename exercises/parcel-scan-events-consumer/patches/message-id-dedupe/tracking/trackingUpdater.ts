// tracking-updater: consumes parcel-scans and keeps the tracking page and the customer's
// notifications up to date. Three instances run in the consumer group "tracking-updater";
// the platform's consumer library calls handle() for every message (see broker/messages.ts).
import type { BrokerMessage, DeadLetterTopic, MessageHandler } from '../broker/messages'
import type { NotifyClient } from '../notify/notifyClient'
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

const PROCESSED_TABLE = 'processed_messages'

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
    // A redelivery or a replay after a rebalance carries the same message id: handle it once.
    if (await this.db.get(PROCESSED_TABLE, message.messageId)) return
    const row: TrackingRow = {
      parcelId: scan.parcelId,
      status: scan.status,
      scanSeq: scan.seq,
      scannedAt: scan.scannedAt,
      depot: scan.depot,
      updatedAt: Date.now(),
    }
    await this.db.put(TRACKING_TABLE, scan.parcelId, row)

    const template = notificationFor(scan.status)
    if (template) {
      // Throws when Notify is down: the library delivers the message again a second later.
      await this.notify.send({ parcelId: scan.parcelId, template, scanId: scan.scanId })
      this.log(`${this.instance} ${scan.parcelId} #${scan.seq} ${scan.status}: sent ${template}`)
    }
    await this.db.put(PROCESSED_TABLE, message.messageId, { handledAt: Date.now() })
  }
}
