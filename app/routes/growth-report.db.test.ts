// The engineer profile, the growth report and its CSV export as the people who may (and may
// not) open them meet them: through the real loaders and actions, over attempts made with the
// real attempt functions at chosen moments, and rendered the way the server renders them.
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider, useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import type { DecisionRecord } from '#app/architecture/decision-record.ts'
import { defaultReportPeriod } from '#app/growth/report-period.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt } from '#app/models/attempt/guard.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { submitStage } from '#app/models/attempt/stage.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { GROWTH_REPORT_CSV_COLUMNS } from '#app/growth/growth-report-csv.ts'
import { MAX_NOTE_CHARS } from '#app/growth/growth-note-form.ts'
import { createOrganizationWithAdmin } from '#app/models/organization.server.ts'
import { createTeam } from '#app/models/team.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as profileRoute from './people.$userId.tsx'
import * as reportRoute from './people.$userId.report.tsx'
import * as csvRoute from './people.$userId.report[.csv].ts'

// The report's period: the second quarter of 2026, both days included. Attempts are placed
// around its edges; the one before it and the one on the first moment after it stay out.
const PERIOD = 'from=2026-04-01&to=2026-06-30'
const at = (iso: string) => new Date(iso)
/** An exercise title with everything CSV must escape: a comma, quotes and a line break. */
const AWKWARD_TITLE = 'Retry storm, "again"\nand again'

let db: Database
const cookies = { lead: '', admin: '', ada: '', grace: '', pat: '', outsider: '' }
const ids = { org: '', ada: '', grace: '', admin: '', before: '', awkward: '', middle: '', lastDay: '', after: '', architecture: '' }

const record: DecisionRecord = {
	context: 'The public API has no limit, and one tenant can starve the others of capacity during a burst of traffic.',
	options: [
		{ name: 'Fixed window in memory', pros: 'Simple and fast.', cons: 'Lets two windows through at the boundary.' },
		{ name: 'Token bucket per tenant', pros: 'Allows the burst and no more.', cons: 'Per node unless the buckets are shared.' },
	],
	decision: 'A token bucket per tenant, kept in memory on each node for now.',
	consequences: 'Bursts are absorbed fairly, but with three gateways each tenant gets three times its limit until buckets are shared.',
	followUp: '',
}

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await syncExercises(db.prisma, 'exercises')
	await seedDemo(db.prisma)
	const user = (email: string) => db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, organizationId: true } })
	const ada = await user('ada@hardmode.dev')
	const lead = await user('lead@hardmode.dev')
	ids.org = ada.organizationId
	ids.ada = ada.id
	ids.grace = (await user('grace@hardmode.dev')).id
	ids.admin = (await user('admin@hardmode.dev')).id

	await db.prisma.exercise.update({ where: { slug: 'retry-storm' }, data: { title: AWKWARD_TITLE }, select: { id: true } })
	const finished = async (slug: string, startedAt: string, finishedAt: string) => {
		const attempt = await startAttempt(ada, slug, at(startedAt))
		await giveUp(await requireAttempt(ada, attempt.id), at(finishedAt))
		return attempt.id
	}
	ids.before = await finished('free-shipping-for-everyone', '2026-03-31T20:00:00Z', '2026-03-31T23:59:00Z')
	ids.awkward = await finished('retry-storm', '2026-04-01T00:00:00Z', '2026-04-01T00:40:00Z')
	ids.middle = await finished('invoice-total-off-by-a-cent', '2026-05-20T09:00:00Z', '2026-05-20T10:15:00Z')
	ids.lastDay = await finished('tenant-settings-bleed', '2026-06-30T22:00:00Z', '2026-06-30T23:59:59Z')
	ids.after = await finished('duplicate-usernames', '2026-06-30T23:30:00Z', '2026-07-01T00:00:00Z')

	// An architecture attempt: stage 1 handed in with its decision record (through the real sandbox), then given up.
	const architecture = await startAttempt(ada, 'public-api-rate-limiter', at('2026-05-02T08:00:00Z'))
	ids.architecture = architecture.id
	const { draft } = await db.prisma.attempt.findUniqueOrThrow({ where: { id: architecture.id }, select: { draft: true } })
	await submitStage(await requireAttempt(ada, architecture.id), { stage: 1, files: draft as Record<string, string>, record }, at('2026-05-02T09:00:00Z'))
	await giveUp(await requireAttempt(ada, architecture.id), at('2026-05-02T10:00:00Z'))

	// Another team of the same organisation, led by someone who does not lead Ada's team.
	const passwordHash = await hashPassword('hardmode-demo')
	const pat = await db.prisma.user.create({
		data: { organizationId: ids.org, email: 'pat@hardmode.dev', name: 'Pat Platform', passwordHash },
		select: { id: true },
	})
	const platform = await createTeam({ organizationId: ids.org, actorId: lead.id, name: 'Platform', leadUserId: pat.id })
	if (!platform.ok) throw new Error(platform.message)
	await createOrganizationWithAdmin({
		organizationName: 'Tidewater Software',
		name: 'Bill Lund',
		email: 'bill@tidewater.test',
		password: 'tide tables all week',
	})

	cookies.lead = await loginCookie('lead@hardmode.dev')
	cookies.admin = await loginCookie('admin@hardmode.dev')
	cookies.ada = await loginCookie('ada@hardmode.dev')
	cookies.grace = await loginCookie('grace@hardmode.dev')
	cookies.pat = await loginCookie('pat@hardmode.dev')
	cookies.outsider = await loginCookie('bill@tidewater.test', 'tide tables all week')
}, 120_000)

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
})

type ProfileData = Awaited<ReturnType<typeof profileRoute.loader>>
type ReportData = Awaited<ReturnType<typeof reportRoute.loader>>

const profile = (cookie: string, userId = ids.ada) => call(profileRoute.loader, get(`/people/${userId}`, cookie), { userId })
const report = (cookie: string, query = PERIOD, userId = ids.ada) => call(reportRoute.loader, get(`/people/${userId}/report?${query}`, cookie), { userId })
const csv = (cookie: string, query = PERIOD, userId = ids.ada) => call(csvRoute.loader, get(`/people/${userId}/report.csv?${query}`, cookie), { userId })
const addNote = (cookie: string, body: string, userId = ids.ada) =>
	call(reportRoute.action, post(`/people/${userId}/report?${PERIOD}`, { body }, cookie), { userId })
const noteCount = () => db.prisma.growthNote.count({ where: { userId: ids.ada } })

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = []
	let row: string[] = []
	let field = ''
	let quoted = false
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') field += text[++i]
			else if (char === '"') quoted = false
			else field += char
		} else if (char === '"') quoted = true
		else if (char === ',') {
			row.push(field)
			field = ''
		} else if (char === '\r' && text[i + 1] === '\n') {
			row.push(field)
			rows.push(row)
			row = []
			field = ''
			i++
		} else field += char
	}
	if (field || row.length) throw new Error('the CSV does not end with a line break')
	return rows
}

async function renderHtml(route: { loader: unknown; default: unknown }, path: string, url: string, cookie: string) {
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

const textOf = (html: string) =>
	html
		.replace(/<!-- -->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&quot;/g, '"')
		.replace(/&#x27;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')

describe('who may see a person’s growth', () => {
	it('shows engineers their own profile and report, linking their attempts to themselves', async () => {
		const page = await profile(cookies.ada)
		expect(page.status).toBe(200)
		const data = page.data as ProfileData
		expect(data).toMatchObject({ self: true, links: 'own', engineer: { name: 'Ada Moreno' } })
		expect(data.recentAttempts.map((attempt) => attempt.id)).toEqual(
			expect.arrayContaining([ids.before, ids.awkward, ids.middle, ids.lastDay, ids.after, ids.architecture]),
		)
		expect(data.topics.length).toBeGreaterThan(0)
		const own = await report(cookies.ada)
		expect(own.status).toBe(200)
		expect(own.data as ReportData).toMatchObject({
			self: true,
			canLead: false,
			links: 'own',
			periodError: null,
			period: { fromDay: '2026-04-01', toDay: '2026-06-30', label: 'Q2 2026' },
		})
	})

	it('shows them to the lead of their team and to an admin, who may write notes and open replays', async () => {
		for (const cookie of [cookies.lead, cookies.admin]) {
			const page = await profile(cookie)
			expect(page.status).toBe(200)
			expect((page.data as ProfileData).links).toBe('review')
			const shown = await report(cookie)
			expect(shown.status).toBe(200)
			expect(shown.data as ReportData).toMatchObject({ self: false, canLead: true, links: 'review' })
		}
	})

	it('refuses another team’s lead and another learner with 403, and hides the person from another organisation with 404', async () => {
		for (const cookie of [cookies.pat, cookies.grace]) {
			expect((await profile(cookie)).status).toBe(403)
			expect((await report(cookie)).status).toBe(403)
			expect((await csv(cookie)).status).toBe(403)
		}
		expect((await profile(cookies.outsider)).status).toBe(404)
		expect((await report(cookies.outsider)).status).toBe(404)
		expect((await csv(cookies.outsider)).status).toBe(404)
		expect((await profile(cookies.lead, 'not a real id!')).status).toBe(404)
	})

	it('sends someone signed out to the log-in page, coming back to the report afterwards', async () => {
		const result = await call(reportRoute.loader, get(`/people/${ids.ada}/report?${PERIOD}`), { userId: ids.ada })
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(`/login?${new URLSearchParams({ redirectTo: `/people/${ids.ada}/report?${PERIOD}` })}`)
	})
})

describe('the profile', () => {
	it('renders on the server, charts included, with each chart’s data as a sentence', async () => {
		const text = textOf(await renderHtml(profileRoute, '/people/:userId', `/people/${ids.ada}`, cookies.lead))
		expect(text).toContain('Ada Moreno')
		expect(text).toContain('Rating over time, by topic')
		expect(text).toMatch(/Numbers: 1 rated attempt \(0 solved\) from 20 May 2026 to 20 May 2026; the rating went from 1500 to \d{3,4}/)
		expect(text).toContain('Growth report')
	})

	it('says so when someone has not finished an attempt yet', async () => {
		const text = textOf(await renderHtml(profileRoute, '/people/:userId', `/people/${ids.grace}`, cookies.lead))
		expect(text).toContain('Grace Okafor has not finished an attempt yet.')
		expect(text).not.toContain('Rating over time')
	})
})

describe('the growth report', () => {
	it('covers the attempts finished in the period, compared with the period of the same length before', async () => {
		const data = (await report(cookies.lead)).data as ReportData
		expect(data.summary).toMatchObject({ attempts: 4, previousAttempts: 1 })
		expect(data.previous.label).toBe('31 Dec 2025 – 31 Mar 2026')
		expect(data.skills.find((skill) => skill.topic === 'reliability')).toMatchObject({ games: 2, previousGames: 0 })
		expect(data.tellingAttempts.length).toBeGreaterThan(0)
		for (const telling of data.tellingAttempts) expect([ids.awkward, ids.middle, ids.lastDay, ids.architecture]).toContain(telling.attemptId)
	})

	it('shows the decision record of an architecture attempt handed in during the period, and not outside it', async () => {
		const data = (await report(cookies.lead)).data as ReportData
		expect(data.decisionRecords).toEqual([
			expect.objectContaining({
				attemptId: ids.architecture,
				status: 'gave_up',
				source: expect.objectContaining({ kind: 'stage', stage: 1 }),
				context: record.context,
				options: ['Fixed window in memory', 'Token bucket per tenant'],
				decision: record.decision,
				consequences: record.consequences,
			}),
		])
		const later = (await report(cookies.lead, 'from=2026-07-01&to=2026-09-30')).data as ReportData
		expect(later.decisionRecords).toEqual([])
		const text = textOf(await renderHtml(reportRoute, '/people/:userId/report', `/people/${ids.ada}/report?${PERIOD}`, cookies.lead))
		expect(text).toContain('Stage 1 handed in')
		expect(text).toContain(record.decision)
	})

	it('falls back to the last full quarter with a message for a bad period, instead of failing', async () => {
		for (const query of ['from=2026-02-30&to=2026-03-01', 'from=2026-06-01&to=2026-05-01', 'from=2020-01-01&to=2026-01-01', 'from=%00&to=%FF']) {
			const result = await report(cookies.lead, query)
			expect(result.status).toBe(200)
			const data = result.data as ReportData
			expect(data.periodError).toEqual(expect.any(String))
			expect(data.period.fromDay).toBe(defaultReportPeriod(new Date()).fromDay)
		}
		const text = textOf(await renderHtml(reportRoute, '/people/:userId/report', `/people/${ids.ada}/report?from=2026-06-01&to=2026-05-01`, cookies.lead))
		expect(text).toContain('The start (2026-06-01) is after the end (2026-05-01). Swap them, or choose another period. Showing the last full quarter instead.')
	})

	it('is titled with the person and the period, which becomes the PDF’s name', async () => {
		const data = (await report(cookies.lead)).data as ReportData
		const meta = reportRoute.meta({ loaderData: data } as Parameters<typeof reportRoute.meta>[0])
		expect(meta).toEqual([{ title: 'Growth report · Ada Moreno · Q2 2026 · Hardmode' }])
	})
})

describe('the CSV export', () => {
	it('has the report’s columns and one row per attempt finished in the period, with awkward text escaped', async () => {
		const result = await csv(cookies.lead)
		expect(result.status).toBe(200)
		expect(result.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		expect(result.headers.get('Content-Disposition')).toBe('attachment; filename="growth-ada-moreno-2026-04-01-2026-06-30.csv"')
		const text = result.data as string
		expect(text).toContain(`"Retry storm, ""again""\nand again"`)
		const [header, ...rows] = parseCsv(text)
		expect(header).toEqual([...GROWTH_REPORT_CSV_COLUMNS])
		const column = (name: (typeof GROWTH_REPORT_CSV_COLUMNS)[number]) => GROWTH_REPORT_CSV_COLUMNS.indexOf(name)
		expect(rows.map((row) => row[column('attemptId')])).toEqual([ids.awkward, ids.architecture, ids.middle, ids.lastDay])
		for (const row of rows) expect(row).toHaveLength(GROWTH_REPORT_CSV_COLUMNS.length)
		const awkward = rows.find((row) => row[column('attemptId')] === ids.awkward)!
		expect(awkward[column('exerciseTitle')]).toBe(AWKWARD_TITLE)
		expect(awkward[column('status')]).toBe('gave_up')
		expect(awkward[column('durationMs')]).toBe(String(40 * 60_000))
	})

	it('lets engineers download their own, and refuses a bad period rather than exporting another one', async () => {
		expect((await csv(cookies.ada)).status).toBe(200)
		const bad = await csv(cookies.lead, 'from=2026-06-01&to=2026-05-01')
		expect(bad.status).toBe(400)
		expect(bad.data).toContain('The start (2026-06-01) is after the end (2026-05-01)')
	})
})

describe('lead notes', () => {
	it('refuses an empty, blank or overlong note with a message on the field, and saves nothing', async () => {
		const before = await noteCount()
		for (const [body, message] of [
			['', 'Write the note before saving it.'],
			['   \n\t ', 'Write the note before saving it.'],
			['x'.repeat(MAX_NOTE_CHARS + 1), `Keep a note to 4,000 characters; this one has 4,001.`],
			['bad \u0000 byte', 'Remove the control characters from the note (line breaks and tabs are fine).'],
		] as const) {
			const result = await addNote(cookies.lead, body)
			expect(result.status).toBe(400)
			expect((result.data as { fieldErrors: Record<string, string[]> }).fieldErrors.body).toEqual([message])
		}
		expect(await noteCount()).toBe(before)
	})

	it('refuses a learner, even about themselves, and another team’s lead, with 403', async () => {
		const before = await noteCount()
		expect((await addNote(cookies.ada, 'I think I did well.')).status).toBe(403)
		expect((await addNote(cookies.grace, 'Ada did well.')).status).toBe(403)
		expect((await addNote(cookies.pat, 'Ada did well.')).status).toBe(403)
		expect((await addNote(cookies.outsider, 'Ada did well.')).status).toBe(404)
		expect(await noteCount()).toBe(before)
	})

	it('saves a lead’s note for the report’s period, shown in that report and not in today’s, and goes back to the same period', async () => {
		const result = await addNote(cookies.lead, '  Finds root causes faster; next: predictions before every run.  ')
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(`/people/${ids.ada}/report?${PERIOD}&saved=note#notes`)
		const notes = await db.prisma.growthNote.findMany({ where: { userId: ids.ada }, select: { body: true, createdAt: true } })
		expect(notes.map((note) => note.body)).toEqual(['Finds root causes faster; next: predictions before every run.'])
		expect(Date.now() - notes[0]!.createdAt.getTime()).toBeLessThan(60_000)
		// Written after the second quarter of 2026 on its report, the note belongs to that quarter (ADR 022).
		expect(((await report(cookies.lead)).data as ReportData).notes).toEqual([
			expect.objectContaining({ body: 'Finds root causes faster; next: predictions before every run.', authorName: 'Sam Lead', forPeriod: 'Q2 2026' }),
		])
		expect(((await report(cookies.ada, 'period=this-quarter')).data as ReportData).notes).toEqual([])
	})
})
