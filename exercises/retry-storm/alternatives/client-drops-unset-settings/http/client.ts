import { resolveRetryPolicy, retry, type RetryEvent, type RetryPolicy } from './retry';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export type TransportRequest = {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
};

export type TransportResponse = {
  status: number;
  headers: Record<string, string>;
  body: unknown;
};

/** Sends one request over the wire. Throws TransportError when no response arrives. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export class TransportError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
  }
}

export class HttpError extends Error {
  readonly status: number;
  readonly retryAfterMs: number | undefined;

  constructor(status: number, url: string, retryAfterMs?: number) {
    super(`HTTP ${status} from ${url}`);
    this.name = 'HttpError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryable(error: unknown): boolean {
  if (error instanceof TransportError) return true;
  return error instanceof HttpError && RETRYABLE_STATUSES.has(error.status);
}

function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * The settings a layer really sets: a key holding undefined (an option nobody set) or
 * something that is not a finite, non-negative number is left out, so the layers below win.
 */
function setSettings(layer: Partial<RetryPolicy> | undefined): Partial<RetryPolicy> {
  const settings: Partial<RetryPolicy> = {};
  if (!layer) return settings;
  for (const key of Object.keys(layer) as Array<keyof RetryPolicy>) {
    const value = layer[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) settings[key] = value;
  }
  return settings;
}

export type HttpRequest = {
  method: HttpMethod;
  path: string;
  body?: unknown;
  /** Makes a POST safe to retry: the server applies a request with a known key only once. */
  idempotencyKey?: string;
  /** Per-request overrides of the client's retry policy. */
  retry?: Partial<RetryPolicy>;
};

export type HttpClientOptions = {
  baseUrl: string;
  transport: Transport;
  retry?: Partial<RetryPolicy>;
  onRetry?: (event: RetryEvent & { method: HttpMethod; path: string }) => void;
};

export class HttpClient {
  private readonly options: HttpClientOptions;

  constructor(options: HttpClientOptions) {
    this.options = options;
  }

  async request(request: HttpRequest): Promise<unknown> {
    const policy = resolveRetryPolicy(setSettings(this.options.retry), setSettings(request.retry));
    if (request.method === 'POST' && request.idempotencyKey === undefined) {
      // Without an idempotency key a retried POST could be applied twice.
      policy.maxAttempts = 1;
    }
    return retry((attempt) => this.send(request, attempt), policy, {
      shouldRetry: isRetryable,
      retryAfterMs: (error) => (error instanceof HttpError ? error.retryAfterMs : undefined),
      onRetry: (event) => this.options.onRetry?.({ ...event, method: request.method, path: request.path }),
    });
  }

  private async send(request: HttpRequest, attempt: number): Promise<unknown> {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}${request.path}`;
    const headers: Record<string, string> = { accept: 'application/json', 'x-attempt': String(attempt) };
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    const response = await this.options.transport({ method: request.method, url, headers, body: request.body });
    if (response.status >= 400) {
      throw new HttpError(response.status, url, parseRetryAfter(response.headers['retry-after']));
    }
    return response.body;
  }
}
