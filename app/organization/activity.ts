// The organisation's activity log as sentences: who did what to whom or what, with links to
// the people, teams, exercises, assignments and attempts it names. Pure: the read model
// (activity.server.ts) looks the names up; this turns one audit event into a sentence.

/** A piece of a sentence: plain text, or a name that links to its page. */
export type ActivityPart = string | { text: string; href: string }

export type ActivityEvent = {
	id: string
	action: string
	createdAt: Date
	actorName: string | null
	targetType: string | null
	targetId: string | null
	detail: unknown
}

/** Names of what the events point at, by id; anything missing was deleted since. */
export type ActivityNames = {
	users: Record<string, string>
	teams: Record<string, string>
	exercises: Record<string, { title: string; slug: string }>
	assignments: Record<string, { exerciseTitle: string; teamId: string }>
	attempts: Record<string, { learnerName: string; exerciseTitle: string }>
	flags: Record<string, { exerciseId: string }>
	invites: Record<string, { teamId: string }>
}

export type ActivitySentence = { id: string; at: Date; actor: string; parts: ActivityPart[] }

export function describeActivity(event: ActivityEvent, names: ActivityNames): ActivitySentence {
	return { id: event.id, at: event.createdAt, actor: event.actorName ?? 'Hardmode', parts: describe(event, names) }
}

function describe(event: ActivityEvent, names: ActivityNames): ActivityPart[] {
	const detail = isRecord(event.detail) ? event.detail : {}
	const target = event.targetId ?? ''
	const user = () => userLink(names, target)
	const team = (id: unknown) => teamLink(names, typeof id === 'string' ? id : '')
	const teamRole = detail.role === 'lead' ? 'a lead' : 'a learner'
	switch (event.action) {
		case 'organization.created':
			return ['created the organisation']
		case 'organization.seeded':
			return ['set up the demo organisation']
		case 'organization.history-seeded':
			return ['added six months of simulated practice to the demo organisation']
		case 'team.created':
			return ['created the team ', teamLink(names, target, typeof detail.name === 'string' ? detail.name : undefined)]
		case 'team.membership_added':
			return ['added ', user(), ' to ', team(detail.teamId), ` as ${teamRole}`]
		case 'team.membership_set':
			return ['made ', user(), ` ${teamRole} of `, team(detail.teamId)]
		case 'team.membership_removed':
			return ['removed ', user(), ' from ', team(detail.teamId)]
		case 'team.retention-on':
			return ['turned retention checks on for ', teamLink(names, target)]
		case 'team.retention-off':
			return ['turned retention checks off for ', teamLink(names, target)]
		case 'invite.created':
			return [
				typeof detail.email === 'string' ? `invited ${detail.email} to ` : 'created an invite link to ',
				team(detail.teamId ?? names.invites[target]?.teamId),
				detail.role === 'lead' ? ' as a lead' : '',
			]
		case 'invite.revoked':
			return ['revoked an invite link to ', team(names.invites[target]?.teamId)]
		case 'invite.accepted':
			return ['joined ', team(names.invites[target]?.teamId), ' through an invite link']
		case 'user.org_role_changed':
			return ['made ', user(), detail.role === 'admin' ? ' an admin of the organisation' : ' a member of the organisation (no longer an admin)']
		case 'user.platform_admin_granted':
			return ['gave ', user(), ' the platform role, from the server’s command line']
		case 'user.platform_admin_revoked':
			return ['took the platform role from ', user(), ', from the server’s command line']
		case 'user.password_changed':
			return ['changed their password']
		case 'user.password_reset_requested':
			return ['asked for a password reset link by e-mail']
		case 'user.password_reset':
			return [
				'chose a new password through a reset link',
				typeof detail.sessions === 'number' && detail.sessions > 0
					? `, which signed them out of every browser (${detail.sessions} ${detail.sessions === 1 ? 'session' : 'sessions'})`
					: '',
			]
		case 'user.email_verified':
			return ['confirmed their e-mail address']
		case 'user.email_change_requested':
			return ['asked to change their e-mail address (it changes once the new one is confirmed)']
		case 'user.email_changed':
			return ['changed their e-mail address, confirmed from the new address']
		case 'outbox.retried':
			return ['put a message that could not be delivered back in the outbox, to be sent again']
		case 'user.logged_out_everywhere':
			return [
				typeof detail.sessions === 'number'
					? `logged out everywhere (${detail.sessions} ${detail.sessions === 1 ? 'session' : 'sessions'})`
					: 'logged out everywhere',
			]
		case 'user.removed':
			return ['removed ', user(), ' from the organisation; their attempts and reviews stay under their name']
		case 'user.sessions_ended':
			return [
				'signed ',
				user(),
				typeof detail.sessions === 'number'
					? ` out of every browser (${detail.sessions} ${detail.sessions === 1 ? 'session' : 'sessions'})`
					: ' out of every browser',
			]
		case 'user.lockout_lifted':
			return ['lifted the log-in lockout of ', user()]
		case 'user.two_factor_enabled':
			return ['turned on two-factor sign-in']
		case 'user.two_factor_disabled':
			return ['turned off two-factor sign-in']
		case 'user.recovery_codes_regenerated':
			return ['made new recovery codes for two-factor sign-in']
		case 'user.recovery_code_used':
			return [
				typeof detail.left === 'number'
					? `signed in with a recovery code (${detail.left} ${detail.left === 1 ? 'code' : 'codes'} left)`
					: 'signed in with a recovery code',
			]
		case 'organization.two_factor_required':
			return ['required two-factor sign-in for admins and leads']
		case 'organization.two_factor_optional':
			return ['stopped requiring two-factor sign-in for admins and leads']
		case 'sso.settings_saved':
			return [
				'changed the single sign-on settings',
				Array.isArray(detail.domains) ? ` (domains ${detail.domains.join(', ')})` : '',
				detail.secretChanged ? ' and its client secret' : '',
			]
		case 'sso.enabled':
			return ['turned single sign-on on']
		case 'sso.disabled':
			return ['turned single sign-on off']
		case 'sso.mapping_added':
			return ['mapped the single sign-on group “', String(detail.claimValue ?? ''), '” to ', ...ssoGrant(detail, names)]
		case 'sso.mapping_removed':
			return ['removed the mapping of the single sign-on group “', String(detail.claimValue ?? ''), '”']
		case 'sso.account_created':
			return ['joined the organisation through single sign-on']
		case 'sso.role_changed':
			return ['made ', user(), detail.role === 'admin' ? ' an admin' : ' a member (no longer an admin)', ' at sign-in, from their single sign-on groups']
		case 'sso.team_added':
			return ['added ', user(), ' to ', team(detail.teamId), ` as ${teamRole} at sign-in, from their single sign-on groups`]
		case 'sso.team_role_changed':
			return ['made ', user(), ` ${teamRole} of `, team(detail.teamId), ' at sign-in, from their single sign-on groups']
		case 'sso.team_removed':
			return ['removed ', user(), ' from ', team(detail.teamId), ' at sign-in: they are no longer in its single sign-on group']
		case 'sso.sign_in_refused':
			return [
				'refused a single sign-on sign-in: ',
				typeof detail.reason === 'string' ? detail.reason.replace(/\.$/, '') : 'the provider’s answer was not accepted',
			]
		case 'assignment.created': {
			const first = Array.isArray(detail.assignments) && typeof detail.assignments[0] === 'string' ? detail.assignments[0] : ''
			const audience =
				detail.audience === 'team'
					? 'the whole of '
					: typeof detail.members === 'number'
						? `${detail.members} ${detail.members === 1 ? 'person' : 'people'} in `
						: ''
			return ['assigned ', assignmentLink(names, first), ` to ${audience}`, team(target)]
		}
		case 'assignment.updated':
			return ['changed the due date or rules of ', assignmentLink(names, target), ' for ', team(names.assignments[target]?.teamId)]
		case 'assignment.cancelled':
			return ['cancelled ', assignmentLink(names, target), ' for ', team(names.assignments[target]?.teamId)]
		case 'assignment.closed':
			return ['closed ', assignmentLink(names, target), ' for ', team(names.assignments[target]?.teamId)]
		case 'exercise.flagged': {
			const reason = typeof detail.reason === 'string' ? detail.reason : ''
			return ['flagged ', exerciseLink(names, target), reason ? `: “${reason.length > 80 ? `${reason.slice(0, 79)}…` : reason}”` : '']
		}
		case 'exercise.flag_resolved':
			return ['marked a flag on ', exerciseLink(names, names.flags[target]?.exerciseId ?? ''), ' as handled']
		case 'review.saved': {
			const attempt = names.attempts[target]
			const percent = typeof detail.percent === 'number' ? ` (${Math.round(detail.percent)} %)` : ''
			if (!attempt) return [`reviewed an attempt that has since been deleted${percent}`]
			return ['reviewed ', { text: `${attempt.learnerName}’s attempt at ${attempt.exerciseTitle}`, href: `/reviews/${target}` }, percent]
		}
		default:
			return [`did “${event.action}”`]
	}
}

function ssoGrant(detail: Record<string, unknown>, names: ActivityNames): ActivityPart[] {
	const parts: ActivityPart[] = []
	if (detail.grantsAdmin === true) parts.push('organisation admin')
	if (typeof detail.teamId === 'string') {
		if (parts.length) parts.push(' and ')
		parts.push(detail.teamRole === 'lead' ? 'lead of ' : 'learner in ', teamLink(names, detail.teamId))
	}
	return parts
}

function userLink(names: ActivityNames, id: string): ActivityPart {
	const name = names.users[id]
	return name ? { text: name, href: `/people/${id}` } : 'someone no longer in the organisation'
}

function teamLink(names: ActivityNames, id: string, fallback?: string): ActivityPart {
	const name = names.teams[id]
	return name ? { text: name, href: `/teams/${id}` } : (fallback ?? 'a team that has since been deleted')
}

function exerciseLink(names: ActivityNames, id: string): ActivityPart {
	const exercise = names.exercises[id]
	return exercise ? { text: exercise.title, href: `/exercises/${exercise.slug}` } : 'an exercise'
}

function assignmentLink(names: ActivityNames, id: string): ActivityPart {
	const assignment = names.assignments[id]
	return assignment ? { text: assignment.exerciseTitle, href: `/assignments/${id}` } : 'an exercise'
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}
