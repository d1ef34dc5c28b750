import type { InventoryConfig } from '../config/env';
import { HttpClient, type Transport } from '../http/client';
import type { RetryEvent } from '../http/retry';

export type StockLevel = { sku: string; available: number };

export type Reservation = { reservationId: string; sku: string; quantity: number; expiresAt: string };

export type InventoryClient = {
  getStockLevel(sku: string): Promise<StockLevel>;
  reserve(sku: string, quantity: number, options: { reservationId: string; maxAttempts?: number }): Promise<Reservation>;
};

export function createInventoryClient(
  config: InventoryConfig,
  transport: Transport,
  onRetry?: (event: RetryEvent & { path: string }) => void,
): InventoryClient {
  const http = new HttpClient({ baseUrl: config.baseUrl, transport, retry: config.retry, onRetry });

  return {
    async getStockLevel(sku) {
      const body = (await http.request({ method: 'GET', path: `/v2/stock/${encodeURIComponent(sku)}` })) as {
        available: number;
      };
      return { sku, available: body.available };
    },

    async reserve(sku, quantity, options) {
      const body = (await http.request({
        method: 'POST',
        path: '/v2/reservations',
        body: { sku, quantity },
        idempotencyKey: options.reservationId,
        retry: { maxAttempts: options.maxAttempts },
      })) as { expiresAt: string };
      return { reservationId: options.reservationId, sku, quantity, expiresAt: body.expiresAt };
    },
  };
}
