import { describe, expect, it } from 'vitest'
import {
	growthVisibleUsersWhere,
	isLeadOrAdmin,
	isOrgAdmin,
	ledEngineersWhere,
	listedTeamsWhere,
	mayAddTeamMembers,
	mayChangeTeamRoles,
	mayInviteToTeam,
	mayLeadEngineer,
	mayLeadTeam,
	mayRemoveFromTeam,
	reviewableAttemptsWhere,
	teamActorOf,
	type Actor,
} from './permissions.server.ts'

// Sam leads Checkout and learns in Platform; Ada learns in Checkout; Morgan administers the
// organisation without being in a team; Pat leads Platform.
const sam: Actor = {
	id: 'sam',
	organizationId: 'acme',
	orgRole: 'member',
	teams: [
		{ id: 'checkout', role: 'lead' },
		{ id: 'platform', role: 'learner' },
	],
}
const ada: Actor = { id: 'ada', organizationId: 'acme', orgRole: 'member', teams: [{ id: 'checkout', role: 'learner' }] }
const morgan: Actor = { id: 'morgan', organizationId: 'acme', orgRole: 'admin', teams: [] }
const pat: Actor = { id: 'pat', organizationId: 'acme', orgRole: 'member', teams: [{ id: 'platform', role: 'lead' }] }
const engineer = (actor: Actor) => ({ id: actor.id, teamIds: actor.teams.map((team) => team.id) })

describe('roles', () => {
	it('counts organisation admins and anyone who leads a team as leads or admins, and nobody else', () => {
		expect([sam, ada, morgan, pat].map(isLeadOrAdmin)).toEqual([true, false, true, true])
		expect([sam, ada, morgan, pat].map(isOrgAdmin)).toEqual([false, false, true, false])
	})

	it('lets a lead run the teams they lead only, and an admin every team', () => {
		expect(mayLeadTeam(sam, 'checkout')).toBe(true)
		expect(mayLeadTeam(sam, 'platform')).toBe(false)
		expect(mayLeadTeam(ada, 'checkout')).toBe(false)
		expect(mayLeadTeam(morgan, 'checkout')).toBe(true)
		expect(mayLeadTeam(morgan, 'a-team-morgan-is-not-in')).toBe(true)
	})
})

describe('leading an engineer', () => {
	it('lets a lead lead the members of their teams, not of the teams they only learn in', () => {
		expect(mayLeadEngineer(sam, engineer(ada))).toBe(true)
		expect(mayLeadEngineer(pat, engineer(ada))).toBe(false)
		// Sam learns in Platform, which Pat leads.
		expect(mayLeadEngineer(pat, engineer(sam))).toBe(true)
		expect(mayLeadEngineer(sam, engineer(pat))).toBe(false)
	})

	it('lets an admin lead everyone, including people in no team, but nobody themselves', () => {
		expect(mayLeadEngineer(morgan, { id: 'quinn', teamIds: [] })).toBe(true)
		expect(mayLeadEngineer(morgan, engineer(morgan))).toBe(false)
		expect(mayLeadEngineer(sam, engineer(sam))).toBe(false)
	})

	it('lets a learner lead nobody', () => {
		expect(mayLeadEngineer(ada, { id: 'bo', teamIds: ['checkout'] })).toBe(false)
	})
})

describe('where-builders', () => {
	it('scope every query to the actor’s organisation', () => {
		for (const actor of [sam, ada, morgan]) {
			expect(ledEngineersWhere(actor)).toMatchObject({ organizationId: 'acme' })
			expect(growthVisibleUsersWhere(actor)).toMatchObject({ organizationId: 'acme' })
			expect(reviewableAttemptsWhere(actor)).toMatchObject({ organizationId: 'acme' })
			expect(listedTeamsWhere(actor)).toMatchObject({ organizationId: 'acme' })
		}
	})

	it('find the people a lead leads through the teams they lead, never themselves', () => {
		expect(ledEngineersWhere(sam)).toEqual({ organizationId: 'acme', id: { not: 'sam' }, memberships: { some: { teamId: { in: ['checkout'] } } } })
		expect(ledEngineersWhere(morgan)).toEqual({ organizationId: 'acme', id: { not: 'morgan' } })
		// A learner leads no team, so the filter matches nobody.
		expect(ledEngineersWhere(ada)).toMatchObject({ memberships: { some: { teamId: { in: [] } } } })
	})

	it('show someone their own growth and that of the people they lead', () => {
		expect(growthVisibleUsersWhere(sam)).toEqual({ organizationId: 'acme', OR: [{ id: 'sam' }, ledEngineersWhere(sam)] })
	})

	it('find the attempts of the people a lead leads, never their own, and every other attempt for an admin', () => {
		expect(reviewableAttemptsWhere(sam)).toEqual({
			organizationId: 'acme',
			userId: { not: 'sam' },
			user: { memberships: { some: { teamId: { in: ['checkout'] } } } },
		})
		expect(reviewableAttemptsWhere(morgan)).toEqual({ organizationId: 'acme', userId: { not: 'morgan' } })
	})

	it('list the teams someone is in, and every team for an admin', () => {
		expect(listedTeamsWhere(sam)).toEqual({ organizationId: 'acme', id: { in: ['checkout', 'platform'] } })
		expect(listedTeamsWhere(morgan)).toEqual({ organizationId: 'acme' })
	})
})

describe('team membership (ADR 015)', () => {
	it('leaves adding people and changing roles to admins', () => {
		for (const actor of [teamActorOf(sam, 'checkout'), teamActorOf(ada, 'checkout')]) {
			expect(mayAddTeamMembers(actor)).toBe(false)
			expect(mayChangeTeamRoles(actor)).toBe(false)
		}
		expect(mayAddTeamMembers(teamActorOf(morgan, 'checkout'))).toBe(true)
		expect(mayChangeTeamRoles(teamActorOf(morgan, 'checkout'))).toBe(true)
	})

	it('lets a lead invite learners but not leads, and remove learners but not a lead or themselves', () => {
		const lead = teamActorOf(sam, 'checkout')
		expect(mayInviteToTeam(lead, 'learner')).toBe(true)
		expect(mayInviteToTeam(lead, 'lead')).toBe(false)
		expect(mayRemoveFromTeam(lead, { userId: 'ada', role: 'learner' })).toBe(true)
		expect(mayRemoveFromTeam(lead, { userId: 'cory', role: 'lead' })).toBe(false)
		expect(mayRemoveFromTeam(lead, { userId: 'sam', role: 'lead' })).toBe(false)
	})

	it('gives a lead of one team no say in another team they only learn in', () => {
		const learnerThere = teamActorOf(sam, 'platform')
		expect(learnerThere.teamRole).toBe('learner')
		expect(mayInviteToTeam(learnerThere, 'learner')).toBe(false)
		expect(mayRemoveFromTeam(learnerThere, { userId: 'rosa', role: 'learner' })).toBe(false)
	})
})
