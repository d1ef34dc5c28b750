import type { RetryPolicy } from '../http/retry';

export type Env = Record<string, string | undefined>;

export type InventoryConfig = {
  baseUrl: string;
  /** Only what the environment sets; anything left undefined falls back to the retry defaults. */
  retry: Partial<RetryPolicy>;
};

function optionalNumber(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  return Number(raw);
}

/** Settings of the inventory service client, from INVENTORY_* environment variables. */
export function loadInventoryConfig(env: Env): InventoryConfig {
  const baseUrl = env.INVENTORY_URL;
  if (!baseUrl) throw new Error('INVENTORY_URL is not set');
  const retry: InventoryConfig['retry'] = {};
  const maxAttempts = optionalNumber(env, 'INVENTORY_RETRY_MAX_ATTEMPTS');
  const baseDelayMs = optionalNumber(env, 'INVENTORY_RETRY_BASE_DELAY_MS');
  const maxDelayMs = optionalNumber(env, 'INVENTORY_RETRY_MAX_DELAY_MS');
  // Leave unset variables out entirely, so the retry defaults apply to them.
  if (maxAttempts !== undefined) retry.maxAttempts = maxAttempts;
  if (baseDelayMs !== undefined) retry.baseDelayMs = baseDelayMs;
  if (maxDelayMs !== undefined) retry.maxDelayMs = maxDelayMs;
  return { baseUrl, retry };
}
