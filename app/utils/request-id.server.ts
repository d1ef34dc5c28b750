// The id of the request being served, for logs here and on the runner node a run goes to (ADR 034).
// A load balancer's X-Request-Id is kept when it looks like an id; otherwise a new one is made.
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

export const REQUEST_ID_HEADER = 'X-Request-Id'

const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/

/** The incoming id when it is a plain token of at most 128 characters, otherwise a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
	return typeof header === 'string' && ACCEPTABLE_ID.test(header) ? header : randomUUID()
}

// On globalThis: the server and its React Router build each load this module.
const globalForIds = globalThis as typeof globalThis & { __hardmodeRequestIds?: AsyncLocalStorage<string> }
const storage = (globalForIds.__hardmodeRequestIds ??= new AsyncLocalStorage<string>())

/** Runs `work` (and everything it awaits) as part of the request with this id. */
export function withRequestId<T>(id: string, work: () => T): T {
	return storage.run(id, work)
}

/** The id of the request this code runs for, if any (send it on as X-Request-Id). */
export function currentRequestId(): string | undefined {
	return storage.getStore()
}
