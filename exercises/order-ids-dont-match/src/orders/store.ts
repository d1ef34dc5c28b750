import type { OrderLine } from '../ingest/validate'

export interface StoredOrder {
  id: number
  channel: string
  externalId: string
  placedAt: string
  lines: OrderLine[]
  grossCents: number
  importedAt: string
}

export interface ImportResult {
  imported: number
  duplicates: number
  orderIds: number[]
}

/**
 * Orders from every sales channel. A channel order is identified by (channel, externalId);
 * partners redeliver batches after timeouts, so an order we already have is skipped.
 */
export function createOrderStore({ clock = () => new Date() }: { clock?: () => Date } = {}) {
  const orders: StoredOrder[] = []
  const byExternalKey = new Map<string, StoredOrder>()
  const key = (channel: string, externalId: string) => `${channel}:${externalId}`

  return {
    importOrders(channel: string, incoming: { externalId: string; placedAt: string; lines: OrderLine[] }[]): ImportResult {
      const result: ImportResult = { imported: 0, duplicates: 0, orderIds: [] }
      for (const order of incoming) {
        if (byExternalKey.has(key(channel, order.externalId))) {
          result.duplicates += 1
          continue
        }
        const stored: StoredOrder = {
          id: orders.length + 1,
          channel,
          externalId: order.externalId,
          placedAt: order.placedAt,
          lines: order.lines.map((line) => ({ ...line })),
          grossCents: order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
          importedAt: clock().toISOString(),
        }
        orders.push(stored)
        byExternalKey.set(key(channel, order.externalId), stored)
        result.imported += 1
        result.orderIds.push(stored.id)
      }
      return result
    },

    findByExternalId: (channel: string, externalId: string) => byExternalKey.get(key(channel, externalId)),

    /** Orders placed on a calendar day (UTC), for settlement and revenue reports. */
    placedOn(channel: string, day: string): StoredOrder[] {
      return orders.filter((order) => order.channel === channel && order.placedAt.startsWith(day))
    },

    unitsSold(sku: string): number {
      return orders.flatMap((order) => order.lines).filter((line) => line.sku === sku).reduce((sum, line) => sum + line.quantity, 0)
    },
  }
}

export type OrderStore = ReturnType<typeof createOrderStore>
