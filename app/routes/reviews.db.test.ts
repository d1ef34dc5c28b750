// The review queue and page through their real loaders and actions: filters in the query
// string, "Save and open the next" keeping them, and an attempt still in progress, which its
// learner's leads may watch read-only and nobody else may open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ids, setUpAuthorizationWorld, type Persona } from '#tests/authorization-world.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import type { Files } from '#app/attempts/code-history.ts'
import type { ExerciseMetadata } from '#app/exercises/schema.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt } from '#app/models/attempt/guard.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import type { Database } from '#app/utils/db.server.ts'
import * as reviewRun from './reviews.$attemptId.runs.$runId.ts'
import * as review from './reviews.$attemptId.tsx'
import * as reviews from './reviews._index.tsx'

let db: Database
let cookies: Partial<Record<Persona | 'grace', string>> = {}
/** Grace's finished attempts, oldest first: two at one exercise kind of queue, for "the next". */
const graceFinished: string[] = []

beforeAll(async () => {
	const world = await setUpAuthorizationWorld()
	db = world.db
	cookies = { ...world.cookies, grace: await loginCookie('grace@hardmode.dev') }
	const grace = await db.prisma.user.findUniqueOrThrow({ where: { email: 'grace@hardmode.dev' }, select: { id: true, organizationId: true } })
	for (const slug of ['retry-storm', 'free-shipping-for-everyone']) {
		const { id } = await startAttempt(grace, slug)
		await giveUp(await requireAttempt(grace, id))
		graceFinished.push(id)
	}
	// Ada's finished attempt waited longest; Grace's came after, in this order.
	const finishedAt = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000)
	await db.prisma.attempt.update({ where: { id: ids.adaFinished }, data: { finishedAt: finishedAt(9) } })
	await db.prisma.attempt.update({ where: { id: graceFinished[0]! }, data: { finishedAt: finishedAt(5) } })
	await db.prisma.attempt.update({ where: { id: graceFinished[1]! }, data: { finishedAt: finishedAt(1) } })
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
})

type QueuePage = {
	query: { team: string | null; exercise: string | null; source: string | null; waiting: string | null; sort: string }
	matching: number
	waiting: number
	queue: Array<{ id: string; learner: { id: string; name: string; profile: boolean } }>
	recent: Array<{ id: string; reviewer: { name: string; profile: boolean } | null }>
	saved: { learnerName: string; exerciseTitle: string; percent: number } | null
}
const queuePage = async (search = '', cookie = cookies.lead) => {
	const result = await call(reviews.loader, get(`/reviews${search}`, cookie))
	expect(result.status).toBe(200)
	return result.data as QueuePage
}
const fullScore = {
	intent: 'score',
	'score.diagnosis': '2',
	'score.method': '3',
	'score.fix': '1',
	summary: 'Good first hypothesis; test the fix.',
	baseVersion: '0',
}
const score = (attemptId: string, fields: Record<string, string>, cookie = cookies.lead) =>
	call(review.action, post(`/reviews/${attemptId}`, { ...fullScore, ...fields }, cookie), { attemptId })

describe('the queue’s filters', () => {
	it('narrow the list from the query string, which the page keeps', async () => {
		const all = await queuePage()
		expect(all.queue.map((row) => row.id)).toEqual([ids.adaFinished, ...graceFinished])
		const narrowed = await queuePage(`?waiting=3d&team=${ids.checkout}`)
		expect(narrowed.query).toEqual({ team: ids.checkout, exercise: null, source: null, waiting: '3d', sort: 'oldest' })
		expect(narrowed.queue.map((row) => row.id)).toEqual([ids.adaFinished, graceFinished[0]])
		expect([narrowed.matching, narrowed.waiting]).toEqual([2, 3])
		expect((await queuePage('?waiting=7d&source=assigned')).queue).toEqual([])
	})

	it('link a learner’s name to their profile for their lead', async () => {
		const page = await queuePage()
		expect(page.queue[0]!.learner).toEqual({ id: ids.ada, name: 'Ada Moreno', profile: true })
	})
})

describe('Save and open the next', () => {
	it('saves the score and opens the next attempt under the same filters, then returns to the emptied queue', async () => {
		const filters = `?exercise=free-shipping-for-everyone`
		// Only Grace's second attempt is at that exercise: saving it leaves nothing under the filter.
		const last = await score(graceFinished[1]!, { then: 'next', queue: filters })
		expect(last.status).toBe(302)
		expect(last.headers.get('Location')).toBe(`/reviews${filters}&saved=${graceFinished[1]}`)
		expect(await db.prisma.review.count({ where: { attemptId: graceFinished[1]! } })).toBe(1)
		const emptied = await queuePage(`${filters}&saved=${graceFinished[1]}`)
		expect(emptied.queue).toEqual([])
		expect(emptied.saved).toEqual({ learnerName: 'Grace Okafor', exerciseTitle: expect.any(String), percent: expect.any(Number) })
		expect(emptied.waiting).toBe(2)

		// Whole queue, waiting longest first: from Ada's attempt to Grace's first, with the order kept.
		const next = await score(ids.adaFinished, { then: 'next', queue: '?waiting=3d' })
		expect(next.status).toBe(302)
		expect(next.headers.get('Location')).toBe(`/reviews/${graceFinished[0]}?waiting=3d&saved=${ids.adaFinished}`)
		const opened = await call(review.loader, get(`/reviews/${graceFinished[0]}?waiting=3d&saved=${ids.adaFinished}`, cookies.lead), {
			attemptId: graceFinished[0]!,
		})
		expect(opened.data).toMatchObject({ queue: { search: '?waiting=3d', others: 0 }, saved: { learnerName: 'Ada Moreno' } })
	})

	it('saves nothing and stays on the page when the score is incomplete', async () => {
		const result = await score(graceFinished[0]!, { then: 'next', 'score.fix': '' })
		expect(result.status).toBe(400)
		expect(await db.prisma.review.count({ where: { attemptId: graceFinished[0]! } })).toBe(0)
	})

	it('reads a tampered queue as “any” and never redirects off the review pages', async () => {
		const result = await score(graceFinished[0]!, { then: 'next', queue: '//evil.example/?team=x"&waiting=forever' })
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(`/reviews?saved=${graceFinished[0]}`)
	})

	it('names the reviewer in the recent list, linked only where the viewer may open their profile', async () => {
		await db.prisma.review.update({
			where: { attemptId: graceFinished[0]! },
			data: { reviewerId: (await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hardmode.dev' }, select: { id: true } })).id },
		})
		const recent = (await queuePage()).recent
		expect(recent.find((row) => row.id === graceFinished[0])!.reviewer).toMatchObject({ name: 'Morgan Admin', profile: false })
		expect(recent.find((row) => row.id === ids.adaFinished)!.reviewer).toMatchObject({ name: 'Sam Lead', profile: true })
	})
})

describe('an attempt in progress', () => {
	const open = (cookie?: string) => call(review.loader, get(`/reviews/${ids.adaAttempt}`, cookie), { attemptId: ids.adaAttempt })

	it('opens read-only for the learner’s lead and the admin, with the replay so far and no reference', async () => {
		for (const cookie of [cookies.lead, cookies.admin]) {
			const page = await open(cookie)
			expect(page.status).toBe(200)
			const view = page.data as { readOnly: boolean; attempt: { status: string }; exercise: { reference: unknown }; runs: Array<{ id: string }> }
			expect(view.readOnly).toBe(true)
			expect(view.attempt.status).toBe('in_progress')
			expect(view.exercise.reference).toBeNull()
			expect(view.runs.map((run) => run.id)).toEqual([ids.adaRun])
		}
		const run = await call(reviewRun.loader, get(`/reviews/${ids.adaAttempt}/runs/${ids.adaRun}`, cookies.lead), {
			attemptId: ids.adaAttempt,
			runId: ids.adaRun,
		})
		expect(run.status).toBe(200)
	})

	it('carries neither the reference solution nor the hidden tests', async () => {
		const page = JSON.stringify((await open(cookies.lead)).data)
		const attempt = await db.prisma.attempt.findUniqueOrThrow({
			where: { id: ids.adaAttempt },
			select: { exerciseVersion: { select: { metadata: true, solution: true, hiddenTests: true, publicFiles: true } } },
		})
		const { metadata, solution, hiddenTests, publicFiles } = attempt.exerciseVersion as {
			metadata: ExerciseMetadata
			solution: Files
			hiddenTests: Files
			publicFiles: Files
		}
		const visible = new Set(Object.values(publicFiles).flatMap((text) => text.split('\n').map((line) => line.trim())))
		// Lines only the answer has: what the fix adds, and what the hidden tests check.
		const secret = [...Object.values(solution), ...Object.values(hiddenTests)]
			.flatMap((text) => text.split('\n').map((line) => line.trim()))
			.filter((line) => line.length > 24 && !visible.has(line))
		expect(secret.length).toBeGreaterThan(0)
		for (const line of secret) expect(page).not.toContain(JSON.stringify(line).slice(1, -1))
		expect(page).not.toContain('tests/hidden')
		expect(page).not.toContain(JSON.stringify(metadata.rootCause.explanation.slice(0, 60)).slice(1, -1))
	})

	it('is refused to everyone else: 403 in the organisation, 404 outside it, the log-in page without a session', async () => {
		expect((await open(cookies.otherTeamLead)).status).toBe(403)
		expect((await open(cookies.grace)).status).toBe(403)
		expect((await open(cookies.learner)).status).toBe(403)
		expect((await open(cookies.outsider)).status).toBe(404)
		expect((await open()).status).toBe(302)
		const runOf = (cookie?: string) =>
			call(reviewRun.loader, get(`/reviews/${ids.adaAttempt}/runs/${ids.adaRun}`, cookie), { attemptId: ids.adaAttempt, runId: ids.adaRun })
		expect((await runOf(cookies.otherTeamLead)).status).toBe(403)
		expect((await runOf(cookies.grace)).status).toBe(403)
		expect((await runOf(cookies.outsider)).status).toBe(404)
	})

	it('takes no score and no comment while the learner works', async () => {
		const scored = await score(ids.adaAttempt, { then: 'next' })
		expect(scored.status).toBe(409)
		const comment = await call(
			review.action,
			post(`/reviews/${ids.adaAttempt}`, { intent: 'comment', offsetMs: '0', body: 'Look at the sort.' }, cookies.lead),
			{
				attemptId: ids.adaAttempt,
			},
		)
		expect(comment.status).toBe(409)
		expect(await db.prisma.review.count({ where: { attemptId: ids.adaAttempt } })).toBe(0)
		expect(await db.prisma.reviewComment.count({ where: { attemptId: ids.adaAttempt } })).toBe(0)
	})
})
