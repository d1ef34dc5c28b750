// The team growth dashboard and exercise analytics as a lead meets them: through the real
// loaders, over the demo organisation with simulated history, and rendered the way the
// server renders them.
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider, useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedCatalogue } from '#tests/catalogue.ts'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie } from '#tests/routes.ts'
import { TOPICS } from '#app/exercises/topics.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt } from '#app/models/attempt/guard.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { raiseFlag } from '#app/models/flag.server.ts'
import { createOrganizationWithAdmin } from '#app/models/organization.server.ts'
import { addTeamMember, createTeam } from '#app/models/team.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import { SECOND_TEAM_NAME, seedDemoHistory } from '#prisma/seed/history/index.ts'
import * as analyticsRoute from './exercises.$slug.analytics.tsx'
import * as growthRoute from './teams.$teamId.growth.tsx'

const DAY_MS = 86_400_000
/** An exercise a second organisation attempts and flags, to tell scoped figures from platform-wide ones. */
const SHARED = 'free-shipping-for-everyone'

let db: Database
const catalogue = fixedCatalogue()
const cookies = { lead: '', admin: '', ada: '', pat: '', outsider: '' }
const ids = { org: '', checkout: '', payments: '', platform: '', newbie: '', outsiderOrg: '' }

type GrowthData = Awaited<ReturnType<typeof growthRoute.loader>>
type AnalyticsData = Awaited<ReturnType<typeof analyticsRoute.loader>>

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	// The history's attempts spread over the catalogue: a fixed one keeps them where these tests look.
	await syncExercises(db.prisma, catalogue.root)
	await seedDemo(db.prisma)
	// Six weeks rather than six months keep the test quick; the simulation is the same.
	const history = await seedDemoHistory({ now: new Date(), days: 42 })
	if (!history) throw new Error('the demo history was not seeded')
	const user = (email: string) => db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, organizationId: true } })
	const lead = await user('lead@hardmode.dev')
	ids.org = lead.organizationId
	const team = (name: string) => db.prisma.team.findFirstOrThrow({ where: { organizationId: ids.org, name }, select: { id: true } })
	ids.checkout = (await team('Checkout')).id
	ids.payments = (await team(SECOND_TEAM_NAME)).id

	// Another team of the same organisation, led by someone who does not lead Checkout; no learners yet.
	const passwordHash = await hashPassword('hardmode-demo')
	const pat = await db.prisma.user.create({
		data: { organizationId: ids.org, email: 'pat@hardmode.dev', name: 'Pat Platform', passwordHash },
		select: { id: true },
	})
	const newbie = await db.prisma.user.create({
		data: { organizationId: ids.org, email: 'newbie@hardmode.dev', name: 'Nico Newbie', passwordHash },
		select: { id: true },
	})
	ids.newbie = newbie.id
	const platform = await createTeam({ organizationId: ids.org, actorId: lead.id, name: 'Platform', leadUserId: pat.id })
	if (!platform.ok) throw new Error(platform.message)
	ids.platform = platform.team.id

	// A second organisation that attempts and flags an exercise the demo organisation also practises.
	const outsider = await createOrganizationWithAdmin({
		organizationName: 'Tidewater Software',
		name: 'Bill Lund',
		email: 'bill@tidewater.test',
		password: 'tide tables all week',
	})
	ids.outsiderOrg = outsider.organizationId
	const attempt = await startAttempt(outsider, SHARED)
	await giveUp(await requireAttempt(outsider, attempt.id))
	const flagged = await raiseFlag(outsider, SHARED, { reason: 'ambiguous', comment: 'The brief never says which promotions stack.', attemptId: attempt.id })
	if (!flagged.ok) throw new Error(flagged.message)

	cookies.lead = await loginCookie('lead@hardmode.dev')
	cookies.admin = await loginCookie('admin@hardmode.dev')
	cookies.ada = await loginCookie('ada@hardmode.dev')
	cookies.pat = await loginCookie('pat@hardmode.dev')
	cookies.outsider = await loginCookie('bill@tidewater.test', 'tide tables all week')
}, 180_000)

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
	catalogue.remove()
})

function teamGrowth(teamId: string, cookie: string, query = '') {
	return call(growthRoute.loader, get(`/teams/${teamId}/growth${query}`, cookie), { teamId })
}

async function growthOf(teamId: string, query = '', cookie = cookies.lead) {
	const result = await teamGrowth(teamId, cookie, query)
	expect(result.status).toBe(200)
	return result.data as GrowthData
}

function analytics(slug: string, cookie: string, query = '') {
	return call(analyticsRoute.loader, get(`/exercises/${slug}/analytics${query}`, cookie), { slug })
}

async function analyticsOf(slug: string, query = '') {
	const result = await analytics(slug, cookies.lead, query)
	expect(result.status).toBe(200)
	return result.data as AnalyticsData
}

/** The page's HTML as the server renders it for `url`: the route's real loader, then its component. */
async function renderHtml(route: { loader: unknown; default: unknown }, path: string, url: string, cookie = cookies.lead) {
	const Page = route.default as (props: { loaderData: unknown }) => React.ReactNode
	const routes = [
		{
			id: 'page',
			path,
			loader: (args: LoaderFunctionArgs) => (route.loader as (args: LoaderFunctionArgs) => unknown)(args),
			Component: () => createElement(Page, { loaderData: useLoaderData() }),
		},
	]
	const handler = createStaticHandler(routes)
	const context = await handler.query(new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }))
	if (context instanceof Response) throw new Error(`unexpected response ${context.status}`)
	return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }))
}

/** Text as a person reads it: no tags, no React's text separators, entities decoded. */
function textOf(html: string) {
	return html
		.replace(/<!-- -->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#x27;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
}

const growthHtml = (teamId: string, query = '', cookie = cookies.lead) =>
	renderHtml(growthRoute, '/teams/:teamId/growth', `/teams/${teamId}/growth${query}`, cookie)
const renderGrowth = async (teamId: string, query = '', cookie = cookies.lead) => textOf(await growthHtml(teamId, query, cookie))
const renderAnalytics = async (slug: string, query = '') =>
	textOf(await renderHtml(analyticsRoute, '/exercises/:slug/analytics', `/exercises/${slug}/analytics${query}`))

describe('team growth dashboard', () => {
	it('shows a heat-map of every Checkout learner’s stored ratings by topic, and nobody from another team', async () => {
		const growth = await growthOf(ids.checkout)
		expect(growth.team.name).toBe('Checkout')
		expect(growth.members.map((member) => member.name)).toEqual(['Ada Moreno', 'Grace Okafor', 'Linus Berg', 'Priya Nair', 'Tomás Ruiz'])
		expect(growth.topics.length).toBeGreaterThan(3)

		const stored = await db.prisma.skillRating.findMany({
			where: { organizationId: ids.org, user: { memberships: { some: { teamId: ids.checkout, role: 'learner' } } } },
			select: { userId: true, topic: true, rating: true, rd: true, games: true },
		})
		expect(stored.length).toBeGreaterThan(10)
		for (const skill of stored) {
			const cell = growth.members.find((member) => member.id === skill.userId)!.ratings[skill.topic]
			expect(cell, `${skill.userId} in ${skill.topic}`).toMatchObject({ rating: Math.round(skill.rating), rd: Math.round(skill.rd), games: skill.games })
		}
		// A member with no games in a topic has an empty cell, not a start rating.
		const cells = growth.members.reduce((sum, member) => sum + Object.keys(member.ratings).length, 0)
		expect(cells).toBe(stored.length)
		// Columns run in the catalogue's topic order, only topics someone is rated in.
		expect(growth.topics.map((topic) => topic.id)).toEqual([...new Set(stored.map((skill) => skill.topic))].sort((a, b) => topicIndex(a) - topicIndex(b)))

		const html = await renderGrowth(ids.checkout)
		expect(html).toContain('Growth of Checkout')
		expect(html).toContain('Skill ratings of Checkout’s learners by topic')
		const ada = growth.members.find((member) => member.name === 'Ada Moreno')!
		const skill = Object.values(ada.ratings)[0]!
		expect(html).toContain(`${skill.rating}`)
		// Six weeks of history leave ratings provisional (RD ≥ 110): said so instead of a ± figure.
		expect(html).toContain(
			skill.rd >= 110 ? `, provisional, after ${skill.games} rated attempt` : `give or take ${skill.rd}, after ${skill.games} rated attempt`,
		)
	})

	it('links each member to their profile and their growth report', async () => {
		const growth = await growthOf(ids.checkout)
		const context = await growthHtml(ids.checkout)
		for (const member of growth.members) {
			expect(context).toContain(`href="/people/${member.id}"`)
			expect(context).toContain(`href="/people/${member.id}/report"`)
			expect(context).toContain(`aria-label="Growth report for ${member.name}"`)
		}
	})

	it('moves the trend arrows between the last 90 days (the default) and the last 30 with ?window=30', async () => {
		const ninety = await growthOf(ids.checkout)
		const thirty = await growthOf(ids.checkout, '?window=30')
		const nonsense = await growthOf(ids.checkout, '?window=7')
		expect([ninety.days, thirty.days, nonsense.days]).toEqual([90, 30, 90])

		// Each arrow is the sum of the stored rating changes in its window.
		const now = Date.now()
		const changes = await db.prisma.ratingChange.findMany({
			where: { organizationId: ids.org, at: { gte: new Date(now - 90 * DAY_MS) } },
			select: { userId: true, topic: true, delta: true, at: true },
		})
		let differs = false
		for (const member of ninety.members) {
			for (const [topic, cell] of Object.entries(member.ratings)) {
				const mine = changes.filter((change) => change.userId === member.id && change.topic === topic)
				const recent = mine.filter((change) => change.at.getTime() >= now - 30 * DAY_MS)
				expect(cell.trend).toEqual({ delta: Math.round(mine.reduce((sum, change) => sum + change.delta, 0)), games: mine.length })
				const short = thirty.members.find((other) => other.id === member.id)!.ratings[topic]!
				expect(short.trend).toEqual({ delta: Math.round(recent.reduce((sum, change) => sum + change.delta, 0)), games: recent.length })
				if (short.trend.games !== cell.trend.games) differs = true
			}
		}
		expect(differs, 'six weeks of history should put some games outside the last 30 days').toBe(true)

		const html30 = await renderGrowth(ids.checkout, '?window=30')
		expect(html30).toMatch(/(up|down) \d+ in 30 days|steady in 30 days|no rated attempts in 30 days/)
		expect(html30).not.toMatch(/in 90 days \(|(up|down) \d+ in 90 days/)
		expect(await growthHtml(ids.checkout, '?window=30')).toMatch(
			/<a[^>]*aria-current="page"[^>]*href="\/teams\/[^"]+\/growth\?window=30"|<a[^>]*href="\/teams\/[^"]+\/growth\?window=30"[^>]*aria-current="page"/,
		)
	})

	it('gives per-member and whole-team practice figures over the last 90 days', async () => {
		const growth = await growthOf(ids.checkout)
		const since = new Date(Date.now() - 90 * DAY_MS)
		const finished = await db.prisma.attemptMetrics.findMany({
			where: { organizationId: ids.org, finishedAt: { gte: since }, userId: { in: growth.members.map((member) => member.id) } },
			select: { userId: true, independent: true },
		})
		expect(growth.totals.attemptsLast90Days).toBe(finished.length)
		expect(growth.totals.independenceRate.sample).toBe(finished.length)
		expect(growth.totals.independenceRate.value).toBeCloseTo(finished.filter((row) => row.independent).length / finished.length)
		for (const member of growth.members) {
			expect(member.attemptsLast90Days).toBe(finished.filter((row) => row.userId === member.id).length)
		}
		const html = await renderGrowth(ids.checkout)
		expect(html).toContain('Whole team')
		expect(html).toContain(`${Math.round(growth.totals.independenceRate.value! * 100)}%`)
	})

	it('says what to do when a team has no learners, then no rated attempts, and hides a figure whose sample is too small', async () => {
		// Pat leads Platform, which has nobody to learn yet.
		const empty = await growthOf(ids.platform, '', cookies.pat)
		expect(empty.members).toEqual([])
		expect(await renderGrowth(ids.platform, '', cookies.pat)).toContain(
			'Platform has no learners, so there is no growth to show. Invite engineers from the team page',
		)

		const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hardmode.dev' }, select: { id: true } })
		const added = await addTeamMember({ organizationId: ids.org, actorId: admin.id, teamId: ids.platform, userId: ids.newbie, role: 'learner' })
		expect(added.ok).toBe(true)
		const unrated = await growthOf(ids.platform, '', cookies.pat)
		expect(unrated.members.map((member) => member.name)).toEqual(['Nico Newbie'])
		expect(unrated.topics).toEqual([])
		expect(await renderGrowth(ids.platform, '', cookies.pat)).toContain(
			'No rated attempts yet: a rating appears once a learner finishes their first attempt at an exercise',
		)

		// One attempt, given up: rated, but far too few attempts to give a rate.
		const owner = { id: ids.newbie, organizationId: ids.org }
		const attempt = await startAttempt(owner, 'leaderboard-order-is-random')
		await giveUp(await requireAttempt(owner, attempt.id))
		const one = await growthOf(ids.platform, '', cookies.pat)
		expect(one.topics.length).toBeGreaterThan(0)
		expect(one.members[0]!.independenceRate).toEqual({ value: 0, sample: 1, enough: false })
		expect(one.totals.independenceRate.enough).toBe(false)
		const html = await renderGrowth(ids.platform, '', cookies.pat)
		expect(html).toContain('1 attempt — too few to say')
		expect(html).toContain('A figure needs at least 3')
		expect(html).not.toMatch(/\b0%/)
		// One member is no team mean either.
		expect(html).toContain('1 rated too few')
	})

	it('is for the team’s leads and org admins: a learner and another team’s lead get 403, another organisation 404', async () => {
		expect((await teamGrowth(ids.checkout, cookies.admin)).status).toBe(200)
		expect((await teamGrowth(ids.payments, cookies.lead)).status).toBe(200)
		const learner = await teamGrowth(ids.checkout, cookies.ada)
		expect(learner.status).toBe(403)
		const otherLead = await teamGrowth(ids.checkout, cookies.pat)
		expect(otherLead.status).toBe(403)
		expect(otherLead.data).toContain('Only this team’s leads and organisation admins')
		expect((await teamGrowth(ids.checkout, cookies.outsider)).status).toBe(404)
		expect((await teamGrowth('not-a-team', cookies.lead)).status).toBe(404)
		const anonymous = await teamGrowth(ids.checkout, '')
		expect(anonymous.status).toBe(302)
		expect(anonymous.headers.get('Location')).toContain('/login')
	})

	it('titles the page after the team', () => {
		const meta = growthRoute.meta({ loaderData: { team: { name: 'Checkout' } } } as unknown as Parameters<typeof growthRoute.meta>[0])
		expect(meta).toEqual([{ title: 'Growth · Checkout · Hardmode' }])
	})
})

describe('exercise analytics', () => {
	it('counts only the caller’s organisation, even when a lead asks for ?scope=all', async () => {
		const exercise = await db.prisma.exercise.findUniqueOrThrow({ where: { slug: SHARED }, select: { id: true } })
		const ours = await db.prisma.attempt.count({ where: { exerciseId: exercise.id, organizationId: ids.org } })
		expect(ours).toBeGreaterThan(0)
		// The demo history has learners flag a few exercises; the other organisation raised none.
		const ourFlags = await db.prisma.exerciseFlag.count({ where: { exerciseId: exercise.id, organizationId: ids.org, resolvedAt: null } })

		const scoped = await analyticsOf(SHARED)
		expect(scoped.scope).toBe('organization')
		expect(scoped.figures!.attempts.total).toBe(ours)
		expect(scoped.openFlags!.total).toBe(ourFlags)

		// Other organisations' figures are the platform role's (ADR 015): a lead gets their own, and is told why.
		const asked = await analyticsOf(SHARED, '?scope=all')
		expect(asked).toMatchObject({ scope: 'organization', scopeRefused: true, platformScope: null })
		expect(asked.figures!.attempts.total).toBe(ours)
		expect(asked.openFlags!.total).toBe(ourFlags)
		const html = await renderAnalytics(SHARED, '?scope=all')
		expect(html).toContain(
			'Figures from every organisation are only for the people who run this Hardmode server. These count attempts by people in Acme Payments.',
		)
		expect(html).not.toContain('All organisations')
		if (ourFlags === 0) expect(await renderAnalytics(SHARED)).toContain('No open flags in Acme Payments.')

		// The other organisation sees its own one attempt, and a rate it cannot yet trust.
		const theirs = await analytics(SHARED, cookies.outsider)
		expect(theirs.status).toBe(200)
		const outsiderView = theirs.data as AnalyticsData
		expect(outsiderView.figures!.attempts).toMatchObject({ total: 1, gaveUp: 1, solved: 0 })
		expect(outsiderView.figures!.solveRate).toEqual({ value: 0, sample: 1, enough: false })
	})

	it('shows solve rates, times and the wrong root causes people named, as stored', async () => {
		const view = (await analyticsOf(SHARED)).figures!
		const finished = view.attempts.solved + view.attempts.gaveUp
		expect(view.solveRate.sample).toBe(finished)
		if (view.solveRate.enough) expect(view.solveRate.value).toBeCloseTo(view.attempts.solved / finished)

		const wrong = await db.prisma.submission.groupBy({
			by: ['category'],
			where: { categoryCorrect: false, attempt: { organizationId: ids.org, exercise: { slug: SHARED } } },
			_count: { _all: true },
		})
		expect(Object.fromEntries(view.wrongRootCauses.map((cause) => [cause.category, cause.submissions]))).toEqual(
			Object.fromEntries(wrong.map((row) => [row.category, row._count._all])),
		)

		const html = await renderAnalytics(SHARED)
		expect(html).toContain('Free shipping for everyone')
		expect(html).toContain('Solve rate')
		if (view.solveRate.enough) expect(html).toContain(`${Math.round(view.solveRate.value! * 100)}%`)
		else expect(html).toContain('too few to say')
		for (const cause of view.wrongRootCauses) expect(html).toContain(cause.label)
	})

	it('says an exercise is still calibrating until it has enough rated first attempts', async () => {
		const rating = await db.prisma.exerciseRating.findFirst({
			where: { games: { gt: 0, lt: 10 } },
			select: { games: true, exercise: { select: { slug: true } } },
		})
		expect(rating, 'six weeks of history leave some exercise short of 10 games').not.toBeNull()
		const view = await analyticsOf(rating!.exercise.slug)
		expect(view.difficulty).toMatchObject({ calibrated: false, games: rating!.games, calibrationGames: 10, shown: view.difficulty.authored })
		expect(await renderAnalytics(rating!.exercise.slug)).toContain(`Still calibrating: ${rating!.games} of 10 first attempts`)
	})

	it('answers an unknown exercise with a 404 that says where to look, and keeps learners out', async () => {
		const missing = await analytics('no-such-exercise', cookies.lead)
		expect(missing.status).toBe(404)
		expect(missing.data).toContain('There is no exercise called “no-such-exercise”')
		expect(missing.data).toContain('find it in the catalogue')
		const odd = await analytics('../../etc', cookies.lead)
		expect(odd.status).toBe(404)
		expect(odd.data).not.toContain('etc')

		const learner = await analytics(SHARED, cookies.ada)
		expect(learner.status).toBe(403)
		expect((await analytics(SHARED, cookies.pat)).status).toBe(200)
		expect((await analytics(SHARED, '')).status).toBe(302)
	})
})

function topicIndex(topic: string) {
	const index = TOPICS.findIndex((entry) => entry.id === topic)
	return index === -1 ? 999 : index
}
