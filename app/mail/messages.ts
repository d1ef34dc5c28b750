// The words of the mail Hardmode sends about accounts: plain text, and the same in simple HTML.
// Pure, so the wording is tested without a database or a mail server.

export type MailContent = { subject: string; text: string; html: string }

const SIGNATURE = '— Hardmode'

/** Paragraphs to text and HTML; a paragraph that is a link becomes one in HTML. */
function compose(subject: string, paragraphs: Array<string | { link: string; label: string }>): MailContent {
	const text = [...paragraphs.map((paragraph) => (typeof paragraph === 'string' ? paragraph : paragraph.link)), SIGNATURE].join('\n\n')
	const html = [
		...paragraphs.map((paragraph) =>
			typeof paragraph === 'string'
				? `<p>${escapeHtml(paragraph)}</p>`
				: `<p><a href="${escapeHtml(paragraph.link)}">${escapeHtml(paragraph.label)}</a><br><span style="color:#555">${escapeHtml(paragraph.link)}</span></p>`,
		),
		`<p>${SIGNATURE}</p>`,
	].join('\n')
	return {
		subject,
		text,
		html: `<!doctype html>\n<html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem">\n${html}\n</body></html>`,
	}
}

export function escapeHtml(value: string) {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

export function passwordResetMail(input: { name: string; email: string; organizationName: string; link: string; minutes: number }): MailContent {
	return compose('Reset your Hardmode password', [
		`Hello ${input.name},`,
		`Someone asked to reset the password of your Hardmode account at ${input.organizationName} (${input.email}). To choose a new password, open this link:`,
		{ link: input.link, label: 'Choose a new password' },
		`The link works once, for ${input.minutes} minutes. Choosing a new password signs your account out of every browser.`,
		'If you did not ask for this, you can ignore this message: your password stays as it is.',
	])
}

export function emailVerificationMail(input: { name: string; email: string; link: string; hours: number; change: boolean }): MailContent {
	return compose('Confirm your e-mail address for Hardmode', [
		`Hello ${input.name},`,
		input.change
			? `You asked to change the e-mail address of your Hardmode account to ${input.email}. To confirm that this address is yours, open this link:`
			: `To confirm that ${input.email} is your address for Hardmode, open this link:`,
		{ link: input.link, label: 'Confirm this address' },
		input.change
			? `The link works for ${input.hours} hours. Until you confirm it, your account keeps its current address.`
			: `The link works for ${input.hours} hours. Until you confirm it, password reset links are the only mail Hardmode sends to this address, and invites to teams wait for it.`,
		'If you did not ask for this, you can ignore this message.',
	])
}

export function inviteMail(input: {
	inviterName: string
	teamName: string
	organizationName: string
	role: 'learner' | 'lead'
	email: string
	link: string
	days: number
}): MailContent {
	return compose(`${input.inviterName} invited you to ${input.teamName} on Hardmode`, [
		`${input.inviterName} invited you to join ${input.teamName} at ${input.organizationName} on Hardmode, as a ${input.role}. Hardmode is where engineers practise diagnosing bugs and making architecture decisions, and where leads review that practice.`,
		'To accept, open this link and create your account (or log in, if you have one):',
		{ link: input.link, label: `Join ${input.teamName}` },
		`The invite is for ${input.email} only and works for ${input.days} days.`,
	])
}
