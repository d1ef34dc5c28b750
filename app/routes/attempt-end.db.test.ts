// An attempt's end through the real routes: the reference design stays on the server while the
// attempt is in progress, stage 1's record is kept as handed in, the unaided attestation of an
// architecture attempt, the next step, and a stale page's request answered with 409.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post, postJson } from '#tests/routes.ts'
import type { DecisionRecord } from '#app/architecture/decision-record.ts'
import type { WorkspaceView } from '#app/attempts/workspace-view.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as attemptRoute from './attempts.$attemptId.tsx'
import * as runs from './attempts.$attemptId.runs.ts'

const ARCHITECTURE = 'public-api-rate-limiter'
const DEBUGGING = 'free-shipping-for-everyone'
const SOLUTION = readFileSync(`exercises/${ARCHITECTURE}/solution/ratelimit/rateLimiter.ts`, 'utf8')
const STARTER = readFileSync(`exercises/${ARCHITECTURE}/src/ratelimit/rateLimiter.ts`, 'utf8')
/** A line of the reference design that the starter does not have. */
const SOLUTION_LINE = SOLUTION.split('\n')
	.map((line) => line.trim())
	.find((line) => line.length > 40 && !STARTER.includes(line))!
const REASONING = JSON.parse(readFileSync(`exercises/${ARCHITECTURE}/exercise.json`, 'utf8')).rootCause.explanation as string

let db: Database
let cookie: string
let ada: { id: string; organizationId: string }

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await syncExercises(db.prisma, 'exercises')
	await seedDemo(db.prisma)
	ada = await db.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { id: true, organizationId: true } })
	cookie = await loginCookie('ada@hardmode.dev')
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
})

const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')
const record: DecisionRecord = {
	context: words(20, 'context'),
	options: [
		{ name: 'Fixed window', pros: 'Simple.', cons: 'Bursts at the boundary.' },
		{ name: 'Token bucket', pros: 'Allows the burst and no more.', cons: 'Per node unless shared.' },
	],
	decision: words(10, 'decision'),
	consequences: words(20, 'consequence'),
	followUp: '',
}

const page = async (attemptId: string) => {
	const response = await call(attemptRoute.loader, get(`/attempts/${attemptId}`, cookie), { attemptId })
	expect(response.status).toBe(200)
	return response.data as WorkspaceView
}
const act = (attemptId: string, fields: Record<string, string>) => call(attemptRoute.action, post(`/attempts/${attemptId}`, fields, cookie), { attemptId })
const draftOf = async (attemptId: string) =>
	(await db.prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { draft: true } })).draft as Record<string, string>

describe('an architecture attempt’s end', () => {
	let attemptId: string

	beforeAll(async () => {
		attemptId = (await startAttempt(ada, ARCHITECTURE)).id
	})

	it('keeps the reference design and its reasoning out of the loader’s data while the attempt is in progress', async () => {
		const data = await page(attemptId)
		expect(data.attempt.status).toBe('in_progress')
		expect(data.referenceDesign).toBeNull()
		expect(data.reference).toBeNull()
		expect(data.nextStep).toBeNull()
		const everything = JSON.stringify(data)
		expect(everything).not.toContain(JSON.stringify(SOLUTION_LINE).slice(1, -1))
		expect(everything).not.toContain(REASONING.slice(0, 60))
	})

	it('refuses an attestation while the attempt is in progress', async () => {
		const response = await act(attemptId, { intent: 'attest', attested: 'on' })
		expect(response.status).toBe(409)
		expect(response.data).toMatchObject({ intent: 'attest', ok: false, message: expect.stringMatching(/once the attempt has ended/) })
	})

	it('keeps stage 1’s sections as handed in when stage 2 is submitted with them changed', async () => {
		const files = await draftOf(attemptId)
		expect((await act(attemptId, { intent: 'submit-stage', stage: '1', files: JSON.stringify(files), record: JSON.stringify(record) })).status).toBe(200)
		const rewritten = { ...record, context: words(20, 'rewritten'), decision: words(10, 'changedmind'), followUp: words(20, 'followup') }
		const second = await act(attemptId, { intent: 'submit-stage', stage: '2', files: JSON.stringify(files), record: JSON.stringify(rewritten) })
		expect(second.status).toBe(200)
		const stored = await db.prisma.stageSubmission.findFirstOrThrow({ where: { attemptId, stage: 2 }, select: { record: true } })
		expect(stored.record).toMatchObject({ context: record.context, decision: record.decision, followUp: rewritten.followUp })
		expect((await page(attemptId)).architecture?.record).toMatchObject({ context: record.context, decision: record.decision })
	})

	it('shows the reference design, its reasoning and the next step once the attempt has ended', async () => {
		expect((await act(attemptId, { intent: 'give-up' })).status).toBe(200)
		const data = await page(attemptId)
		expect(data.attempt.status).toBe('gave_up')
		expect(data.referenceDesign?.files).toEqual([{ path: 'src/ratelimit/rateLimiter.ts', text: SOLUTION }])
		expect(data.reference?.explanation).toBe(REASONING)
		expect(JSON.stringify(data)).toContain(JSON.stringify(SOLUTION_LINE).slice(1, -1))
		expect(data.nextStep?.attempts.href).toBe('/attempts')
		expect(data.nextStep?.primary.href).toMatch(/^\/exercises\//)
		expect(data.attestation).toBe('open')
	})

	it('asks for the unaided attestation, refuses it unticked, and counts it in the stored outcome', async () => {
		const unticked = await act(attemptId, { intent: 'attest' })
		expect(unticked.status).toBe(400)
		expect(unticked.data).toMatchObject({ intent: 'attest', ok: false, message: expect.stringMatching(/without AI assistance/) })
		expect((await db.prisma.attemptMetrics.findUniqueOrThrow({ where: { attemptId }, select: { attested: true } })).attested).toBe(false)

		expect((await act(attemptId, { intent: 'attest', attested: 'on' })).status).toBe(200)
		const last = await db.prisma.stageSubmission.findFirstOrThrow({ where: { attemptId }, orderBy: { number: 'desc' }, select: { attested: true } })
		expect(last.attested).toBe(true)
		const metrics = await db.prisma.attemptMetrics.findUniqueOrThrow({ where: { attemptId }, select: { attested: true, independent: true } })
		expect(metrics).toEqual({ attested: true, independent: true })
		expect((await page(attemptId)).attestation).toBe('attested')
	})
})

describe('a debugging attempt’s end', () => {
	let attemptId: string

	beforeAll(async () => {
		attemptId = (await startAttempt(ada, DEBUGGING)).id
	})

	it('answers a run on an attempt another tab has ended with 409, and the page then shows it ended with a next step', async () => {
		expect((await act(attemptId, { intent: 'give-up' })).status).toBe(200)
		const run = await call(runs.action, postJson(`/attempts/${attemptId}/runs`, { files: await draftOf(attemptId) }, cookie), { attemptId })
		expect(run.status).toBe(409)
		// The route loads the page again after a 409, whatever the action was.
		expect(attemptRoute.shouldRevalidate({ actionStatus: 409, defaultShouldRevalidate: false } as Parameters<typeof attemptRoute.shouldRevalidate>[0])).toBe(
			true,
		)
		const data = await page(attemptId)
		expect(data.attempt.status).toBe('gave_up')
		expect(data.nextStep?.primary.label).toMatch(/^(Next|Try again): /)
		// A debugging exercise's reference is its explanation; its solution's code stays on the server.
		expect(data.referenceDesign).toBeNull()
		expect(data.attestation).toBe('not-applicable')
		expect((await act(attemptId, { intent: 'attest', attested: 'on' })).status).toBe(400)
	})

	it('tells browsers not to keep the workspace page', () => {
		expect(attemptRoute.headers()).toEqual({ 'Cache-Control': 'private, no-store' })
	})
})
