import type { CatalogClient } from '../backend/catalog';
import type { MembersClient } from '../backend/members';
import type { OrdersClient } from '../backend/orders';
import { type OrderView, presentOrder } from './presenters';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

/**
 * Performance budget of the order history page (SLO "account-pages"): one render may make
 * at most this many backend calls, whatever the page size.
 */
export const PAGE_BACKEND_BUDGET = 5;

export type OrderHistoryDeps = {
  orders: OrdersClient;
  catalog: CatalogClient;
  members: MembersClient;
};

export type OrderHistoryQuery = { page?: number; pageSize?: number };

export type OrderHistoryPage = {
  accountId: string;
  page: number;
  pageSize: number;
  totalOrders: number;
  totalPages: number;
  orders: OrderView[];
};

function clampPageSize(pageSize: number | undefined): number {
  if (pageSize === undefined || !Number.isInteger(pageSize) || pageSize < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(pageSize, MAX_PAGE_SIZE);
}

/**
 * Fetches every distinct id in one batch request and indexes the result by id (batch
 * endpoints leave unknown ids out and do not keep the request order).
 */
async function fetchAllById<T extends { id: string }>(
  ids: Iterable<string>,
  fetchBatch: (batch: string[]) => Promise<T[]>,
): Promise<Map<string, T>> {
  const results = await fetchBatch([...new Set(ids)]);
  return new Map(results.map((item) => [item.id, item]));
}

/** GET /account/orders?page=&pageSize=: the data behind the "Your orders" page. */
export async function loadOrderHistoryPage(
  accountId: string,
  query: OrderHistoryQuery,
  deps: OrderHistoryDeps,
): Promise<OrderHistoryPage> {
  const pageSize = clampPageSize(query.pageSize);
  const page = query.page !== undefined && Number.isInteger(query.page) && query.page > 1 ? query.page : 1;

  const { orders, total } = await deps.orders.listForAccount(accountId, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const [products, members] = await Promise.all([
    fetchAllById(
      orders.flatMap((order) => order.lines.map((line) => line.productId)),
      (batch) => deps.catalog.getMany(batch),
    ),
    fetchAllById(
      orders.map((order) => order.placedBy),
      (batch) => deps.members.getMany(batch),
    ),
  ]);
  const views = orders.map((order) => presentOrder(order, { products, members }));

  return {
    accountId,
    page,
    pageSize,
    totalOrders: total,
    totalPages: Math.max(1, Math.ceil(total / pageSize)),
    orders: views,
  };
}
