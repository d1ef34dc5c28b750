// The roastery's order queue: releasing an order roasts, packs and ships one box.

export type OrderRelease = { orderId: string; paymentId: string }

export interface Fulfilment {
  /** Not idempotent: every call ships a box. */
  release(order: OrderRelease): Promise<void>
}
