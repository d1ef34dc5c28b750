// npm run db:backup -- <file> | npm run db:restore -- <file> (tsx server/cli/db-backup.ts backup|restore <file>).
// The Node check runs before anything else is imported (see server/index.ts).
import { assertSupportedNode } from '#server/node-version.ts'

assertSupportedNode('The backup command')

const USAGE = `Usage: npm run db:backup -- <file>     save the database to <file>
       npm run db:restore -- <file>    replace the database with the backup in <file>
Uses DATABASE_URL (unset: the embedded database in ./data/pglite, which must not be open in a running server).
The embedded database is saved as PGlite's data-folder archive; PostgreSQL with pg_dump (custom format)
and restored with pg_restore in one transaction.`

const [command, file] = process.argv.slice(2)
if ((command !== 'backup' && command !== 'restore') || !file) {
	console.error(USAGE)
	process.exit(1)
}

const { backupDatabase, restoreDatabase } = await import('#server/backup.ts')
const target = { databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR || './data' }
try {
	console.log(command === 'backup' ? await backupDatabase(target, file) : await restoreDatabase(target, file))
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error))
	process.exitCode = 1
}
