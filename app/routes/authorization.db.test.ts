// Every page and every mutation, requested by every kind of caller, with the exact outcome:
// 302 (to the login page), 200, 403 (same organisation, not allowed) or 404 (another
// organisation's resource, whose existence is not revealed).
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider, useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PERSONAS, ids, setUpAuthorizationWorld, type Persona } from '#tests/authorization-world.ts'
import { call, get, loginCookie, post, postJson } from '#tests/routes.ts'
import type { Database } from '#app/utils/db.server.ts'
import * as admin from './admin.tsx'
import * as adminSso from './admin.sso.tsx'
import * as adminOutbox from './admin.outbox.tsx'
import * as attempts from './attempts._index.tsx'
import * as attempt from './attempts.$attemptId.tsx'
import * as attemptEvents from './attempts.$attemptId.events.ts'
import * as attemptRuns from './attempts.$attemptId.runs.ts'
import * as exercise from './exercises.$slug.tsx'
import { getDefaultPool } from '#app/runner/index.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { randomUUID } from 'node:crypto'
import * as dashboard from './dashboard.tsx'
import * as exercises from './exercises._index.tsx'
import * as logout from './logout.tsx'
import * as settings from './settings.tsx'
import * as twoFactorSettings from './settings.two-factor.tsx'
import * as notificationsPage from './notifications.tsx'
import * as notificationSettings from './settings.notifications.tsx'
import * as team from './teams.$teamId.tsx'
import * as teamAssignments from './teams.$teamId.assignments.tsx'
import * as newAssignment from './teams.$teamId.assignments.new.tsx'
import * as assignmentPage from './assignments.$assignmentId.tsx'
import * as reviews from './reviews._index.tsx'
import * as review from './reviews.$attemptId.tsx'
import * as reviewRun from './reviews.$attemptId.runs.$runId.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt } from '#app/models/attempt/guard.server.ts'
import { addGrowthNote } from '#app/models/growth/growth-note.server.ts'
import * as teamGrowth from './teams.$teamId.growth.tsx'
import * as profile from './people.$userId.tsx'
import * as report from './people.$userId.report.tsx'
import * as reportCsv from './people.$userId.report[.csv].ts'
import * as analytics from './exercises.$slug.analytics.tsx'

let db: Database
let cookies: Partial<Record<Persona, string>> = {}

// Rowan, a member in no team, whom the admin removes from the organisation.
const accounts = { rowan: '' }
// A message of the Acme organisation the sender gave up on, which only its admins may put back in line.
const mail = { failed: '' }

beforeAll(async () => {
	;({ db, cookies } = await setUpAuthorizationWorld())
	const org = await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hardmode.dev' }, select: { organizationId: true } })
	accounts.rowan = (
		await db.prisma.user.create({
			data: { organizationId: org.organizationId, email: 'rowan@hardmode.dev', name: 'Rowan Gone', passwordHash: 'not-used' },
			select: { id: true },
		})
	).id
	mail.failed = (
		await db.prisma.outboxMessage.create({
			data: {
				organizationId: org.organizationId,
				to: 'ada@hardmode.dev',
				subject: 'S',
				text: 'T',
				kind: 'invite',
				messageId: '<failed@test>',
				status: 'failed',
			},
			select: { id: true },
		})
	).id
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
})

type Row = {
	what: string
	request: (cookie?: string) => Promise<{ status: number; data: unknown; headers: Headers }>
	expected: Record<Persona, number>
}

const ALL_SIGNED_IN = { learner: 200, lead: 200, otherTeamLead: 200, admin: 200, outsider: 200 }

const rows: Row[] = [
	{ what: 'GET /dashboard', request: (c) => call(dashboard.loader, get('/dashboard', c)), expected: { anonymous: 302, ...ALL_SIGNED_IN } },
	{ what: 'GET /exercises', request: (c) => call(exercises.loader, get('/exercises', c)), expected: { anonymous: 302, ...ALL_SIGNED_IN } },
	{
		what: 'GET /exercises (odd filters)',
		request: (c) => call(exercises.loader, get(`/exercises?q=${encodeURIComponent('%_😀'.repeat(2500))}&topic=%00&band=9&status[]=x&kind=&kind=debugging`, c)),
		expected: { anonymous: 302, ...ALL_SIGNED_IN },
	},
	{ what: 'GET /attempts', request: (c) => call(attempts.loader, get('/attempts', c)), expected: { anonymous: 302, ...ALL_SIGNED_IN } },
	{ what: 'GET /settings', request: (c) => call(settings.loader, get('/settings', c)), expected: { anonymous: 302, ...ALL_SIGNED_IN } },
	{
		what: 'POST /settings (name)',
		request: (c) => call(settings.action, post('/settings', { intent: 'name', name: 'Same Name' }, c)),
		expected: { anonymous: 302, ...ALL_SIGNED_IN },
	},
	{
		what: 'GET /admin',
		request: (c) => call(admin.loader, get('/admin', c)),
		// The outsider administers their own organisation: 200, but only their own data (checked below).
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 200 },
	},
	{
		what: 'POST /admin (create team)',
		request: (c) => call(admin.action, post('/admin', { intent: 'create-team', name: `Team ${Math.random().toString(36).slice(2, 8)}` }, c)),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 200 },
	},
	// The outbox (ADR 028) holds links that sign people in: their organisation's admins only.
	{
		what: 'GET /admin/outbox',
		request: (c) => call(adminOutbox.loader, get('/admin/outbox', c)),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 200 },
	},
	{
		what: 'POST /admin/outbox (send a failed message again)',
		request: (c) => call(adminOutbox.action, post('/admin/outbox', { intent: 'retry', messageId: mail.failed }, c)),
		// The outsider's admin does not find another organisation's message.
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	// Single sign-on settings (ADR 030): each organisation's admins set their own; another's mapping is not found.
	{
		what: 'GET /admin/sso',
		request: (c) => call(adminSso.loader, get('/admin/sso', c)),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 200 },
	},
	{
		what: 'POST /admin/sso (save the provider, turned off)',
		request: (c) =>
			call(
				adminSso.action,
				post(
					'/admin/sso',
					{
						intent: 'save-settings',
						issuerUrl: 'https://login.example.com',
						clientId: 'hardmode',
						clientSecret: 'a secret',
						domains: `m${Math.random().toString(36).slice(2, 8)}.example`,
						claimName: 'groups',
					},
					c,
				),
			),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 200 },
	},
	{
		what: 'POST /admin/sso (remove a group mapping of the organisation)',
		request: async (c) => call(adminSso.action, post('/admin/sso', { intent: 'remove-mapping', mappingId: await ssoMappingOfTheOrganisation() }, c)),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	// An admin's actions on someone's account (ADR 029); another organisation's admin does not find the person.
	{
		what: 'POST /admin (remove Rowan from the organisation)',
		request: (c) => call(admin.action, post('/admin', { intent: 'remove-member', userId: accounts.rowan }, c)),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /admin (end every session of Quinn)',
		request: (c) => call(admin.action, post('/admin', { intent: 'end-sessions', userId: ids.quinn }, c)),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /admin (lift Quinn’s log-in lockout)',
		request: (c) => call(admin.action, post('/admin', { intent: 'lift-lockout', userId: ids.quinn }, c)),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /admin (two-factor sign-in optional)',
		// "Optional", so the admins of the rows below are not sent to set it up; the outsider sets it for their own organisation.
		request: (c) => call(admin.action, post('/admin', { intent: 'two-factor-requirement', required: 'no' }, c)),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 200 },
	},
	// Notifications (ADR 031): everyone reads and changes only their own.
	{ what: 'GET /notifications', request: (c) => call(notificationsPage.loader, get('/notifications', c)), expected: { anonymous: 302, ...ALL_SIGNED_IN } },
	{
		what: 'POST /notifications (mark all read)',
		request: (c) => call(notificationsPage.action, post('/notifications', { intent: 'mark-all-read' }, c)),
		expected: { anonymous: 302, ...ALL_SIGNED_IN },
	},
	{
		what: 'GET /settings/notifications',
		request: (c) => call(notificationSettings.loader, get('/settings/notifications', c)),
		expected: { anonymous: 302, ...ALL_SIGNED_IN },
	},
	{
		what: 'POST /settings/notifications',
		request: (c) => call(notificationSettings.action, post('/settings/notifications', { assignment_given: 'in_app' }, c)),
		expected: { anonymous: 302, ...ALL_SIGNED_IN },
	},
	{
		what: 'GET /settings/two-factor',
		request: (c) => call(twoFactorSettings.loader, get('/settings/two-factor', c)),
		expected: { anonymous: 302, ...ALL_SIGNED_IN },
	},
	{
		what: 'POST /settings/two-factor (start setting it up)',
		request: (c) => call(twoFactorSettings.action, post('/settings/two-factor', { intent: 'start' }, c)),
		expected: { anonymous: 302, ...ALL_SIGNED_IN },
	},
	{
		what: 'GET /teams/:checkout',
		request: (c) => call(team.loader, get(`/teams/${ids.checkout}`, c), { teamId: ids.checkout }),
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'GET /teams/:platform',
		request: (c) => call(team.loader, get(`/teams/${ids.platform}`, c), { teamId: ids.platform }),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 200, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /teams/:checkout (create invite)',
		request: (c) =>
			call(team.action, post(`/teams/${ids.checkout}`, { intent: 'invite', role: 'learner', email: 'new-learner@hardmode.dev' }, c), { teamId: ids.checkout }),
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /teams/:checkout (invite a lead)',
		request: (c) =>
			call(team.action, post(`/teams/${ids.checkout}`, { intent: 'invite', role: 'lead', email: 'new-lead@hardmode.dev' }, c), { teamId: ids.checkout }),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /teams/:checkout (set Ada’s role to learner)',
		request: (c) => call(team.action, post(`/teams/${ids.checkout}`, { intent: 'set-role', userId: ids.ada, role: 'learner' }, c), { teamId: ids.checkout }),
		// Roles in a team are the admin's to change; a lead could otherwise demote a co-lead.
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /teams/:checkout (add Quinn, in no team, as a learner)',
		request: (c) =>
			call(team.action, post(`/teams/${ids.checkout}`, { intent: 'add-member', userId: ids.quinn, role: 'learner' }, c), { teamId: ids.checkout }),
		// Only an admin adds an existing member; a lead invites, and the person joins by accepting.
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /teams/:checkout (set-role of Pat, who is not in the team)',
		request: (c) =>
			call(team.action, post(`/teams/${ids.checkout}`, { intent: 'set-role', userId: ids.platformLead, role: 'learner' }, c), { teamId: ids.checkout }),
		// Changing a role never adds anyone: for the admin, Pat is not in this team.
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 404, outsider: 404 },
	},
	{
		what: 'POST /teams/:checkout (demote co-lead Cory)',
		request: (c) => call(team.action, post(`/teams/${ids.checkout}`, { intent: 'set-role', userId: ids.cory, role: 'learner' }, c), { teamId: ids.checkout }),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /teams/:checkout (remove co-lead Dana)',
		request: (c) => call(team.action, post(`/teams/${ids.checkout}`, { intent: 'remove-member', userId: ids.dana }, c), { teamId: ids.checkout }),
		expected: { anonymous: 302, learner: 403, lead: 403, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'GET /exercises/:slug',
		request: (c) => call(exercise.loader, get('/exercises/retry-storm', c), { slug: 'retry-storm' }),
		expected: { anonymous: 302, ...ALL_SIGNED_IN },
	},
	{
		what: 'POST /exercises/:slug (start an attempt)',
		request: (c) => call(exercise.action, post('/exercises/slow-order-history', {}, c), { slug: 'slow-order-history' }),
		// Everyone signed in may practise; the answer is a redirect into their own new attempt.
		expected: { anonymous: 302, learner: 302, lead: 302, otherTeamLead: 302, admin: 302, outsider: 302 },
	},
	{
		what: 'GET /attempts/:ada',
		request: (c) => call(attempt.loader, get(`/attempts/${ids.adaAttempt}`, c), { attemptId: ids.adaAttempt }),
		// Nobody else opens a learner's workspace, not even a lead or an admin (they will review, not edit).
		expected: { anonymous: 302, learner: 200, lead: 404, otherTeamLead: 404, admin: 404, outsider: 404 },
	},
	{
		what: 'POST /attempts/:ada (submit with nothing filled in)',
		request: (c) => call(attempt.action, post(`/attempts/${ids.adaAttempt}`, { intent: 'submit' }, c), { attemptId: ids.adaAttempt }),
		// Ada gets field errors (400); the submission is checked only once the attempt is hers.
		expected: { anonymous: 302, learner: 400, lead: 404, otherTeamLead: 404, admin: 404, outsider: 404 },
	},
	{
		what: 'POST /attempts/:ada (reveal a hint)',
		request: (c) => call(attempt.action, post(`/attempts/${ids.adaAttempt}`, { intent: 'reveal-hint', index: '0' }, c), { attemptId: ids.adaAttempt }),
		// Still locked for Ada (409: too early); not found for everyone else.
		expected: { anonymous: 302, learner: 409, lead: 404, otherTeamLead: 404, admin: 404, outsider: 404 },
	},
	{
		what: 'POST /attempts/:ada/events',
		request: (c) =>
			call(
				attemptEvents.action,
				postJson(
					`/attempts/${ids.adaAttempt}/events`,
					{ sentAt: Date.now(), events: [{ id: randomUUID(), seq: 1, at: Date.now(), type: 'focus.lost', data: {} }] },
					c,
				),
				{ attemptId: ids.adaAttempt },
			),
		expected: { anonymous: 302, learner: 200, lead: 404, otherTeamLead: 404, admin: 404, outsider: 404 },
	},
	{
		what: 'POST /attempts/:ada/runs',
		request: (c) => call(attemptRuns.action, postJson(`/attempts/${ids.adaAttempt}/runs`, { files: ids.adaStarter }, c), { attemptId: ids.adaAttempt }),
		expected: { anonymous: 302, learner: 200, lead: 404, otherTeamLead: 404, admin: 404, outsider: 404 },
	},
	{
		what: 'GET /attempts/:ada/runs?run=…',
		request: (c) => call(attemptRuns.loader, get(`/attempts/${ids.adaAttempt}/runs?run=${ids.adaRun}`, c), { attemptId: ids.adaAttempt }),
		expected: { anonymous: 302, learner: 200, lead: 404, otherTeamLead: 404, admin: 404, outsider: 404 },
	},
	{
		what: 'GET /teams/:checkout/assignments',
		request: (c) => call(teamAssignments.loader, get(`/teams/${ids.checkout}/assignments`, c), { teamId: ids.checkout }),
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'GET /teams/:checkout/assignments/new',
		request: (c) => call(newAssignment.loader, get(`/teams/${ids.checkout}/assignments/new`, c), { teamId: ids.checkout }),
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /teams/:checkout/assignments/new (assign an exercise)',
		request: (c) =>
			call(
				newAssignment.action,
				post(
					`/teams/${ids.checkout}/assignments/new`,
					// Ada has retry-storm assigned already: the lead confirms assigning it again (ADR 022).
					{
						exercises: 'retry-storm',
						audience: 'members',
						members: ids.ada,
						dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
						duplicates: 'assign',
						confirmed: `retry-storm:${ids.ada}`,
					},
					c,
				),
				{ teamId: ids.checkout },
			),
		// A lead's assignment redirects to the team's assignment list.
		expected: { anonymous: 302, learner: 403, lead: 302, otherTeamLead: 403, admin: 302, outsider: 404 },
	},
	{
		what: 'GET /assignments/:checkout',
		request: (c) => call(assignmentPage.loader, get(`/assignments/${ids.assignment}`, c), { assignmentId: ids.assignment }),
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /assignments/:checkout (change the due date)',
		request: (c) =>
			call(
				assignmentPage.action,
				post(
					`/assignments/${ids.assignment}`,
					{ intent: 'update', dueDate: new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10), hintsAllowed: 'on' },
					c,
				),
				{ assignmentId: ids.assignment },
			),
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'GET /reviews',
		request: (c) => call(reviews.loader, get('/reviews', c)),
		// Every lead and admin has a queue of their own (checked below to hold only their teams' work).
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 200, admin: 200, outsider: 200 },
	},
	{
		what: 'POST /reviews (mark a flag handled)',
		request: (c) => call(reviews.action, post('/reviews', { intent: 'resolve-flag', flagId: ids.flag }, c)),
		// Flags are about platform exercises, so any lead of the organisation may handle one.
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 200, admin: 200, outsider: 404 },
	},
	{
		what: 'GET /reviews/:adaFinished',
		request: (c) => call(review.loader, get(`/reviews/${ids.adaFinished}`, c), { attemptId: ids.adaFinished }),
		// Ada reads her review on her own attempt, not on the lead's replay page.
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /reviews/:adaFinished (comment)',
		request: (c) =>
			call(review.action, post(`/reviews/${ids.adaFinished}`, { intent: 'comment', offsetMs: '0', body: 'Start by reading the failing test.' }, c), {
				attemptId: ids.adaFinished,
			}),
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /reviews/:adaFinished (score out of range)',
		request: (c) =>
			call(review.action, post(`/reviews/${ids.adaFinished}`, { intent: 'score', 'score.diagnosis': '9', summary: 'x', baseVersion: '0' }, c), {
				attemptId: ids.adaFinished,
			}),
		// Only a reviewer gets as far as the field check.
		expected: { anonymous: 302, learner: 403, lead: 400, otherTeamLead: 403, admin: 400, outsider: 404 },
	},
	{
		what: 'GET /reviews/:ada/runs/:run',
		request: (c) => call(reviewRun.loader, get(`/reviews/${ids.adaAttempt}/runs/${ids.adaRun}`, c), { attemptId: ids.adaAttempt, runId: ids.adaRun }),
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /exercises/:slug (flag)',
		request: (c) =>
			call(exercise.action, post('/exercises/retry-storm', { intent: 'flag', reason: 'too_easy', comment: 'Solved it from the summary alone.' }, c), {
				slug: 'retry-storm',
			}),
		expected: { anonymous: 302, ...ALL_SIGNED_IN },
	},
	{
		what: 'GET /teams/:checkout/growth',
		request: (c) => call(teamGrowth.loader, get(`/teams/${ids.checkout}/growth`, c), { teamId: ids.checkout }),
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'GET /people/:ada',
		request: (c) => call(profile.loader, get(`/people/${ids.ada}`, c), { userId: ids.ada }),
		// Ada sees her own growth; her team's lead and the admin see it too.
		expected: { anonymous: 302, learner: 200, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'GET /people/:ada/report',
		request: (c) => call(report.loader, get(`/people/${ids.ada}/report`, c), { userId: ids.ada }),
		expected: { anonymous: 302, learner: 200, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'GET /people/:ada/report.csv',
		request: (c) => call(reportCsv.loader, get(`/people/${ids.ada}/report.csv`, c), { userId: ids.ada }),
		expected: { anonymous: 302, learner: 200, lead: 200, otherTeamLead: 403, admin: 200, outsider: 404 },
	},
	{
		what: 'POST /people/:ada/report (lead note)',
		request: (c) => call(report.action, post(`/people/${ids.ada}/report`, { body: 'Strong method; practise time zones next.' }, c), { userId: ids.ada }),
		// Notes are the lead's: Ada reads them but does not write them. A saved note redirects back to the report.
		expected: { anonymous: 302, learner: 403, lead: 302, otherTeamLead: 403, admin: 302, outsider: 404 },
	},
	{
		what: 'GET /exercises/:slug/analytics',
		request: (c) => call(analytics.loader, get('/exercises/retry-storm/analytics', c), { slug: 'retry-storm' }),
		// Leads and admins of any organisation, each seeing their own organisation's figures.
		expected: { anonymous: 302, learner: 403, lead: 200, otherTeamLead: 200, admin: 200, outsider: 200 },
	},
	{
		what: 'POST /logout',
		request: (c) => call(logout.action, post('/logout', {}, c)),
		expected: { anonymous: 302, learner: 302, lead: 302, otherTeamLead: 302, admin: 302, outsider: 302 },
	},
]

describe('authorization matrix', () => {
	const cells = rows.flatMap((row) => PERSONAS.map((persona) => [row.what, persona, row.expected[persona], row] as const))
	it.each(cells)('%s as %s → %i', async (_what, persona, expected, row) => {
		// Logging out ends the session, so that row runs on a fresh one.
		const cookie = row.what === 'POST /logout' && persona !== 'anonymous' ? await loginCookie(emailOf(persona), passwordOf(persona)) : cookies[persona]
		const result = await row.request(cookie)
		expect(result.status).toBe(expected)
		if (expected === 302 && persona === 'anonymous' && row.what !== 'POST /logout') expect(result.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
	})

	it('shows each lead a review queue of their own teams’ work only', async () => {
		const queue = async (persona: 'lead' | 'otherTeamLead' | 'admin' | 'outsider') =>
			JSON.stringify((await call(reviews.loader, get('/reviews', cookies[persona]))).data)
		expect(await queue('lead')).toContain(ids.adaFinished)
		expect(await queue('admin')).toContain(ids.adaFinished)
		expect(await queue('otherTeamLead')).not.toContain(ids.adaFinished)
		const outsider = await queue('outsider')
		expect(outsider).not.toContain(ids.adaFinished)
		expect(outsider).not.toContain('Ada Moreno')
	})

	it('shows an organisation admin only their own organisation', async () => {
		const result = await call(admin.loader, get('/admin', cookies.outsider))
		const text = JSON.stringify(result.data)
		expect(text).toContain('bill@tidewater.test')
		// Exercise titles are shared by every organisation ("Checkout hammers inventory…"); team names and people are not.
		expect(text).not.toMatch(/hardmode\.dev|"(?:name|text)":"(?:Checkout|Platform)"/)
	})

	it('leaves the team untouched when someone outside it tries to remove a member', async () => {
		for (const persona of ['learner', 'otherTeamLead', 'outsider'] as const) {
			const result = await call(team.action, post(`/teams/${ids.checkout}`, { intent: 'remove-member', userId: ids.ada }, cookies[persona]), {
				teamId: ids.checkout,
			})
			expect(result.status).toBe(persona === 'outsider' ? 404 : 403)
		}
		expect(await db.prisma.membership.count({ where: { teamId: ids.checkout, userId: ids.ada } })).toBe(1)
	})
})

describe('leads cannot widen their own view', () => {
	it('keeps a lead out of someone else’s growth, report, CSV, replays and notes, however they try to add them to their team', async () => {
		// Rosa is in Pat's team, with a finished attempt and a note Pat wrote about her.
		const org = await db.prisma.organization.findFirstOrThrow({ where: { name: 'Acme Payments' }, select: { id: true } })
		const rosa = await db.prisma.user.create({
			data: { organizationId: org.id, email: 'rosa@hardmode.dev', name: 'Rosa Reyes', passwordHash: 'not-used' },
			select: { id: true, organizationId: true },
		})
		await db.prisma.membership.create({ data: { organizationId: org.id, teamId: ids.platform, userId: rosa.id, role: 'learner' } })
		const finished = (await startAttempt(rosa, 'invoice-total-off-by-a-cent')).id
		await giveUp(await requireAttempt(rosa, finished))
		await addGrowthNote({ organizationId: org.id, authorId: ids.platformLead, userId: rosa.id, body: 'Pat’s private read on Rosa’s method.' })

		for (const fields of [
			{ intent: 'add-member', userId: rosa.id, role: 'learner' },
			{ intent: 'set-role', userId: rosa.id, role: 'learner' },
			{ intent: 'add-member', userId: rosa.id, role: 'lead' },
		]) {
			const result = await call(team.action, post(`/teams/${ids.checkout}`, fields, cookies.lead), { teamId: ids.checkout })
			expect(result.status).toBe(403)
			expect((result.data as { error: string }).error).toMatch(/^Only organisation admins/)
		}
		expect(await db.prisma.membership.count({ where: { teamId: ids.checkout, userId: rosa.id } })).toBe(0)

		const today = new Date().toISOString().slice(0, 10)
		const thisWeek = `?from=${new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)}&to=${today}`
		const asLead = [
			await call(profile.loader, get(`/people/${rosa.id}`, cookies.lead), { userId: rosa.id }),
			await call(report.loader, get(`/people/${rosa.id}/report${thisWeek}`, cookies.lead), { userId: rosa.id }),
			await call(reportCsv.loader, get(`/people/${rosa.id}/report.csv`, cookies.lead), { userId: rosa.id }),
			await call(review.loader, get(`/reviews/${finished}`, cookies.lead), { attemptId: finished }),
		]
		expect(asLead.map((result) => result.status)).toEqual([403, 403, 403, 403])
		expect(JSON.stringify(asLead.map((result) => result.data))).not.toContain('private read')
		// Her own lead still sees all of it.
		const asPat = await call(report.loader, get(`/people/${rosa.id}/report${thisWeek}`, cookies.otherTeamLead), { userId: rosa.id })
		expect(asPat.status).toBe(200)
		expect(JSON.stringify(asPat.data)).toContain('private read')
	})

	it('lets a lead remove a learner from their team, and only a learner', async () => {
		const grace = await db.prisma.user.findUniqueOrThrow({ where: { email: 'grace@hardmode.dev' }, select: { id: true } })
		const removed = await call(team.action, post(`/teams/${ids.checkout}`, { intent: 'remove-member', userId: grace.id }, cookies.lead), {
			teamId: ids.checkout,
		})
		expect(removed).toMatchObject({ status: 200, data: { message: 'Removed from the team.' } })
		const sam = await db.prisma.user.findUniqueOrThrow({ where: { email: 'lead@hardmode.dev' }, select: { id: true } })
		const self = await call(team.action, post(`/teams/${ids.checkout}`, { intent: 'remove-member', userId: sam.id }, cookies.lead), { teamId: ids.checkout })
		expect(self.status).toBe(403)
		expect(await db.prisma.membership.count({ where: { teamId: ids.checkout, userId: sam.id, role: 'lead' } })).toBe(1)
	})

	it('shows a lead no list of the organisation and no controls over co-leads; the admin gets both', async () => {
		const colead = await db.prisma.user.create({
			data: {
				organizationId: (await db.prisma.team.findUniqueOrThrow({ where: { id: ids.checkout }, select: { organizationId: true } })).organizationId,
				email: 'kim@hardmode.dev',
				name: 'Kim Colead',
				passwordHash: 'not-used',
			},
			select: { id: true, organizationId: true },
		})
		await db.prisma.membership.create({ data: { organizationId: colead.organizationId, teamId: ids.checkout, userId: colead.id, role: 'lead' } })
		const asLead = await renderTeamPage(cookies.lead!)
		expect(asLead).toContain('Kim Colead')
		expect(asLead).not.toContain('Add someone from your organisation')
		expect(asLead).not.toContain('Rosa Reyes')
		expect(asLead).not.toMatch(/Make learner|Make lead/)
		expect(asLead).not.toContain('Remove Kim Colead from Checkout')
		const sam = await db.prisma.user.findUniqueOrThrow({ where: { email: 'lead@hardmode.dev' }, select: { id: true } })
		expect(asLead).not.toContain(`name="userId" value="${sam.id}"`)
		expect(asLead).toContain('Remove Linus Berg from Checkout')
		const data = JSON.stringify((await call(team.loader, get(`/teams/${ids.checkout}`, cookies.lead), { teamId: ids.checkout })).data)
		expect(data).not.toContain('Rosa Reyes')

		const asAdmin = await renderTeamPage(cookies.admin!)
		expect(asAdmin).toContain('Add someone from your organisation')
		expect(asAdmin).toContain('Rosa Reyes')
		expect(asAdmin).toContain('Remove Kim Colead from Checkout')
		expect(asAdmin).toMatch(/Make learner/)
	})
})

/** The team page's HTML as the server renders it for the caller: the real loader, then the component. */
async function renderTeamPage(cookie: string) {
	const Page = team.default as unknown as (props: { loaderData: unknown }) => React.ReactNode
	const routes = [
		{
			id: 'team',
			path: '/teams/:teamId',
			loader: (args: LoaderFunctionArgs) => team.loader(args as never),
			Component: () => createElement(Page, { loaderData: useLoaderData() }),
		},
	]
	const handler = createStaticHandler(routes)
	const context = await handler.query(new Request(`http://localhost/teams/${ids.checkout}`, { headers: { Cookie: cookie } }))
	if (context instanceof Response) throw new Error(`unexpected response ${context.status}`)
	return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false })).replace(
		/<!-- -->/g,
		'',
	)
}

describe('attempts are private', () => {
	it('shows a learner their own attempts only, on every page that lists them', async () => {
		const exercise = await db.prisma.exercise.findUniqueOrThrow({ where: { slug: 'retry-storm' }, select: { id: true, currentVersionId: true } })
		const attemptOf = async (email: string) => {
			const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, organizationId: true } })
			const attempt = await db.prisma.attempt.create({
				data: { organizationId: user.organizationId, userId: user.id, exerciseId: exercise.id, exerciseVersionId: exercise.currentVersionId!, draft: {} },
				select: { id: true },
			})
			return attempt.id
		}
		const adas = await attemptOf('ada@hardmode.dev')
		const bills = await attemptOf('bill@tidewater.test')
		const grace = await loginCookie('grace@hardmode.dev')
		const seen = async (cookie: string | undefined) => {
			const pages = await Promise.all([
				call(attempts.loader, get('/attempts', cookie)),
				call(dashboard.loader, get('/dashboard', cookie)),
				call(exercises.loader, get('/exercises?status=in_progress', cookie)),
			])
			const inProgress = (pages[2].data as { exercises: Array<{ slug: string }> }).exercises.map((e) => e.slug)
			return { text: JSON.stringify(pages.map((page) => page.data)), inProgress }
		}
		const forAda = await seen(cookies.learner)
		expect(forAda.text).toContain(adas)
		expect(forAda.text).not.toContain(bills)
		expect(forAda.inProgress).toContain('retry-storm')
		for (const cookie of [grace, cookies.lead, cookies.admin]) {
			const other = await seen(cookie)
			expect(other.text).not.toContain(adas)
			expect(other.text).not.toContain(bills)
			expect(other.inProgress).not.toContain('retry-storm')
		}
		const forBill = await seen(cookies.outsider)
		expect(forBill.text).toContain(bills)
		expect(forBill.text).not.toContain(adas)
		expect(forBill.inProgress).toContain('retry-storm')
	})
})

function emailOf(persona: Exclude<Persona, 'anonymous'>) {
	return {
		learner: 'ada@hardmode.dev',
		lead: 'lead@hardmode.dev',
		otherTeamLead: 'pat@hardmode.dev',
		admin: 'admin@hardmode.dev',
		outsider: 'bill@tidewater.test',
	}[persona]
}
function passwordOf(persona: Exclude<Persona, 'anonymous'>) {
	return persona === 'outsider' ? 'tide tables all week' : 'hardmode-demo'
}

describe('hostile ids', () => {
	it('answers a team id or member id that cannot exist with 404 or a field message, never a server error', async () => {
		for (const teamId of ['abc\u0000def', 'x'.repeat(5000), '\'; drop table "Team"; --']) {
			const result = await call(team.loader, get('/teams/x', cookies.admin), { teamId })
			expect(result.status).toBe(404)
		}
		const added = await call(team.action, post(`/teams/${ids.checkout}`, { intent: 'add-member', userId: 'a\u0000b', role: 'learner' }, cookies.admin), {
			teamId: ids.checkout,
		})
		expect(added).toMatchObject({ status: 400, data: { error: 'Choose a person.' } })
		const role = await call(admin.action, post('/admin', { intent: 'set-role', userId: 'x\u0000', role: 'admin' }, cookies.admin))
		expect(role.status).toBe(400)
	})
})

/** A group mapping of the main organisation's provider (made again after the admin's row removes it). */
async function ssoMappingOfTheOrganisation() {
	const organizationId = (await db.prisma.team.findUniqueOrThrow({ where: { id: ids.checkout }, select: { organizationId: true } })).organizationId
	const provider = await db.prisma.ssoProvider.upsert({
		where: { organizationId },
		create: { organizationId, issuerUrl: 'https://login.example.com', clientId: 'hardmode', clientSecretEncrypted: '' },
		update: {},
		select: { id: true },
	})
	return (
		await db.prisma.ssoGroupMapping.create({ data: { providerId: provider.id, claimValue: 'checkout-devs', teamId: ids.checkout }, select: { id: true } })
	).id
}
