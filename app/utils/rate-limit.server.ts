import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

// Failed logins are limited per account (guessing one person's password) and per
// IP (trying many accounts). In memory: one app process per embedded database; a
// multi-server PostgreSQL deployment would move these to a shared store.
export const LOGIN_FAILURES_PER_ACCOUNT = 5
export const LOGIN_FAILURES_PER_IP = 30
const WINDOW_SECONDS = 15 * 60

const byAccount = new RateLimiterMemory({ points: LOGIN_FAILURES_PER_ACCOUNT, duration: WINDOW_SECONDS, keyPrefix: 'login-account' })
const byIp = new RateLimiterMemory({ points: LOGIN_FAILURES_PER_IP, duration: WINDOW_SECONDS, keyPrefix: 'login-ip' })

export type Throttle = { limited: false } | { limited: true; retryAfterSeconds: number }

function throttleFrom(res: RateLimiterRes | null, limit: number): Throttle {
	if (res && res.consumedPoints >= limit) return { limited: true, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) }
	return { limited: false }
}

/** Whether this account or IP has used up its failed attempts. */
export async function checkLoginThrottle(email: string, ip: string): Promise<Throttle> {
	const [account, address] = await Promise.all([byAccount.get(email), byIp.get(ip)])
	const a = throttleFrom(account, LOGIN_FAILURES_PER_ACCOUNT)
	if (a.limited) return a
	return throttleFrom(address, LOGIN_FAILURES_PER_IP)
}

/** Counts a failed attempt; returns the throttle state after counting it. */
export async function recordLoginFailure(email: string, ip: string): Promise<Throttle> {
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

// Runs and submissions are limited per user: pressing Run a few times a minute is the normal
// rhythm of an experiment; dozens a minute is a script or a stuck key, and would crowd out
// everyone else's runs on a shared sandbox.
export const RUNS_PER_MINUTE = 30
const runs = new RateLimiterMemory({ points: RUNS_PER_MINUTE, duration: 60, keyPrefix: 'runs' })

/** Counts one run for this user; limited when they have used up the minute's runs. */
export async function consumeRun(userId: string): Promise<Throttle> {
	try {
		await runs.consume(userId, 1)
		return { limited: false }
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) }
		throw rejection
	}
}

export async function resetRunLimit(userId: string) {
	await runs.delete(userId)
}
