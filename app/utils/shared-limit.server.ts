import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { getPrisma } from './db.server.ts'

// Limits every web instance enforces together (ADR 033): the points are counted in the
// database's RateLimit table, through rate-limiter-flexible's Prisma store, on PostgreSQL and
// on the embedded database alike. Nothing about a limit is kept in a process's memory, so a
// second instance sees every point the first one took, and an admin who lifts a lockout on one
// lifts it for all.

export type SharedLimitOptions = {
	/** Names the limit; its keys are stored as `<keyPrefix>:<key>`. */
	keyPrefix: string
	points: number
	/** The window, in seconds. */
	duration: number
}

/** A limiter with RateLimiterMemory's methods, counting in whichever database the process uses now. */
export type SharedLimit = {
	consume(key: string, points?: number): Promise<RateLimiterRes>
	reward(key: string, points?: number): Promise<RateLimiterRes>
	get(key: string): Promise<RateLimiterRes | null>
	delete(key: string): Promise<boolean>
}

// One store per Prisma client: tests point the process at another database (useDatabase), and
// a client that is gone takes its limiters with it.
const limitersByClient = new WeakMap<PrismaClient, Map<string, RateLimiterPrisma>>()
const sweeperStarted = new WeakSet<PrismaClient>()

function limiterFor(options: SharedLimitOptions, prisma: PrismaClient): RateLimiterPrisma {
	let limiters = limitersByClient.get(prisma)
	if (!limiters) limitersByClient.set(prisma, (limiters = new Map()))
	let limiter = limiters.get(options.keyPrefix)
	if (!limiter) {
		// All limits share one table, so one of them per client sweeps its expired rows (every five minutes).
		const sweeps = !sweeperStarted.has(prisma)
		sweeperStarted.add(prisma)
		limiter = new RateLimiterPrisma({ ...options, storeClient: prisma, tableName: 'rateLimit', clearExpiredByTimeout: sweeps })
		limiters.set(options.keyPrefix, limiter)
	}
	return limiter
}

/** A limit counted in the database the process uses (getPrisma), or in `prisma` when given. */
export function sharedLimit(options: SharedLimitOptions, prisma?: () => PrismaClient): SharedLimit {
	const current = () => limiterFor(options, prisma ? prisma() : getPrisma())
	return {
		consume: (key, points = 1) => current().consume(key, points),
		reward: (key, points = 1) => current().reward(key, points),
		get: (key) => current().get(key),
		delete: (key) => current().delete(key),
	}
}
