import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import type { AttemptStatus, OrgRole, PrismaClient, TeamRole } from '#app/generated/prisma/client.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { getLeadOverview, listLedTeams, OVERVIEW_LIST_LIMIT } from './lead-overview.server.ts'

const DAY = 24 * 60 * 60 * 1000
const now = new Date('2026-12-07T12:00:00Z')
const at = (daysFromNow: number) => new Date(now.getTime() + daysFromNow * DAY)

type Person = { id: string; name: string; organizationId: string; orgRole: OrgRole; teams: Array<{ id: string; name: string; role: TeamRole }> }

let db: Database
let prisma: PrismaClient
const exercises: Record<string, { id: string; versionId: string }> = {}
const org = { acme: '', tidewater: '' }
const team = { checkout: '', platform: '', harbour: '' }
let sam: Person // leads Checkout, learns in Platform
let morgan: Person // Acme's admin, in no team
let ada: Person
let grace: Person
let linus: Person // Platform only, led by Pat
let pat: Person
let bill: Person // Tidewater's lead
let ben: Person // Tidewater's learner

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	prisma = db.prisma
	for (const slug of ['retry-storm', 'cursor-skip', 'stale-cache']) {
		const exercise = await prisma.exercise.create({
			data: { slug, uuid: `uuid-${slug}`, kind: 'debugging', title: `Title of ${slug}`, difficulty: 1000 },
			select: { id: true },
		})
		const version = await prisma.exerciseVersion.create({
			data: { exerciseId: exercise.id, number: 1, contentHash: slug, metadata: {}, brief: '', publicFiles: {}, hiddenTests: {}, solution: {} },
			select: { id: true },
		})
		await prisma.exercise.update({ where: { id: exercise.id }, data: { currentVersionId: version.id } })
		exercises[slug] = { id: exercise.id, versionId: version.id }
	}
	org.acme = (await prisma.organization.create({ data: { name: 'Acme' }, select: { id: true } })).id
	org.tidewater = (await prisma.organization.create({ data: { name: 'Tidewater' }, select: { id: true } })).id
	const person = async (organizationId: string, name: string, orgRole: OrgRole = 'member'): Promise<Person> => {
		const created = await prisma.user.create({
			data: { organizationId, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.test`, passwordHash: 'x', orgRole },
			select: { id: true },
		})
		return { id: created.id, name, organizationId, orgRole, teams: [] }
	}
	sam = await person(org.acme, 'Sam Lead')
	morgan = await person(org.acme, 'Morgan Admin', 'admin')
	ada = await person(org.acme, 'Ada Moreno')
	grace = await person(org.acme, 'Grace Okafor')
	linus = await person(org.acme, 'Linus Berg')
	pat = await person(org.acme, 'Pat Platform')
	bill = await person(org.tidewater, 'Bill Harbour')
	ben = await person(org.tidewater, 'Ben Quay')
	const makeTeam = async (organizationId: string, name: string, members: Array<[Person, TeamRole]>) => {
		const created = await prisma.team.create({ data: { organizationId, name }, select: { id: true } })
		for (const [member, role] of members) {
			await prisma.membership.create({ data: { organizationId, teamId: created.id, userId: member.id, role } })
			member.teams.push({ id: created.id, name, role })
		}
		return created.id
	}
	team.checkout = await makeTeam(org.acme, 'Checkout', [
		[sam, 'lead'],
		[ada, 'learner'],
		[grace, 'learner'],
	])
	team.platform = await makeTeam(org.acme, 'Platform', [
		[pat, 'lead'],
		[sam, 'learner'],
		[linus, 'learner'],
	])
	team.harbour = await makeTeam(org.tidewater, 'Harbour', [
		[bill, 'lead'],
		[ben, 'learner'],
	])
})

afterAll(async () => {
	await db?.close()
})

async function attempt(
	owner: Person,
	slug: string,
	status: AttemptStatus,
	fields: { finishedDaysAgo?: number; assignmentId?: string; reviewedBy?: Person } = {},
) {
	const finishedAt = status === 'in_progress' ? null : at(-(fields.finishedDaysAgo ?? 1))
	const created = await prisma.attempt.create({
		data: {
			organizationId: owner.organizationId,
			userId: owner.id,
			exerciseId: exercises[slug]!.id,
			exerciseVersionId: exercises[slug]!.versionId,
			assignmentId: fields.assignmentId ?? null,
			status,
			draft: {},
			startedAt: at(-(fields.finishedDaysAgo ?? 1) - 1),
			finishedAt,
		},
		select: { id: true },
	})
	if (fields.reviewedBy)
		await prisma.review.create({
			data: { organizationId: owner.organizationId, attemptId: created.id, reviewerId: fields.reviewedBy.id, scores: {}, percent: 80, summary: 'Good.' },
		})
	return created.id
}

async function assignment(
	organizationId: string,
	teamId: string,
	slug: string,
	fields: { dueInDays: number; cancelled?: boolean; closed?: boolean; members?: Person[] },
) {
	const created = await prisma.assignment.create({
		data: {
			organizationId,
			teamId,
			exerciseId: exercises[slug]!.id,
			dueAt: at(fields.dueInDays),
			createdAt: at(-20),
			wholeTeam: !fields.members,
			cancelledAt: fields.cancelled ? at(-1) : null,
			closedAt: fields.closed ? at(-1) : null,
			members: fields.members ? { create: fields.members.map((member) => ({ userId: member.id })) } : undefined,
		},
		select: { id: true },
	})
	return created.id
}

describe('attempts waiting for review', () => {
	const ids = { adaOld: '', graceNew: '', adaReviewed: '', adaOpen: '', linus: '', ben: '', samOwn: '' }
	beforeAll(async () => {
		ids.adaOld = await attempt(ada, 'retry-storm', 'solved', { finishedDaysAgo: 9.5 })
		ids.graceNew = await attempt(grace, 'cursor-skip', 'gave_up', { finishedDaysAgo: 0.25 })
		ids.adaReviewed = await attempt(ada, 'cursor-skip', 'solved', { finishedDaysAgo: 30, reviewedBy: sam })
		ids.adaOpen = await attempt(ada, 'stale-cache', 'in_progress')
		ids.linus = await attempt(linus, 'retry-storm', 'solved', { finishedDaysAgo: 40 })
		ids.ben = await attempt(ben, 'retry-storm', 'solved', { finishedDaysAgo: 50 })
		ids.samOwn = await attempt(sam, 'stale-cache', 'solved', { finishedDaysAgo: 60 })
	})

	it('lists the finished, unreviewed attempts of the people a lead leads, oldest first, with how many days each has waited', async () => {
		const { waiting } = await getLeadOverview(sam, now)
		expect(waiting.attempts.map((row) => [row.id, row.person.name, row.waitingDays])).toEqual([
			[ids.adaOld, 'Ada Moreno', 9],
			[ids.graceNew, 'Grace Okafor', 0],
		])
		expect(waiting.total).toBe(2)
		expect(waiting.attempts.every((row) => row.person.profile)).toBe(true)
	})

	it('gives an admin every team of their organisation, never their own attempts or another organisation’s', async () => {
		const { waiting } = await getLeadOverview(morgan, now)
		expect(waiting.attempts.map((row) => row.id)).toEqual([ids.samOwn, ids.linus, ids.adaOld, ids.graceNew])
		const forBill = await getLeadOverview(bill, now)
		expect(forBill.waiting.attempts.map((row) => row.id)).toEqual([ids.ben])
	})

	it('shows the newest finishes, reviewed or not, with the review’s score', async () => {
		const { recent } = await getLeadOverview(sam, now)
		expect(recent.map((row) => [row.id, row.status, row.reviewPercent])).toEqual([
			[ids.graceNew, 'gave_up', null],
			[ids.adaOld, 'solved', null],
			[ids.adaReviewed, 'solved', 80],
		])
	})

	it('counts every waiting attempt but lists at most a screenful', async () => {
		const extra = []
		for (let index = 0; index < OVERVIEW_LIST_LIMIT + 2; index++) extra.push(await attempt(grace, 'stale-cache', 'solved', { finishedDaysAgo: 100 + index }))
		const { waiting } = await getLeadOverview(sam, now)
		expect(waiting.total).toBe(OVERVIEW_LIST_LIMIT + 4)
		expect(waiting.attempts).toHaveLength(OVERVIEW_LIST_LIMIT)
		expect(waiting.attempts[0]!.id).toBe(extra.at(-1))
		expect(waiting.attempts[0]!.waitingDays).toBe(100 + OVERVIEW_LIST_LIMIT + 1)
		await prisma.attempt.deleteMany({ where: { id: { in: extra } } })
	})
})

describe('overdue assignments', () => {
	const ids = { late: '', older: '', done: '', cancelled: '', closed: '', pastGrace: '', upcoming: '', platform: '', harbour: '' }
	beforeAll(async () => {
		ids.late = await assignment(org.acme, team.checkout, 'stale-cache', { dueInDays: -2 })
		ids.older = await assignment(org.acme, team.checkout, 'retry-storm', { dueInDays: -10, members: [grace] })
		ids.done = await assignment(org.acme, team.checkout, 'cursor-skip', { dueInDays: -5, members: [ada] })
		ids.cancelled = await assignment(org.acme, team.checkout, 'retry-storm', { dueInDays: -3, cancelled: true })
		ids.closed = await assignment(org.acme, team.checkout, 'cursor-skip', { dueInDays: -3, closed: true })
		// Two weeks after its due date an assignment closes by itself (assignments/closure.ts).
		ids.pastGrace = await assignment(org.acme, team.checkout, 'stale-cache', { dueInDays: -15 })
		ids.upcoming = await assignment(org.acme, team.checkout, 'cursor-skip', { dueInDays: 4 })
		ids.platform = await assignment(org.acme, team.platform, 'stale-cache', { dueInDays: -1 })
		ids.harbour = await assignment(org.tidewater, team.harbour, 'stale-cache', { dueInDays: -1 })
		// Ada finished the member-only one, and has the late one open; Grace has not started either of hers.
		await attempt(ada, 'cursor-skip', 'solved', { finishedDaysAgo: 3, assignmentId: ids.done })
	})

	it('names who is behind on each open, past-due assignment of the lead’s teams, most recently due first', async () => {
		const { overdue } = await getLeadOverview(sam, now)
		expect(overdue.assignments.map((row) => row.id)).toEqual([ids.late, ids.older])
		expect(overdue.total).toBe(2)
		const [late, older] = overdue.assignments
		// Ada's stale-cache attempt was opened before the assignment was due and is still open.
		expect(late!.behind.map((row) => [row.person.name, row.progress])).toEqual([
			['Ada Moreno', 'in_progress'],
			['Grace Okafor', 'not_started'],
		])
		expect(late).toMatchObject({ teamName: 'Checkout', audienceSize: 2, exercise: { slug: 'stale-cache' } })
		expect(older!.behind.map((row) => row.person.name)).toEqual(['Grace Okafor'])
		expect(older!.behind[0]!.person.profile).toBe(true)
	})

	it('counts open and overdue assignments per team', async () => {
		const { teams } = await getLeadOverview(sam, now)
		expect(teams).toEqual([
			{
				id: team.checkout,
				name: 'Checkout',
				members: 3,
				learners: 2,
				openAssignments: 1,
				overdueAssignments: 2,
				learning: { retention: 'Retention: no checks finished yet.', calibration: 'Calibration: no predictions with a confidence yet.' },
			},
		])
		const forMorgan = await getLeadOverview(morgan, now)
		expect(forMorgan.teams.map((row) => [row.name, row.overdueAssignments])).toEqual([
			['Checkout', 2],
			['Platform', 1],
		])
		expect(forMorgan.overdue.assignments.map((row) => row.id)).toEqual([ids.platform, ids.late, ids.older])
	})
})

describe('flags and organisation scoping', () => {
	beforeAll(async () => {
		await prisma.exerciseFlag.create({
			data: {
				organizationId: org.acme,
				exerciseId: exercises['retry-storm']!.id,
				raisedById: linus.id,
				reason: 'ambiguous',
				comment: 'Which clock?',
				createdAt: at(-1),
			},
		})
		await prisma.exerciseFlag.create({
			data: {
				organizationId: org.acme,
				exerciseId: exercises['cursor-skip']!.id,
				raisedById: ada.id,
				reason: 'broken',
				comment: 'Fixed, still red.',
				resolvedAt: at(-1),
			},
		})
		await prisma.exerciseFlag.create({
			data: { organizationId: org.tidewater, exerciseId: exercises['stale-cache']!.id, raisedById: ben.id, reason: 'too_easy', comment: 'Tidewater secret' },
		})
	})

	it('lists the organisation’s open flags, linking the raiser only for someone who may open their profile', async () => {
		const forSam = await getLeadOverview(sam, now)
		expect(forSam.flags.total).toBe(1)
		expect(forSam.flags.open).toEqual([
			expect.objectContaining({ reason: 'ambiguous', comment: 'Which clock?', raisedBy: { id: linus.id, name: 'Linus Berg', profile: false } }),
		])
		const forMorgan = await getLeadOverview(morgan, now)
		expect(forMorgan.flags.open[0]!.raisedBy).toMatchObject({ name: 'Linus Berg', profile: true })
	})

	it('never shows one organisation anything of another', async () => {
		const tidewater = [bill.id, ben.id, team.harbour, 'Tidewater secret', 'Ben Quay', 'Harbour']
		for (const viewer of [sam, morgan]) {
			const text = JSON.stringify(await getLeadOverview(viewer, now))
			for (const secret of tidewater) expect(text, `${viewer.name} sees ${secret}`).not.toContain(secret)
		}
		const forBill = JSON.stringify(await getLeadOverview(bill, now))
		for (const secret of [ada.id, grace.id, linus.id, team.checkout, 'Which clock?']) expect(forBill).not.toContain(secret)
		expect(forBill).toContain('Tidewater secret')
	})

	it('lists the teams someone runs: a lead’s own from the session, every team for an admin', async () => {
		expect(await listLedTeams(sam)).toEqual([{ id: team.checkout, name: 'Checkout' }])
		expect(await listLedTeams(morgan)).toEqual([
			{ id: team.checkout, name: 'Checkout' },
			{ id: team.platform, name: 'Platform' },
		])
		expect(await listLedTeams(ada)).toEqual([])
	})
})
