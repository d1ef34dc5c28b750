import { type PricingClient } from '../pricing/pricing-client';
import { type StockStore } from './stock-store';

export type CartLine = { sku: string; quantity: number };

export type ReservedLine = { sku: string; quantity: number; unitPriceCents: number };

export type Reservation = {
  orderId: string;
  lines: ReservedLine[];
  totalCents: number;
  reservedAt: number;
};

export class OutOfStockError extends Error {
  readonly sku: string;
  readonly requested: number;
  readonly available: number;

  constructor(sku: string, requested: number, available: number) {
    super(`${sku}: ${requested} requested, ${available} available`);
    this.name = 'OutOfStockError';
    this.sku = sku;
    this.requested = requested;
    this.available = available;
  }
}

/**
 * Takes units out of sellable stock for an order and locks in their price. A
 * reservation either covers every line of the cart or nothing: if one line cannot
 * be reserved, the lines already taken are put back.
 */
export class ReservationService {
  private readonly stock: StockStore;
  private readonly pricing: PricingClient;
  private readonly locks = new Map<string, Promise<void>>();

  constructor(stock: StockStore, pricing: PricingClient) {
    this.stock = stock;
    this.pricing = pricing;
  }

  async reserve(orderId: string, cart: readonly CartLine[]): Promise<Reservation> {
    const reserved: ReservedLine[] = [];
    try {
      for (const line of cart) reserved.push(await this.reserveLine(line));
    } catch (error) {
      await this.putBack(reserved);
      throw error;
    }
    const totalCents = reserved.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
    return { orderId, lines: reserved, totalCents, reservedAt: Date.now() };
  }

  /** Returns a reservation's units to sellable stock (payment declined, cart abandoned). */
  async release(reservation: Reservation): Promise<void> {
    await this.putBack(reservation.lines);
  }

  private reserveLine(line: CartLine): Promise<ReservedLine> {
    // One reservation at a time per SKU, so two checkouts never decide on the same level.
    return this.oneAtATime(line.sku, async () => {
      const available = await this.stock.available(line.sku);
      if (available < line.quantity) throw new OutOfStockError(line.sku, line.quantity, available);
      // The price is fixed when the units are taken, so a later price change cannot
      // alter what the customer saw at checkout. Volume tiers depend on the quantity.
      const quote = await this.pricing.quote(line.sku, line.quantity);
      await this.stock.setAvailable(line.sku, available - line.quantity);
      return { sku: line.sku, quantity: line.quantity, unitPriceCents: quote.unitPriceCents };
    });
  }

  private async oneAtATime<T>(sku: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(sku) ?? Promise.resolve();
    const current = previous.then(task, task);
    this.locks.set(sku, current.then(() => undefined, () => undefined));
    return current;
  }

  private async putBack(lines: readonly ReservedLine[]): Promise<void> {
    for (const line of lines) await this.stock.adjust(line.sku, line.quantity);
  }
}
