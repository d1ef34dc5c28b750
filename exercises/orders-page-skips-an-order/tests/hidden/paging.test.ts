import { describe, it, expect } from 'vitest';
import { OrderRepository } from '../../src/orders/repository';
import { type Order } from '../../src/orders/types';
import { createOrdersHandler, type ListOrders, type ListOrdersQuery, type OrderDto } from '../../src/api/orders-handler';
import { exportDailyOrders } from '../../src/reports/daily-export';

function makeOrders(count: number, day = '2026-02-03'): Order[] {
  const start = Date.parse(`${day}T06:00:00.000Z`);
  return Array.from({ length: count }, (_, i) => ({
    id: `ord_h${String(i).padStart(4, '0')}`,
    customerId: `cus_${i % 11}`,
    placedAt: new Date(start + Math.floor(i / 3) * 60_000).toISOString(),
    status: i % 4 === 0 ? 'shipped' : 'paid',
    totalCents: 500 + ((i * 389) % 9_000),
    currency: 'EUR',
  }));
}

function handlerWith(orders: Order[]): { repository: OrderRepository; listOrders: ListOrders } {
  const repository = new OrderRepository();
  repository.addAll(orders);
  return { repository, listOrders: createOrdersHandler(repository) };
}

function fetchPage(listOrders: ListOrders, query: ListOrdersQuery) {
  const response = listOrders(query);
  if (response.status !== 200) throw new Error(`unexpected ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

function walk(listOrders: ListOrders, query: ListOrdersQuery = {}): OrderDto[][] {
  const pages: OrderDto[][] = [];
  let cursor: string | null = null;
  do {
    const body = fetchPage(listOrders, cursor === null ? query : { ...query, cursor });
    pages.push(body.data);
    cursor = body.page.nextCursor;
    if (pages.length > 500) throw new Error('pagination does not terminate');
  } while (cursor !== null);
  return pages;
}

describe('walking every page of GET /v1/orders', () => {
  for (const limit of [1, 2, 3, 7, 10, 25, 33, 99, 100]) {
    // Stated in README.md: "receives every order of the listing exactly once, in the listing's order, whatever limit it asks for"
    it(`returns each of 100 orders exactly once, in order, with limit=${limit}`, () => {
      const orders = makeOrders(100);
      const { repository, listOrders } = handlerWith(orders);
      const ids = walk(listOrders, { limit: String(limit) }).flat().map((order) => order.id);
      expect(ids).toEqual(repository.find().map((order) => order.id));
    });
  }

  // Stated in README.md: "receives every order of the listing exactly once, in the listing's order"
  it('continues right after the last order of the previous page', () => {
    const { listOrders } = handlerWith(makeOrders(40));
    const first = fetchPage(listOrders, { limit: '10' });
    const second = fetchPage(listOrders, { limit: '10', cursor: first.page.nextCursor as string });
    expect(first.data.at(-1)?.id).toBe('ord_h0009');
    expect(second.data[0]?.id).toBe('ord_h0010');
    expect(second.data.map((order) => order.id)).toEqual(makeOrders(40).slice(10, 20).map((order) => order.id));
  });

  // Stated in README.md: "even if it changes the limit from one request to the next"
  it('keeps its place when the client changes the page size between requests', () => {
    const { listOrders } = handlerWith(makeOrders(30));
    const first = fetchPage(listOrders, { limit: '4' });
    const rest = walk(listOrders, { limit: '9', cursor: first.page.nextCursor as string }).flat();
    expect([...first.data, ...rest].map((order) => order.id)).toEqual(makeOrders(30).map((order) => order.id));
  });

  // Stated in README.md: "The last page, even a full one, comes back with a null nextCursor"
  it('ends with nextCursor null on a last page that is exactly full', () => {
    const { listOrders } = handlerWith(makeOrders(50));
    const pages = walk(listOrders, { limit: '25' });
    expect(pages.map((page) => page.length)).toEqual([25, 25]);
  });

  // Stated in README.md: "receives every order of the listing exactly once"
  // Stated in README.md: "The last page, even a full one, comes back with a null nextCursor"
  it('puts the single order left over on a second page', () => {
    const { listOrders } = handlerWith(makeOrders(26));
    const pages = walk(listOrders, { limit: '25' });
    expect(pages.map((page) => page.length)).toEqual([25, 1]);
    expect(pages[1]?.[0]?.id).toBe('ord_h0025');
  });

  // Stated in README.md: "The last page, even a full one, comes back with a null nextCursor"
  it('answers a single page with no cursor when everything fits', () => {
    const { listOrders } = handlerWith(makeOrders(12));
    const body = fetchPage(listOrders, { limit: '12' });
    expect(body.data).toHaveLength(12);
    expect(body.page.nextCursor).toBeNull();
  });

  // Stated in README.md: "a listing with nothing in it is a single empty page"
  // Stated in README.md: "25 by default, at most 100 per page"
  it('answers an empty page with no cursor when nothing matches', () => {
    const { listOrders } = handlerWith(makeOrders(12));
    const body = fetchPage(listOrders, { status: 'cancelled' });
    expect(body).toEqual({ data: [], page: { limit: 25, nextCursor: null } });
  });

  // Stated in README.md: "25 by default, at most 100 per page"
  it('caps the page size at 100 without losing orders', () => {
    const { listOrders } = handlerWith(makeOrders(230));
    const pages = walk(listOrders, { limit: '500' });
    expect(pages.map((page) => page.length)).toEqual([100, 100, 30]);
    expect(new Set(pages.flat().map((order) => order.id)).size).toBe(230);
  });

  // Stated in README.md: "receives every order of the listing exactly once, in the listing's order"
  it('pages through a filtered listing without gaps', () => {
    const orders = makeOrders(120);
    const { listOrders } = handlerWith(orders);
    const shipped = orders.filter((order) => order.status === 'shipped').map((order) => order.id);
    const ids = walk(listOrders, { status: 'shipped', limit: '6' }).flat().map((order) => order.id);
    expect(ids).toEqual(shipped);
  });
});

describe('daily export across page boundaries', () => {
  for (const pageSize of [1, 8, 25, 60]) {
    // Stated in src/reports/daily-export.ts: "The finance team's end-of-day export: every order placed on"
    // Stated in README.md: "The last page, even a full one, comes back with a null nextCursor"
    it(`exports all 60 orders of the day with pageSize=${pageSize}`, () => {
      const orders = [...makeOrders(60, '2026-02-03'), ...makeOrders(5, '2026-02-04').map((o) => ({ ...o, id: `${o.id}_next` }))];
      const { listOrders } = handlerWith(orders);
      const result = exportDailyOrders(listOrders, { day: '2026-02-03', pageSize });
      const dayOrders = orders.slice(0, 60);
      expect(result.rowCount).toBe(60);
      expect(result.totalCents).toBe(dayOrders.reduce((sum, order) => sum + order.totalCents, 0));
      const exportedIds = result.csv.trim().split('\n').slice(1).map((line) => line.split(',')[0]);
      expect(exportedIds).toEqual(dayOrders.map((order) => order.id));
      expect(result.pagesFetched).toBe(Math.ceil(60 / pageSize));
    });
  }
});
