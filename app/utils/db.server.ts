import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { observeQuery } from './metrics.server.ts'

type DatabaseKind = 'pglite' | 'postgres'

export interface Database {
	prisma: PrismaClient
	kind: DatabaseKind
	/** The embedded database itself (PGlite only), for backups (server/backup.ts). */
	pglite?: PGlite
	/** Disconnects Prisma and, for PGlite, shuts the embedded database down and releases its folder. */
	close(): Promise<void>
}

export type DatabaseLocation =
	| { kind: 'pglite'; dataDir: string | null } // null: in memory
	| { kind: 'postgres'; url: string }

const DEFAULT_PGLITE_DIR = './data/pglite'

/**
 * Reads a DATABASE_URL: unset → embedded PGlite in `defaultDataDir`; `pglite:<dir>` → PGlite
 * in that folder; `pglite:memory` → PGlite in memory; `postgres://` / `postgresql://` → a server.
 */
export function parseDatabaseUrl(url: string | undefined, defaultDataDir = DEFAULT_PGLITE_DIR): DatabaseLocation {
	const value = url?.trim()
	if (!value) return { kind: 'pglite', dataDir: defaultDataDir }
	if (value.startsWith('pglite:')) {
		const dir = value.slice('pglite:'.length)
		if (dir === 'memory' || dir === 'memory://') return { kind: 'pglite', dataDir: null }
		if (!dir) throw new Error('DATABASE_URL "pglite:" needs a folder, e.g. pglite:./data/pglite, or pglite:memory.')
		return { kind: 'pglite', dataDir: dir }
	}
	if (/^postgres(ql)?:\/\//.test(value)) {
		// Prisma's ?schema= would be ignored by the pg driver while migrations went to the default schema.
		if (/[?&]schema=/.test(value)) {
			throw new Error('DATABASE_URL: the ?schema= parameter is not supported. Give Hardmode a database of its own, or set the search_path of its role.')
		}
		return { kind: 'postgres', url: value }
	}
	throw new Error('DATABASE_URL must start with postgres://, postgresql:// or pglite: (or be unset for the embedded database in ./data/pglite).')
}

/**
 * Opens the database a DATABASE_URL names (see parseDatabaseUrl). Synchronous: PGlite starts
 * in the background and its first query waits for it, so an error opening it surfaces there.
 */
export function createDatabase(url: string | undefined, options: { defaultDataDir?: string } = {}): Database {
	const location = parseDatabaseUrl(url, options.defaultDataDir)
	if (location.kind === 'postgres') return createPostgresDatabase(location.url)
	if (location.dataDir === null) return databaseFromPglite(new PGlite())

	const dataDir = path.resolve(location.dataDir)
	const releaseLock = lockDataDir(dataDir)
	try {
		return databaseFromPglite(new PGlite({ dataDir }), releaseLock)
	} catch (error) {
		releaseLock()
		throw error
	}
}

/** Wraps a PGlite instance (e.g. one restored from a snapshot in tests). */
export function databaseFromPglite(pglite: PGlite, onClose: () => void = () => {}): Database {
	// A failed start is reported by the first query, which awaits the same promise.
	pglite.waitReady.catch(() => {})
	const prisma = timedClient(new PrismaPGlite(pglite))
	let closed: Promise<void> | undefined
	return {
		prisma,
		kind: 'pglite',
		pglite,
		close: () =>
			(closed ??= (async () => {
				try {
					await prisma.$disconnect()
					if (!pglite.closed) await pglite.close()
				} finally {
					onClose()
				}
			})()),
	}
}

function createPostgresDatabase(url: string): Database {
	const prisma = timedClient(new PrismaPg({ connectionString: url }))
	return { prisma, kind: 'postgres', close: () => prisma.$disconnect() }
}

/** A client whose statements' times go to the metrics (hardmode_db_query_duration_seconds, ADR 034). */
function timedClient(adapter: PrismaPGlite | PrismaPg): PrismaClient {
	const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] })
	client.$on('query', (event) => observeQuery(event.duration))
	return client as unknown as PrismaClient
}

/**
 * PGlite is one process's database and does not notice a second process opening the same
 * folder (both run, and the files get corrupted). So a lock file beside the folder records
 * who has it open; a lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
	const lockFile = `${dataDir}.lock`
	mkdirSync(path.dirname(lockFile), { recursive: true })
	const owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() }

	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(lockFile, 'wx')
			writeSync(fd, JSON.stringify(owner))
			closeSync(fd)
			const release = () => {
				process.off('exit', release)
				rmSync(lockFile, { force: true })
			}
			process.on('exit', release)
			return release
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
		}
		const holder = readLockOwner(lockFile)
		if (holder && isRunningHere(holder)) {
			const who = holder.pid === process.pid ? 'this process already has it open' : `process ${holder.pid} has had it open since ${holder.since}`
			throw new Error(
				`The embedded database in ${dataDir} is in use: ${who}. PGlite can be opened by one process at a time — ` +
					`stop the other server or command first, or point DATABASE_URL at a PostgreSQL server to run several. ` +
					`If no such process is running, delete ${lockFile}.`,
			)
		}
		if (holder && holder.host !== owner.host) {
			throw new Error(
				`The embedded database in ${dataDir} is locked by process ${holder.pid} on host ${holder.host} (${lockFile}). ` +
					`PGlite can be opened by one process at a time; if that process is gone, delete the lock file.`,
			)
		}
		rmSync(lockFile, { force: true })
	}
	throw new Error(`Could not lock the embedded database in ${dataDir}: ${lockFile} keeps reappearing.`)
}

function readLockOwner(lockFile: string): { pid: number; host: string; since: string } | null {
	try {
		const parsed = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid?: unknown; host?: unknown; since?: unknown }
		if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null
		return { pid: parsed.pid, host: parsed.host, since: String(parsed.since) }
	} catch {
		return null
	}
}

function isRunningHere(holder: { pid: number; host: string }) {
	if (holder.host !== hostname()) return false
	try {
		process.kill(holder.pid, 0)
		return true
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
}

// Cached on globalThis so a dev-server reload of this module reuses the open database
// instead of opening the PGlite folder a second time (which the lock would refuse).
const globalForDb = globalThis as typeof globalThis & { __hardmodeDatabase?: Database }

/** The process-wide database for process.env.DATABASE_URL, opened on first use. */
export function getDatabase(): Database {
	globalForDb.__hardmodeDatabase ??= createDatabase(process.env.DATABASE_URL, {
		defaultDataDir: path.join(process.env.DATA_DIR || './data', 'pglite'),
	})
	return globalForDb.__hardmodeDatabase
}

/**
 * Makes `database` the process-wide one, for integration tests that exercise code calling
 * getPrisma(). It does not close the one it replaces.
 */
export function useDatabase(database: Database): void {
	globalForDb.__hardmodeDatabase = database
}

/** The process-wide Prisma client (see getDatabase). */
export function getPrisma(): PrismaClient {
	return getDatabase().prisma
}
