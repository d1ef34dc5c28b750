import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Applies the SQL migrations in prisma/migrations, recording them in Prisma's own
// `_prisma_migrations` table, so `prisma migrate status` / `deploy` agree with us on a
// machine that has Prisma's schema engine (we cannot download it; see ADR 003).

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url))

// The advisory lock key Prisma's schema engine takes while migrating PostgreSQL: using the
// same key serialises our servers with each other and with `prisma migrate deploy`.
const PRISMA_MIGRATE_LOCK = 72707369

// Exactly the table Prisma's schema engine creates on PostgreSQL.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`

export interface Migration {
	/** The folder name, e.g. 20261124183544_init; migrations run in name order. */
	name: string
	sql: string
	/** SHA-256 (hex) of migration.sql, as Prisma computes it. */
	checksum: string
}

export interface MigrationReport {
	applied: string[]
	alreadyApplied: string[]
	/** Recorded in the database but not in the migrations folder (e.g. a newer version ran here). */
	unknown: string[]
}

export class MigrationError extends Error {
	override name = 'MigrationError'
}

/**
 * Something migrate() can run SQL through: a PrismaClient, or a single session that has
 * `query(text, params)` returning `{ rows }` — a PGlite instance or a pg Client. (A pg Pool
 * is not a session: check a client out of it first.)
 */
export type MigrationTarget = PrismaLike | SqlSession

interface PrismaLike {
	$transaction<T>(fn: (tx: PrismaTx) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T>
}
interface PrismaTx {
	$queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>
	$executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>
}
interface SqlSession {
	query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>
}

interface Sql {
	rows<T>(text: string, ...params: unknown[]): Promise<T[]>
	run(text: string): Promise<void>
}

/** Reads prisma/migrations/<name>/migration.sql, in name order. */
export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Migration[] {
	if (!existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}.`)
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
		.map((name) => {
			const file = path.join(dir, name, 'migration.sql')
			if (!existsSync(file)) throw new MigrationError(`The migration folder ${name} has no migration.sql.`)
			const bytes = readFileSync(file)
			return { name, sql: bytes.toString('utf8'), checksum: sha256(bytes) }
		})
}

/**
 * Applies every migration not yet recorded, in order, each in its own transaction with its
 * `_prisma_migrations` row. Idempotent, so it runs on every server start. Refuses to run
 * when an applied migration's file has changed or a migration is recorded as failed.
 */
export async function migrate(target: MigrationTarget, options: { migrationsDir?: string; migrations?: Migration[] } = {}): Promise<MigrationReport> {
	const migrations = options.migrations ?? readMigrations(options.migrationsDir)
	const known = new Set(migrations.map((migration) => migration.name))

	const recorded = await inTransaction(target, async (sql) => {
		await lockMigrations(sql)
		await sql.run(CREATE_MIGRATIONS_TABLE)
		return readRecorded(sql)
	})
	checkHistory(migrations, recorded)

	const report: MigrationReport = {
		applied: [],
		alreadyApplied: migrations.filter((migration) => recorded.has(migration.name)).map((migration) => migration.name),
		unknown: [...recorded.keys()].filter((name) => !known.has(name)).sort(),
	}

	for (const migration of migrations) {
		if (recorded.has(migration.name)) continue
		const appliedHere = await inTransaction(target, async (sql) => {
			await lockMigrations(sql)
			// Another server may have applied it while we waited for the lock.
			const now = await readRecorded(sql)
			checkHistory(migrations, now)
			if (now.has(migration.name)) return false
			for (const statement of splitSqlStatements(migration.sql)) {
				try {
					await sql.run(statement)
				} catch (error) {
					throw new MigrationError(
						`Migration ${migration.name} failed, and nothing from it was applied: ${errorMessage(error)}\n` + `The statement was:\n${statement}`,
						{ cause: error },
					)
				}
			}
			await sql.rows(
				`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
				 VALUES ($1, $2, $3, now(), clock_timestamp(), 1) RETURNING id`,
				randomUUID(),
				migration.checksum,
				migration.name,
			)
			return true
		})
		if (appliedHere) report.applied.push(migration.name)
		else report.alreadyApplied.push(migration.name)
	}
	return report
}

interface RecordedMigration {
	checksum: string
	finished: boolean
}

async function readRecorded(sql: Sql) {
	const rows = await sql.rows<{ migration_name: string; checksum: string; finished: boolean }>(
		`SELECT migration_name, checksum, finished_at IS NOT NULL AS finished
		 FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
	)
	const recorded = new Map<string, RecordedMigration>()
	for (const row of rows) {
		// Several rows for one name happen when Prisma retried a failed migration; the finished one counts.
		const earlier = recorded.get(row.migration_name)
		if (!earlier || !earlier.finished) recorded.set(row.migration_name, { checksum: row.checksum, finished: row.finished })
	}
	return recorded
}

function checkHistory(migrations: Migration[], recorded: Map<string, RecordedMigration>) {
	for (const [name, row] of recorded) {
		if (!row.finished) {
			throw new MigrationError(
				`Migration ${name} is recorded as started but not finished (a failed \`prisma migrate deploy\`?), so the ` +
					`database may be half-migrated. Fix the database by hand, then mark the row in "_prisma_migrations" as ` +
					`rolled back (or run \`prisma migrate resolve\`) before starting again.`,
			)
		}
	}
	for (const migration of migrations) {
		const row = recorded.get(migration.name)
		if (!row) continue
		// Prisma also accepts the checksum of the file with CRLF line endings turned into LF.
		const lf = sha256(Buffer.from(migration.sql.replaceAll('\r\n', '\n'), 'utf8'))
		if (row.checksum !== migration.checksum && row.checksum !== lf) {
			throw new MigrationError(
				`Migration ${migration.name} was changed after it was applied to this database ` +
					`(checksum ${row.checksum} recorded, ${migration.checksum} now). Applied migrations must not be edited: ` +
					`restore prisma/migrations/${migration.name}/migration.sql and put the change in a new migration.`,
			)
		}
	}
}

async function lockMigrations(sql: Sql) {
	// Released at the end of the transaction. PGlite has one session, so it never waits there.
	await sql.rows(`SELECT pg_advisory_xact_lock(${PRISMA_MIGRATE_LOCK})::text AS locked`)
}

/**
 * Drops everything in the current schema (tables, views, sequences, types, functions),
 * leaving an empty database for migrate(). Works without owning the schema itself.
 */
export async function dropAllObjects(target: MigrationTarget): Promise<void> {
	await inTransaction(target, async (sql) => {
		await lockMigrations(sql)
		const objects = await sql.rows<{ statement: string }>(`
			SELECT format('DROP %s IF EXISTS %I.%I CASCADE', CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, n.nspname, c.relname) AS statement
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')
			UNION ALL
			SELECT format('DROP SEQUENCE IF EXISTS %I.%I CASCADE', n.nspname, c.relname)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND c.relkind = 'S'
			UNION ALL
			SELECT format('DROP FUNCTION IF EXISTS %I.%I(%s) CASCADE', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
			FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
			WHERE n.nspname = current_schema() AND p.prokind = 'f' AND d.objid IS NULL
			UNION ALL
			SELECT format('DROP TYPE IF EXISTS %I.%I CASCADE', n.nspname, t.typname)
			FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			LEFT JOIN pg_depend d ON d.objid = t.oid AND d.deptype = 'e'
			WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd', 'c') AND d.objid IS NULL
			  AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
		`)
		for (const { statement } of objects) await sql.run(statement)
	})
}

/** Empties the database completely and migrates it from scratch. */
export async function resetDatabase(target: MigrationTarget, options: Parameters<typeof migrate>[1] = {}): Promise<MigrationReport> {
	await dropAllObjects(target)
	return migrate(target, options)
}

async function inTransaction<T>(target: MigrationTarget, fn: (sql: Sql) => Promise<T>): Promise<T> {
	if ('$transaction' in target) {
		// Migrations can be slow and may wait for another server's lock: no 5 s default limit.
		return target.$transaction(
			(tx) =>
				fn({
					rows: (text, ...params) => tx.$queryRawUnsafe(text, ...params),
					run: async (text) => {
						await tx.$executeRawUnsafe(text)
					},
				}),
			{ maxWait: 60_000, timeout: 60 * 60_000 },
		)
	}
	const sql: Sql = {
		rows: async <R>(text: string, ...params: unknown[]) => (await target.query(text, params)).rows as R[],
		run: async (text) => {
			await target.query(text)
		},
	}
	await target.query('BEGIN')
	try {
		const result = await fn(sql)
		await target.query('COMMIT')
		return result
	} catch (error) {
		await target.query('ROLLBACK').catch(() => {})
		throw error
	}
}

/**
 * Splits a SQL script into statements at top-level semicolons, understanding comments,
 * quoted strings and identifiers, and dollar-quoted bodies. Drops BEGIN/COMMIT lines
 * (Prisma writes them around enum changes), since each migration already runs in one
 * transaction.
 */
export function splitSqlStatements(script: string): string[] {
	const statements: string[] = []
	let start = 0
	let i = 0
	const push = (end: number) => {
		const statement = script.slice(start, end).trim()
		if (hasCode(statement) && !/^(BEGIN|COMMIT|END|START\s+TRANSACTION)(\s+(WORK|TRANSACTION))?\s*$/i.test(stripComments(statement))) {
			statements.push(statement)
		}
	}
	while (i < script.length) {
		const char = script[i]!
		const next = script[i + 1]
		if (char === '-' && next === '-') {
			const end = script.indexOf('\n', i)
			i = end === -1 ? script.length : end + 1
		} else if (char === '/' && next === '*') {
			let depth = 1
			i += 2
			while (i < script.length && depth > 0) {
				if (script[i] === '/' && script[i + 1] === '*') {
					depth++
					i += 2
				} else if (script[i] === '*' && script[i + 1] === '/') {
					depth--
					i += 2
				} else i++
			}
		} else if (char === "'" || char === '"') {
			const escapes = char === "'" && /[eE]/.test(script[i - 1] ?? '') && !/\w/.test(script[i - 2] ?? '')
			i++
			while (i < script.length) {
				if (escapes && script[i] === '\\') i += 2
				else if (script[i] === char && script[i + 1] === char) i += 2
				else if (script[i] === char) break
				else i++
			}
			i++
		} else if (char === '$' && !/\w/.test(script[i - 1] ?? '')) {
			const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i))
			if (tag) {
				const end = script.indexOf(tag[0], i + tag[0].length)
				i = end === -1 ? script.length : end + tag[0].length
			} else i++
		} else if (char === ';') {
			push(i)
			i++
			start = i
		} else i++
	}
	push(script.length)
	return statements
}

function stripComments(statement: string) {
	return statement
		.replace(/\/\*[\s\S]*?\*\//g, ' ')
		.replace(/--[^\n]*/g, ' ')
		.trim()
}

function hasCode(statement: string) {
	return stripComments(statement).length > 0
}

function sha256(bytes: Buffer) {
	return createHash('sha256').update(bytes).digest('hex')
}

function errorMessage(error: unknown) {
	return error instanceof Error ? error.message : String(error)
}
