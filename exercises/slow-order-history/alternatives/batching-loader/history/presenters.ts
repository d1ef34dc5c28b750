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

/** Look-ups by id that the page batches (see BatchLoader): presenters may ask for one id at a time. */
export type PresenterDeps = {
  catalog: { load(id: string): Promise<Product | null> };
  members: { load(id: string): Promise<Member | null> };
};

const REMOVED_PRODUCT_NAME = 'Item no longer available';
const FORMER_MEMBER_NAME = 'Former account member';

export async function presentLineItem(line: OrderLine, currency: Currency, catalog: PresenterDeps['catalog']): Promise<LineItemView> {
  const product = await catalog.load(line.productId);
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

export async function presentOrder(order: Order, deps: PresenterDeps): Promise<OrderView> {
  const [items, placedBy] = await Promise.all([
    Promise.all(order.lines.map((line) => presentLineItem(line, order.currency, deps.catalog))),
    deps.members.load(order.placedBy),
  ]);
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
