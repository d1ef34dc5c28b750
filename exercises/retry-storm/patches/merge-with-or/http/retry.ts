// Retries with exponential backoff and jitter, shared by every service client.

export type RetryPolicy = {
  /** Total attempts, including the first one. */
  maxAttempts: number;
  /** Delay before the first retry; doubles (times `multiplier`) for each further retry. */
  baseDelayMs: number;
  /** Upper bound for a single delay. */
  maxDelayMs: number;
  multiplier: number;
  /** Randomises each delay by up to ±jitter (0.2 = ±20%), so clients do not retry in lockstep. */
  jitter: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  multiplier: 2,
  jitter: 0.2,
};

/**
 * The effective policy: the defaults, overridden by each layer in turn (for example the
 * client's configuration, then a single request's options).
 */
export function resolveRetryPolicy(...layers: Array<Partial<RetryPolicy> | undefined>): RetryPolicy {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY };
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of Object.keys(policy) as Array<keyof RetryPolicy>) {
      policy[key] = layer[key] || policy[key];
    }
  }
  return policy;
}

/** Delay before retry number `retry` (1 = the first retry). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = policy.baseDelayMs * policy.multiplier ** (retry - 1);
  const capped = Math.min(exponential, policy.maxDelayMs);
  const spread = capped * policy.jitter;
  return Math.round(capped - spread + random() * 2 * spread);
}

export type RetryEvent = { attempt: number; delayMs: number; error: unknown };

export type RetryOptions = {
  shouldRetry: (error: unknown) => boolean;
  /** A minimum wait the server asked for (Retry-After), if any. */
  retryAfterMs?: (error: unknown) => number | undefined;
  onRetry?: (event: RetryEvent) => void;
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function retry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const canRetry = attempt < policy.maxAttempts && options.shouldRetry(error);
      if (!canRetry) throw error;
      const delayMs = Math.max(backoffDelay(attempt, policy), options.retryAfterMs?.(error) ?? 0);
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
