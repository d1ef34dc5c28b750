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
  /** Per SKU, the tail of the chain of reservations waiting to check and take stock. */
  private readonly queues = new Map<string, Promise<void>>();

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
    // Check and take as one step per SKU: no other reservation may decide on the
    // level read here until this one has taken its units. Taking is a relative
    // update, so units put back in the meantime by a release are not overwritten.
    return this.exclusivelyFor(line.sku, async () => {
      const available = await this.stock.available(line.sku);
      if (available < line.quantity) throw new OutOfStockError(line.sku, line.quantity, available);
      // The price is fixed when the units are taken, so a later price change cannot
      // alter what the customer saw at checkout. Volume tiers depend on the quantity.
      const quote = await this.pricing.quote(line.sku, line.quantity);
      await this.stock.adjust(line.sku, -line.quantity);
      return { sku: line.sku, quantity: line.quantity, unitPriceCents: quote.unitPriceCents };
    });
  }

  /** Runs `task` after every earlier task for the same SKU has settled. */
  private async exclusivelyFor<T>(sku: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(sku) ?? Promise.resolve();
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    const queue = previous.then(() => finished);
    this.queues.set(sku, queue);
    await previous;
    try {
      return await task();
    } finally {
      done();
      if (this.queues.get(sku) === queue) this.queues.delete(sku);
    }
  }

  private async putBack(lines: readonly ReservedLine[]): Promise<void> {
    for (const line of lines) await this.stock.adjust(line.sku, line.quantity);
  }
}
