// Assignments that warn before doubling up, close (by a lead, or by themselves after the grace
// period) and count the same everywhere; and a lead note that stays with the report period it
// was written for. Through the real loaders and actions, on the demo organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import { ASSIGNMENT_GRACE_DAYS } from '#app/assignments/closure.ts'
import { CALIBRATION_GAMES } from '#app/growth/rating-display.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt } from '#app/models/attempt/guard.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { getTeamGrowth } from '#app/models/growth/team-growth.server.ts'
import { getLearnerDashboard } from '#app/models/practice.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as assignmentRoute from './assignments.$assignmentId.tsx'
import * as report from './people.$userId.report.tsx'
import * as profile from './people.$userId.tsx'
import * as teamAssignments from './teams.$teamId.assignments.tsx'
import * as newAssignment from './teams.$teamId.assignments.new.tsx'

const DAY = 86_400_000
let db: Database
const cookies = { lead: '' }
const ids = { org: '', checkout: '', ada: '', grace: '', linus: '', sam: '' }
const ada = () => ({ id: ids.ada, organizationId: ids.org })

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await syncExercises(db.prisma, 'exercises')
	await seedDemo(db.prisma)
	const user = (email: string) => db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, organizationId: true } })
	const adaRow = await user('ada@hardmode.dev')
	ids.org = adaRow.organizationId
	ids.ada = adaRow.id
	ids.grace = (await user('grace@hardmode.dev')).id
	ids.linus = (await user('linus@hardmode.dev')).id
	ids.sam = (await user('lead@hardmode.dev')).id
	ids.checkout = (await db.prisma.team.findFirstOrThrow({ where: { name: 'Checkout' }, select: { id: true } })).id
	cookies.lead = await loginCookie('lead@hardmode.dev')
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
})

const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10)

function assign(fields: Array<[string, string]>) {
	const request = new Request(`http://localhost/teams/${ids.checkout}/assignments/new`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.lead },
		body: new URLSearchParams(fields),
	})
	return call(newAssignment.action, request, { teamId: ids.checkout })
}

type Warning = { duplicates: Array<{ key: string; exerciseTitle: string; personName: string; reason: string }> }
type TeamAssignment = {
	id: string
	exercise: { slug: string }
	closure: { by: 'lead' | 'grace'; lead: string | null } | null
	overdue: number
	finished: number
	standings: Array<{ person: { name: string }; progress: string }>
}

async function teamPage() {
	const page = await call(teamAssignments.loader, get(`/teams/${ids.checkout}/assignments`, cookies.lead), { teamId: ids.checkout })
	return (page.data as { assignments: TeamAssignment[] }).assignments
}

async function createAssignment(slug: string, dueInDays: number, createdDaysAgo: number) {
	const exercise = await db.prisma.exercise.findUniqueOrThrow({ where: { slug }, select: { id: true } })
	return (
		await db.prisma.assignment.create({
			data: {
				organizationId: ids.org,
				teamId: ids.checkout,
				exerciseId: exercise.id,
				createdById: ids.sam,
				dueAt: new Date(Date.now() + dueInDays * DAY),
				createdAt: new Date(Date.now() - createdDaysAgo * DAY),
			},
			select: { id: true },
		})
	).id
}

describe('assigning what someone already has open', () => {
	it('warns, naming who and why, and creates nothing until the lead decides', async () => {
		const before = await db.prisma.assignment.count()
		const result = await assign([
			['exercises', 'old-prices-after-update'],
			['audience', 'team'],
			['dueDate', inDays(10)],
		])
		expect(result.status).toBe(409)
		const warning = result.data as Warning
		expect(warning.duplicates.map((d) => d.personName).sort()).toEqual(['Ada Moreno', 'Grace Okafor', 'Linus Berg'])
		expect(warning.duplicates[0]!.reason).toMatch(/^assigned in Checkout, due /)
		expect(await db.prisma.assignment.count()).toBe(before)
	})

	it('assigns anyway to the people the lead confirmed, but warns again about anyone new', async () => {
		const fields: Array<[string, string]> = [
			['exercises', 'old-prices-after-update'],
			['audience', 'members'],
			['members', ids.ada],
			['members', ids.grace],
			['dueDate', inDays(10)],
			['duplicates', 'assign'],
		]
		const partly = await assign([...fields, ['confirmed', `old-prices-after-update:${ids.ada}`]])
		expect(partly.status).toBe(409)
		expect((partly.data as Warning).duplicates.map((d) => d.personName).sort()).toEqual(['Ada Moreno', 'Grace Okafor'])
		const result = await assign([...fields, ['confirmed', `old-prices-after-update:${ids.ada}`], ['confirmed', `old-prices-after-update:${ids.grace}`]])
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(`/teams/${ids.checkout}/assignments?created=1`)
	})

	it('leaves out someone with an attempt in progress, naming the other learners instead of the whole team', async () => {
		await startAttempt(ada(), 'free-shipping-for-everyone')
		const fields: Array<[string, string]> = [
			['exercises', 'free-shipping-for-everyone'],
			['audience', 'team'],
			['dueDate', inDays(7)],
		]
		const warned = await assign(fields)
		expect((warned.data as Warning).duplicates).toMatchObject([{ personName: 'Ada Moreno', reason: expect.stringMatching(/^attempt in progress since /) }])
		const result = await assign([...fields, ['duplicates', 'drop']])
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(`/teams/${ids.checkout}/assignments?created=1&left=1`)
		const created = await db.prisma.assignment.findFirstOrThrow({
			where: { exercise: { slug: 'free-shipping-for-everyone' } },
			select: { wholeTeam: true, members: { select: { userId: true } } },
		})
		expect(created.wholeTeam).toBe(false)
		expect(created.members.map((m) => m.userId).sort()).toEqual([ids.grace, ids.linus].sort())
	})
})

describe('closing assignments', () => {
	it('closes one by itself after the grace period: listed as closed, not on the dashboard, never overdue', async () => {
		const id = await createAssignment('retry-storm', -(ASSIGNMENT_GRACE_DAYS + 1), 30)
		const listed = (await teamPage()).find((a) => a.id === id)!
		expect(listed.closure).toEqual({ at: expect.any(String), by: 'grace', lead: null })
		expect(listed.overdue).toBe(0)
		const dashboard = await getLearnerDashboard(db.prisma, ada(), new Date())
		expect(dashboard.assignments.map((a) => a.id)).not.toContain(id)
	})

	it('is closed by a lead after confirming, moves to Closed with who closed it, and reopens with a new due date', async () => {
		const id = await createAssignment('inventory-oversold', -3, 10)
		expect((await getLearnerDashboard(db.prisma, ada(), new Date())).assignments.find((a) => a.id === id)).toMatchObject({ overdue: true })
		const closing = await call(assignmentRoute.action, post(`/assignments/${id}`, { intent: 'close' }, cookies.lead), { assignmentId: id })
		expect(closing.status).toBe(200)
		expect((closing.data as { message: string }).message).toMatch(/^Assignment closed/)
		expect((await teamPage()).find((a) => a.id === id)!.closure).toEqual({ at: expect.any(String), by: 'lead', lead: 'Sam Lead' })
		expect((await getLearnerDashboard(db.prisma, ada(), new Date())).assignments.map((a) => a.id)).not.toContain(id)
		const again = await call(assignmentRoute.action, post(`/assignments/${id}`, { intent: 'close' }, cookies.lead), { assignmentId: id })
		expect(again.status).toBe(409)
		const reopened = await call(assignmentRoute.action, post(`/assignments/${id}`, { intent: 'update', dueDate: inDays(4) }, cookies.lead), {
			assignmentId: id,
		})
		expect(reopened.status).toBe(200)
		expect((await teamPage()).find((a) => a.id === id)!.closure).toBeNull()
	})
})

describe('one definition of progress', () => {
	it('counts a given-up assignment as finished on the dashboard, the lead’s list and the team’s growth alike', async () => {
		const id = await createAssignment('customer-charged-twice', -2, 9)
		const attempt = await startAttempt(ada(), 'customer-charged-twice')
		await giveUp(await requireAttempt(ada(), attempt.id))
		const now = new Date()
		expect((await getLearnerDashboard(db.prisma, ada(), now)).assignments.find((a) => a.id === id)).toMatchObject({ progress: 'given_up', overdue: false })
		const listed = (await teamPage()).find((a) => a.id === id)!
		expect(listed.standings.find((s) => s.person.name === 'Ada Moreno')).toMatchObject({ progress: 'submitted' })
		expect(listed.overdue).toBe(2) // Grace and Linus
		const growth = await getTeamGrowth(ids.org, ids.checkout, now)
		const adaRow = growth!.members.find((member) => member.id === ids.ada)!
		const graceRow = growth!.members.find((member) => member.id === ids.grace)!
		// Due ones for Ada: this one (given up, finished), the demo's overdue one (not started), and the one closed by grace.
		expect(adaRow.assignments.completed - graceRow.assignments.completed).toBe(1)
		expect(adaRow.assignments.overdue).toBe(graceRow.assignments.overdue - 1)
	})
})

describe('a lead note written from a report', () => {
	const path = (search: string) => `/people/${ids.ada}/report?${search}`
	const notesOf = async (search: string) => {
		const page = await call(report.loader, get(path(search), cookies.lead), { userId: ids.ada })
		return (page.data as { notes: Array<{ body: string; forPeriod: string | null }> }).notes
	}

	it('is kept with the past period it was written for, and not in today’s', async () => {
		const year = new Date().getUTCFullYear() - 1
		const search = `from=${year}-04-01&to=${year}-06-30`
		const saved = await call(report.action, post(path(search), { body: 'Pairing on the cache bug went well.' }, cookies.lead), { userId: ids.ada })
		expect(saved.status).toBe(302)
		expect(saved.headers.get('Location')).toBe(`/people/${ids.ada}/report?${search}&saved=note#notes`)
		expect(await notesOf(search)).toEqual([expect.objectContaining({ body: 'Pairing on the cache bug went well.', forPeriod: `Q2 ${year}` })])
		expect((await notesOf('period=last-90-days')).map((note) => note.body)).not.toContain('Pairing on the cache bug went well.')
		const stored = await db.prisma.growthNote.findFirstOrThrow({ where: { userId: ids.ada }, select: { datedAt: true, createdAt: true } })
		expect(stored.datedAt.toISOString()).toBe(`${year}-06-30T23:59:59.999Z`)
		expect(Date.now() - stored.createdAt.getTime()).toBeLessThan(60_000)
		// And the profile still lists it, saying which period it was for.
		const page = await call(profile.loader, get(`/people/${ids.ada}`, cookies.lead), { userId: ids.ada })
		expect((page.data as { notes: { notes: unknown[] } }).notes.notes).toEqual([
			expect.objectContaining({ body: 'Pairing on the cache bug went well.', authorName: 'Sam Lead', forPeriod: `Q2 ${year}` }),
		])
	})

	it('refuses a note for a period that cannot be read, keeping what was typed', async () => {
		const result = await call(report.action, post(path('from=2026-02-30&to=2026-03-10'), { body: 'Keep me.' }, cookies.lead), { userId: ids.ada })
		expect(result.status).toBe(400)
		expect(result.data).toMatchObject({ body: 'Keep me.', error: expect.stringContaining('Choose the period again') })
	})
})

describe('the exercises a lead can assign', () => {
	it('show the one difficulty every page shows, and say whether it is authored or calibrated', async () => {
		const exercise = await db.prisma.exercise.findUniqueOrThrow({ where: { slug: 'free-shipping-for-everyone' }, select: { id: true, difficulty: true } })
		await db.prisma.exerciseRating.upsert({
			where: { exerciseId: exercise.id },
			create: { exerciseId: exercise.id, rating: exercise.difficulty + 140.4, rd: 80, volatility: 0.06, games: CALIBRATION_GAMES },
			update: { rating: exercise.difficulty + 140.4, rd: 80, games: CALIBRATION_GAMES },
		})
		const page = await call(newAssignment.loader, get(`/teams/${ids.checkout}/assignments/new`, cookies.lead), { teamId: ids.checkout })
		const exercises = (page.data as { exercises: Array<{ slug: string; difficulty: number; difficultySource: string }> }).exercises
		expect(exercises.find((row) => row.slug === 'free-shipping-for-everyone')).toMatchObject({
			difficulty: exercise.difficulty + 140,
			difficultySource: 'calibrated',
		})
		const others = exercises.filter((row) => row.slug !== 'free-shipping-for-everyone')
		expect(others.length).toBeGreaterThan(0)
		expect(others.every((row) => row.difficultySource === 'authored')).toBe(true)
		// Listed easiest first by the difficulty shown.
		expect(exercises.map((row) => row.difficulty)).toEqual([...exercises.map((row) => row.difficulty)].sort((a, b) => a - b))
	})
})
