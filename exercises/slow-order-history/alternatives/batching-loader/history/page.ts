import { CATALOG_MAX_BATCH, type CatalogClient } from '../backend/catalog';
import { MEMBERS_MAX_BATCH, type MembersClient } from '../backend/members';
import type { OrdersClient } from '../backend/orders';
import { BatchLoader } from './batchLoader';
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
  // One loader per render: ids are batched across the whole page, nothing is kept between requests.
  const lookups = {
    catalog: new BatchLoader((ids) => deps.catalog.getMany(ids), CATALOG_MAX_BATCH),
    members: new BatchLoader((ids) => deps.members.getMany(ids), MEMBERS_MAX_BATCH),
  };
  const views = await Promise.all(orders.map((order) => presentOrder(order, lookups)));

  return {
    accountId,
    page,
    pageSize,
    totalOrders: total,
    totalPages: Math.max(1, Math.ceil(total / pageSize)),
    orders: views,
  };
}
