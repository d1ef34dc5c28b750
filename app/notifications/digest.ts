// A lead's daily digest: one e-mail that gathers the notifications they chose to have mailed,
// instead of one mail each (ADR 031). Pure.
import { escapeHtml } from './messages.ts'
import { KIND_INFO, NOTIFICATION_KINDS, type NotificationKind } from './kinds.ts'

const DAY_MS = 86_400_000

export type DigestItem = { id: string; kind: NotificationKind; text: string; link: string; createdAt: Date }

/**
 * A digest goes out once the oldest notification waiting for it is a day old. So nothing waits
 * longer than a day (plus the job's interval), and two digests are always at least a day apart:
 * everything waiting went into the last one, and the next waits for its own oldest to age.
 */
export function digestDue(pending: ReadonlyArray<Pick<DigestItem, 'createdAt'>>, now: Date): boolean {
	if (pending.length === 0) return false
	const oldest = Math.min(...pending.map((item) => item.createdAt.getTime()))
	return now.getTime() - oldest >= DAY_MS
}

/** The items by kind, in the settings' order of kinds, oldest first within a kind. */
export function groupDigest(items: readonly DigestItem[]): Array<{ kind: NotificationKind; label: string; items: DigestItem[] }> {
	return NOTIFICATION_KINDS.flatMap((kind) => {
		const ofKind = items.filter((item) => item.kind === kind).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
		return ofKind.length ? [{ kind, label: KIND_INFO[kind].label, items: ofKind }] : []
	})
}

/** The digest e-mail; `absolute` turns a stored path into a link that works from a mail client. */
export function digestMail(items: readonly DigestItem[], absolute: (path: string) => string, settingsLink: string) {
	const groups = groupDigest(items)
	const count = items.length
	const subject = `Hardmode: ${count} ${count === 1 ? 'notification' : 'notifications'} since your last digest`
	const text = [
		`${count} ${count === 1 ? 'thing' : 'things'} happened since your last digest.`,
		...groups.map((group) =>
			[``, `${group.label} (${group.items.length})`, ...group.items.map((item) => `- ${item.text}\n  ${absolute(item.link)}`)].join('\n'),
		),
		``,
		`You get one digest a day because of your notification settings: ${settingsLink}`,
		``,
	].join('\n')
	const html = [
		`<p>${count} ${count === 1 ? 'thing' : 'things'} happened since your last digest.</p>`,
		...groups.map(
			(group) =>
				`<h2 style="font-size:16px">${escapeHtml(group.label)} (${group.items.length})</h2><ul>${group.items
					.map((item) => `<li><a href="${escapeHtml(absolute(item.link))}">${escapeHtml(item.text)}</a></li>`)
					.join('')}</ul>`,
		),
		`<p style="color:#555">You get one digest a day because of your <a href="${escapeHtml(settingsLink)}">notification settings</a>.</p>`,
	].join('')
	return { subject, text, html }
}
