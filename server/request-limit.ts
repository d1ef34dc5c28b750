// The flood guard in front of every page (ADR 033). Signed-in traffic counts against its user, so
// a whole office behind one NAT address is not capped at a few dozen learners; signed-out traffic
// (log-in, sign-up, links from mail) still counts against its address.
import type { RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import { getPrisma } from '#app/utils/db.server.ts'
import { hashToken, SESSION_COOKIE, verifySessionCookieValue } from '#app/utils/session.server.ts'
import { renderStatusPage } from './status-page.ts'

export const REQUESTS_PER_MINUTE = 600

/** Whose the session behind a token hash is (a user id), or null for none: looked up once per instance. */
export type SessionOwner = (tokenHash: string) => Promise<string | null>

// A session's owner never changes and a deleted session never comes back, so what was found is
// kept (immutable, ADR 033); at most this many, oldest forgotten first.
const OWNERS_KEPT = 10_000

/** Finds the owner of a session in the database, remembering what it found. */
export function sessionOwnerFromDatabase(): SessionOwner {
	const known = new Map<string, string | null>()
	return async (tokenHash) => {
		if (known.has(tokenHash)) return known.get(tokenHash)!
		const session = await getPrisma().session.findUnique({ where: { tokenHash }, select: { userId: true } })
		const owner = session?.userId ?? null
		if (known.size >= OWNERS_KEPT) known.delete(known.keys().next().value!)
		known.set(tokenHash, owner)
		return owner
	}
}

function sessionCookie(header: string | undefined): string | null {
	for (const part of header?.split(';') ?? []) {
		const eq = part.indexOf('=')
		if (eq !== -1 && part.slice(0, eq).trim() === SESSION_COOKIE) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim())
			} catch {
				return null
			}
		}
	}
	return null
}

type Options = { sessionSecret: string; owner?: SessionOwner; limit?: number }

/** Counts each request against its signed-in user, or else its address; 429 past the limit. */
export function requestLimit({ sessionSecret, owner = sessionOwnerFromDatabase(), limit = REQUESTS_PER_MINUTE }: Options): RequestHandler[] {
	const skip = (path: string) => path.startsWith('/assets/') || path === '/resources/healthcheck'

	// Only a cookie signed with the session secret is looked up: a made-up one costs no query
	// and counts against its address.
	const whose: RequestHandler = (req, res, next) => {
		if (skip(req.path)) return next()
		const cookie = sessionCookie(req.headers.cookie)
		const token = cookie ? verifySessionCookieValue(cookie, sessionSecret) : null
		if (!token) return next()
		owner(hashToken(token))
			.then((userId) => {
				if (userId) res.locals.requestLimitUser = userId
			})
			// The database being away is for the page to report; the address limit still applies.
			.catch(() => {})
			.finally(() => next())
	}

	const limiter = rateLimit({
		windowMs: 60_000,
		limit,
		standardHeaders: 'draft-8',
		legacyHeaders: false,
		skip: (req) => skip(req.path),
		keyGenerator: (req, res) => {
			const userId = res.locals.requestLimitUser as string | undefined
			return userId ? `user:${userId}` : `address:${ipKeyGenerator(req.ip ?? 'unknown')}`
		},
		handler: (_req, res) => {
			const yours = res.locals.requestLimitUser ? 'from your account' : 'from your address'
			res
				.status(429)
				.type('html')
				.send(renderStatusPage({ status: 429, title: 'Slow down', message: `Too many requests ${yours}. Wait a minute and try again.` }))
		},
	})
	return [whose, limiter]
}
