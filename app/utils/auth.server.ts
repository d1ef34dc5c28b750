import { redirect } from 'react-router'
import type { OrgRole, TeamRole } from '#app/generated/prisma/client.ts'
import { findReviewableAttempt, ReviewError } from '#app/models/review.server.ts'
import { getPrisma } from './db.server.ts'
import { RECORD_ID_PATTERN } from './forms.ts'
import { growthVisibleUsersWhere, isLeadOrAdmin, isOrgAdmin, mayLeadEngineer, mayLeadTeam } from './permissions.server.ts'
import {
	SESSION_COOKIE,
	SESSION_TOUCH_MS,
	SESSION_TTL_MS,
	clearSessionCookie,
	hashToken,
	newSessionToken,
	readCookie,
	serializeSessionCookie,
	sessionCookieValue,
	verifySessionCookieValue,
} from './session.server.ts'

export type SessionUser = {
	id: string
	name: string
	email: string
	orgRole: OrgRole
	organizationId: string
	organizationName: string
	sessionId: string
	/** Teams this user belongs to, with their role in each. */
	teams: Array<{ id: string; name: string; role: TeamRole }>
	/** The organisation requires two-factor sign-in of admins and leads, and this one has not set it up (ADR 029). */
	mustSetUpTwoFactor?: boolean
}

type SessionLookup = { user: SessionUser | null; invalidCookie: boolean }

// The root loader and the page's loader both ask who is signed in; one query per request.
const lookups = new WeakMap<Request, Promise<SessionLookup>>()
function lookupSession(request: Request): Promise<SessionLookup> {
	let lookup = lookups.get(request)
	if (!lookup) {
		lookup = readSession(request)
		lookups.set(request, lookup)
	}
	return lookup
}

async function readSession(request: Request): Promise<SessionLookup> {
	const raw = readCookie(request, SESSION_COOKIE)
	if (!raw) return { user: null, invalidCookie: false }
	const token = verifySessionCookieValue(raw)
	if (!token) return { user: null, invalidCookie: true }
	const prisma = getPrisma()
	const session = await prisma.session.findUnique({
		where: { tokenHash: hashToken(token) },
		select: {
			id: true,
			expiresAt: true,
			lastSeenAt: true,
			user: {
				select: {
					id: true,
					name: true,
					email: true,
					orgRole: true,
					organizationId: true,
					removedAt: true,
					twoFactor: { select: { enabledAt: true } },
					organization: { select: { name: true, twoFactorRequired: true } },
					memberships: {
						select: { role: true, team: { select: { id: true, name: true } } },
						orderBy: { team: { name: 'asc' } },
					},
				},
			},
		},
	})
	if (!session || session.expiresAt.getTime() <= Date.now() || session.user.removedAt) return { user: null, invalidCookie: true }
	if (Date.now() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
		await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() }, select: { id: true } })
	}
	const { user } = session
	return {
		invalidCookie: false,
		user: {
			id: user.id,
			name: user.name,
			email: user.email,
			orgRole: user.orgRole,
			organizationId: user.organizationId,
			organizationName: user.organization.name,
			sessionId: session.id,
			teams: user.memberships.map((m) => ({ id: m.team.id, name: m.team.name, role: m.role })),
			mustSetUpTwoFactor:
				user.organization.twoFactorRequired && !user.twoFactor?.enabledAt && (user.orgRole === 'admin' || user.memberships.some((m) => m.role === 'lead')),
		},
	}
}

export async function getOptionalUser(request: Request) {
	return (await lookupSession(request)).user
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
	const user = await requireUserAllowingTwoFactorSetup(request)
	// Before anything else, someone the organisation requires it of sets up two-factor sign-in.
	if (user.mustSetUpTwoFactor) throw redirect('/settings/two-factor?required=1')
	return user
}

/** As requireUser, for the two-factor set-up page itself, which a required set-up must reach. */
export async function requireUserAllowingTwoFactorSetup(request: Request): Promise<SessionUser> {
	const { user, invalidCookie } = await lookupSession(request)
	if (user) return user
	const url = new URL(request.url)
	const redirectTo = `${url.pathname}${url.search}`
	const params = new URLSearchParams({ redirectTo })
	if (invalidCookie) params.set('expired', '1')
	throw redirect(`/login?${params}`, invalidCookie ? { headers: { 'Set-Cookie': clearSessionCookie() } } : undefined)
}

export async function requireAnonymous(request: Request) {
	if (await getOptionalUser(request)) throw redirect('/dashboard')
}

export async function requireOrgAdmin(request: Request) {
	const user = await requireUser(request)
	if (!isOrgAdmin(user)) {
		throw new Response('Only organisation admins can open this page.', { status: 403 })
	}
	return user
}

/**
 * The team, if the user may manage it: org admins and the team's leads.
 * A team of another organisation is a 404, so its existence is not revealed.
 */
export async function requireTeamLead(request: Request, teamId: string) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(teamId)) throw new Response('Team not found', { status: 404 })
	const team = await getPrisma().team.findFirst({
		where: { id: teamId, organizationId: user.organizationId },
		select: { id: true, name: true, organizationId: true },
	})
	if (!team) throw new Response('Team not found', { status: 404 })
	if (!mayLeadTeam(user, team.id)) {
		throw new Response('Only this team’s leads and organisation admins can manage it.', { status: 403 })
	}
	return { user, team }
}

/** Starts a session and returns the Set-Cookie header that carries it. */
export async function createSession(userId: string, organizationId: string, request: Request) {
	const token = newSessionToken()
	await getPrisma().session.create({
		data: {
			tokenHash: hashToken(token),
			userId,
			organizationId,
			userAgent: request.headers.get('User-Agent')?.slice(0, 300) ?? null,
			expiresAt: new Date(Date.now() + SESSION_TTL_MS),
		},
		select: { id: true },
	})
	await getPrisma().user.update({ where: { id: userId }, data: { lastSignInAt: new Date() }, select: { id: true } })
	return serializeSessionCookie(sessionCookieValue(token), SESSION_TTL_MS)
}

/** Ends this browser's session; returns the Set-Cookie header that clears it. */
export async function destroySession(request: Request) {
	const raw = readCookie(request, SESSION_COOKIE)
	const token = raw ? verifySessionCookieValue(raw) : null
	if (token) await getPrisma().session.deleteMany({ where: { tokenHash: hashToken(token) } })
	return clearSessionCookie()
}

// Browsers drop tabs and newlines from URLs and read a backslash as a slash, so `/\t/evil.example`
// or `/\\evil.example` would leave the site although they look like paths: both are refused.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/
const THIS_SITE = new URL('https://this-site.invalid')

/** A path on this site to send the user to after a form, or the fallback for anything else. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/dashboard') {
	if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || CONTROL_OR_BACKSLASH.test(to)) return fallback
	// The check that matters, whatever the spelling: resolved as a browser resolves a Location
	// header, the path must stay on this origin.
	if (!URL.canParse(to, THIS_SITE) || new URL(to, THIS_SITE).origin !== THIS_SITE.origin) return fallback
	return to
}

/**
 * The assignment's team, if the user may manage it (its leads and organisation admins).
 * Another organisation's assignment is a 404; one of a team the user does not lead, a 403.
 */
export async function requireAssignmentLead(request: Request, assignmentId: string) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(assignmentId)) throw new Response('Assignment not found', { status: 404 })
	const assignment = await getPrisma().assignment.findFirst({
		where: { id: assignmentId, organizationId: user.organizationId },
		select: { id: true, teamId: true },
	})
	if (!assignment) throw new Response('Assignment not found', { status: 404 })
	if (!mayLeadTeam(user, assignment.teamId)) throw new Response('Only this team’s leads and organisation admins can manage its assignments.', { status: 403 })
	return { user, assignment }
}

/** Team leads and organisation admins: the people with a review queue. */
export async function requireReviewer(request: Request) {
	const user = await requireUser(request)
	if (!isLeadOrAdmin(user)) {
		throw new Response('Reviews are for team leads and organisation admins. Your own reviews appear on your attempts and your dashboard.', { status: 403 })
	}
	return user
}

/**
 * A person whose growth the user may see: themselves, and anyone they lead (anyone in the
 * organisation for an admin). Another organisation's person is a 404; someone the user may not
 * see, a 403. `canLead` says whether the user may also write lead notes about them.
 */
export async function requireGrowthViewer(request: Request, userId: string) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(userId)) throw new Response('Person not found', { status: 404 })
	const prisma = getPrisma()
	const [person, visible] = await Promise.all([
		prisma.user.findFirst({
			where: { id: userId, organizationId: user.organizationId },
			select: { id: true, name: true, memberships: { select: { teamId: true } } },
		}),
		prisma.user.findFirst({ where: { id: userId, ...growthVisibleUsersWhere(user) }, select: { id: true } }),
	])
	if (!person) throw new Response('Person not found', { status: 404 })
	if (!visible) throw new Response('Only this engineer, the leads of their teams and organisation admins can see their growth.', { status: 403 })
	const canLead = mayLeadEngineer(user, { id: person.id, teamIds: person.memberships.map((membership) => membership.teamId) })
	return { user, person: { id: person.id, name: person.name }, canLead }
}

/** A person the user leads, for the lead notes about them: as `requireGrowthViewer`, and a 403 for the engineer themselves. */
export async function requireEngineerLead(request: Request, userId: string) {
	const viewer = await requireGrowthViewer(request, userId)
	if (!viewer.canLead) throw new Response('Only the leads of this engineer’s teams and organisation admins can add notes about them.', { status: 403 })
	return viewer
}

/**
 * An attempt the user may review, for the replay page (ADR 011): another organisation's attempt
 * is a 404, one of someone the user does not lead (or their own) a 403.
 */
export async function requireReviewableAttempt(request: Request, attemptId: string) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(attemptId)) throw new Response('This attempt does not exist.', { status: 404 })
	try {
		return { user, attempt: await findReviewableAttempt(user, attemptId) }
	} catch (error) {
		if (error instanceof ReviewError) throw new Response(error.message, { status: error.status })
		throw error
	}
}
