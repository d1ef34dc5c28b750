// A lead's retention page for a team: who has checks due, turning checks off, assigning the
// week's checks; through the real loader and action, with the guards a learner or another
// team's lead meets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt } from '#app/models/attempt/guard.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { listDueChecks } from '#app/models/retention/due.server.ts'
import { createTeam } from '#app/models/team.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as profile from './people.$userId.tsx'
import * as report from './people.$userId.report.tsx'
import * as retention from './teams.$teamId.retention.tsx'

let db: Database
const cookies = { lead: '', ada: '', pat: '' }
const ids = { org: '', checkout: '', ada: '' }
const FAMILY_VARIANTS = ['paged-during-planned-maintenance', 'part-time-nurses-rostered-full-weeks']
const DAY = 86_400_000

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await syncExercises(db.prisma, 'exercises')
	await seedDemo(db.prisma)
	const ada = await db.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { id: true, organizationId: true } })
	ids.org = ada.organizationId
	ids.ada = ada.id
	ids.checkout = (await db.prisma.team.findFirstOrThrow({ where: { name: 'Checkout' }, select: { id: true } })).id
	const sam = await db.prisma.user.findUniqueOrThrow({ where: { email: 'lead@hardmode.dev' }, select: { id: true } })
	const pat = await db.prisma.user.create({
		data: { organizationId: ids.org, email: 'pat@hardmode.dev', name: 'Pat Platform', passwordHash: await hashPassword('hardmode-demo') },
		select: { id: true },
	})
	const platform = await createTeam({ organizationId: ids.org, actorId: sam.id, name: 'Platform', leadUserId: pat.id })
	if (!platform.ok) throw new Error(platform.message)
	// Three weeks ago Ada gave up a variant of the boolean-logic-slip family: its check is overdue.
	const started = new Date(Date.now() - 21 * DAY)
	const attempt = await startAttempt(ada, 'free-shipping-for-everyone', started)
	await giveUp(await requireAttempt(ada, attempt.id), new Date(started.getTime() + 30 * 60_000))
	cookies.lead = await loginCookie('lead@hardmode.dev')
	cookies.ada = await loginCookie('ada@hardmode.dev')
	cookies.pat = await loginCookie('pat@hardmode.dev')
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
})

const page = (cookie: string) => call(retention.loader, get(`/teams/${ids.checkout}/retention`, cookie), { teamId: ids.checkout })
const act = (cookie: string, fields: Record<string, string>) =>
	call(retention.action, post(`/teams/${ids.checkout}/retention`, fields, cookie), { teamId: ids.checkout })
type Page = Awaited<ReturnType<typeof retention.loader>>

describe('a team’s retention page', () => {
	it('shows the lead each learner’s overdue check with the variant it serves and why', async () => {
		const result = await page(cookies.lead)
		expect(result.status).toBe(200)
		const { checks } = result.data as Page
		expect(checks.enabled).toBe(true)
		const ada = checks.members.find((member) => member.userId === ids.ada)!
		expect(ada.overdue).toHaveLength(1)
		expect(ada.overdue[0]).toMatchObject({ family: 'boolean-logic-slip', familyName: 'Boolean logic slip' })
		expect(FAMILY_VARIANTS).toContain(ada.overdue[0]!.exercise.slug)
		expect(ada.overdue[0]!.reason).toMatch(/^First variant not solved/)
	})

	it('is the team’s leads’ only: a learner and another team’s lead are refused', async () => {
		expect((await page(cookies.ada)).status).toBe(403)
		expect((await page(cookies.pat)).status).toBe(403)
		expect((await act(cookies.ada, { intent: 'checks', on: 'off' })).status).toBe(403)
	})

	it('refuses an action it does not offer, and changes nothing', async () => {
		const result = await act(cookies.lead, { intent: 'delete-everything' })
		expect(result.status).toBe(400)
		expect(result.data).toMatchObject({ ok: false, message: 'That action is not one this page offers. Reload the page and try again.' })
	})

	it('assigns the week’s checks as ordinary assignments to the members they are due for', async () => {
		const result = await act(cookies.lead, { intent: 'assign-due' })
		expect(result.status).toBe(200)
		expect(result.data).toMatchObject({ ok: true, message: 'Assigned 1 exercise (1 check), due in 7 days. Learners see them as ordinary assignments.' })
		const assignment = await db.prisma.assignment.findFirstOrThrow({
			where: { teamId: ids.checkout, exercise: { slug: { in: FAMILY_VARIANTS } } },
			select: { wholeTeam: true, members: { select: { userId: true } }, dueAt: true },
		})
		expect(assignment.wholeTeam).toBe(false)
		expect(assignment.members).toEqual([{ userId: ids.ada }])
		expect(assignment.dueAt.getTime()).toBeGreaterThan(Date.now() + 6 * DAY)
	})

	it('turns checks off for the team (recorded), which empties the members’ Next up of checks', async () => {
		const ada = { id: ids.ada, organizationId: ids.org }
		expect(await listDueChecks(db.prisma, ada, new Date())).toHaveLength(1)
		const result = await act(cookies.lead, { intent: 'checks', on: 'off' })
		expect(result.data).toMatchObject({ ok: true, message: 'Retention checks are off for this team.' })
		expect(((await page(cookies.lead)).data as Page).checks.enabled).toBe(false)
		expect(await listDueChecks(db.prisma, ada, new Date())).toEqual([])
		expect(await db.prisma.auditEvent.count({ where: { action: 'team.retention-off', targetId: ids.checkout } })).toBe(1)
		const nothing = await act(cookies.lead, { intent: 'assign-due' })
		expect(nothing.status).toBe(409)
		await act(cookies.lead, { intent: 'checks', on: 'on' })
		expect(await listDueChecks(db.prisma, ada, new Date())).toHaveLength(1)
	})
})

describe('a learner’s growth page and report', () => {
	it('show retention and calibration to the learner’s lead, the report within its period', async () => {
		const page = await call(profile.loader, get(`/people/${ids.ada}`, cookies.lead), { userId: ids.ada })
		expect(page.status).toBe(200)
		const data = page.data as Awaited<ReturnType<typeof profile.loader>>
		expect(data.retention.overall.retention.checks).toBe(0)
		expect(data.retention.overall.transfer.solved.total).toBe(0)
		expect(data.calibration).toEqual({ ready: false, count: 0, needed: 10 })
		const printed = await call(report.loader, get(`/people/${ids.ada}/report?from=2026-01-01&to=2026-03-31`, cookies.lead), { userId: ids.ada })
		expect(printed.status).toBe(200)
		expect((printed.data as Awaited<ReturnType<typeof report.loader>>).calibration).toMatchObject({ ready: false })
	})
})
