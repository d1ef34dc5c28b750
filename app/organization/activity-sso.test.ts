import { describe, expect, it } from 'vitest'
import { describeActivity, type ActivityEvent, type ActivityNames } from './activity.ts'

const names: ActivityNames = {
	users: { u1: 'Lin Park' },
	teams: { t1: 'Checkout' },
	exercises: {},
	assignments: {},
	attempts: {},
	flags: {},
	invites: {},
}

const sentence = (action: string, detail: unknown, actorName: string | null = 'Morgan Admin') => {
	const event: ActivityEvent = { id: 'ev', action, createdAt: new Date('2026-12-08T00:00:00Z'), actorName, targetType: 'User', targetId: 'u1', detail }
	const { actor, parts } = describeActivity(event, names)
	return `${actor} ${parts.map((part) => (typeof part === 'string' ? part : `[${part.text}](${part.href})`)).join('')}`
}

describe('single sign-on in the activity log', () => {
	it('says what an admin changed in the settings and the group mappings', () => {
		expect(sentence('sso.settings_saved', { domains: ['acme.example'], secretChanged: true })).toBe(
			'Morgan Admin changed the single sign-on settings (domains acme.example) and its client secret',
		)
		expect(sentence('sso.enabled', null)).toBe('Morgan Admin turned single sign-on on')
		expect(sentence('sso.mapping_added', { claimValue: 'checkout-leads', grantsAdmin: true, teamId: 't1', teamRole: 'lead' })).toBe(
			'Morgan Admin mapped the single sign-on group “checkout-leads” to organisation admin and lead of [Checkout](/teams/t1)',
		)
		expect(sentence('sso.mapping_removed', { claimValue: 'checkout-leads' })).toBe(
			'Morgan Admin removed the mapping of the single sign-on group “checkout-leads”',
		)
	})

	it('says what a sign-in changed, as Hardmode’s doing, and why one was refused', () => {
		expect(sentence('sso.account_created', null, 'Lin Park')).toBe('Lin Park joined the organisation through single sign-on')
		expect(sentence('sso.team_added', { teamId: 't1', role: 'learner' }, null)).toBe(
			'Hardmode added [Lin Park](/people/u1) to [Checkout](/teams/t1) as a learner at sign-in, from their single sign-on groups',
		)
		expect(sentence('sso.team_removed', { teamId: 't1' }, null)).toBe(
			'Hardmode removed [Lin Park](/people/u1) from [Checkout](/teams/t1) at sign-in: they are no longer in its single sign-on group',
		)
		expect(sentence('sso.role_changed', { role: 'member' }, null)).toBe(
			'Hardmode made [Lin Park](/people/u1) a member (no longer an admin) at sign-in, from their single sign-on groups',
		)
		expect(sentence('sso.sign_in_refused', { reason: 'lin@other.example is not an address this organisation signs in with (@acme.example).' }, null)).toBe(
			// The log adds the full stop.
			'Hardmode refused a single sign-on sign-in: lin@other.example is not an address this organisation signs in with (@acme.example)',
		)
	})
})
