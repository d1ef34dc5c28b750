// POST /checkout: reserves the cart's stock at the centre that will ship it, then hands the
// order to payment (not shown: it runs after the answer, on the order service).
import type { InventoryClient } from '../inventory/inventoryClient'
import { type CheckoutRequest, type CheckoutResponse, fulfilmentCentreFor, validateCheckout } from './orders'

export type CheckoutServiceDeps = {
  inventory: Pick<InventoryClient, 'reserve'>
  /** Which pod this is ('checkout-2'), for the logs. */
  node?: string
  log?: (line: string) => void
}

export class CheckoutService {
  private readonly inventory: Pick<InventoryClient, 'reserve'>
  private readonly node: string
  private readonly log: (line: string) => void

  constructor(deps: CheckoutServiceDeps) {
    this.inventory = deps.inventory
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async placeOrder(request: CheckoutRequest): Promise<CheckoutResponse> {
    const invalid = validateCheckout(request)
    if (invalid !== null) return { status: 400, body: { error: invalid } }
    const fulfilmentCentre = fulfilmentCentreFor(request.postcode)!
    const orderId = request.checkoutId

    const outcome = await this.inventory.reserve({
      orderId,
      fulfilmentCentre,
      lines: request.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    })
    switch (outcome.status) {
      case 'reserved':
        this.log(`${this.node} ${orderId} reserved ${outcome.reservationId} at ${fulfilmentCentre}`)
        return { status: 201, body: { orderId, reservationId: outcome.reservationId, fulfilmentCentre } }
      case 'out-of-stock':
        return { status: 409, body: { error: 'Some items just sold out', outOfStock: outcome.skus } }
      case 'unavailable':
        this.log(`${this.node} ${orderId} could not reserve at ${fulfilmentCentre}: ${outcome.reason}`)
        return { status: 503, body: { error: "We couldn't reserve your items. Please try again in a moment." } }
    }
  }
}
