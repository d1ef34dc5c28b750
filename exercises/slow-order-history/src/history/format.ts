import type { Currency, OrderStatus } from '../backend/orders';

const CURRENCY_SYMBOLS: Record<Currency, string> = { EUR: '€', GBP: '£', USD: '$' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const STATUS_LABELS: Record<OrderStatus, string> = {
  placed: 'Order placed',
  shipped: 'On its way',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

/** 123456 EUR → "€1,234.56" (amounts are integer cents). */
export function formatMoney(cents: number, currency: Currency): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100).toString().padStart(2, '0');
  return `${sign}${CURRENCY_SYMBOLS[currency]}${units}.${fraction}`;
}

/** "2026-01-05T09:00:00Z" → "5 Jan 2026" (UTC, like the rest of the order history). */
export function formatOrderDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export function statusLabel(status: OrderStatus): string {
  return STATUS_LABELS[status];
}
