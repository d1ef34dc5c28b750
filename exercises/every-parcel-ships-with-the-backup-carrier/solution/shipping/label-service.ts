import type { Label, Shipment } from '../carriers/carrier-api'
import type { ExpressLinkClient, NordPostClient } from '../carriers/clients'
import { CarrierHttpError, RetriesExhaustedError } from '../carriers/errors'
import type { Logger } from '../logger'
import { withRetries } from './retry'

export type LabelOutcome = { status: 'printed'; label: Label; fallback: boolean } | { status: 'exception'; reason: string }

/**
 * Prints the shipping label for a packed order. NordPost first, with retries; if NordPost
 * stays unavailable, ExpressLink so the parcel still leaves today. A parcel a carrier
 * refuses (bad postcode, too heavy) goes to the exceptions shelf for a person to sort out.
 */
export class LabelService {
  private readonly backup: ExpressLinkClient
  private readonly logger: Logger
  private readonly primaryLabel: (shipment: Shipment) => Promise<Label>
  private readonly printed: Label[] = []

  constructor(deps: { primary: NordPostClient; backup: ExpressLinkClient; logger: Logger }) {
    this.backup = deps.backup
    this.logger = deps.logger
    const primary = deps.primary
    this.primaryLabel = withRetries((shipment: Shipment) => primary.createLabel(shipment), { operation: 'nordpost.createLabel', attempts: 4, baseDelayMs: 250 }, deps.logger)
  }

  async print(shipment: Shipment): Promise<LabelOutcome> {
    try {
      return this.done(await this.primaryLabel(shipment), false)
    } catch (error) {
      if (error instanceof CarrierHttpError) return this.exception(shipment, error.message)
      if (!(error instanceof RetriesExhaustedError)) throw error
      this.logger.warn(`order ${shipment.orderId}: NordPost unavailable (${error.message}), using ExpressLink`)
    }
    try {
      return this.done(await this.backup.createLabel(shipment), true)
    } catch (error) {
      if (error instanceof CarrierHttpError) return this.exception(shipment, error.message)
      throw error
    }
  }

  /** Label spend so far, for the daily shipping cost report. */
  spend(): { labels: number; costCents: number; byCarrier: Record<string, number> } {
    const byCarrier: Record<string, number> = {}
    for (const label of this.printed) byCarrier[label.carrier] = (byCarrier[label.carrier] ?? 0) + 1
    return { labels: this.printed.length, costCents: this.printed.reduce((sum, label) => sum + label.costCents, 0), byCarrier }
  }

  private done(label: Label, fallback: boolean): LabelOutcome {
    this.printed.push(label)
    this.logger.info(`label ${label.trackingNumber} (${label.carrier})`)
    return { status: 'printed', label, fallback }
  }

  private exception(shipment: Shipment, reason: string): LabelOutcome {
    this.logger.error(`order ${shipment.orderId}: to the exceptions shelf: ${reason}`)
    return { status: 'exception', reason }
  }
}
