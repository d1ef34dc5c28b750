import type { FakeCarrierApi, Label, Shipment } from './carrier-api'

function checkShipment(shipment: Shipment): void {
  const { parcel } = shipment
  if (!(parcel.weightGrams > 0) || !(parcel.lengthCm > 0) || !(parcel.widthCm > 0) || !(parcel.heightCm > 0)) {
    throw new RangeError(`order ${shipment.orderId}: parcel dimensions and weight must be positive`)
  }
}

/** NordPost, the contracted carrier: quotes for checkout, labels for the packing line. */
export class NordPostClient {
  readonly name = 'nordpost'
  private readonly api: FakeCarrierApi
  private readonly customerNumber: string

  constructor(api: FakeCarrierApi, customerNumber: string) {
    this.api = api
    this.customerNumber = customerNumber
  }

  async quote(shipment: Shipment): Promise<number> {
    checkShipment(shipment)
    const answer = await this.api.post('/quotes', { to: shipment.to, parcel: shipment.parcel, service: shipment.service })
    return answer.price_cents as number
  }

  /** An arrow function property: it keeps its client even when handed around on its own. */
  readonly createLabel = async (shipment: Shipment): Promise<Label> => {
    checkShipment(shipment)
    const answer = await this.api.post('/labels', {
      to: shipment.to,
      parcel: shipment.parcel,
      service: shipment.service,
      reference: `${this.customerNumber}/${shipment.orderId}`,
    })
    return { carrier: this.name, trackingNumber: answer.tracking_number as string, costCents: answer.price_cents as number, pdf: answer.label_pdf as string }
  }
}

/** ExpressLink, the backup carrier: no contract rate, so every label costs more. */
export class ExpressLinkClient {
  readonly name = 'expresslink'
  private readonly api: FakeCarrierApi

  constructor(api: FakeCarrierApi) {
    this.api = api
  }

  async createLabel(shipment: Shipment): Promise<Label> {
    checkShipment(shipment)
    const answer = await this.api.post('/labels', { to: shipment.to, parcel: shipment.parcel, service: shipment.service, reference: shipment.orderId })
    return { carrier: this.name, trackingNumber: answer.tracking_number as string, costCents: answer.price_cents as number, pdf: answer.label_pdf as string }
  }
}
