// What a lead does — assign, follow progress, review — and what the learner sees of it,
// through the real loaders and actions. Every bad input the issue names has a case here:
// it gets a clear message and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt } from '#app/models/attempt/guard.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { addTeamMember, createTeam } from '#app/models/team.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as assignmentRoute from './assignments.$assignmentId.tsx'
import * as attemptRoute from './attempts.$attemptId.tsx'
import * as dashboard from './dashboard.tsx'
import * as exercisePage from './exercises.$slug.tsx'
import * as reviewRoute from './reviews.$attemptId.tsx'
import * as reviews from './reviews._index.tsx'
import * as teamAssignments from './teams.$teamId.assignments.tsx'
import * as newAssignment from './teams.$teamId.assignments.new.tsx'

let db: Database
const cookies = { lead: '', admin: '', ada: '', grace: '', pat: '' }
const ids = { org: '', checkout: '', platform: '', ada: '', grace: '', linus: '', pat: '', sam: '' }

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await syncExercises(db.prisma, 'exercises')
	await seedDemo(db.prisma)
	const user = (email: string) => db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, organizationId: true } })
	const ada = await user('ada@hardmode.dev')
	ids.org = ada.organizationId
	ids.ada = ada.id
	ids.grace = (await user('grace@hardmode.dev')).id
	ids.linus = (await user('linus@hardmode.dev')).id
	ids.sam = (await user('lead@hardmode.dev')).id
	ids.checkout = (await db.prisma.team.findFirstOrThrow({ where: { name: 'Checkout' }, select: { id: true } })).id
	const pat = await db.prisma.user.create({
		data: { organizationId: ids.org, email: 'pat@hardmode.dev', name: 'Pat Platform', passwordHash: await hashPassword('hardmode-demo') },
		select: { id: true },
	})
	ids.pat = pat.id
	const platform = await createTeam({ organizationId: ids.org, actorId: ids.sam, name: 'Platform', leadUserId: pat.id })
	if (!platform.ok) throw new Error(platform.message)
	ids.platform = platform.team.id
	cookies.lead = await loginCookie('lead@hardmode.dev')
	cookies.admin = await loginCookie('admin@hardmode.dev')
	cookies.ada = await loginCookie('ada@hardmode.dev')
	cookies.grace = await loginCookie('grace@hardmode.dev')
	cookies.pat = await loginCookie('pat@hardmode.dev')
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
})

function inDays(days: number) {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

/** A form post with repeated fields (several exercises, several members). */
function postForm(path: string, fields: Array<[string, string]>, cookie: string) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
		body: new URLSearchParams(fields),
	})
}

function assign(fields: Array<[string, string]>, cookie = cookies.lead, teamId = ids.checkout) {
	return call(newAssignment.action, postForm(`/teams/${teamId}/assignments/new`, fields, cookie), { teamId })
}

const assignmentCount = () => db.prisma.assignment.count()
const errorsOf = (result: { data: unknown }) => (result.data as { fieldErrors: Record<string, string[]> }).fieldErrors

describe('assigning practice', () => {
	it('assigns an exercise with pastes blocked to the whole team; learners see it and start under its rules', async () => {
		const result = await assign([
			['exercises', 'free-shipping-for-everyone'],
			['audience', 'team'],
			['dueDate', inDays(7)],
			['hintsAllowed', 'on'],
			['pasteBlocked', 'on'],
		])
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(`/teams/${ids.checkout}/assignments?created=1`)
		const page = await call(dashboard.loader, get('/dashboard', cookies.ada))
		const assigned = (page.data as { practice: { assignments: Array<{ exercise: { slug: string }; progress: string }> } }).practice.assignments
		expect(assigned.find((a) => a.exercise.slug === 'free-shipping-for-everyone')).toMatchObject({ progress: 'not_started' })
		const attempt = await startAttempt({ id: ids.ada, organizationId: ids.org }, 'free-shipping-for-everyone')
		expect(
			await db.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { pasteBlocked: true, hintsAllowed: true, hardMode: true } }),
		).toEqual({ pasteBlocked: true, hintsAllowed: true, hardMode: false })
	})

	it('assigns a ready-made set and chosen exercises at once, to chosen members only', async () => {
		const page = await call(newAssignment.loader, get(`/teams/${ids.checkout}/assignments/new`, cookies.lead), { teamId: ids.checkout })
		const sets = (page.data as { sets: Array<{ id: string; slugs: string[] }> }).sets
		expect(sets.length).toBeGreaterThan(0)
		const set = sets[0]!
		const before = await assignmentCount()
		const result = await assign([
			['set', set.id],
			['exercises', 'retry-storm'],
			['audience', 'members'],
			['members', ids.grace],
			['dueDate', inDays(3)],
		])
		expect(result.status).toBe(302)
		expect(await assignmentCount()).toBe(before + new Set([...set.slugs, 'retry-storm']).size)
		const forGrace = await call(dashboard.loader, get('/dashboard', cookies.grace))
		const forAda = await call(dashboard.loader, get('/dashboard', cookies.ada))
		const slugs = (data: unknown) =>
			(data as { practice: { assignments: Array<{ exercise: { slug: string } }> } }).practice.assignments.map((a) => a.exercise.slug)
		expect(slugs(forGrace.data)).toContain('retry-storm')
		expect(slugs(forAda.data)).not.toContain('retry-storm')
	})

	it('refuses someone outside the team, and creates nothing', async () => {
		const before = await assignmentCount()
		const result = await assign([
			['exercises', 'retry-storm'],
			['audience', 'members'],
			['members', ids.ada],
			['members', ids.pat],
			['dueDate', inDays(3)],
		])
		expect(result.status).toBe(400)
		expect(errorsOf(result).members).toEqual(['One person you chose is not in this team. Add them to the team first, or choose from the team’s members.'])
		expect(await assignmentCount()).toBe(before)
	})

	it('refuses a due date in the past', async () => {
		const before = await assignmentCount()
		const result = await assign([
			['exercises', 'retry-storm'],
			['audience', 'team'],
			['dueDate', inDays(-1)],
		])
		expect(result.status).toBe(400)
		expect(errorsOf(result).dueDate).toEqual(['The due date is in the past. Choose today or a later day.'])
		expect(await assignmentCount()).toBe(before)
	})

	it('refuses an exercise that does not exist, even beside real ones', async () => {
		const before = await assignmentCount()
		const result = await assign([
			['exercises', 'retry-storm'],
			['exercises', 'no-such-exercise'],
			['audience', 'team'],
			['dueDate', inDays(3)],
		])
		expect(result.status).toBe(400)
		expect(errorsOf(result).exercises).toEqual(['There is no exercise called “no-such-exercise”. Choose exercises from the list.'])
		expect(await assignmentCount()).toBe(before)
	})

	it('refuses an empty form with a message per field', async () => {
		const result = await assign([])
		expect(result.status).toBe(400)
		expect(Object.keys(errorsOf(result)).sort()).toEqual(['audience', 'dueDate'])
		const noExercise = await assign([
			['audience', 'team'],
			['dueDate', inDays(2)],
		])
		expect(errorsOf(noExercise).exercises).toEqual(['Choose at least one exercise or a ready-made set.'])
	})

	it('includes a learner who joins the team later in a whole-team assignment', async () => {
		const newcomer = await db.prisma.user.create({
			data: { organizationId: ids.org, email: 'nia@hardmode.dev', name: 'Nia Newcomer', passwordHash: 'x' },
			select: { id: true },
		})
		const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hardmode.dev' }, select: { id: true } })
		expect(await addTeamMember({ organizationId: ids.org, actorId: admin.id, teamId: ids.checkout, userId: newcomer.id, role: 'learner' })).toEqual({
			ok: true,
		})
		const page = await call(teamAssignments.loader, get(`/teams/${ids.checkout}/assignments`, cookies.lead), { teamId: ids.checkout })
		const freeShipping = (
			page.data as { assignments: Array<{ exercise: { slug: string }; standings: Array<{ person: { name: string }; progress: string }> }> }
		).assignments.find((a) => a.exercise.slug === 'free-shipping-for-everyone')!
		expect(freeShipping.standings.map((s) => [s.person.name, s.progress])).toEqual([
			['Ada Moreno', 'in_progress'],
			['Grace Okafor', 'not_started'],
			['Linus Berg', 'not_started'],
			['Nia Newcomer', 'not_started'],
		])
	})
})

describe('changing an assignment', () => {
	it('changes the due date and rules without touching attempts already started, and cancelling keeps them', async () => {
		const assignment = await db.prisma.assignment.findFirstOrThrow({
			where: { exercise: { slug: 'free-shipping-for-everyone' }, teamId: ids.checkout },
			select: { id: true },
		})
		const params = { assignmentId: assignment.id }
		const updated = await call(
			assignmentRoute.action,
			post(`/assignments/${assignment.id}`, { intent: 'update', dueDate: inDays(10), hardMode: 'on' }, cookies.lead),
			params,
		)
		expect(updated.status).toBe(200)
		const rules = await db.prisma.assignment.findUniqueOrThrow({
			where: { id: assignment.id },
			select: { pasteBlocked: true, hardMode: true, hintsAllowed: true },
		})
		expect(rules).toEqual({ pasteBlocked: false, hardMode: true, hintsAllowed: false })
		const attempt = await db.prisma.attempt.findFirstOrThrow({ where: { assignmentId: assignment.id }, select: { pasteBlocked: true, hardMode: true } })
		expect(attempt).toEqual({ pasteBlocked: true, hardMode: false })

		const past = await call(assignmentRoute.action, post(`/assignments/${assignment.id}`, { intent: 'update', dueDate: inDays(-3) }, cookies.lead), params)
		expect(past.status).toBe(400)
		expect((past.data as { fieldErrors: Record<string, string[]> }).fieldErrors.dueDate).toEqual(['The due date is in the past. Choose today or a later day.'])

		const cancelled = await call(assignmentRoute.action, post(`/assignments/${assignment.id}`, { intent: 'cancel' }, cookies.lead), params)
		expect(cancelled.status).toBe(200)
		expect(await db.prisma.attempt.count({ where: { assignmentId: assignment.id } })).toBe(1)
		const page = await call(dashboard.loader, get('/dashboard', cookies.ada))
		expect(JSON.stringify(page.data)).not.toContain(assignment.id)
		const again = await call(assignmentRoute.action, post(`/assignments/${assignment.id}`, { intent: 'update', dueDate: inDays(10) }, cookies.lead), params)
		expect(again.status).toBe(409)
	})
})

describe('reviewing', () => {
	let attemptId: string
	const params = () => ({ attemptId })
	const score = (fields: Record<string, string>, cookie = cookies.lead) =>
		call(reviewRoute.action, post(`/reviews/${attemptId}`, { intent: 'score', ...fields }, cookie), params())
	const fullScore = {
		'score.diagnosis': '3',
		'score.method': '2',
		'score.fix': '4',
		summary: 'Clear hypothesis, a good truth table. Next: write the failing test first.',
	}

	beforeAll(async () => {
		attemptId = (await startAttempt({ id: ids.grace, organizationId: ids.org }, 'free-shipping-for-everyone')).id
	})

	it('refuses to review an attempt that is not submitted yet', async () => {
		const result = await score({ ...fullScore, baseVersion: '0' })
		expect(result.status).toBe(409)
		expect((result.data as { message: string }).message).toBe(
			'This attempt is still in progress. It can be reviewed once the engineer has solved it or given up.',
		)
		expect(await db.prisma.review.count({ where: { attemptId } })).toBe(0)
	})

	it('lists a finished attempt in the queues of its team’s lead and the admin only', async () => {
		await giveUp(await requireAttempt({ id: ids.grace, organizationId: ids.org }, attemptId))
		const queueOf = async (cookie: string) =>
			((await call(reviews.loader, get('/reviews', cookie))).data as { queue: Array<{ id: string }> }).queue.map((row) => row.id)
		expect(await queueOf(cookies.lead)).toContain(attemptId)
		expect(await queueOf(cookies.admin)).toContain(attemptId)
		expect(await queueOf(cookies.pat)).not.toContain(attemptId)
		expect((await call(reviews.loader, get('/reviews', cookies.ada))).status).toBe(403)
	})

	it('refuses a rubric score out of range, or missing, and saves nothing', async () => {
		const result = await score({ ...fullScore, 'score.diagnosis': '7', 'score.fix': '', baseVersion: '0' })
		expect(result.status).toBe(400)
		expect((result.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
			'score.diagnosis': ['“Found the root cause” takes a level from 0 to 4.'],
			'score.fix': ['Choose a level for “Quality of the fix”.'],
		})
		const noSummary = await score({ ...fullScore, summary: '   ', baseVersion: '0' })
		expect((noSummary.data as { fieldErrors: Record<string, string[]> }).fieldErrors.summary).toEqual([
			'Write a short summary for the engineer: what was strong, and what to practise next.',
		])
		expect(await db.prisma.review.count({ where: { attemptId } })).toBe(0)
	})

	it('saves a review that the learner then sees on the attempt and, as new, on the dashboard', async () => {
		const result = await score({ ...fullScore, baseVersion: '0' })
		expect(result.status).toBe(200)
		// (3·2 + 2·1 + 4·1) / (4·4) = 12/16
		expect((result.data as { review: { percent: number } }).review.percent).toBe(75)
		const before = await call(dashboard.loader, get('/dashboard', cookies.grace))
		expect((before.data as { reviews: Array<{ attemptId: string; isNew: boolean; percent: number }> }).reviews).toEqual([
			expect.objectContaining({ attemptId, isNew: true, percent: 75 }),
		])
		const attempt = await call(attemptRoute.loader, get(`/attempts/${attemptId}`, cookies.grace), params())
		expect((attempt.data as { review: { summary: string; reviewerName: string; scores: Record<string, number> } }).review).toMatchObject({
			summary: fullScore.summary,
			reviewerName: 'Sam Lead',
			scores: { diagnosis: 3, method: 2, fix: 4 },
		})
		const after = await call(dashboard.loader, get('/dashboard', cookies.grace))
		expect((after.data as { reviews: Array<{ isNew: boolean }> }).reviews[0]!.isNew).toBe(false)
		const queue = (await call(reviews.loader, get('/reviews', cookies.lead))).data as {
			queue: Array<{ id: string }>
			recent: Array<{ id: string; percent: number }>
		}
		expect(queue.queue.map((row) => row.id)).not.toContain(attemptId)
		expect(queue.recent[0]).toMatchObject({ id: attemptId, percent: 75 })
	})

	it('shows the second of two leads the first one’s review instead of overwriting it', async () => {
		// The admin opened the page before the lead saved: their form still says version 0.
		const late = await score({ 'score.diagnosis': '1', 'score.method': '1', 'score.fix': '1', summary: 'Too quick.', baseVersion: '0' }, cookies.admin)
		expect(late.status).toBe(409)
		expect(late.data).toMatchObject({
			message: expect.stringContaining('Sam Lead saved a review of this attempt while you were scoring it'),
			current: { percent: 75, summary: fullScore.summary, version: 1 },
		})
		expect(await db.prisma.review.findUniqueOrThrow({ where: { attemptId }, select: { percent: true, summary: true } })).toEqual({
			percent: 75,
			summary: fullScore.summary,
		})
		// Having seen it, they may replace it on purpose.
		const replaced = await score({ 'score.diagnosis': '1', 'score.method': '1', 'score.fix': '1', summary: 'Too quick.', baseVersion: '1' }, cookies.admin)
		expect(replaced.status).toBe(200)
		expect(
			await db.prisma.review.findUniqueOrThrow({ where: { attemptId }, select: { percent: true, version: true, reviewer: { select: { name: true } } } }),
		).toEqual({ percent: 25, version: 2, reviewer: { name: 'Morgan Admin' } })
	})

	it('anchors comments to a moment and a line, and refuses files that are not the exercise’s', async () => {
		const comment = await call(
			reviewRoute.action,
			post(
				`/reviews/${attemptId}`,
				{ intent: 'comment', offsetMs: '65000', file: 'src/shipping/promotions.ts', line: '23', body: 'This is the line to look at.' },
				cookies.lead,
			),
			params(),
		)
		expect(comment.status).toBe(200)
		const foreign = await call(
			reviewRoute.action,
			post(`/reviews/${attemptId}`, { intent: 'comment', offsetMs: '1000', file: '../../etc/passwd', line: '1', body: 'x' }, cookies.lead),
			params(),
		)
		expect(foreign.status).toBe(400)
		const empty = await call(reviewRoute.action, post(`/reviews/${attemptId}`, { intent: 'comment', offsetMs: '1000', body: ' ' }, cookies.lead), params())
		expect((empty.data as { fieldErrors: Record<string, string[]> }).fieldErrors.body).toEqual(['Write the comment first.'])
		const seen = await call(attemptRoute.loader, get(`/attempts/${attemptId}`, cookies.grace), params())
		expect((seen.data as { review: { comments: unknown[] } }).review.comments).toEqual([
			expect.objectContaining({ offsetMs: 65000, file: 'src/shipping/promotions.ts', line: 23, body: 'This is the line to look at.', authorName: 'Sam Lead' }),
		])
	})

	it('shows the replay to the team’s lead with the timeline, and to nobody outside', async () => {
		const page = await call(reviewRoute.loader, get(`/reviews/${attemptId}`, cookies.lead), params())
		expect(page.status).toBe(200)
		const replay = page.data as { events: Array<{ type: string }>; starter: Record<string, string>; exercise: { rubric: unknown[] } }
		expect(replay.events.map((event) => event.type)).toEqual(['started', 'gave-up'])
		expect(Object.keys(replay.starter)).toContain('src/shipping/promotions.ts')
		expect(replay.exercise.rubric).toHaveLength(3)
		expect(JSON.stringify(page.data)).not.toContain('tests/hidden')
		expect((await call(reviewRoute.loader, get(`/reviews/${attemptId}`, cookies.pat), params())).status).toBe(403)
		expect((await call(reviewRoute.loader, get(`/reviews/${attemptId}`, cookies.grace), params())).status).toBe(403)
	})
})

describe('flags', () => {
	it('lets a learner flag an exercise with a reason and a comment; leads see it and mark it handled', async () => {
		const empty = await call(exercisePage.action, post('/exercises/retry-storm', { intent: 'flag', reason: '', comment: '' }, cookies.ada), {
			slug: 'retry-storm',
		})
		expect(empty.status).toBe(400)
		expect(Object.keys((empty.data as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual(['comment', 'reason'])
		const flagged = await call(
			exercisePage.action,
			post('/exercises/retry-storm', { intent: 'flag', reason: 'ambiguous', comment: 'The brief never says which retries count.' }, cookies.ada),
			{ slug: 'retry-storm' },
		)
		expect(flagged.status).toBe(200)
		const page = await call(reviews.loader, get('/reviews', cookies.lead))
		const flags = (page.data as { flags: Array<{ id: string; reason: string; comment: string; raisedBy: string; exercise: { slug: string } }> }).flags
		expect(flags).toEqual([
			expect.objectContaining({
				reason: 'ambiguous',
				comment: 'The brief never says which retries count.',
				raisedBy: 'Ada Moreno',
				exercise: expect.objectContaining({ slug: 'retry-storm' }),
			}),
		])
		const resolved = await call(reviews.action, post('/reviews', { intent: 'resolve-flag', flagId: flags[0]!.id }, cookies.lead))
		expect(resolved.status).toBe(200)
		expect(((await call(reviews.loader, get('/reviews', cookies.lead))).data as { flags: unknown[] }).flags).toEqual([])
	})
})
