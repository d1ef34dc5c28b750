import { describe, it, expect } from 'vitest';
import { OrderRepository } from '../../src/orders/repository';
import { type Order, type OrderStatus } from '../../src/orders/types';
import { createOrdersHandler } from '../../src/api/orders-handler';
import { exportDailyOrders } from '../../src/reports/daily-export';

const statuses: OrderStatus[] = ['paid', 'shipped', 'paid', 'pending', 'shipped', 'refunded'];

// 100 orders on 12 January (several share a timestamp), plus a few on the days around it.
function seedOrders(): Order[] {
  const orders: Order[] = [];
  for (let i = 0; i < 100; i++) {
    const minute = Math.floor(i / 2) * 13;
    const placedAt = new Date(Date.UTC(2026, 0, 12, 0, minute, 0)).toISOString();
    orders.push({
      id: `ord_${String(40_100 + i)}`,
      customerId: `cus_${String(700 + (i % 37))}`,
      placedAt,
      status: statuses[i % statuses.length] as OrderStatus,
      totalCents: 1_000 + ((i * 7_919) % 25_000),
      currency: 'EUR',
    });
  }
  orders.push(
    { id: 'ord_40001', customerId: 'cus_701', placedAt: '2026-01-11T23:59:59.000Z', status: 'paid', totalCents: 4_500, currency: 'EUR' },
    { id: 'ord_40500', customerId: 'cus_702', placedAt: '2026-01-13T00:00:00.000Z', status: 'paid', totalCents: 9_900, currency: 'EUR' },
  );
  return orders;
}

function setup() {
  const repository = new OrderRepository();
  repository.addAll(seedOrders());
  return { repository, listOrders: createOrdersHandler(repository) };
}

describe('daily finance export', () => {
  it('has one row per order placed that day', () => {
    const { repository, listOrders } = setup();
    const day = { placedFrom: '2026-01-12T00:00:00.000Z', placedBefore: '2026-01-13T00:00:00.000Z' };

    const result = exportDailyOrders(listOrders, { day: '2026-01-12' });

    expect(repository.count(day)).toBe(100);
    expect(result.rowCount).toBe(100);
  });

  it('totals the same amount as the orders of that day', () => {
    const { repository, listOrders } = setup();
    const orders = repository.find({ placedFrom: '2026-01-12T00:00:00.000Z', placedBefore: '2026-01-13T00:00:00.000Z' });
    const expected = orders.reduce((sum, order) => sum + order.totalCents, 0);

    const result = exportDailyOrders(listOrders, { day: '2026-01-12' });

    expect(result.totalCents).toBe(expected);
  });

  it('writes a CSV header and one line per order', () => {
    const { listOrders } = setup();
    const result = exportDailyOrders(listOrders, { day: '2026-01-13' });

    expect(result.csv).toBe('order_id,customer_id,placed_at,status,total,currency\nord_40500,cus_702,2026-01-13T00:00:00.000Z,paid,99.00,EUR\n');
  });

  it('exports only the requested status', () => {
    const { repository, listOrders } = setup();
    const refunded = repository.find({ status: 'refunded', placedFrom: '2026-01-12T00:00:00.000Z', placedBefore: '2026-01-13T00:00:00.000Z' });

    const result = exportDailyOrders(listOrders, { day: '2026-01-12', status: 'refunded' });

    expect(refunded.length).toBeGreaterThan(0);
    expect(result.rowCount).toBe(refunded.length);
  });
});

describe('GET /v1/orders', () => {
  it('rejects a cursor it did not issue', () => {
    const { listOrders } = setup();
    expect(listOrders({ cursor: 'page-2' })).toEqual({ status: 400, body: { error: '"cursor" is not valid for this listing' } });
  });

  it('rejects a limit that is not a positive integer', () => {
    const { listOrders } = setup();
    expect(listOrders({ limit: '0' }).status).toBe(400);
    expect(listOrders({ limit: 'ten' }).status).toBe(400);
  });
});
