import { describe, expect, it } from 'vitest'
import { emailVerificationMail, inviteMail, passwordResetMail } from './messages.ts'

describe('the mail Hardmode sends about accounts', () => {
	const reset = passwordResetMail({
		name: 'Ada <b>Moreno</b>',
		email: 'ada@example.com',
		organizationName: 'Acme & Co',
		link: 'https://hardmode.example.com/reset-password/abc?x="1"',
		minutes: 30,
	})

	it('puts the link on a line of its own in the text, and in a link in the HTML', () => {
		expect(reset.text.split('\n\n')).toContain('https://hardmode.example.com/reset-password/abc?x="1"')
		expect(reset.html).toContain('<a href="https://hardmode.example.com/reset-password/abc?x=&quot;1&quot;">Choose a new password</a>')
	})

	it('escapes names in the HTML, so a name cannot add markup', () => {
		expect(reset.html).toContain('Hello Ada &lt;b&gt;Moreno&lt;/b&gt;,')
		expect(reset.html).toContain('Acme &amp; Co')
		expect(reset.html).not.toContain('<b>Moreno</b>')
	})

	it('says how long a link works and what happens if it was not asked for, without exclamation marks', () => {
		const verification = emailVerificationMail({ name: 'Ada', email: 'ada@new.example.com', link: 'https://h/verify-email/t', hours: 24, change: true })
		const invite = inviteMail({
			inviterName: 'Sam Lead',
			teamName: 'Checkout',
			organizationName: 'Acme',
			role: 'learner',
			email: 'new@example.com',
			link: 'https://h/invite/t',
			days: 7,
		})
		expect(reset.text).toContain('The link works once, for 30 minutes.')
		expect(verification.text).toContain('Until you confirm it, your account keeps its current address.')
		expect(invite.subject).toBe('Sam Lead invited you to Checkout on Hardmode')
		expect(invite.text).toContain('The invite is for new@example.com only and works for 7 days.')
		for (const mail of [reset, verification, invite]) expect(`${mail.subject} ${mail.text}`).not.toContain('!')
	})
})
