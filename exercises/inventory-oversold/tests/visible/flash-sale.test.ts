import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { createShop } from '../../src/shop';
import { type CheckoutRequest } from '../../src/checkout/checkout-service';

const prices = {
  'LMP-DROP-01': { unitPriceCents: 24_900 },
  'BLB-E27': { unitPriceCents: 690, tiers: [{ minQuantity: 4, unitPriceCents: 590 }] },
};

function shopper(n: number, lines: CheckoutRequest['lines']): CheckoutRequest {
  return { customerId: `cus_${1000 + n}`, email: `shopper${n}@example.com`, lines };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-12T10:00:00.000Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('limited drop checkout', () => {
  it('sells the last 5 lamps to exactly 5 of 8 shoppers who check out together', async () => {
    const shop = createShop({ stock: { 'LMP-DROP-01': 5 }, prices });
    const requests = Array.from({ length: 8 }, (_, n) => shopper(n, [{ sku: 'LMP-DROP-01', quantity: 1 }]));

    const pending = Promise.all(requests.map((request) => shop.checkout.checkout(request)));
    await vi.runAllTimersAsync();
    const results = await pending;

    const confirmed = results.filter((result) => result.status === 'confirmed');
    const soldOut = results.filter((result) => result.status === 'sold-out');
    expect(shop.orders.unitsSold('LMP-DROP-01')).toBe(5);
    expect(confirmed).toHaveLength(5);
    expect(soldOut).toHaveLength(3);
    expect(shop.stock.snapshot()).toEqual({ 'LMP-DROP-01': 0 });
  });

  it('confirms a single shopper and takes the units out of stock', async () => {
    const shop = createShop({ stock: { 'LMP-DROP-01': 5, 'BLB-E27': 40 }, prices });

    const pending = shop.checkout.checkout(
      shopper(1, [
        { sku: 'LMP-DROP-01', quantity: 1 },
        { sku: 'BLB-E27', quantity: 4 },
      ]),
    );
    await vi.runAllTimersAsync();

    expect(await pending).toEqual({ status: 'confirmed', orderId: 'ord_00001', totalCents: 24_900 + 4 * 590 });
    expect(shop.stock.snapshot()).toEqual({ 'LMP-DROP-01': 4, 'BLB-E27': 36 });
  });

  it('puts the units back when the fraud screen declines the order', async () => {
    const shop = createShop({ stock: { 'LMP-DROP-01': 5 }, prices, blockedEmails: ['shopper9@example.com'] });

    const pending = shop.checkout.checkout(shopper(9, [{ sku: 'LMP-DROP-01', quantity: 2 }]));
    await vi.runAllTimersAsync();

    expect((await pending).status).toBe('declined');
    expect(shop.stock.snapshot()).toEqual({ 'LMP-DROP-01': 5 });
    expect(shop.orders.all()).toEqual([]);
  });
});
