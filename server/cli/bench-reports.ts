// Server time of the growth pages a lead opens for a growth review — the team dashboard, an
// engineer's profile and their growth report for last quarter — on the load organisation
// that `npm run seed:load` writes (500 engineers in 50 teams, 200 attempts each). It calls the
// pages' real loaders, guard and session lookup included, as React Router would; rendering
// is not included. Target: p95 ≤ 300 ms for each page. Figures go in docs/performance.md.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { assertSupportedNode } from '#server/node-version.ts'
import { LOAD_ADMIN_EMAIL } from '#prisma/seed/load/index.ts'

const TARGET_P95_MS = 300
const USAGE = `Usage: npm run bench:reports -- [--database <url>] [--samples N]
  Measures the growth pages on the load organisation; run npm run seed:load first (same database).`

type Page = {
	name: string
	url: (index: number) => { path: string; params: Record<string, string> }
	loader: (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>
}

async function main(argv: string[]) {
	let database: string | undefined
	let samples = 40
	for (let index = 0; index < argv.length; index++) {
		const flag = argv[index]
		if (flag === '--database') database = argv[++index]
		else if (flag === '--samples') samples = Number(argv[++index])
		else {
			console.error(`Unknown option ${flag}.\n${USAGE}`)
			return 2
		}
	}
	if (!Number.isInteger(samples) || samples < 5 || samples > 1000) {
		console.error(`--samples takes a whole number from 5 to 1000.\n${USAGE}`)
		return 2
	}
	const { createDatabase, useDatabase } = await import('#app/utils/db.server.ts')
	const { createSession } = await import('#app/utils/auth.server.ts')
	const teamGrowth = await import('#app/routes/teams.$teamId.growth.tsx')
	const profile = await import('#app/routes/people.$userId.tsx')
	const report = await import('#app/routes/people.$userId.report.tsx')
	const db = createDatabase(database ?? process.env.DATABASE_URL, { defaultDataDir: path.join(process.env.DATA_DIR || './data', 'pglite') })
	useDatabase(db)
	try {
		const admin = await db.prisma.user.findUnique({ where: { email: LOAD_ADMIN_EMAIL }, select: { id: true, organizationId: true } })
		if (!admin) {
			console.error(`There is no load organisation in this database.\n${USAGE}`)
			return 1
		}
		const [teams, engineers] = await Promise.all([
			db.prisma.team.findMany({ where: { organizationId: admin.organizationId }, orderBy: { name: 'asc' }, select: { id: true } }),
			db.prisma.membership.findMany({ where: { organizationId: admin.organizationId, role: 'learner' }, orderBy: { userId: 'asc' }, select: { userId: true } }),
		])
		// The organisation's admin may open every page; their session is looked up on every call, as in production.
		const cookie = (await createSession(admin.id, admin.organizationId, new Request('http://localhost/'))).split(';')[0]!
		const nth = <T>(items: T[], index: number) => items[(index * 7919) % items.length]!
		const pages: Page[] = [
			{
				name: 'team dashboard',
				url: (i) => ({ path: `/teams/${nth(teams, i).id}/growth`, params: { teamId: nth(teams, i).id } }),
				loader: teamGrowth.loader as Page['loader'],
			},
			{
				name: 'engineer profile',
				url: (i) => ({ path: `/people/${nth(engineers, i).userId}`, params: { userId: nth(engineers, i).userId } }),
				loader: profile.loader as Page['loader'],
			},
			{
				name: 'growth report (last quarter)',
				url: (i) => ({ path: `/people/${nth(engineers, i + 1).userId}/report`, params: { userId: nth(engineers, i + 1).userId } }),
				loader: report.loader as Page['loader'],
			},
		]
		console.log(
			`Growth pages on ${db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${engineers.length} engineers in ${teams.length} teams; ${samples} requests each after 3 to warm up (ms of server time).`,
		)
		let missed = 0
		for (const page of pages) {
			const call = async (index: number) => {
				const { path: pathname, params } = page.url(index)
				const outcome = await page
					.loader({ request: new Request(`http://localhost${pathname}`, { headers: { Cookie: cookie } }), params, context: {} })
					.catch((error: unknown) => error)
				if (outcome instanceof Response && outcome.status >= 300) throw new Error(`${page.name} answered ${outcome.status} for ${pathname}`)
			}
			for (let index = 0; index < 3; index++) await call(samples + index)
			const times: number[] = []
			for (let index = 0; index < samples; index++) {
				const started = performance.now()
				await call(index)
				times.push(performance.now() - started)
			}
			times.sort((a, b) => a - b)
			const at = (share: number) => times[Math.min(times.length - 1, Math.ceil(share * times.length) - 1)]!
			const p95 = at(0.95)
			if (p95 > TARGET_P95_MS) missed++
			console.log(
				`  ${page.name.padEnd(30)} p50 ${at(0.5).toFixed(1).padStart(7)}   p95 ${p95.toFixed(1).padStart(7)}   max ${at(1).toFixed(1).padStart(7)}   ${p95 <= TARGET_P95_MS ? 'within' : 'OVER'} the ${TARGET_P95_MS} ms target`,
			)
		}
		return missed ? 1 : 0
	} finally {
		await db.close()
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	assertSupportedNode('bench:reports')
	process.exitCode = await main(process.argv.slice(2))
}
