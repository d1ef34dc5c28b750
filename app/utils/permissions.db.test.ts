// The where-builders are the predicates as queries: for every actor and every person of an
// organisation with overlapping teams, the database must find exactly whom the predicate allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import type { PrismaClient, TeamRole } from '#app/generated/prisma/client.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import type { Database } from './db.server.ts'
import { growthVisibleUsersWhere, ledEngineersWhere, listedTeamsWhere, mayLeadEngineer, reviewableAttemptsWhere, type Actor } from './permissions.server.ts'

let db: Database
let prisma: PrismaClient
let acme = ''
let tidewater = ''
const people = new Map<string, Actor>()
const attemptOf = new Map<string, string>()

beforeAll(async () => {
	db = await createTestDatabase()
	prisma = db.prisma
	await syncExercises(prisma, 'exercises')
	const exercise = await prisma.exercise.findFirstOrThrow({ select: { id: true, currentVersionId: true } })
	acme = (await prisma.organization.create({ data: { name: 'Acme' }, select: { id: true } })).id
	tidewater = (await prisma.organization.create({ data: { name: 'Tidewater' }, select: { id: true } })).id
	const person = async (organizationId: string, name: string, orgRole: 'admin' | 'member' = 'member') => {
		const { id } = await prisma.user.create({ data: { organizationId, name, email: `${name}@test.dev`, passwordHash: 'x', orgRole }, select: { id: true } })
		const attempt = await prisma.attempt.create({
			data: { organizationId, userId: id, exerciseId: exercise.id, exerciseVersionId: exercise.currentVersionId!, draft: {} },
			select: { id: true },
		})
		attemptOf.set(name, attempt.id)
		people.set(name, { id, organizationId, orgRole, teams: [] })
	}
	for (const name of ['sam', 'ada', 'pat', 'rosa', 'cory', 'quinn']) await person(acme, name)
	await person(acme, 'morgan', 'admin')
	await person(tidewater, 'bill', 'admin')
	await person(tidewater, 'tia')
	const team = async (organizationId: string, name: string, members: Array<[string, TeamRole]>) => {
		const { id } = await prisma.team.create({ data: { organizationId, name }, select: { id: true } })
		for (const [member, role] of members) {
			const actor = people.get(member)!
			await prisma.membership.create({ data: { organizationId, teamId: id, userId: actor.id, role } })
			people.set(member, { ...actor, teams: [...actor.teams, { id, role }] })
		}
	}
	// Sam leads Checkout and learns in Platform, which Pat leads; Cory co-leads Checkout; Quinn is in no team.
	await team(acme, 'Checkout', [
		['sam', 'lead'],
		['cory', 'lead'],
		['ada', 'learner'],
	])
	await team(acme, 'Platform', [
		['pat', 'lead'],
		['sam', 'learner'],
		['rosa', 'learner'],
	])
	await team(tidewater, 'Harbour', [
		['bill', 'lead'],
		['tia', 'learner'],
	])
})

afterAll(async () => {
	await db?.close()
})

const acmeNames = () => [...people.entries()].filter(([, actor]) => actor.organizationId === acme).map(([name]) => name)
const engineer = (name: string) => {
	const actor = people.get(name)!
	return { id: actor.id, teamIds: actor.teams.map((team) => team.id) }
}
const namesOf = (ids: string[]) =>
	[...people.entries()]
		.filter(([, actor]) => ids.includes(actor.id))
		.map(([name]) => name)
		.sort()

describe('the where-builders agree with the predicates', () => {
	it('finds exactly the people each actor leads', async () => {
		for (const name of acmeNames()) {
			const actor = people.get(name)!
			const found = await prisma.user.findMany({ where: ledEngineersWhere(actor), select: { id: true } })
			const allowed = acmeNames().filter((other) => mayLeadEngineer(actor, engineer(other)))
			expect({ name, led: namesOf(found.map((user) => user.id)) }).toEqual({ name, led: allowed.sort() })
		}
	})

	it('shows each actor their own growth and that of the people they lead', async () => {
		for (const name of acmeNames()) {
			const actor = people.get(name)!
			const found = await prisma.user.findMany({ where: growthVisibleUsersWhere(actor), select: { id: true } })
			const allowed = acmeNames().filter((other) => other === name || mayLeadEngineer(actor, engineer(other)))
			expect({ name, visible: namesOf(found.map((user) => user.id)) }).toEqual({ name, visible: allowed.sort() })
		}
	})

	it('lets each actor review the attempts of the people they lead, and no other', async () => {
		for (const name of acmeNames()) {
			const actor = people.get(name)!
			const found = await prisma.attempt.findMany({ where: reviewableAttemptsWhere(actor), select: { id: true } })
			const allowed = acmeNames().filter((other) => mayLeadEngineer(actor, engineer(other)))
			expect({ name, reviewable: found.map((attempt) => attempt.id).sort() }).toEqual({
				name,
				reviewable: allowed.map((other) => attemptOf.get(other)!).sort(),
			})
		}
	})

	it('spells the expected answers out for the people the rules are about', async () => {
		const led = async (name: string) =>
			namesOf((await prisma.user.findMany({ where: ledEngineersWhere(people.get(name)!), select: { id: true } })).map((user) => user.id))
		expect(await led('sam')).toEqual(['ada', 'cory'])
		expect(await led('pat')).toEqual(['rosa', 'sam'])
		expect(await led('morgan')).toEqual(['ada', 'cory', 'pat', 'quinn', 'rosa', 'sam'])
		expect(await led('ada')).toEqual([])
	})
})

describe('another organisation', () => {
	it('is outside every where-builder, even for an admin', async () => {
		const morgan = people.get('morgan')!
		const outsiders = [people.get('bill')!.id, people.get('tia')!.id]
		expect(await prisma.user.count({ where: { AND: [ledEngineersWhere(morgan), { id: { in: outsiders } }] } })).toBe(0)
		expect(await prisma.user.count({ where: { AND: [growthVisibleUsersWhere(morgan), { id: { in: outsiders } }] } })).toBe(0)
		expect(await prisma.attempt.count({ where: { AND: [reviewableAttemptsWhere(morgan), { userId: { in: outsiders } }] } })).toBe(0)
		expect(
			(await prisma.team.findMany({ where: listedTeamsWhere(morgan), select: { name: true }, orderBy: { name: 'asc' } })).map((team) => team.name),
		).toEqual(['Checkout', 'Platform'])
		expect((await prisma.team.findMany({ where: listedTeamsWhere(people.get('tia')!), select: { name: true } })).map((team) => team.name)).toEqual(['Harbour'])
	})
})
