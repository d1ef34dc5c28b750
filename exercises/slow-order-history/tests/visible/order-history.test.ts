import { describe, it, expect } from 'vitest';
import { BackendMeter } from '../../src/backend/meter';
import { CatalogClient, type Product } from '../../src/backend/catalog';
import { MembersClient, type Member } from '../../src/backend/members';
import { OrdersClient, type Order } from '../../src/backend/orders';
import { loadOrderHistoryPage, PAGE_BACKEND_BUDGET } from '../../src/history/page';

// A household account with 30 orders of 3 lines each, placed by three members.
function householdAccount() {
  const products: Product[] = Array.from({ length: 40 }, (_, i) => ({
    id: `prd_${String(i + 1).padStart(3, '0')}`,
    sku: `SKU-${String(((i + 1) * 919) % 1000).padStart(3, '0')}`,
    name: `Product ${i + 1}`,
    imageUrl: `https://img.example/p/${i + 1}.jpg`,
    discontinued: false,
  }));
  const members: Member[] = [
    { id: 'mem_ana', accountId: 'acc_42', name: 'Ana Costa', email: 'ana@example.com' },
    { id: 'mem_ben', accountId: 'acc_42', name: 'Ben Costa', email: 'ben@example.com' },
    { id: 'mem_lia', accountId: 'acc_42', name: 'Lia Costa', email: 'lia@example.com' },
  ];
  const orders: Order[] = Array.from({ length: 30 }, (_, i) => ({
    id: `ord_${1000 + i}`,
    accountId: 'acc_42',
    placedBy: members[i % 3]!.id,
    placedAt: new Date(Date.UTC(2025, 11, 1 + i, 10, 0, 0)).toISOString(),
    status: 'delivered',
    currency: 'EUR',
    shippingCents: 495,
    lines: [0, 1, 2].map((k) => ({
      productId: products[(i * 3 + k) % products.length]!.id,
      quantity: k + 1,
      unitPriceCents: 1250 + k * 100,
    })),
  }));
  return { products, members, orders };
}

function backend(data: ReturnType<typeof householdAccount>) {
  const meter = new BackendMeter();
  return {
    meter,
    deps: {
      orders: new OrdersClient(data.orders, meter),
      catalog: new CatalogClient(data.products, meter),
      members: new MembersClient(data.members, meter),
    },
  };
}

describe('order history page', () => {
  it('shows the newest orders first with their items and totals', async () => {
    const { deps } = backend(householdAccount());
    const page = await loadOrderHistoryPage('acc_42', {}, deps);

    expect(page.totalOrders).toBe(30);
    expect(page.totalPages).toBe(2);
    expect(page.orders).toHaveLength(20);
    expect(page.orders[0]).toEqual({
      id: 'ord_1029',
      placedOn: '30 Dec 2025',
      status: 'Delivered',
      placedBy: 'Lia Costa',
      items: [
        { productId: 'prd_008', name: 'Product 8', sku: 'SKU-352', imageUrl: 'https://img.example/p/8.jpg', quantity: 1, unitPrice: '€12.50', lineTotal: '€12.50', canReorder: true },
        { productId: 'prd_009', name: 'Product 9', sku: 'SKU-271', imageUrl: 'https://img.example/p/9.jpg', quantity: 2, unitPrice: '€13.50', lineTotal: '€27.00', canReorder: true },
        { productId: 'prd_010', name: 'Product 10', sku: 'SKU-190', imageUrl: 'https://img.example/p/10.jpg', quantity: 3, unitPrice: '€14.50', lineTotal: '€43.50', canReorder: true },
      ],
      itemCount: 6,
      subtotal: '€83.00',
      shipping: '€4.95',
      total: '€87.95',
    });
  });

  it('serves at most 50 orders per page', async () => {
    const { deps } = backend(householdAccount());
    const page = await loadOrderHistoryPage('acc_42', { pageSize: 200 }, deps);

    expect(page.pageSize).toBe(50);
    expect(page.totalPages).toBe(1);
    expect(page.orders.map((order) => order.id)).toEqual(Array.from({ length: 30 }, (_, i) => `ord_${1029 - i}`));
  });

  it('stays within the backend call budget for a default-size page', async () => {
    const { deps, meter } = backend(householdAccount());
    await loadOrderHistoryPage('acc_42', {}, deps);

    expect(meter.total).toBeLessThanOrEqual(PAGE_BACKEND_BUDGET);
  });
});
