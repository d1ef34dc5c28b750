import { type Order, type OrderFilter, isOrderStatus } from '../orders/types';
import { type OrderRepository } from '../orders/repository';
import { InvalidCursorError, paginate, resolvePageSize } from './pagination';

/** Query string of GET /v1/orders, as the router hands it over (all strings). */
export type ListOrdersQuery = {
  status?: string;
  from?: string;
  to?: string;
  limit?: string;
  cursor?: string;
};

export type OrderDto = {
  id: string;
  customerId: string;
  placedAt: string;
  status: string;
  total: string;
  currency: string;
};

export type OrdersPageBody = {
  data: OrderDto[];
  page: { limit: number; nextCursor: string | null };
};

export type ApiResponse<T> = { status: 200; body: T } | { status: 400; body: { error: string } };

export type ListOrders = (query: ListOrdersQuery) => ApiResponse<OrdersPageBody>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

function badRequest(error: string): ApiResponse<never> {
  return { status: 400, body: { error } };
}

export function toDto(order: Order): OrderDto {
  return {
    id: order.id,
    customerId: order.customerId,
    placedAt: order.placedAt,
    status: order.status,
    total: (order.totalCents / 100).toFixed(2),
    currency: order.currency,
  };
}

/**
 * GET /v1/orders: orders oldest first, one page per call. Clients follow
 * `page.nextCursor` until it is null.
 */
export function createOrdersHandler(repository: OrderRepository): ListOrders {
  return function listOrders(query) {
    const filter: OrderFilter = {};
    if (query.status !== undefined) {
      if (!isOrderStatus(query.status)) return badRequest(`unknown status "${query.status}"`);
      filter.status = query.status;
    }
    for (const [param, key] of [['from', 'placedFrom'], ['to', 'placedBefore']] as const) {
      const value = query[param];
      if (value === undefined) continue;
      if (!ISO_INSTANT.test(value)) return badRequest(`"${param}" must be an ISO 8601 UTC instant`);
      filter[key] = value;
    }

    let limit: number;
    try {
      limit = resolvePageSize(query.limit === undefined ? undefined : Number(query.limit));
    } catch {
      return badRequest('"limit" must be a positive integer');
    }

    try {
      const page = paginate(repository.find(filter), { limit, cursor: query.cursor });
      return { status: 200, body: { data: page.items.map(toDto), page: { limit, nextCursor: page.nextCursor } } };
    } catch (error) {
      if (error instanceof InvalidCursorError) return badRequest('"cursor" is not valid for this listing');
      throw error;
    }
  };
}
