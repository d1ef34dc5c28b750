import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

// Failed logins are limited per account (guessing one person's password) and per
// IP (trying many accounts). In memory: one app process per embedded database; a
// multi-server PostgreSQL deployment would move these to a shared store.
export const LOGIN_FAILURES_PER_ACCOUNT = 5
export const LOGIN_FAILURES_PER_IP = 30
const WINDOW_SECONDS = 15 * 60

const byAccount = new RateLimiterMemory({ points: LOGIN_FAILURES_PER_ACCOUNT, duration: WINDOW_SECONDS, keyPrefix: 'login-account' })
const byIp = new RateLimiterMemory({ points: LOGIN_FAILURES_PER_IP, duration: WINDOW_SECONDS, keyPrefix: 'login-ip' })

export type LoginThrottle = { limited: false } | { limited: true; retryAfterSeconds: number }

function throttleFrom(res: RateLimiterRes | null, limit: number): LoginThrottle {
	if (res && res.consumedPoints >= limit) return { limited: true, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) }
	return { limited: false }
}

/** Whether this account or IP has used up its failed attempts. */
export async function checkLoginThrottle(email: string, ip: string): Promise<LoginThrottle> {
	const [account, address] = await Promise.all([byAccount.get(email), byIp.get(ip)])
	const a = throttleFrom(account, LOGIN_FAILURES_PER_ACCOUNT)
	if (a.limited) return a
	return throttleFrom(address, LOGIN_FAILURES_PER_IP)
}

/** Counts a failed attempt; returns the throttle state after counting it. */
export async function recordLoginFailure(email: string, ip: string): Promise<LoginThrottle> {
	const results = await Promise.all([
		byAccount.penalty(email, 1),
		byIp.penalty(ip, 1),
	])
	const a = throttleFrom(results[0], LOGIN_FAILURES_PER_ACCOUNT)
	if (a.limited) return a
	return throttleFrom(results[1], LOGIN_FAILURES_PER_IP)
}

export async function clearLoginFailures(email: string) {
	await byAccount.delete(email)
}

export function describeRetry(seconds: number) {
	const minutes = Math.ceil(seconds / 60)
	return minutes <= 1 ? 'in a minute' : `in ${minutes} minutes`
}

export function clientIp(request: Request) {
	return request.headers.get('X-Hardmode-Client-IP') ?? 'unknown'
}
