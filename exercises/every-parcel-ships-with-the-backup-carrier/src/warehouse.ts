import { FakeCarrierApi } from './carriers/carrier-api'
import { ExpressLinkClient, NordPostClient } from './carriers/clients'
import { Logger } from './logger'
import { LabelService } from './shipping/label-service'

/** Wires the packing line's shipping services, with the in-memory carrier APIs. */
export function createWarehouse() {
  const logger = new Logger()
  const nordpostApi = new FakeCarrierApi('nordpost', { bandsCents: [590, 890, 1_490], maxGrams: 20_000 })
  const expresslinkApi = new FakeCarrierApi('expresslink', { bandsCents: [990, 1_390, 2_190], maxGrams: 30_000 })
  const primary = new NordPostClient(nordpostApi, 'C-448812')
  const backup = new ExpressLinkClient(expresslinkApi)
  const labels = new LabelService({ primary, backup, logger })
  return { logger, nordpostApi, expresslinkApi, primary, backup, labels }
}
