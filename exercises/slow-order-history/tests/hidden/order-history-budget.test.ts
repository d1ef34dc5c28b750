import { describe, it, expect } from 'vitest';
import { BackendMeter } from '../../src/backend/meter';
import { CatalogClient, type Product } from '../../src/backend/catalog';
import { MembersClient, type Member } from '../../src/backend/members';
import { OrdersClient, type Order } from '../../src/backend/orders';
import { loadOrderHistoryPage, MAX_PAGE_SIZE } from '../../src/history/page';

// The account-pages SLO: at most 5 backend calls per render.
const SLO_BACKEND_CALLS = 5;

function makeProducts(count: number): Product[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i + 1}`,
    sku: `S${String(((i + 1) * 7919) % 10007).padStart(5, '0')}`,
    name: `Catalog item #${i + 1}`,
    imageUrl: `https://img.example/items/${i + 1}.png`,
    discontinued: false,
  }));
}

function makeMembers(accountId: string, count: number): Member[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i + 1}`,
    accountId,
    name: `Member ${String.fromCharCode(65 + (i % 26))}${i}`,
    email: `m${i + 1}@example.org`,
  }));
}

function makeOrders(opts: { accountId: string; count: number; linesPerOrder: number; productIds: string[]; memberIds: string[] }): Order[] {
  return Array.from({ length: opts.count }, (_, i) => ({
    id: `o${String(i + 1).padStart(4, '0')}`,
    accountId: opts.accountId,
    placedBy: opts.memberIds[(i * 7) % opts.memberIds.length]!,
    placedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    status: 'shipped',
    currency: 'GBP',
    shippingCents: 0,
    lines: Array.from({ length: opts.linesPerOrder }, (_, k) => ({
      productId: opts.productIds[(i * opts.linesPerOrder + k) % opts.productIds.length]!,
      quantity: 1,
      unitPriceCents: 100 + k,
    })),
  }));
}

function setUp(data: { products: Product[]; members: Member[]; orders: Order[] }) {
  const meter = new BackendMeter();
  const deps = {
    orders: new OrdersClient(data.orders, meter),
    catalog: new CatalogClient(data.products, meter),
    members: new MembersClient(data.members, meter),
  };
  return { meter, deps };
}

describe('order history page: backend budget', () => {
  // Stated in README.md: "Business accounts regularly buy more than a hundred different products per page of orders"
  // Stated in README.md: "at most 5 backend calls when its orders name up to 300 different products"
  // Stated in src/history/page.ts: "at most this many backend calls, whatever the page size."
  it('stays within budget on a full page with more distinct products than one catalog request may carry', async () => {
    const products = makeProducts(200);
    const members = makeMembers('acc_big', 12);
    const orders = makeOrders({
      accountId: 'acc_big',
      count: 60,
      linesPerOrder: 4,
      productIds: products.map((p) => p.id),
      memberIds: members.map((m) => m.id),
    });
    const { meter, deps } = setUp({ products, members, orders });

    const page = await loadOrderHistoryPage('acc_big', { pageSize: MAX_PAGE_SIZE }, deps);

    expect(meter.total).toBeLessThanOrEqual(SLO_BACKEND_CALLS);
    expect(page.orders).toHaveLength(MAX_PAGE_SIZE);
    const productsById = new Map(products.map((p) => [p.id, p]));
    const membersById = new Map(members.map((m) => [m.id, m]));
    const ordersById = new Map(orders.map((o) => [o.id, o]));
    for (const view of page.orders) {
      const order = ordersById.get(view.id)!;
      expect(view.placedBy).toBe(membersById.get(order.placedBy)!.name);
      expect(view.items.map((item) => item.productId)).toEqual(order.lines.map((line) => line.productId));
      for (const item of view.items) {
        const product = productsById.get(item.productId)!;
        expect(item).toMatchObject({ name: product.name, sku: product.sku, imageUrl: product.imageUrl, canReorder: true });
      }
    }
  });

  // Stated in src/history/page.ts: "at most this many backend calls, whatever the page size."
  it('makes the same number of backend calls whatever the page size', async () => {
    const products = makeProducts(30);
    const members = makeMembers('acc_1', 4);
    const orders = makeOrders({
      accountId: 'acc_1',
      count: 80,
      linesPerOrder: 3,
      productIds: products.map((p) => p.id),
      memberIds: members.map((m) => m.id),
    });

    const small = setUp({ products, members, orders });
    await loadOrderHistoryPage('acc_1', { pageSize: 5 }, small.deps);
    const large = setUp({ products, members, orders });
    await loadOrderHistoryPage('acc_1', { pageSize: 50 }, large.deps);

    expect(large.meter.total).toBeLessThanOrEqual(SLO_BACKEND_CALLS);
    expect(large.meter.total).toBe(small.meter.total);
  });

  // Stated in src/history/page.ts: "at most this many backend calls, whatever the page size."
  // Stated in README.md: "one page of orders (newest first, 20 by default, up to 50)"
  it('stays within budget on later pages', async () => {
    const products = makeProducts(120);
    const members = makeMembers('acc_2', 3);
    const orders = makeOrders({
      accountId: 'acc_2',
      count: 95,
      linesPerOrder: 5,
      productIds: products.map((p) => p.id),
      memberIds: members.map((m) => m.id),
    });
    const { meter, deps } = setUp({ products, members, orders });

    const page = await loadOrderHistoryPage('acc_2', { page: 2, pageSize: 40 }, deps);

    expect(meter.total).toBeLessThanOrEqual(SLO_BACKEND_CALLS);
    expect(page.page).toBe(2);
    expect(page.totalPages).toBe(3);
    expect(page.orders.map((o) => o.id)).toEqual(
      [...orders].reverse().slice(40, 80).map((o) => o.id),
    );
  });

  // Stated in README.md: "products get removed from the catalog, and people leave household accounts, and the page must keep showing their old orders"
  // Stated in src/history/page.ts: "at most this many backend calls, whatever the page size."
  it('stays within budget on a page of old orders whose products and members are gone', async () => {
    const products = makeProducts(10);
    const members = makeMembers('acc_old', 2);
    const orders = makeOrders({
      accountId: 'acc_old',
      count: 20,
      linesPerOrder: 3,
      productIds: [...products.map((p) => p.id), 'p_gone_1', 'p_gone_2', 'p_gone_3', 'p_gone_4', 'p_gone_5', 'p_gone_6'],
      memberIds: [...members.map((m) => m.id), 'm_left_1', 'm_left_2'],
    });
    const { meter, deps } = setUp({ products, members, orders });

    const page = await loadOrderHistoryPage('acc_old', {}, deps);

    expect(meter.total).toBeLessThanOrEqual(SLO_BACKEND_CALLS);
    const items = page.orders.flatMap((order) => order.items);
    expect(items).toHaveLength(60);
    for (const item of items) {
      if (item.productId.startsWith('p_gone')) expect(item).toMatchObject({ name: 'Item no longer available', sku: null, canReorder: false });
      else expect(item).toMatchObject({ name: `Catalog item #${item.productId.slice(1)}`, canReorder: true });
    }
    const ordersById = new Map(orders.map((o) => [o.id, o]));
    for (const view of page.orders) {
      const placedBy = ordersById.get(view.id)!.placedBy;
      expect(view.placedBy).toBe(placedBy.startsWith('m_left') ? 'Former account member' : members.find((m) => m.id === placedBy)!.name);
    }
  });

  // Stated in README.md: "one page of orders (newest first, 20 by default, up to 50)"
  // Stated in src/history/page.ts: "at most this many backend calls, whatever the page size."
  it('renders an account without orders', async () => {
    const { meter, deps } = setUp({ products: makeProducts(3), members: makeMembers('acc_new', 1), orders: [] });
    const page = await loadOrderHistoryPage('acc_new', {}, deps);
    expect(page).toEqual({ accountId: 'acc_new', page: 1, pageSize: 20, totalOrders: 0, totalPages: 1, orders: [] });
    expect(meter.total).toBeLessThanOrEqual(SLO_BACKEND_CALLS);
  });
});

describe('order history page: content', () => {
  const products: Product[] = [
    { id: 'p_kettle', sku: 'Z-100', name: 'Kettle', imageUrl: 'https://img.example/kettle.png', discontinued: false },
    { id: 'p_mug', sku: 'A-200', name: 'Mug', imageUrl: 'https://img.example/mug.png', discontinued: true },
    { id: 'p_tea', sku: 'M-300', name: 'Green tea', imageUrl: 'https://img.example/tea.png', discontinued: false },
  ];
  const members: Member[] = [
    { id: 'm_ida', accountId: 'acc_7', name: 'Ida Berg', email: 'ida@example.org' },
    { id: 'm_ola', accountId: 'acc_7', name: 'Ola Berg', email: 'ola@example.org' },
  ];
  const base = { accountId: 'acc_7', status: 'delivered' as const, currency: 'EUR' as const, shippingCents: 300 };
  const orders: Order[] = [
    {
      ...base,
      id: 'o_1',
      placedBy: 'm_ida',
      placedAt: '2025-11-02T08:00:00.000Z',
      lines: [
        { productId: 'p_tea', quantity: 2, unitPriceCents: 450 },
        { productId: 'p_gone', quantity: 1, unitPriceCents: 999 },
        { productId: 'p_kettle', quantity: 1, unitPriceCents: 3999 },
      ],
    },
    {
      ...base,
      id: 'o_2',
      placedBy: 'm_removed',
      placedAt: '2025-11-03T08:00:00.000Z',
      lines: [
        { productId: 'p_mug', quantity: 4, unitPriceCents: 650 },
        { productId: 'p_tea', quantity: 1, unitPriceCents: 450 },
      ],
    },
    {
      ...base,
      id: 'o_3',
      placedBy: 'm_ola',
      placedAt: '2025-11-04T08:00:00.000Z',
      lines: [{ productId: 'p_kettle', quantity: 1, unitPriceCents: 3999 }],
    },
  ];

  // Stated in README.md: "products get removed from the catalog, and people leave household accounts, and the page must keep showing their old orders"
  // Stated in README.md: "Whatever changes, the page must look exactly the same as before: same orders, same items in the same order, same names, prices and "Buy again" flags."
  it('keeps every line matched to its own product, including removed and discontinued ones', async () => {
    const { meter, deps } = setUp({ products, members, orders });
    const page = await loadOrderHistoryPage('acc_7', {}, deps);

    expect(meter.total).toBeLessThanOrEqual(SLO_BACKEND_CALLS);
    expect(page.orders.map((o) => [o.id, o.placedBy])).toEqual([
      ['o_3', 'Ola Berg'],
      ['o_2', 'Former account member'],
      ['o_1', 'Ida Berg'],
    ]);
    expect(page.orders[1]!.items).toEqual([
      { productId: 'p_mug', name: 'Mug', sku: 'A-200', imageUrl: 'https://img.example/mug.png', quantity: 4, unitPrice: '€6.50', lineTotal: '€26.00', canReorder: false },
      { productId: 'p_tea', name: 'Green tea', sku: 'M-300', imageUrl: 'https://img.example/tea.png', quantity: 1, unitPrice: '€4.50', lineTotal: '€4.50', canReorder: true },
    ]);
    expect(page.orders[2]!.items.map((i) => [i.productId, i.name, i.sku, i.canReorder])).toEqual([
      ['p_tea', 'Green tea', 'M-300', true],
      ['p_gone', 'Item no longer available', null, false],
      ['p_kettle', 'Kettle', 'Z-100', true],
    ]);
    expect(page.orders[2]).toMatchObject({ itemCount: 4, subtotal: '€58.98', shipping: '€3.00', total: '€61.98', placedOn: '2 Nov 2025' });
  });
});
