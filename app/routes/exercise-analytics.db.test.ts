// Exercise analytics across organisations: anyone can sign up and become an organisation's
// admin, so other organisations' figures are only for the platform role (ADR 015), and only
// as aggregates over at least five organisations.
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider, useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie } from '#tests/routes.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt } from '#app/models/attempt/guard.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { raiseFlag } from '#app/models/flag.server.ts'
import { createOrganizationWithAdmin } from '#app/models/organization.server.ts'
import { grantPlatformAdmin } from '#app/models/platform-admin.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as analyticsRoute from './exercises.$slug.analytics.tsx'

const SLUG = 'retry-storm'
const PASSWORD = 'tide tables all week'

let db: Database
const cookies = { acmeAdmin: '', lead: '', bill: '' }
let organizations = 0

type AnalyticsData = Awaited<ReturnType<typeof analyticsRoute.loader>>

/** A new organisation, signed up the way anyone can, whose admin gives up one attempt at the exercise. */
async function organizationThatPractised(name: string) {
	organizations += 1
	const admin = await createOrganizationWithAdmin({
		organizationName: name,
		name: `Admin ${organizations}`,
		email: `admin${organizations}@org${organizations}.test`,
		password: PASSWORD,
	})
	const attempt = await startAttempt(admin, SLUG)
	await giveUp(await requireAttempt(admin, attempt.id))
	return { ...admin, email: `admin${organizations}@org${organizations}.test`, attemptId: attempt.id }
}

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await syncExercises(db.prisma, 'exercises')
	await seedDemo(db.prisma)
	// Two attempts in the demo organisation, one in Tidewater (a fresh sign-up).
	for (const email of ['ada@hardmode.dev', 'grace@hardmode.dev']) {
		const learner = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, organizationId: true } })
		await giveUp(await requireAttempt(learner, (await startAttempt(learner, SLUG)).id))
	}
	await createOrganizationWithAdmin({ organizationName: 'Tidewater Software', name: 'Bill Lund', email: 'bill@tidewater.test', password: PASSWORD })
	const bill = await db.prisma.user.findUniqueOrThrow({ where: { email: 'bill@tidewater.test' }, select: { id: true, organizationId: true } })
	await giveUp(await requireAttempt(bill, (await startAttempt(bill, SLUG)).id))
	cookies.acmeAdmin = await loginCookie('admin@hardmode.dev')
	cookies.lead = await loginCookie('lead@hardmode.dev')
	cookies.bill = await loginCookie('bill@tidewater.test', PASSWORD)
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
})

async function analyticsOf(cookie: string, query = '') {
	const result = await call(analyticsRoute.loader, get(`/exercises/${SLUG}/analytics${query}`, cookie), { slug: SLUG })
	expect(result.status).toBe(200)
	return result.data as AnalyticsData
}

/** The page as a person reads it: the real loader, the component rendered by the server, tags stripped. */
async function pageText(cookie: string, query = '') {
	const Page = analyticsRoute.default as unknown as (props: { loaderData: unknown }) => React.ReactNode
	const routes = [
		{
			id: 'page',
			path: '/exercises/:slug/analytics',
			loader: (args: LoaderFunctionArgs) => analyticsRoute.loader(args as never),
			Component: () => createElement(Page, { loaderData: useLoaderData() }),
		},
	]
	const handler = createStaticHandler(routes)
	const context = await handler.query(new Request(`http://localhost/exercises/${SLUG}/analytics${query}`, { headers: { Cookie: cookie } }))
	if (context instanceof Response) throw new Error(`unexpected response ${context.status}`)
	const html = renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }))
	return html
		.replace(/<!-- -->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#x27;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
}

const attemptsIn = async (organizationId?: string) => {
	const exercise = await db.prisma.exercise.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } })
	return db.prisma.attempt.count({ where: { exerciseId: exercise.id, ...(organizationId ? { organizationId } : {}) } })
}

describe('exercise analytics stay inside the organisation', () => {
	it('shows a newly signed-up admin only their own organisation’s figures, and says plainly that ?scope=all is not for them', async () => {
		const bill = await db.prisma.user.findUniqueOrThrow({ where: { email: 'bill@tidewater.test' }, select: { organizationId: true } })
		for (const query of ['?scope=all', '']) {
			const view = await analyticsOf(cookies.bill, query)
			expect(view.scope).toBe('organization')
			expect(view.figures!.attempts.total).toBe(await attemptsIn(bill.organizationId))
			expect(view.figures!.attempts.total).toBe(1)
			expect(view.platformScope).toBeNull()
		}
		const asked = await pageText(cookies.bill, '?scope=all')
		expect(asked).toContain(
			'Figures from every organisation are only for the people who run this Hardmode server. These count attempts by people in Tidewater Software.',
		)
		expect(asked).not.toContain('All organisations')
		expect(asked).not.toContain('every organisation on Hardmode')
		expect(await pageText(cookies.bill)).not.toMatch(/All organisations|see how it plays in every organisation/)
	})

	it('keeps an organisation’s own leads and admins to their organisation too', async () => {
		const acme = await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hardmode.dev' }, select: { organizationId: true } })
		for (const cookie of [cookies.lead, cookies.acmeAdmin]) {
			const view = await analyticsOf(cookie, '?scope=all')
			expect(view.scope).toBe('organization')
			expect(view.figures!.attempts.total).toBe(await attemptsIn(acme.organizationId))
		}
	})

	it('gives the platform role every organisation’s figures only once at least five organisations attempted the exercise', async () => {
		await grantPlatformAdmin('admin@hardmode.dev')
		// Two organisations so far: the figures would all but name Tidewater's one attempt.
		const few = await analyticsOf(cookies.acmeAdmin, '?scope=all')
		expect(few.scope).toBe('all')
		expect(few.figures).toBeNull()
		expect(few.openFlags).toBeNull()
		expect(few.platformScope).toEqual({ organizations: 2, minimum: 5, flagOrganizations: 0 })
		const fewText = await pageText(cookies.acmeAdmin, '?scope=all')
		expect(fewText).toContain(
			'Only 2 organisations have attempted this exercise. Figures across organisations appear once at least 5 have, so that no organisation’s results can be picked out.',
		)
		expect(fewText).toContain('All organisations')
		expect(fewText).not.toContain('Solve rate')

		await organizationThatPractised('Third Org')
		await organizationThatPractised('Fourth Org')
		expect((await analyticsOf(cookies.acmeAdmin, '?scope=all')).figures).toBeNull()
		const fifth = await organizationThatPractised('Fifth Org')
		const enough = await analyticsOf(cookies.acmeAdmin, '?scope=all')
		expect(enough.platformScope).toMatchObject({ organizations: 5, minimum: 5 })
		expect(enough.figures!.attempts.total).toBe(await attemptsIn())
		expect(enough.figures!.attempts.gaveUp).toBe(6)
		const text = await pageText(cookies.acmeAdmin, '?scope=all')
		expect(text).toContain('Figures count attempts in 5 organisations on Hardmode, without names')
		expect(text).toContain('Solve rate')

		// Open flags are counted across organisations only when five organisations raised them.
		const flagged = await raiseFlag(fifth, SLUG, { reason: 'broken', comment: 'The visible test never finishes.', attemptId: fifth.attemptId })
		expect(flagged.ok).toBe(true)
		const withFlag = await analyticsOf(cookies.acmeAdmin, '?scope=all')
		expect(withFlag.openFlags).toBeNull()
		expect(withFlag.platformScope).toMatchObject({ flagOrganizations: 1 })
		expect(await pageText(cookies.acmeAdmin, '?scope=all')).toContain(
			'Open flags raised in 1 organisation are not counted here: flags appear across organisations once at least 5 have raised them.',
		)

		// The platform role does not change what the same admin sees of their own organisation.
		const own = await analyticsOf(cookies.acmeAdmin)
		expect(own.scope).toBe('organization')
		expect(own.figures!.attempts.total).toBe(2)
	})
})
