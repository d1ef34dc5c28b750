import { CheckoutService } from './checkout/checkout-service';
import { OrderBook } from './checkout/order-book';
import { FraudScreen } from './fraud/fraud-screen';
import { type Latency, PRODUCTION_LATENCY } from './infra/latency';
import { ReservationService } from './inventory/reservations';
import { StockStore } from './inventory/stock-store';
import { type PriceList, PricingClient } from './pricing/pricing-client';

export type ShopOptions = {
  stock: Record<string, number>;
  prices: PriceList;
  blockedEmails?: string[];
  latency?: Partial<Latency>;
};

/** Wires the checkout the way the production service does, with in-memory backends. */
export function createShop(options: ShopOptions) {
  const latency = { ...PRODUCTION_LATENCY, ...options.latency };
  const stock = new StockStore(options.stock, latency.stockMs);
  const pricing = new PricingClient(options.prices, latency.pricingMs);
  const fraud = new FraudScreen({ blockedEmails: options.blockedEmails, latencyMs: latency.fraudMs });
  const orders = new OrderBook();
  const reservations = new ReservationService(stock, pricing);
  const checkout = new CheckoutService({ reservations, fraud, orders });
  return { stock, pricing, fraud, orders, reservations, checkout };
}
