// Database commands: npm run db:migrate | db:seed | db:reset (tsx server/cli/db.ts <command>).
// The Node check runs before anything else is imported (see server/index.ts).
import { assertSupportedNode } from '#server/node-version.ts'

assertSupportedNode('The database command')

const USAGE = `Usage: tsx server/cli/db.ts <command>
  migrate   apply pending migrations
  seed      re-create the demo organisation "Acme Payments" (deletes it first if present)
            with six months of simulated history (unless SEED_HISTORY=false)
  reset     drop everything in the database, migrate from scratch, and seed
Uses DATABASE_URL (unset: the embedded database in ./data/pglite).`

const command = process.argv[2]
if (command !== 'migrate' && command !== 'seed' && command !== 'reset') {
	console.error(USAGE)
	process.exit(command === undefined || command === '--help' || command === '-h' ? 0 : 1)
}

const { getDatabase } = await import('#app/utils/db.server.ts')
const { migrate, resetDatabase } = await import('#app/utils/migrate.server.ts')
const { DEMO_LOGINS, reseedDemo } = await import('#prisma/seed/demo.ts')
const { syncExercises } = await import('#app/models/exercise.server.ts')
const { servingCheck } = await import('#app/exercises/serving-check.ts')
const { openProofCache } = await import('#app/exercises/proof-cache.ts')
const { PROOF_CACHE_FILE } = await import('#server/exercise-sync.ts')
const { runTests } = await import('#app/runner/index.ts')
const { getEnv } = await import('#app/utils/env.server.ts')

let database: ReturnType<typeof getDatabase> | undefined
let usedSandbox = false
try {
	database = getDatabase()
	const where = database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'the embedded PGlite database'
	const report = command === 'reset' ? await resetDatabase(database.prisma) : await migrate(database.prisma)
	if (command === 'reset') console.log(`Dropped everything in ${where}.`)
	if (report.applied.length) console.log(`Applied ${report.applied.length} migration(s) to ${where}:\n${report.applied.map((name) => `  ${name}`).join('\n')}`)
	else console.log(`No pending migrations in ${where} (${report.alreadyApplied.length} applied).`)
	if (report.unknown.length) {
		console.warn(`Warning: the database has migrations this checkout does not know: ${report.unknown.join(', ')}. Is the code older than the database?`)
	}
	if (command === 'seed' || command === 'reset') {
		// The demo assignments point at exercises, so those are loaded first.
		usedSandbox = true
		const proofs = await openProofCache(PROOF_CACHE_FILE)
		const exercises = await syncExercises(database.prisma, new URL('../../exercises', import.meta.url).pathname, {
			check: servingCheck((request) => runTests(request), proofs),
			onCheck: (count) => console.log(`Checking ${count} new or changed exercise(s) before loading them…`),
		})
		for (const skipped of exercises.skipped) console.warn(`Exercise skipped: ${skipped.reason}`)
		await proofs.save()
		await reseedDemo(database.prisma)
		console.log(`Seeded the demo organisation "Acme Payments". Demo logins:`)
		for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(8)} ${login.email.padEnd(22)} ${login.password}`)
		if (getEnv().SEED_HISTORY) {
			const { describeHistory, seedDemoHistory } = await import('#prisma/seed/history/index.ts')
			const summary = await seedDemoHistory({ onStart: () => console.log('Simulating six months of practice (runs go through the sandbox)…') })
			if (summary) console.log(describeHistory(summary))
		}
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
} finally {
	// The sandbox's worker processes would keep the command alive.
	if (usedSandbox) await (await import('#app/runner/index.ts')).getDefaultPool().close()
	await database?.close()
}
