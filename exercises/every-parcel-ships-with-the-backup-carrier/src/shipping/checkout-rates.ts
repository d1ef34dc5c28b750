import type { Shipment } from '../carriers/carrier-api'
import type { NordPostClient } from '../carriers/clients'

export const FREE_SHIPPING_FROM_CENTS = 7_500
const FALLBACK_RATE_CENTS = { standard: 690, express: 1_490 }

/**
 * The shipping price shown at checkout: NordPost's quote, free above the threshold. If
 * NordPost cannot quote right now, a flat rate is shown so checkout never blocks.
 */
export async function checkoutShippingPrice(primary: NordPostClient, shipment: Shipment, basketCents: number): Promise<{ priceCents: number; source: 'quote' | 'flat' }> {
  if (shipment.service === 'standard' && basketCents >= FREE_SHIPPING_FROM_CENTS) return { priceCents: 0, source: 'quote' }
  try {
    return { priceCents: await primary.quote(shipment), source: 'quote' }
  } catch {
    return { priceCents: FALLBACK_RATE_CENTS[shipment.service], source: 'flat' }
  }
}
