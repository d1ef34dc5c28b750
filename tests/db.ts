import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { createDatabase, databaseFromPglite, type Database } from '#app/utils/db.server.ts'
import { dropAllObjects, migrate, readMigrations } from '#app/utils/migrate.server.ts'

// Integration tests that need a database are named *.db.test.ts and call
// createTestDatabase() once per file. By default each file gets its own in-memory PGlite;
// with TEST_DB=postgres and TEST_DATABASE_URL, a throw-away database on that server.

const root = fileURLToPath(new URL('..', import.meta.url))
const snapshotDir = path.join(root, 'node_modules/.cache/hardmode-test-db')

export function testDatabaseKind(): 'pglite' | 'postgres' {
	if (process.env.TEST_DB === 'postgres') {
		if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (a PostgreSQL URL whose user may CREATE DATABASE).')
		return 'postgres'
	}
	return 'pglite'
}

/** A fresh, migrated, empty database for one test file. Close it in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
	return testDatabaseKind() === 'postgres' ? createPostgresTestDatabase(process.env.TEST_DATABASE_URL!) : createPgliteTestDatabase()
}

/** Like createTestDatabase, but with nothing in it: not even the migrations. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
	if (testDatabaseKind() === 'postgres') return createPostgresTestDatabase(process.env.TEST_DATABASE_URL!, { migrated: false })
	// Cheaper than initdb, and the same thing: a database with no objects of ours in it.
	const database = databaseFromPglite(await createTestPglite())
	await dropAllObjects(database.prisma)
	return { ...database, url: null }
}

/** A bare PGlite instance (no Prisma) holding a fresh migrated database. */
export async function createTestPglite(): Promise<PGlite> {
	return new PGlite({ loadDataDir: await migratedSnapshot() })
}

/** Writes a fresh migrated PGlite data folder at `dataDir` (which must not exist yet), for tests of code that opens a folder. */
export async function createTestPgliteFolder(dataDir: string): Promise<void> {
	const pglite = new PGlite({ dataDir, loadDataDir: await migratedSnapshot() })
	await pglite.close()
}

// Starting PGlite from nothing runs initdb (≈1–2 s); restoring a data folder saved after
// migrating takes a fraction of that. The snapshot is kept on disk, keyed by the PGlite
// version and the migrations, so every test file (each in its own worker) can reuse it.
async function createPgliteTestDatabase(): Promise<TestDatabase> {
	const database = databaseFromPglite(await createTestPglite())
	await migrate(database.prisma) // a no-op unless the snapshot is stale: proves it is not
	return { ...database, url: null }
}

async function migratedSnapshot(): Promise<Blob> {
	const migrations = readMigrations()
	const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite') // <package>/dist/index.cjs
	const pgliteVersion = (JSON.parse(readFileSync(path.resolve(path.dirname(pgliteEntry), '../package.json'), 'utf8')) as { version: string }).version
	const key = createHash('sha256')
		.update(pgliteVersion)
		.update(migrations.map((migration) => `${migration.name}:${migration.checksum}`).join('\n'))
		.digest('hex')
		.slice(0, 16)
	const file = path.join(snapshotDir, `pglite-${key}.tar`)
	try {
		// Read now rather than lazily (openAsBlob), in case a parallel worker replaces the file meanwhile.
		return new Blob([new Uint8Array(readFileSync(file))])
	} catch {
		const pglite = new PGlite()
		try {
			await migrate(pglite, { migrations })
			const tarball = await pglite.dumpDataDir('none')
			mkdirSync(snapshotDir, { recursive: true })
			// Snapshots for older migrations or PGlite versions are dead weight (≈40 MB each).
			for (const entry of readdirSync(snapshotDir)) {
				if (entry.startsWith('pglite-') && !entry.startsWith(`pglite-${key}`)) rmSync(path.join(snapshotDir, entry), { force: true })
			}
			// Written aside and renamed, so a parallel worker never reads half a file.
			const temporary = `${file}.${process.pid}.tmp`
			writeFileSync(temporary, new Uint8Array(await tarball.arrayBuffer()))
			renameSync(temporary, file)
			return tarball
		} finally {
			await pglite.close()
		}
	}
}

export type TestDatabase = Database & {
	/** The postgres:// URL of a PostgreSQL test database (null for PGlite, which lives in this process). */
	url: string | null
}

async function createPostgresTestDatabase(serverUrl: string, { migrated = true } = {}): Promise<TestDatabase> {
	const name = `hardmode_test_${randomBytes(6).toString('hex')}`
	await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`))
	const url = new URL(serverUrl)
	url.pathname = `/${name}`
	const database = createDatabase(url.toString())
	try {
		if (migrated) await migrate(database.prisma)
	} catch (error) {
		await database.close()
		await dropPostgresDatabase(serverUrl, name)
		throw error
	}
	return {
		...database,
		url: url.toString(),
		async close() {
			await database.close()
			await dropPostgresDatabase(serverUrl, name)
		},
	}
}

function dropPostgresDatabase(serverUrl: string, name: string) {
	return withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}

async function withAdminClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>) {
	const client = new pg.Client({ connectionString: serverUrl })
	await client.connect()
	try {
		return await fn(client)
	} finally {
		await client.end()
	}
}
