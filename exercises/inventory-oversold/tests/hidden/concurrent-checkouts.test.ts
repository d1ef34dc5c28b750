import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { createShop, type ShopOptions } from '../../src/shop';
import { type CheckoutRequest, type CheckoutResult } from '../../src/checkout/checkout-service';

const prices = {
  'JKT-RAIN-M': { unitPriceCents: 12_900 },
  'JKT-RAIN-L': { unitPriceCents: 12_900 },
  'SCK-WOOL': { unitPriceCents: 1_490, tiers: [{ minQuantity: 3, unitPriceCents: 1_190 }] },
  'CAP-KNIT': { unitPriceCents: 2_400 },
};

function buyer(n: number, lines: CheckoutRequest['lines']): CheckoutRequest {
  return { customerId: `cus_h${n}`, email: `buyer${n}@example.net`, lines };
}

function unitsIn(results: CheckoutResult[], requests: CheckoutRequest[], sku: string): number {
  let units = 0;
  results.forEach((result, i) => {
    if (result.status !== 'confirmed') return;
    for (const line of requests[i]?.lines ?? []) if (line.sku === sku) units += line.quantity;
  });
  return units;
}

// Starts every checkout (after its own delay), drives the clock, and insists they all finish.
async function runAll(shop: ReturnType<typeof createShop>, requests: CheckoutRequest[], delaysMs: number[] = []) {
  const pending = Promise.allSettled(
    requests.map((request, i) => new Promise((resolve) => setTimeout(resolve, delaysMs[i] ?? 0)).then(() => shop.checkout.checkout(request))),
  );
  let finished = false;
  void pending.then(() => {
    finished = true;
  });
  await vi.runAllTimersAsync();
  await vi.runAllTimersAsync();
  expect(finished, 'some checkouts never finished').toBe(true);
  const settled = await pending;
  return settled.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
}

function expectConsistent(shop: ReturnType<typeof createShop>, initial: Record<string, number>, results: CheckoutResult[], requests: CheckoutRequest[]) {
  for (const [sku, units] of Object.entries(initial)) {
    const sold = unitsIn(results, requests, sku);
    expect(sold, `${sku} sold`).toBeLessThanOrEqual(units);
    expect(shop.orders.unitsSold(sku), `${sku} in the order book`).toBe(sold);
    expect(shop.stock.snapshot()[sku], `${sku} left in stock`).toBe(units - sold);
  }
}

function make(options: Omit<ShopOptions, 'prices'>) {
  return createShop({ prices, ...options });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-04-02T08:00:00.000Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('concurrent checkouts never sell more than the stock', () => {
  // Stated in README.md: "An order is confirmed only if every unit in the cart could be reserved; a shopper who asks for more units than are left is answered sold-out."
  // Stated in README.md: "it always equals the starting stock minus the units in confirmed orders"
  it('confirms exactly as many single-unit orders as there are units', async () => {
    const stock = { 'JKT-RAIN-M': 7 };
    const shop = make({ stock });
    const requests = Array.from({ length: 20 }, (_, n) => buyer(n, [{ sku: 'JKT-RAIN-M', quantity: 1 }]));

    const results = await runAll(shop, requests);

    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(7);
    expect(results.filter((r) => r.status === 'sold-out')).toHaveLength(13);
    expect(results.filter((r) => r.status === 'sold-out').every((r) => r.status === 'sold-out' && r.sku === 'JKT-RAIN-M')).toBe(true);
    expectConsistent(shop, stock, results, requests);
  });

  // Stated in README.md: "An order is confirmed only if every unit in the cart could be reserved; a shopper who asks for more units than are left is answered sold-out."
  // Stated in README.md: "it always equals the starting stock minus the units in confirmed orders"
  it('keeps stock and orders consistent with mixed quantities', async () => {
    const stock = { 'SCK-WOOL': 10 };
    const shop = make({ stock });
    const requests = [3, 3, 3, 3, 2, 1].map((quantity, n) => buyer(n, [{ sku: 'SCK-WOOL', quantity }]));

    const results = await runAll(shop, requests);

    expect(results.every((r) => r.status === 'confirmed' || r.status === 'sold-out')).toBe(true);
    expect(results.filter((r) => r.status === 'sold-out').length).toBeGreaterThan(0);
    expectConsistent(shop, stock, results, requests);
  });

  // Stated in README.md: "An order is confirmed only if every unit in the cart could be reserved; a shopper who asks for more units than are left is answered sold-out."
  // Stated in README.md: "it always equals the starting stock minus the units in confirmed orders"
  it('serves everybody when there is enough stock for all of them', async () => {
    const stock = { 'SCK-WOOL': 12, 'CAP-KNIT': 9 };
    const shop = make({ stock });
    const requests = Array.from({ length: 4 }, (_, n) => buyer(n, [{ sku: 'SCK-WOOL', quantity: 3 }, { sku: 'CAP-KNIT', quantity: 2 }]));

    const results = await runAll(shop, requests);

    expect(results.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
    expect(results.every((r) => r.status === 'confirmed' && r.totalCents === 3 * 1_190 + 2 * 2_400)).toBe(true);
    expect(shop.stock.snapshot()).toEqual({ 'SCK-WOOL': 0, 'CAP-KNIT': 1 });
  });

  // Stated in src/inventory/reservations.ts: "reservation either covers every line of the cart or nothing"
  // Stated in README.md: "An order is confirmed only if every unit in the cart could be reserved; a shopper who asks for more units than are left is answered sold-out."
  // Stated in README.md: "it always equals the starting stock minus the units in confirmed orders"
  it('handles carts that list the same products in different orders', async () => {
    const stock = { 'JKT-RAIN-M': 2, 'JKT-RAIN-L': 5 };
    const shop = make({ stock });
    const ml = [{ sku: 'JKT-RAIN-M', quantity: 1 }, { sku: 'JKT-RAIN-L', quantity: 1 }];
    const lm = [{ sku: 'JKT-RAIN-L', quantity: 1 }, { sku: 'JKT-RAIN-M', quantity: 1 }];
    const requests = [buyer(1, ml), buyer(2, lm), buyer(3, ml), buyer(4, lm), buyer(5, lm)];

    const results = await runAll(shop, requests);

    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(2);
    expect(results.filter((r) => r.status === 'sold-out').every((r) => r.status === 'sold-out' && r.sku === 'JKT-RAIN-M')).toBe(true);
    expectConsistent(shop, stock, results, requests);
    expect(shop.stock.snapshot()).toEqual({ 'JKT-RAIN-M': 0, 'JKT-RAIN-L': 3 });
  });

  // Stated in README.md: "a declined order gives its units back"
  // Stated in README.md: "it always equals the starting stock minus the units in confirmed orders"
  it('does not lose units that declined orders put back while others are checking out', async () => {
    const stock = { 'JKT-RAIN-L': 6 };
    const blocked = [0, 2, 5, 7, 9].map((n) => `buyer${n}@example.net`);
    const shop = make({ stock, blockedEmails: blocked });
    const requests = Array.from({ length: 14 }, (_, n) => buyer(n, [{ sku: 'JKT-RAIN-L', quantity: 1 }]));
    const delays = requests.map((_, n) => n * 23);

    const results = await runAll(shop, requests, delays);

    const declined = results.filter((r) => r.status === 'declined').length;
    expect(declined).toBeGreaterThan(0);
    expectConsistent(shop, stock, results, requests);
    expect(results.filter((r) => r.status === 'confirmed').length).toBeGreaterThan(0);
  });

  // Stated in README.md: "An order is confirmed only if every unit in the cart could be reserved; a shopper who asks for more units than are left is answered sold-out."
  // Stated in README.md: "it always equals the starting stock minus the units in confirmed orders"
  it('never oversells when shoppers arrive a few milliseconds apart', async () => {
    const stock = { 'CAP-KNIT': 9, 'SCK-WOOL': 5 };
    const shop = make({ stock });
    const requests = Array.from({ length: 24 }, (_, n) =>
      buyer(n, n % 3 === 0 ? [{ sku: 'CAP-KNIT', quantity: 1 }, { sku: 'SCK-WOOL', quantity: 1 }] : [{ sku: 'CAP-KNIT', quantity: 1 + (n % 2) }]),
    );
    const delays = requests.map((_, n) => (n * 17) % 60);

    const results = await runAll(shop, requests, delays);

    expectConsistent(shop, stock, results, requests);
    expect(unitsIn(results, requests, 'CAP-KNIT')).toBeGreaterThanOrEqual(8);
  });
});

describe('failures during a reservation', () => {
  // Stated in README.md: "If a price cannot be fixed, the checkout fails and the stock stays as it was."
  // Stated in src/inventory/reservations.ts: "reservation either covers every line of the cart or nothing"
  it('leaves stock untouched when the price cannot be fixed', async () => {
    const stock = { 'JKT-RAIN-M': 3, 'NO-PRICE': 4 };
    const shop = make({ stock });
    const requests = [
      buyer(1, [{ sku: 'JKT-RAIN-M', quantity: 1 }, { sku: 'NO-PRICE', quantity: 1 }]),
      buyer(2, [{ sku: 'JKT-RAIN-M', quantity: 1 }]),
    ];

    const pending = Promise.allSettled(requests.map((request) => shop.checkout.checkout(request)));
    await vi.runAllTimersAsync();
    const [first, second] = await pending;

    expect(first?.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: { status: 'confirmed', orderId: expect.any(String), totalCents: 12_900 } });
    expect(shop.stock.snapshot()).toEqual({ 'JKT-RAIN-M': 2, 'NO-PRICE': 4 });
  });

  // Stated in README.md: "An order is confirmed only if every unit in the cart could be reserved; a shopper who asks for more units than are left is answered sold-out."
  it('answers sold-out, not an error, to a request for more than is left', async () => {
    const shop = make({ stock: { 'SCK-WOOL': 2 } });
    const results = await runAll(shop, [buyer(1, [{ sku: 'SCK-WOOL', quantity: 3 }])]);
    expect(results).toEqual([{ status: 'sold-out', sku: 'SCK-WOOL' }]);
    expect(shop.stock.snapshot()).toEqual({ 'SCK-WOOL': 2 });
  });
});
