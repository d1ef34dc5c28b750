import { describe, expect, it } from 'vitest'
import { claimValues, emailDomain, mappedAccess, membershipChanges, type GroupMapping } from './mapping.ts'

const mappings: GroupMapping[] = [
	{ claimValue: 'hardmode-admins', grantsAdmin: true, teamId: null, teamRole: 'learner' },
	{ claimValue: 'checkout', grantsAdmin: false, teamId: 'team-checkout', teamRole: 'learner' },
	{ claimValue: 'checkout-leads', grantsAdmin: false, teamId: 'team-checkout', teamRole: 'lead' },
	{ claimValue: 'payments', grantsAdmin: false, teamId: 'team-payments', teamRole: 'learner' },
]

describe('claim values', () => {
	it('reads a list of groups, a single group given as a string, and nothing for a missing or odd claim', () => {
		expect(claimValues({ groups: ['a', 'b', 3] }, 'groups')).toEqual(['a', 'b'])
		expect(claimValues({ groups: 'a' }, 'groups')).toEqual(['a'])
		expect(claimValues({ roles: ['a'] }, 'groups')).toEqual([])
		expect(claimValues({ groups: { a: true } }, 'groups')).toEqual([])
	})
})

describe('mapped access', () => {
	it('gives the admin role and the teams of every group the person is in, the lead role winning over learner', () => {
		const access = mappedAccess(mappings, ['hardmode-admins', 'checkout', 'checkout-leads'])
		expect(access.orgRole).toBe('admin')
		expect(Object.fromEntries(access.teams)).toEqual({ 'team-checkout': 'lead', 'team-payments': null })
	})

	it('makes someone in no admin group a member, and no member of teams whose groups they left', () => {
		const access = mappedAccess(mappings, ['payments'])
		expect(access.orgRole).toBe('member')
		expect(Object.fromEntries(access.teams)).toEqual({ 'team-checkout': null, 'team-payments': 'learner' })
	})

	it('leaves the organisation role alone when no mapping grants admin', () => {
		expect(mappedAccess(mappings.slice(1), ['checkout']).orgRole).toBeNull()
	})
})

describe('membership changes', () => {
	it('adds, changes and removes memberships of mapped teams only', () => {
		const access = mappedAccess(mappings, ['payments'])
		const changes = membershipChanges(
			[
				{ teamId: 'team-checkout', role: 'lead' },
				{ teamId: 'team-unmapped', role: 'learner' },
			],
			access.teams,
		)
		expect(changes).toEqual({ add: [{ teamId: 'team-payments', role: 'learner' }], change: [], remove: ['team-checkout'] })
	})

	it('changes a role when the group that gave it is gone but another still maps the team', () => {
		const changes = membershipChanges([{ teamId: 'team-checkout', role: 'lead' }], mappedAccess(mappings, ['checkout']).teams)
		expect(changes).toEqual({ add: [], change: [{ teamId: 'team-checkout', role: 'learner' }], remove: [] })
	})
})

describe('e-mail domain', () => {
	it('is the lower-cased part after the last @', () => {
		expect(emailDomain('Ada.Lovelace@Example.COM')).toBe('example.com')
	})
})
