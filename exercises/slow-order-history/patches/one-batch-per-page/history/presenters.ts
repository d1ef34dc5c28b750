import type { Product } from '../backend/catalog';
import type { Member } from '../backend/members';
import type { Currency, Order, OrderLine } from '../backend/orders';
import { formatMoney, formatOrderDate, statusLabel } from './format';

export type LineItemView = {
  productId: string;
  name: string;
  sku: string | null;
  imageUrl: string | null;
  quantity: number;
  unitPrice: string;
  lineTotal: string;
  /** False when the product was removed from the catalog or discontinued: no "Buy again" button. */
  canReorder: boolean;
};

export type OrderView = {
  id: string;
  placedOn: string;
  status: string;
  placedBy: string;
  items: LineItemView[];
  itemCount: number;
  subtotal: string;
  shipping: string;
  total: string;
};

/**
 * Everything the presenters need, fetched up front for the whole page. Presenters never
 * call a backend themselves: one call per line or per order does not scale with the page.
 */
export type PresenterLookups = {
  products: ReadonlyMap<string, Product>;
  members: ReadonlyMap<string, Member>;
};

const REMOVED_PRODUCT_NAME = 'Item no longer available';
const FORMER_MEMBER_NAME = 'Former account member';

export function presentLineItem(line: OrderLine, currency: Currency, products: ReadonlyMap<string, Product>): LineItemView {
  const product = products.get(line.productId) ?? null;
  return {
    productId: line.productId,
    name: product?.name ?? REMOVED_PRODUCT_NAME,
    sku: product?.sku ?? null,
    imageUrl: product?.imageUrl ?? null,
    quantity: line.quantity,
    unitPrice: formatMoney(line.unitPriceCents, currency),
    lineTotal: formatMoney(line.unitPriceCents * line.quantity, currency),
    canReorder: product !== null && !product.discontinued,
  };
}

export function presentOrder(order: Order, lookups: PresenterLookups): OrderView {
  const items = order.lines.map((line) => presentLineItem(line, order.currency, lookups.products));
  const placedBy = lookups.members.get(order.placedBy);
  const subtotalCents = order.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  return {
    id: order.id,
    placedOn: formatOrderDate(order.placedAt),
    status: statusLabel(order.status),
    placedBy: placedBy?.name ?? FORMER_MEMBER_NAME,
    items,
    itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: formatMoney(subtotalCents, order.currency),
    shipping: formatMoney(order.shippingCents, order.currency),
    total: formatMoney(subtotalCents + order.shippingCents, order.currency),
  };
}
