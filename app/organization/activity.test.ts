import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { HISTORY_SEEDED_ACTION } from '#prisma/seed/history/index.ts'
import { describeActivity, type ActivityEvent, type ActivityNames } from './activity.ts'

const names: ActivityNames = {
	users: { u1: 'Grace Hopper' },
	teams: { t1: 'Checkout' },
	exercises: { e1: { title: 'Retry storm', slug: 'retry-storm' } },
	assignments: { a1: { exerciseTitle: 'Retry storm', teamId: 't1' } },
	attempts: { at1: { learnerName: 'Ada Moreno', exerciseTitle: 'Retry storm' } },
	flags: { f1: { exerciseId: 'e1' } },
	invites: { i1: { teamId: 't1' } },
}

const event = (action: string, targetId: string | null, detail: unknown = null): ActivityEvent => ({
	id: 'ev',
	action,
	createdAt: new Date('2026-12-01T10:00:00Z'),
	actorName: 'Lena Lead',
	targetType: null,
	targetId,
	detail,
})

/** The sentence as a reader sees it, with links written [text](href). */
const sentence = (e: ActivityEvent) => {
	const { actor, parts } = describeActivity(e, names)
	return `${actor} ${parts.map((part) => (typeof part === 'string' ? part : `[${part.text}](${part.href})`)).join('')}`
}

describe('the activity log as sentences', () => {
	it('says who did what to whom, linking people, teams, exercises, assignments and attempts', () => {
		expect(sentence(event('team.membership_set', 'u1', { teamId: 't1', role: 'lead' }))).toBe(
			'Lena Lead made [Grace Hopper](/people/u1) a lead of [Checkout](/teams/t1)',
		)
		expect(sentence(event('user.org_role_changed', 'u1', { role: 'admin' }))).toBe('Lena Lead made [Grace Hopper](/people/u1) an admin of the organisation')
		expect(sentence(event('assignment.created', 't1', { assignments: ['a1'], audience: 'members', members: 2 }))).toBe(
			'Lena Lead assigned [Retry storm](/assignments/a1) to 2 people in [Checkout](/teams/t1)',
		)
		expect(sentence(event('assignment.cancelled', 'a1'))).toBe('Lena Lead cancelled [Retry storm](/assignments/a1) for [Checkout](/teams/t1)')
		expect(sentence(event('review.saved', 'at1', { percent: 75 }))).toBe('Lena Lead reviewed [Ada Moreno’s attempt at Retry storm](/reviews/at1) (75 %)')
		expect(sentence(event('exercise.flag_resolved', 'f1'))).toBe('Lena Lead marked a flag on [Retry storm](/exercises/retry-storm) as handled')
		expect(sentence(event('invite.revoked', 'i1'))).toBe('Lena Lead revoked an invite link to [Checkout](/teams/t1)')
	})

	it('never shows a raw key, and names what was deleted without a dead link', () => {
		expect(sentence(event('team.membership_removed', 'gone', { teamId: 'gone-team' }))).toBe(
			'Lena Lead removed someone no longer in the organisation from a team that has since been deleted',
		)
		expect(sentence(event('review.saved', 'gone', { percent: 50 }))).toBe('Lena Lead reviewed an attempt that has since been deleted (50 %)')
		expect(sentence({ ...event('organization.seeded', null), actorName: null })).toBe('Hardmode set up the demo organisation')
	})

	it('tells what an admin did to someone’s account, and each change to two-factor sign-in', () => {
		expect(sentence(event('user.removed', 'u1', { teams: 1, sessions: 2 }))).toBe(
			'Lena Lead removed [Grace Hopper](/people/u1) from the organisation; their attempts and reviews stay under their name',
		)
		expect(sentence(event('user.sessions_ended', 'u1', { sessions: 1 }))).toBe('Lena Lead signed [Grace Hopper](/people/u1) out of every browser (1 session)')
		expect(sentence(event('user.lockout_lifted', 'u1'))).toBe('Lena Lead lifted the log-in lockout of [Grace Hopper](/people/u1)')
		expect(sentence(event('user.two_factor_enabled', 'u1'))).toBe('Lena Lead turned on two-factor sign-in')
		expect(sentence(event('user.two_factor_disabled', 'u1'))).toBe('Lena Lead turned off two-factor sign-in')
		expect(sentence(event('user.recovery_codes_regenerated', 'u1'))).toBe('Lena Lead made new recovery codes for two-factor sign-in')
		expect(sentence(event('user.recovery_code_used', 'u1', { left: 9 }))).toBe('Lena Lead signed in with a recovery code (9 codes left)')
		expect(sentence(event('organization.two_factor_required', null))).toBe('Lena Lead required two-factor sign-in for admins and leads')
		expect(sentence(event('organization.two_factor_optional', null))).toBe('Lena Lead stopped requiring two-factor sign-in for admins and leads')
	})

	it('tells of resets, confirmed addresses and invites by e-mail', () => {
		expect(sentence(event('user.password_reset_requested', 'u1'))).toBe('Lena Lead asked for a password reset link by e-mail')
		expect(sentence(event('user.password_reset', 'u1', { sessions: 2 }))).toBe(
			'Lena Lead chose a new password through a reset link, which signed them out of every browser (2 sessions)',
		)
		expect(sentence(event('user.email_verified', 'u1'))).toBe('Lena Lead confirmed their e-mail address')
		expect(sentence(event('user.email_changed', 'u1'))).toBe('Lena Lead changed their e-mail address, confirmed from the new address')
		expect(sentence(event('invite.created', 'i1', { teamId: 't1', role: 'learner', email: 'new@example.com' }))).toBe(
			'Lena Lead invited new@example.com to [Checkout](/teams/t1)',
		)
		expect(sentence(event('invite.created', 'i1', { teamId: 't1', role: 'lead' }))).toBe('Lena Lead created an invite link to [Checkout](/teams/t1) as a lead')
		expect(sentence(event('outbox.retried', 'm1'))).toBe('Lena Lead put a message that could not be delivered back in the outbox, to be sent again')
	})

	it('shortens a long flag reason', () => {
		const text = sentence(event('exercise.flagged', 'e1', { reason: 'x'.repeat(200) }))
		expect(text.length).toBeLessThan(160)
		expect(text).toMatch(/^Lena Lead flagged \[Retry storm\]\(\/exercises\/retry-storm\): “x+…”$/)
	})
})

describe('every action the product records', () => {
	it('has a sentence of its own, never the raw key', async () => {
		const sources = (await Promise.all(['app', 'prisma'].map((dir) => readdir(dir, { recursive: true, withFileTypes: true }))))
			.flat()
			.filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !entry.parentPath.includes('generated'))
			.map((entry) => path.join(entry.parentPath, entry.name))
		const recorded = new Set([HISTORY_SEEDED_ACTION])
		for (const file of sources) for (const match of (await readFile(file, 'utf8')).matchAll(/action: '([a-z]+\.[a-z_-]+)'/g)) recorded.add(match[1]!)
		expect(recorded.size).toBeGreaterThan(15)
		for (const action of recorded) expect(sentence(event(action, 'u1', { teamId: 't1' })), action).not.toMatch(/did “/)
	})
})
