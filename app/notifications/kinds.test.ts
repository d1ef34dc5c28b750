import { describe, expect, it } from 'vitest'
import { parseForm } from '#app/utils/forms.ts'
import { NotificationSettingsSchema } from './forms.ts'
import { handlingOf, kindsFor, resolveDeliveries } from './kinds.ts'

describe('resolveDeliveries', () => {
	it('uses each kind’s default when nothing was chosen: e-mail for the due-tomorrow reminder, the app for the rest', () => {
		expect(resolveDeliveries([])).toEqual({
			assignment_given: 'in_app',
			assignment_due: 'email',
			attempt_reviewed: 'in_app',
			review_waiting: 'in_app',
			exercise_flagged: 'in_app',
		})
	})

	it('lets a choice replace the default of its kind only', () => {
		const deliveries = resolveDeliveries([
			{ kind: 'assignment_given', delivery: 'email' },
			{ kind: 'assignment_due', delivery: 'off' },
		])
		expect(deliveries.assignment_given).toBe('email')
		expect(deliveries.assignment_due).toBe('off')
		expect(deliveries.attempt_reviewed).toBe('in_app')
	})
})

describe('handlingOf', () => {
	const learner = { dailyDigest: false, leadsOrAdmin: false, emailVerified: true }
	const lead = { dailyDigest: false, leadsOrAdmin: true, emailVerified: true }
	const digestLead = { dailyDigest: true, leadsOrAdmin: true, emailVerified: true }

	it('stores nothing for a kind that is off, and mails nothing for one in the app only', () => {
		expect(handlingOf('off', lead)).toBe('skip')
		expect(handlingOf('in_app', digestLead)).toBe('in_app')
	})

	it('mails at once, unless a lead chose the daily digest', () => {
		expect(handlingOf('email', learner)).toBe('email')
		expect(handlingOf('email', lead)).toBe('email')
		expect(handlingOf('email', digestLead)).toBe('digest')
	})

	it('ignores a digest setting left on by someone who no longer leads a team', () => {
		expect(handlingOf('email', { dailyDigest: true, leadsOrAdmin: false, emailVerified: true })).toBe('email')
	})

	it('mails nothing to an address not yet confirmed, and keeps the notification in the app', () => {
		expect(handlingOf('email', { ...learner, emailVerified: false })).toBe('in_app')
		expect(handlingOf('email', { ...digestLead, emailVerified: false })).toBe('in_app')
		expect(handlingOf('off', { ...learner, emailVerified: false })).toBe('skip')
	})
})

describe('kindsFor', () => {
	it('offers learners the kinds about their own work, and leads and admins every kind', () => {
		expect(kindsFor({ leadsOrAdmin: false })).toEqual(['assignment_given', 'assignment_due', 'attempt_reviewed'])
		expect(kindsFor({ leadsOrAdmin: true })).toHaveLength(5)
	})
})

describe('NotificationSettingsSchema', () => {
	const form = (entries: Record<string, string>) => {
		const data = new FormData()
		for (const [key, value] of Object.entries(entries)) data.set(key, value)
		return parseForm(data, NotificationSettingsSchema)
	}

	it('reads one choice per kind and the ticked digest box', () => {
		const result = form({ assignment_given: 'email', review_waiting: 'off', dailyDigest: 'on' })
		expect(result).toEqual({ ok: true, data: { assignment_given: 'email', review_waiting: 'off', dailyDigest: 'on' } })
	})

	it('refuses a choice that is not one of the three, naming the kind', () => {
		const result = form({ assignment_given: 'sms' })
		expect(result.ok).toBe(false)
		if (!result.ok) expect(result.fieldErrors.assignment_given).toEqual(['Choose in the app only, in the app and by e-mail, or off.'])
	})
})
