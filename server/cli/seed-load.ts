// `npm run seed:load -- [--database <url>] [--engineers 500] [--teams 50] [--attempts 200]`:
// replaces the load-test organisation in the configured database and says how long it took;
// with --measure, times the growth reads on it. What it writes, and how: prisma/seed/load/.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
	DEFAULT_LOAD,
	LOAD_EMAIL_DOMAIN,
	LOAD_ORGANIZATION_NAME,
	LOAD_PASSWORD,
	loadOrganization,
	measureReads,
	removeLoadOrganization,
	type LoadOptions,
	type ReadTimings,
} from '#prisma/seed/load/index.ts'
import { assertSupportedNode } from '#server/node-version.ts'

const USAGE = `Usage: npm run seed:load -- [--database <url>] [--engineers N] [--teams N] [--attempts N] [--exercises N] [--seed N] [--measure | --measure-only] [--no-analyze] [--remove]
  Replaces the load-test organisation "${LOAD_ORGANIZATION_NAME}" (default: 500 engineers in 50 teams, 200 attempts each).
  --database      pglite:<dir> or postgres://… (default: DATABASE_URL, else the embedded database in ./data/pglite)
  --measure       afterwards, time the growth reads (team dashboard, profile, report, analytics) and print p50/p95
  --measure-only  time the reads on the load organisation already there, without loading
  --no-analyze    skip ANALYZE after loading (to see plans without statistics)
  --remove        only delete the load organisation and its synthetic exercises`

type LoadCommand = { ok: true; database: string | undefined; remove: boolean; measure: 'no' | 'after' | 'only'; options: Partial<LoadOptions> }

export function parseLoadArgs(argv: string[]): LoadCommand | { ok: false; message: string } {
	const options: Partial<LoadOptions> = {}
	let database: string | undefined
	let remove = false
	let measure: LoadCommand['measure'] = 'no'
	const numbers: Record<string, keyof LoadOptions> = {
		'--engineers': 'engineers',
		'--teams': 'teams',
		'--attempts': 'attemptsPerEngineer',
		'--exercises': 'exercises',
		'--seed': 'seed',
	}
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i]!
		if (flag === '--remove') remove = true
		else if (flag === '--measure') measure = 'after'
		else if (flag === '--measure-only') measure = 'only'
		else if (flag === '--no-analyze') options.analyze = false
		else if (flag === '--database') {
			database = argv[++i]
			if (!database) return { ok: false, message: '--database needs a URL' }
		} else if (flag in numbers) {
			const value = Number(argv[++i])
			if (!Number.isInteger(value) || value < 1) return { ok: false, message: `${flag} needs a whole number of at least 1` }
			;(options as Record<string, number>)[numbers[flag]!] = value
		} else return { ok: false, message: `Unknown option ${flag}` }
	}
	if ((options.teams ?? DEFAULT_LOAD.teams) > (options.engineers ?? DEFAULT_LOAD.engineers))
		return { ok: false, message: 'There must be at least as many engineers as teams.' }
	return { ok: true, database, remove, measure, options }
}

async function main(argv: string[]) {
	const parsed = parseLoadArgs(argv)
	if (!parsed.ok) {
		console.error(`${parsed.message}\n${USAGE}`)
		return 2
	}
	const { createDatabase, useDatabase } = await import('#app/utils/db.server.ts')
	const { migrate } = await import('#app/utils/migrate.server.ts')
	const { getDefaultPool } = await import('#app/runner/index.ts')
	const url = parsed.database ?? process.env.DATABASE_URL
	const database = createDatabase(url, { defaultDataDir: path.join(process.env.DATA_DIR || './data', 'pglite') })
	useDatabase(database)
	const where = database.kind === 'postgres' ? 'PostgreSQL' : 'the embedded PGlite database'
	try {
		await migrate(database.prisma)
		if (parsed.measure === 'only') {
			printTimings(await measureReads(database.prisma), where)
			return 0
		}
		if (parsed.remove) {
			await removeLoadOrganization(database.prisma)
			console.log(`Removed "${LOAD_ORGANIZATION_NAME}" and its synthetic exercises.`)
			return 0
		}
		const summary = await loadOrganization(database.prisma, parsed.options, (message) => console.log(message))
		console.log(
			`Loaded "${LOAD_ORGANIZATION_NAME}" into ${where} in ${(summary.durationMs / 1000).toFixed(1)} s: ` +
				`${summary.engineers} engineers in ${summary.teams} teams, ${summary.attempts} attempts (${summary.firstAttempts} rated), ${summary.events} timeline events, ` +
				`${summary.journalEntries} journal entries, ${summary.runs} runs, ${summary.submissions} submissions, ${summary.reviews} reviews, ${summary.assignments} assignments, ` +
				`${summary.ratingChanges} rating changes, ${summary.exercises} synthetic exercises.\n` +
				`Log in as lead-01@${LOAD_EMAIL_DOMAIN} (password ${LOAD_PASSWORD}) to see a team; remove it with npm run seed:load -- --remove.`,
		)
		if (parsed.measure === 'after') printTimings(await measureReads(database.prisma), where)
		return 0
	} catch (error) {
		console.error(error instanceof Error ? error.message : error)
		return 1
	} finally {
		// Only loading used the sandbox (once, for the synthetic exercise's results).
		if (!parsed.remove && parsed.measure !== 'only') await getDefaultPool().close()
		await database.close()
	}
}

function printTimings(timings: ReadTimings, where: string) {
	console.log(`Growth reads on ${where} (ms of server time, ${Object.values(timings)[0]?.samples ?? 0} calls each):`)
	for (const [name, timing] of Object.entries(timings))
		console.log(`  ${name.padEnd(24)} p50 ${String(timing.p50).padStart(6)}   p95 ${String(timing.p95).padStart(6)}   max ${String(timing.max).padStart(6)}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	assertSupportedNode('seed:load')
	process.exitCode = await main(process.argv.slice(2))
}
