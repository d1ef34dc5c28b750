import { CATALOG_MAX_BATCH, type CatalogClient } from '../backend/catalog';
import { MEMBERS_MAX_BATCH, type MembersClient } from '../backend/members';
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
 * Fetches every distinct id with as few batch requests as the API allows and indexes the
 * result by id (batch endpoints leave unknown ids out and do not keep the request order).
 */
async function fetchAllById<T extends { id: string }>(
  ids: Iterable<string>,
  maxBatch: number,
  fetchBatch: (batch: string[]) => Promise<T[]>,
): Promise<Map<string, T>> {
  const distinct = [...new Set(ids)];
  const batches: string[][] = [];
  for (let start = 0; start < distinct.length; start += maxBatch) {
    batches.push(distinct.slice(start, start + maxBatch));
  }
  const results = await Promise.all(batches.map(fetchBatch));
  return new Map(results.flat().map((item) => [item.id, item]));
}

/** Asks again, one at a time, for anything a batch answer left out. */
async function fillGaps<T extends { id: string }>(
  ids: Iterable<string>,
  found: Map<string, T>,
  fetchOne: (id: string) => Promise<T | null>,
): Promise<Map<string, T>> {
  const missing = [...new Set(ids)].filter((id) => !found.has(id));
  for (const item of await Promise.all(missing.map(fetchOne))) if (item) found.set(item.id, item);
  return found;
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
      CATALOG_MAX_BATCH,
      (batch) => deps.catalog.getMany(batch),
    ),
    fetchAllById(
      orders.map((order) => order.placedBy),
      MEMBERS_MAX_BATCH,
      (batch) => deps.members.getMany(batch),
    ),
  ]);
  const productIds = orders.flatMap((order) => order.lines.map((line) => line.productId));
  await Promise.all([
    fillGaps(productIds, products, (id) => deps.catalog.getById(id)),
    fillGaps(orders.map((order) => order.placedBy), members, (id) => deps.members.getById(id)),
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
