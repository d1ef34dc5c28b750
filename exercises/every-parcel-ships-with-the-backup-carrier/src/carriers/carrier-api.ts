import { CarrierHttpError } from './errors'

export interface Address {
  name: string
  street: string
  postcode: string
  city: string
  country: string
}

export interface Parcel {
  weightGrams: number
  lengthCm: number
  widthCm: number
  heightCm: number
}

export interface Shipment {
  orderId: string
  to: Address
  parcel: Parcel
  service: 'standard' | 'express'
}

export interface Label {
  carrier: string
  trackingNumber: string
  costCents: number
  pdf: string
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * In-memory stand-in for a carrier's REST API (tests and the staging warehouse use it).
 * Prices by weight band; refuses parcels over its weight limit and postcodes it does not
 * know; answers 503 for as many requests as `failNext` asked for.
 */
export class FakeCarrierApi {
  readonly name: string
  readonly requests: { path: string; status: number }[] = []
  private readonly bandsCents: number[]
  private readonly maxGrams: number
  private outages = 0
  private sequence = 0

  constructor(name: string, options: { bandsCents: [number, number, number]; maxGrams: number }) {
    this.name = name
    this.bandsCents = options.bandsCents
    this.maxGrams = options.maxGrams
  }

  failNext(count: number): void {
    this.outages += count
  }

  async post(path: '/quotes' | '/labels', body: { to: Address; parcel: Parcel; service: string; reference?: string }): Promise<Record<string, unknown>> {
    await sleep(60)
    if (this.outages > 0) {
      this.outages -= 1
      return this.fail(path, 503, 'service unavailable')
    }
    if (body.parcel.weightGrams > this.maxGrams) return this.fail(path, 422, `parcel over ${this.maxGrams / 1000} kg`)
    if (!/^\d{4,5}$/.test(body.to.postcode)) return this.fail(path, 422, `unknown postcode ${body.to.postcode}`)
    const grams = body.parcel.weightGrams
    const band = grams <= 1000 ? 0 : grams <= 5000 ? 1 : 2
    const costCents = this.bandsCents[band]! * (body.service === 'express' ? 2 : 1)
    this.requests.push({ path, status: 200 })
    if (path === '/quotes') return { price_cents: costCents }
    this.sequence += 1
    return { tracking_number: `${this.name.slice(0, 2).toUpperCase()}${String(this.sequence).padStart(9, '0')}`, price_cents: costCents, label_pdf: `%PDF ${body.reference}` }
  }

  private fail(path: string, status: number, message: string): never {
    this.requests.push({ path, status })
    throw new CarrierHttpError(this.name, status, message)
  }
}
