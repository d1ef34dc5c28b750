import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { loadInventoryConfig } from '../../src/config/env';
import type { TransportRequest, TransportResponse } from '../../src/http/client';
import { createInventoryClient } from '../../src/inventory/inventoryClient';
import { checkAvailability } from '../../src/checkout/availability';

// The INVENTORY_* variables as they are set in production.
const PRODUCTION_ENV = {
  INVENTORY_URL: 'https://inventory.internal',
  INVENTORY_RETRY_MAX_ATTEMPTS: '5',
  INVENTORY_RETRY_MAX_DELAY_MS: '2000',
};

/** An inventory service that answers 503 until `recoversAt` (virtual ms), then serves stock levels. */
function inventoryService(recoversAt: number) {
  const calls: { at: number; url: string }[] = [];
  const transport = async (request: TransportRequest): Promise<TransportResponse> => {
    calls.push({ at: Date.now(), url: request.url });
    if (Date.now() < recoversAt) return { status: 503, headers: {}, body: { error: 'unavailable' } };
    return { status: 200, headers: {}, body: { available: 12 } };
  };
  return { transport, calls };
}

describe('checkout stock check during a short inventory outage', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports the lines that are short of stock when inventory is healthy', async () => {
    const service = inventoryService(Date.now());
    const inventory = createInventoryClient(loadInventoryConfig(PRODUCTION_ENV), service.transport);

    const result = await checkAvailability(
      [
        { sku: 'TEA-GREEN-250', quantity: 2 },
        { sku: 'MUG-STONE-BLUE', quantity: 20 },
      ],
      inventory,
    );

    expect(result).toEqual({
      status: 'insufficient-stock',
      lines: [
        { sku: 'TEA-GREEN-250', requested: 2, available: 12, enough: true },
        { sku: 'MUG-STONE-BLUE', requested: 20, available: 12, enough: false },
      ],
    });
    expect(service.calls).toHaveLength(2);
  });

  it('rides out a one-second outage', async () => {
    const start = Date.now();
    const service = inventoryService(start + 1_000);
    const inventory = createInventoryClient(loadInventoryConfig(PRODUCTION_ENV), service.transport);

    const pending = checkAvailability([{ sku: 'TEA-GREEN-250', quantity: 2 }], inventory);
    await vi.advanceTimersByTimeAsync(10_000);
    const result = await pending;

    expect(result.status).toBe('ok');
  });

  it('backs off instead of hammering the inventory service while it is down', async () => {
    const start = Date.now();
    const service = inventoryService(start + 1_000);
    const inventory = createInventoryClient(loadInventoryConfig(PRODUCTION_ENV), service.transport);

    const pending = checkAvailability(
      [
        { sku: 'TEA-GREEN-250', quantity: 2 },
        { sku: 'MUG-STONE-BLUE', quantity: 1 },
      ],
      inventory,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await pending;

    const duringOutage = service.calls.filter((call) => call.at < start + 1_000);
    // One first try per SKU plus at most two retries each in the first second.
    expect(duringOutage.length).toBeLessThanOrEqual(6);
  });
});
