import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { loadInventoryConfig } from '../../src/config/env';
import { HttpClient, type TransportRequest, type TransportResponse } from '../../src/http/client';
import { createInventoryClient } from '../../src/inventory/inventoryClient';
import { checkAvailability } from '../../src/checkout/availability';

type Reply = { status: number; headers?: Record<string, string>; body?: unknown };

/** A dependency that answers with `failure` for the first `failures` calls, then succeeds. */
function flakyDependency(failures: number, failure: Reply = { status: 503 }) {
  const calls: { at: number; request: TransportRequest }[] = [];
  const transport = async (request: TransportRequest): Promise<TransportResponse> => {
    calls.push({ at: Date.now(), request });
    if (calls.length <= failures) return { status: failure.status, headers: failure.headers ?? {}, body: failure.body ?? null };
    return { status: 200, headers: {}, body: { available: 7, expiresAt: '2026-01-05T09:15:00.000Z' } };
  };
  const gaps = () => calls.slice(1).map((call, i) => call.at - calls[i]!.at);
  return { transport, calls, gaps };
}

async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const outcome = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  await vi.advanceTimersByTimeAsync(120_000);
  return outcome;
}

function expectWithin(value: number, low: number, high: number) {
  expect(value).toBeGreaterThanOrEqual(low);
  expect(value).toBeLessThanOrEqual(high);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-05T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('inventory client retry configuration from the environment', () => {
  // Stated in src/config/env.ts: "anything left undefined falls back to the retry defaults"
  // Stated in README.md: "a variable that is unset or empty keeps the default"
  it('uses the default backoff when the base delay is not set', async () => {
    const dependency = flakyDependency(Infinity);
    const config = loadInventoryConfig({ INVENTORY_URL: 'https://inventory.internal', INVENTORY_RETRY_MAX_ATTEMPTS: '4' });
    const inventory = createInventoryClient(config, dependency.transport);

    const outcome = await settle(inventory.getStockLevel('SKU-1'));

    expect(outcome.ok).toBe(false);
    expect(dependency.calls).toHaveLength(4);
    const [first, second, third] = dependency.gaps();
    expectWithin(first!, 160, 240);
    expectWithin(second!, 320, 480);
    expectWithin(third!, 640, 960);
  });

  // Stated in src/config/env.ts: "anything left undefined falls back to the retry defaults"
  // Stated in README.md: "a variable that is unset or empty keeps the default"
  it('uses the default number of attempts when it is not set', async () => {
    const dependency = flakyDependency(Infinity);
    const inventory = createInventoryClient(loadInventoryConfig({ INVENTORY_URL: 'https://inventory.internal' }), dependency.transport);

    const outcome = await settle(inventory.getStockLevel('SKU-1'));

    expect(outcome.ok).toBe(false);
    expect(dependency.calls).toHaveLength(4);
    for (const gap of dependency.gaps()) expect(gap).toBeGreaterThanOrEqual(160);
  });

  // Stated in README.md: "a variable that is unset or empty keeps the default"
  it('treats an empty variable like a missing one', async () => {
    const dependency = flakyDependency(2);
    const config = loadInventoryConfig({
      INVENTORY_URL: 'https://inventory.internal',
      INVENTORY_RETRY_BASE_DELAY_MS: '',
      INVENTORY_RETRY_MAX_ATTEMPTS: ' ',
    });
    const inventory = createInventoryClient(config, dependency.transport);

    const outcome = await settle(inventory.getStockLevel('SKU-1'));

    expect(outcome).toEqual({ ok: true, value: { sku: 'SKU-1', available: 7 } });
    const [first, second] = dependency.gaps();
    expectWithin(first!, 160, 240);
    expectWithin(second!, 320, 480);
  });

  // Stated in src/config/env.ts: "anything left undefined falls back to the retry defaults"
  it('caps delays at the default maximum when only the base delay is set', async () => {
    const dependency = flakyDependency(Infinity);
    const config = loadInventoryConfig({
      INVENTORY_URL: 'https://inventory.internal',
      INVENTORY_RETRY_MAX_ATTEMPTS: '6',
      INVENTORY_RETRY_BASE_DELAY_MS: '1000',
    });
    const inventory = createInventoryClient(config, dependency.transport);

    await settle(inventory.getStockLevel('SKU-1'));

    const gaps = dependency.gaps();
    expect(gaps).toHaveLength(5);
    expectWithin(gaps[0]!, 800, 1200);
    expectWithin(gaps[1]!, 1600, 2400);
    expectWithin(gaps[2]!, 3200, 4800);
    expectWithin(gaps[3]!, 4000, 6000);
    expectWithin(gaps[4]!, 4000, 6000);
  });

  // Stated in README.md: "a value the service cannot use must never make it retry faster than the defaults would (refusing to start, with a clear message, is fine)"
  it('never retries without delay when a value cannot be parsed', async () => {
    const env = {
      INVENTORY_URL: 'https://inventory.internal',
      INVENTORY_RETRY_MAX_ATTEMPTS: '4',
      INVENTORY_RETRY_BASE_DELAY_MS: '250ms',
    };
    let config;
    try {
      config = loadInventoryConfig(env);
    } catch {
      // Refusing to start on a malformed value is an acceptable answer too.
      return;
    }
    const dependency = flakyDependency(Infinity);
    const inventory = createInventoryClient(config, dependency.transport);

    await settle(inventory.getStockLevel('SKU-1'));

    expect(dependency.calls.length).toBeGreaterThanOrEqual(2);
    expect(dependency.calls.length).toBeLessThanOrEqual(4);
    for (const gap of dependency.gaps()) expect(gap).toBeGreaterThanOrEqual(100);
  });

  // Stated in README.md: "Reservations carry an idempotency key, so they are retried like any other request"
  // Stated in src/http/client.ts: "Makes a POST safe to retry: the server applies a request with a known key only once."
  it('retries an idempotent reservation with the configured attempts when the caller sets none', async () => {
    const dependency = flakyDependency(2);
    const config = loadInventoryConfig({
      INVENTORY_URL: 'https://inventory.internal',
      INVENTORY_RETRY_MAX_ATTEMPTS: '3',
      INVENTORY_RETRY_BASE_DELAY_MS: '300',
    });
    const inventory = createInventoryClient(config, dependency.transport);

    const outcome = await settle(inventory.reserve('SKU-9', 1, { reservationId: 'res_5521' }));

    expect(outcome.ok).toBe(true);
    expect(dependency.calls).toHaveLength(3);
    expect(dependency.calls.every((call) => call.request.headers['idempotency-key'] === 'res_5521')).toBe(true);
    const [first, second] = dependency.gaps();
    expectWithin(first!, 240, 360);
    expectWithin(second!, 480, 720);
  });

  // Stated in src/http/client.ts: "Per-request overrides of the client's retry policy."
  it('still lets a caller limit the attempts of a reservation', async () => {
    const dependency = flakyDependency(Infinity);
    const inventory = createInventoryClient(loadInventoryConfig({ INVENTORY_URL: 'https://inventory.internal' }), dependency.transport);

    const outcome = await settle(inventory.reserve('SKU-9', 1, { reservationId: 'res_5522', maxAttempts: 2 }));

    expect(outcome.ok).toBe(false);
    expect(dependency.calls).toHaveLength(2);
    expect(dependency.gaps()[0]).toBeGreaterThanOrEqual(160);
  });
});

describe('HTTP client retry options', () => {
  // Stated in src/config/env.ts: "anything left undefined falls back to the retry defaults"
  // Stated in src/http/retry.ts: "The effective policy: the defaults, overridden by each layer in turn"
  it('falls back to the defaults for options passed as undefined', async () => {
    const dependency = flakyDependency(Infinity);
    const client = new HttpClient({
      baseUrl: 'https://pricing.internal',
      transport: dependency.transport,
      retry: { baseDelayMs: undefined, maxDelayMs: undefined, multiplier: undefined, jitter: 0 },
    });

    const outcome = await settle(client.request({ method: 'GET', path: '/v1/prices/SKU-1', retry: { maxAttempts: undefined } }));

    expect(outcome.ok).toBe(false);
    expect(dependency.gaps()).toEqual([200, 400, 800]);
  });

  // Stated in src/http/retry.ts: "The effective policy: the defaults, overridden by each layer in turn"
  // Stated in src/http/retry.ts: "so clients do not retry in lockstep"
  it('honours explicit values, including zero jitter', async () => {
    const dependency = flakyDependency(Infinity);
    const client = new HttpClient({
      baseUrl: 'https://pricing.internal',
      transport: dependency.transport,
      retry: { baseDelayMs: 100, maxDelayMs: 250, jitter: 0, maxAttempts: 5 },
    });

    await settle(client.request({ method: 'GET', path: '/v1/prices/SKU-1' }));

    expect(dependency.gaps()).toEqual([100, 200, 250, 250]);
  });

  // Stated in src/http/retry.ts: "A minimum wait the server asked for (Retry-After), if any."
  // Stated in src/config/env.ts: "anything left undefined falls back to the retry defaults"
  it('waits at least as long as Retry-After asks, even without configured delays', async () => {
    const dependency = flakyDependency(1, { status: 429, headers: { 'retry-after': '3' } });
    const client = new HttpClient({
      baseUrl: 'https://pricing.internal',
      transport: dependency.transport,
      retry: { baseDelayMs: undefined },
    });

    const outcome = await settle(client.request({ method: 'GET', path: '/v1/prices/SKU-1' }));

    expect(outcome.ok).toBe(true);
    expect(dependency.gaps()[0]).toBeGreaterThanOrEqual(3000);
  });

  // Stated in src/http/client.ts: "Without an idempotency key a retried POST could be applied twice."
  it('does not retry a POST without an idempotency key', async () => {
    const dependency = flakyDependency(Infinity);
    const client = new HttpClient({ baseUrl: 'https://pricing.internal', transport: dependency.transport, retry: { maxAttempts: 5 } });

    const outcome = await settle(client.request({ method: 'POST', path: '/v1/quotes', body: {} }));

    expect(outcome.ok).toBe(false);
    expect(dependency.calls).toHaveLength(1);
  });

  // Stated in README.md: "decides which failures are transient and sends requests through the retry helper"
  it('does not retry errors that are not transient', async () => {
    const dependency = flakyDependency(Infinity, { status: 404 });
    const client = new HttpClient({ baseUrl: 'https://pricing.internal', transport: dependency.transport });

    const outcome = await settle(client.request({ method: 'GET', path: '/v1/prices/NOPE' }));

    expect(outcome.ok).toBe(false);
    expect(dependency.calls).toHaveLength(1);
  });
});

describe('checkout during a longer outage', () => {
  // Stated in README.md: "Before last Friday, checkout rode out these blips without customers noticing."
  it('keeps the request rate per SKU low and recovers when inventory comes back', async () => {
    const start = Date.now();
    const calls: number[] = [];
    const transport = async (): Promise<TransportResponse> => {
      calls.push(Date.now());
      if (Date.now() < start + 2_500) return { status: 503, headers: {}, body: null };
      return { status: 200, headers: {}, body: { available: 3 } };
    };
    const config = loadInventoryConfig({
      INVENTORY_URL: 'https://inventory.internal',
      INVENTORY_RETRY_MAX_ATTEMPTS: '6',
      INVENTORY_RETRY_MAX_DELAY_MS: '2000',
    });
    const inventory = createInventoryClient(config, transport);
    const cart = ['A', 'B', 'C'].map((sku) => ({ sku: `SKU-${sku}`, quantity: 1 }));

    const outcome = await settle(checkAvailability(cart, inventory));

    expect(outcome).toMatchObject({ ok: true, value: { status: 'ok' } });
    for (let second = 0; second < 3; second++) {
      const inSecond = calls.filter((at) => at >= start + second * 1000 && at < start + (second + 1) * 1000);
      expect(inSecond.length, `calls in virtual second ${second}`).toBeLessThanOrEqual(3 * 3);
    }
    expect(calls.length).toBeLessThanOrEqual(3 * 6);
  });
});
