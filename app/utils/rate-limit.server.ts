import { RateLimiterRes } from 'rate-limiter-flexible'
import { sharedLimit, type SharedLimit } from './shared-limit.server.ts'

// Password checks (log-in, and the current password in settings) are limited per account
// (guessing one person's password) and per address (trying many accounts). Every limit here is
// counted in the database (shared-limit.server.ts, ADR 033), so any number of web instances
// enforce one limit, and lifting a lockout lifts it everywhere.
//
// An attempt takes its points *before* the password is checked and gets them back if the
// password was right, so guesses sent all at once cannot all be checked before the first
// failure is counted.
//
// The address limit does not shut the address out: a whole office or VPN shares one address,
// and an attacker among them must not lock everyone else out. Once an address has used up its
// failures it may no longer retry an account it has already failed on from there, but each other
// account still gets one attempt from it, so a colleague typing the right password gets in.
// Spraying from that address is then down to one guess per account per window, on top of the
// per-account limit that holds from everywhere.
export const LOGIN_FAILURES_PER_ACCOUNT = 5
export const LOGIN_FAILURES_PER_ADDRESS = 30
const WINDOW_SECONDS = 15 * 60

const byAccount = sharedLimit({ points: LOGIN_FAILURES_PER_ACCOUNT, duration: WINDOW_SECONDS, keyPrefix: 'login-account' })
const byAddress = sharedLimit({ points: LOGIN_FAILURES_PER_ADDRESS, duration: WINDOW_SECONDS, keyPrefix: 'login-ip' })
// Attempts on one account from one address; only consulted once the address has used up its failures.
const byAddressAndAccount = sharedLimit({ points: LOGIN_FAILURES_PER_ACCOUNT, duration: WINDOW_SECONDS, keyPrefix: 'login-ip-account' })

export type Throttle = { limited: false } | { limited: true; retryAfterSeconds: number }

/** Either refused now, or allowed, with the throttle that applies if this password turns out wrong. */
export type PasswordCheck = { limited: true; retryAfterSeconds: number } | { limited: false; ifWrong: Throttle }

const pairKey = (email: string, ip: string) => `${ip} ${email}`

async function take(limiter: SharedLimit, key: string): Promise<RateLimiterRes> {
	try {
		return await limiter.consume(key, 1)
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) return rejection
		throw rejection
	}
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000))
const overLimit = (res: RateLimiterRes, limit: number) => res.consumedPoints > limit

/** Takes one attempt from the account and the address before a password is checked. */
export async function beginPasswordCheck(email: string, ip: string): Promise<PasswordCheck> {
	const account = await take(byAccount, email)
	if (overLimit(account, LOGIN_FAILURES_PER_ACCOUNT)) return { limited: true, retryAfterSeconds: retryAfter(account) }
	const [address, pair] = await Promise.all([take(byAddress, ip), take(byAddressAndAccount, pairKey(email, ip))])
	if (overLimit(address, LOGIN_FAILURES_PER_ADDRESS) && pair.consumedPoints > 1) {
		// Nothing was checked, so nothing is counted against the account.
		await Promise.all([byAccount.reward(email, 1), byAddress.reward(ip, 1), byAddressAndAccount.reward(pairKey(email, ip), 1)])
		return { limited: true, retryAfterSeconds: Math.min(retryAfter(address), retryAfter(pair)) }
	}
	if (account.remainingPoints === 0) return { limited: false, ifWrong: { limited: true, retryAfterSeconds: retryAfter(account) } }
	if (address.remainingPoints === 0) return { limited: false, ifWrong: { limited: true, retryAfterSeconds: retryAfter(address) } }
	return { limited: false, ifWrong: { limited: false } }
}

/** The password was right: the attempt is given back, and the account's failures are forgotten. */
export async function passwordCheckSucceeded(email: string, ip: string) {
	await Promise.all([byAccount.delete(email), byAddress.reward(ip, 1), byAddressAndAccount.delete(pairKey(email, ip))])
}

// Codes at the second step of signing in (ADR 029) have a per-account limit of their own that a
// correct password does not reset: otherwise each right password would buy five more guesses.
const codesByAccount = sharedLimit({ points: LOGIN_FAILURES_PER_ACCOUNT, duration: WINDOW_SECONDS, keyPrefix: 'code-account' })

/** Takes one attempt from the account before a two-factor or recovery code is checked. */
export async function beginCodeCheck(userId: string): Promise<PasswordCheck> {
	const res = await take(codesByAccount, userId)
	if (overLimit(res, LOGIN_FAILURES_PER_ACCOUNT)) return { limited: true, retryAfterSeconds: retryAfter(res) }
	return { limited: false, ifWrong: res.remainingPoints === 0 ? { limited: true, retryAfterSeconds: retryAfter(res) } : { limited: false } }
}

export async function codeCheckSucceeded(userId: string) {
	await codesByAccount.delete(userId)
}

/** Until when the account cannot sign in because its wrong passwords or codes used up the limit, or null. */
export async function loginLockout(account: { email: string; id: string }): Promise<Date | null> {
	const [passwords, codes] = await Promise.all([byAccount.get(account.email), codesByAccount.get(account.id)])
	const ends = [passwords, codes].flatMap((res) => (res && res.consumedPoints >= LOGIN_FAILURES_PER_ACCOUNT ? [Date.now() + res.msBeforeNext] : []))
	return ends.length ? new Date(Math.max(...ends)) : null
}

/** An admin lifts a lockout: the account's failures (passwords and codes) are forgotten. */
export async function liftLoginLockout(account: { email: string; id: string }) {
	await Promise.all([byAccount.delete(account.email), codesByAccount.delete(account.id)])
}

// Sign-up and invite links cannot hide from their answer whether an e-mail address already has
// an account: one kind of attempt creates an account and logs in, the other cannot. What keeps
// that from becoming a directory of who uses Hardmode is this limit: each attempt takes a point
// from its address before the e-mail is tried and gives it back unless it was refused for the
// address, so one network can learn about only a few addresses per window.
export const ACCOUNT_REFUSALS_PER_ADDRESS = 10
const accountCreations = sharedLimit({ points: ACCOUNT_REFUSALS_PER_ADDRESS, duration: WINDOW_SECONDS, keyPrefix: 'account-creation' })

/** Takes one attempt to create an account from this address; limited once it has too many refusals. */
export async function beginAccountCreation(ip: string): Promise<Throttle> {
	const res = await take(accountCreations, ip)
	return overLimit(res, ACCOUNT_REFUSALS_PER_ADDRESS) ? { limited: true, retryAfterSeconds: retryAfter(res) } : { limited: false }
}

/** The attempt ended without learning whether the e-mail was registered (created, or failed otherwise). */
export async function refundAccountCreation(ip: string) {
	await accountCreations.reward(ip, 1)
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
const runs = sharedLimit({ points: RUNS_PER_MINUTE, duration: 60, keyPrefix: 'runs' })

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
