import { describe, expect, it } from 'vitest'
import { digestDue, digestMail, groupDigest, type DigestItem } from './digest.ts'

const HOUR = 3_600_000
const now = new Date('2026-12-08T09:00:00.000Z')
const item = (id: string, kind: DigestItem['kind'], hoursAgo: number): DigestItem => ({
	id,
	kind,
	text: `Notification ${id}.`,
	link: `/reviews/${id}`,
	createdAt: new Date(now.getTime() - hoursAgo * HOUR),
})

describe('digestDue', () => {
	it('waits until the oldest notification in it is a day old', () => {
		expect(digestDue([], now)).toBe(false)
		expect(digestDue([item('a', 'review_waiting', 23), item('b', 'exercise_flagged', 1)], now)).toBe(false)
		expect(digestDue([item('a', 'review_waiting', 24), item('b', 'exercise_flagged', 1)], now)).toBe(true)
	})
})

describe('groupDigest', () => {
	it('groups by kind in the settings’ order, oldest first within a kind', () => {
		const groups = groupDigest([item('f1', 'exercise_flagged', 3), item('w2', 'review_waiting', 1), item('w1', 'review_waiting', 5)])
		expect(groups.map((group) => [group.label, group.items.map((entry) => entry.id)])).toEqual([
			['An attempt has waited two days for your review', ['w1', 'w2']],
			['An exercise is flagged', ['f1']],
		])
	})
})

describe('digestMail', () => {
	it('counts the notifications, lists each with an absolute link, and says where to change the setting', () => {
		const mail = digestMail(
			[item('w1', 'review_waiting', 30), item('f1', 'exercise_flagged', 2)],
			(path) => `https://hardmode.example.com${path}`,
			'https://hardmode.example.com/settings/notifications',
		)
		expect(mail.subject).toBe('Hardmode: 2 notifications since your last digest')
		expect(mail.text).toContain('An attempt has waited two days for your review (1)\n- Notification w1.\n  https://hardmode.example.com/reviews/w1')
		expect(mail.text).toContain('An exercise is flagged (1)')
		expect(mail.text).toContain('notification settings: https://hardmode.example.com/settings/notifications')
		expect(mail.html).toContain('<a href="https://hardmode.example.com/reviews/f1">Notification f1.</a>')
	})

	it('escapes what people wrote before putting it in HTML', () => {
		const mail = digestMail([{ ...item('x', 'exercise_flagged', 30), text: 'Ada <b>flagged</b> “Tom & Jerry”.' }], (path) => path, '/settings')
		expect(mail.html).toContain('Ada &lt;b&gt;flagged&lt;/b&gt; “Tom &amp; Jerry”.')
		expect(mail.subject).toBe('Hardmode: 1 notification since your last digest')
	})
})
