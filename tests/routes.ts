// Helpers for tests that call route loaders and actions directly, the way React Router does.
import { RouterContextProvider } from 'react-router'
import { expect } from 'vitest'
import { action as loginAction } from '#app/routes/login.tsx'

export type RouteArgs<F extends (...args: never[]) => unknown> = Parameters<F>[0]

export function post(path: string, fields: Record<string, string>, cookie?: string) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Hardmode-Client-IP': '203.0.113.7', ...(cookie ? { Cookie: cookie } : {}) },
		body: new URLSearchParams(fields),
	})
}

export function postJson(path: string, body: unknown, cookie?: string) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'X-Hardmode-Client-IP': '203.0.113.7', ...(cookie ? { Cookie: cookie } : {}) },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	})
}

export function get(path: string, cookie?: string) {
	return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

/** Calls a loader or action with a request and params, and an empty load context as the server gives (server/app.ts). */
export function call<F extends (args: never) => unknown>(fn: F, request: Request, params: Record<string, string> = {}) {
	return settle(() => (fn as unknown as (args: unknown) => Promise<unknown>)({ request, params, context: new RouterContextProvider() }))
}

/** Runs a loader or action and returns what it returned or threw, as { status, data, headers }. */
export async function settle(run: () => unknown) {
	let outcome: unknown
	try {
		outcome = await run()
	} catch (thrown) {
		outcome = thrown
	}
	if (outcome instanceof Response) return { status: outcome.status, headers: outcome.headers, data: (await outcome.text()) as unknown }
	const value = outcome as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } }
	if (value && value.type === 'DataWithResponseInit') {
		return { status: value.init?.status ?? 200, headers: new Headers(value.init?.headers), data: value.data }
	}
	return { status: 200, headers: new Headers(), data: outcome }
}

/** Logs in through the real login action and returns the Cookie header value. */
export async function loginCookie(email: string, password = 'hardmode-demo') {
	const result = await call(loginAction, post('/login', { email, password }))
	expect(result.status).toBe(302)
	return result.headers.get('Set-Cookie')!.split(';')[0]!
}
