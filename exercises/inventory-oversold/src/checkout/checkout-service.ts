import { type FraudScreen } from '../fraud/fraud-screen';
import { type CartLine, OutOfStockError, type ReservationService } from '../inventory/reservations';
import { type OrderBook } from './order-book';

export type CheckoutRequest = {
  customerId: string;
  email: string;
  lines: CartLine[];
};

export type CheckoutResult =
  | { status: 'confirmed'; orderId: string; totalCents: number }
  | { status: 'sold-out'; sku: string }
  | { status: 'declined'; orderId: string }
  | { status: 'invalid'; reason: string };

function validate(request: CheckoutRequest): string | null {
  if (request.lines.length === 0) return 'cart is empty';
  const seen = new Set<string>();
  for (const line of request.lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) return `bad quantity for ${line.sku}`;
    if (seen.has(line.sku)) return `${line.sku} appears twice`;
    seen.add(line.sku);
  }
  return null;
}

/** POST /checkout: reserve stock, screen for fraud, confirm the order. */
export class CheckoutService {
  private readonly reservations: ReservationService;
  private readonly fraud: FraudScreen;
  private readonly orders: OrderBook;

  constructor(deps: { reservations: ReservationService; fraud: FraudScreen; orders: OrderBook }) {
    this.reservations = deps.reservations;
    this.fraud = deps.fraud;
    this.orders = deps.orders;
  }

  async checkout(request: CheckoutRequest): Promise<CheckoutResult> {
    const problem = validate(request);
    if (problem) return { status: 'invalid', reason: problem };

    const orderId = this.orders.nextOrderId();
    let reservation;
    try {
      reservation = await this.reservations.reserve(orderId, request.lines);
    } catch (error) {
      if (error instanceof OutOfStockError) return { status: 'sold-out', sku: error.sku };
      throw error;
    }

    const verdict = await this.fraud.assess({
      customerId: request.customerId,
      email: request.email,
      amountCents: reservation.totalCents,
    });
    if (verdict === 'decline') {
      await this.reservations.release(reservation);
      return { status: 'declined', orderId };
    }

    this.orders.add({
      orderId,
      customerId: request.customerId,
      lines: reservation.lines,
      totalCents: reservation.totalCents,
      confirmedAt: Date.now(),
    });
    return { status: 'confirmed', orderId, totalCents: reservation.totalCents };
  }
}
