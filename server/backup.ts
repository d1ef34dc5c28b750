// Backups (ADR 034). The embedded database is saved as PGlite's own data-folder archive (a
// gzipped tar, `dumpDataDir`), restored into a fresh folder with the old one kept beside it.
// PostgreSQL is saved with pg_dump's custom format and restored with pg_restore in one
// transaction, so a failed restore changes nothing.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { createDatabase, lockDataDir, parseDatabaseUrl } from '#app/utils/db.server.ts'

export type BackupTarget = { databaseUrl: string | undefined; dataDir: string }

/** What kind of backup a file holds, from its first bytes. */
export function backupFormat(file: string): 'pglite' | 'pg_dump' | 'unknown' {
	const head = readFileSync(file).subarray(0, 5)
	if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite' // gzip: PGlite's data-folder archive
	if (head.toString('latin1') === 'PGDMP') return 'pg_dump' // pg_dump --format=custom
	return 'unknown'
}

function locate(target: BackupTarget) {
	const location = parseDatabaseUrl(target.databaseUrl, path.join(target.dataDir, 'pglite'))
	if (location.kind === 'pglite' && location.dataDir === null) throw new Error('DATABASE_URL is pglite:memory, which keeps nothing to back up or restore.')
	return location
}

/** Writes a backup of the database DATABASE_URL names to `file`; returns a sentence saying what was saved. */
export async function backupDatabase(target: BackupTarget, file: string): Promise<string> {
	const location = locate(target)
	const output = path.resolve(file)
	const partial = `${output}.partial`
	if (location.kind === 'postgres') {
		await runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`], location.url)
	} else {
		// Opening it takes the folder's lock: a running server must be stopped first, and is named if not.
		const database = createDatabase(`pglite:${location.dataDir}`)
		try {
			await database.prisma.$queryRaw`SELECT 1`
			const archive = await database.pglite!.dumpDataDir('gzip')
			writeFileSync(partial, new Uint8Array(await archive.arrayBuffer()))
		} finally {
			await database.close()
		}
	}
	renameSync(partial, output)
	const where = location.kind === 'postgres' ? 'the PostgreSQL database' : `the embedded database in ${location.dataDir}`
	return `Backed up ${where} to ${output} (${formatSize(statSync(output).size)}).`
}

/** Restores `file` into the database DATABASE_URL names; returns what was done. Refuses a file of the other kind. */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<string> {
	const location = locate(target)
	const input = path.resolve(file)
	if (!existsSync(input)) throw new Error(`There is no backup at ${input}.`)
	const format = backupFormat(input)
	const expected = location.kind === 'postgres' ? 'pg_dump' : 'pglite'
	if (format !== expected) {
		const what = format === 'unknown' ? 'is not a Hardmode backup' : `is a backup of ${format === 'pglite' ? 'the embedded database' : 'a PostgreSQL database'}`
		const into = location.kind === 'postgres' ? 'a PostgreSQL database (DATABASE_URL)' : 'the embedded database'
		throw new Error(`${input} ${what}, so it cannot be restored into ${into}. Nothing was changed.`)
	}
	if (location.kind === 'postgres') {
		await runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', input], location.url)
		return `Restored the PostgreSQL database from ${input}.`
	}
	return restorePglite(path.resolve(location.dataDir!), input)
}

async function restorePglite(dataDir: string, input: string) {
	const release = lockDataDir(dataDir)
	const kept = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
	try {
		if (existsSync(dataDir)) renameSync(dataDir, kept)
		try {
			const pglite = new PGlite({ dataDir, loadDataDir: new Blob([new Uint8Array(readFileSync(input))]) })
			await pglite.query('SELECT count(*) FROM "_prisma_migrations"')
			await pglite.close()
		} catch (error) {
			// The archive did not open: the folder goes back as it was.
			rmSync(dataDir, { recursive: true, force: true })
			if (existsSync(kept)) renameSync(kept, dataDir)
			throw new Error(`${input} could not be restored (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`, { cause: error })
		}
	} finally {
		release()
	}
	const previous = existsSync(kept) ? ` The folder it replaced is kept at ${kept}; delete it once you have checked the restore.` : ''
	return `Restored the embedded database in ${dataDir} from ${input}.${previous}`
}

/** Runs pg_dump or pg_restore against `url`, the password passed in the environment rather than on the command line. */
async function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string) {
	const binary = findPgTool(tool)
	const parsed = new URL(url)
	const password = decodeURIComponent(parsed.password)
	parsed.password = ''
	const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }
	const stderr = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
		const child = spawn(binary, [...args, `--dbname=${parsed.toString()}`], { env, stdio: ['ignore', 'ignore', 'pipe'] })
		let text = ''
		child.stderr.on('data', (chunk) => (text += chunk))
		child.on('error', reject)
		child.on('close', (code) => resolve({ code, text }))
	})
	if (stderr.code !== 0) throw new Error(`${tool} failed (exit code ${stderr.code}):\n${stderr.text.trim()}`)
}

/** pg_dump / pg_restore on PATH, or in Debian's /usr/lib/postgresql/<version>/bin (newest first). */
export function findPgTool(tool: 'pg_dump' | 'pg_restore'): string {
	if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0) return tool
	const debian = '/usr/lib/postgresql'
	const versions = existsSync(debian) ? readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : []
	for (const version of versions) {
		const candidate = path.join(debian, version, 'bin', tool)
		if (existsSync(candidate)) return candidate
	}
	throw new Error(
		`${tool} was not found. Backing up and restoring PostgreSQL needs PostgreSQL's client tools, of the server's version or newer ` +
			`(Debian and Ubuntu: apt-get install postgresql-client).`,
	)
}

function formatSize(bytes: number) {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}
