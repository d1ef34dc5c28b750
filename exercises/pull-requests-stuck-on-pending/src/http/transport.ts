export interface HttpRequest {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: unknown
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  body: unknown
}

/**
 * Sends one request. Like fetch(), a transport resolves with whatever the server
 * answered, 4xx and 5xx included; it rejects (with TransportError) only when no
 * answer arrived at all: connection refused, reset, or timed out.
 */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>

export class TransportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TransportError'
  }
}

/** Reads a `retry-after` header given in seconds; null when absent or not a number. */
export function retryAfterMs(response: HttpResponse): number | null {
  const raw = response.headers['retry-after']
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return null
  return Number(raw.trim()) * 1000
}
