import { type ListOrders, type OrderDto } from '../api/orders-handler';

export type DailyExport = {
  day: string;
  csv: string;
  rowCount: number;
  totalCents: number;
  pagesFetched: number;
};

export type DailyExportOptions = {
  /** Calendar day in UTC, "YYYY-MM-DD". */
  day: string;
  status?: string;
  pageSize?: number;
};

const CSV_HEADER = 'order_id,customer_id,placed_at,status,total,currency';
const MAX_PAGES = 10_000;
// Fewer round trips for the accounting integration: ask for the biggest page the API serves.
const EXPORT_PAGE_SIZE = 100;

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvRow(order: OrderDto): string {
  return [order.id, order.customerId, order.placedAt, order.status, order.total, order.currency].map(csvField).join(',');
}

function toCents(total: string): number {
  const [euros, cents = '00'] = total.split('.');
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
}

/**
 * The finance team's end-of-day export: every order placed on `day`, fetched through
 * the public orders API exactly like the accounting integration does it.
 */
export function exportDailyOrders(listOrders: ListOrders, options: DailyExportOptions): DailyExport {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.day)) throw new Error(`day must be YYYY-MM-DD, got ${options.day}`);
  const query = {
    from: `${options.day}T00:00:00.000Z`,
    to: `${nextDay(options.day)}T00:00:00.000Z`,
    ...(options.status !== undefined && { status: options.status }),
    limit: String(options.pageSize ?? EXPORT_PAGE_SIZE),
  };

  const lines = [CSV_HEADER];
  let totalCents = 0;
  let pagesFetched = 0;
  let cursor: string | null = null;
  do {
    const response = listOrders(cursor === null ? query : { ...query, cursor });
    if (response.status !== 200) throw new Error(`orders API answered ${response.status}: ${response.body.error}`);
    pagesFetched++;
    for (const order of response.body.data) {
      lines.push(csvRow(order));
      totalCents += toCents(order.total);
    }
    cursor = response.body.page.nextCursor;
    if (pagesFetched >= MAX_PAGES && cursor !== null) throw new Error('export aborted: too many pages');
  } while (cursor !== null);

  return { day: options.day, csv: lines.join('\n') + '\n', rowCount: lines.length - 1, totalCents, pagesFetched };
}
