// The workspace's endpoints under bad input: each case gets a clear message and a 4xx, and
// loses nothing that was already saved.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post, postJson } from '#tests/routes.ts'
import type { RecordedRun, RunRefusal } from '#app/attempts/run-view.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { consumeRun, resetRunLimit, RUNS_PER_MINUTE } from '#app/utils/rate-limit.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as attemptRoute from './attempts.$attemptId.tsx'
import * as events from './attempts.$attemptId.events.ts'
import * as runs from './attempts.$attemptId.runs.ts'

let db: Database
let cookie: string
let attemptId: string
let starter: Record<string, string>
let userId: string

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await syncExercises(db.prisma, 'exercises')
	await seedDemo(db.prisma)
	const ada = await db.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { id: true, organizationId: true } })
	userId = ada.id
	attemptId = (await startAttempt(ada, 'free-shipping-for-everyone')).id
	starter = (await db.prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { draft: true } })).draft as Record<string, string>
	cookie = await loginCookie('ada@hardmode.dev')
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
})

const params = () => ({ attemptId })
const timelineLength = () => db.prisma.attemptEvent.count({ where: { attemptId } })

describe('the event endpoint', () => {
	it('refuses a body that is not JSON, or not a batch, with 400 and stores nothing', async () => {
		const before = await timelineLength()
		const notJson = await call(events.action, postJson(`/attempts/${attemptId}/events`, '{"sentAt": 1, "events": [', cookie), params())
		expect(notJson.status).toBe(400)
		expect(await new Response(notJson.data as string).text()).toContain('not valid JSON')
		const wrongShape = await call(
			events.action,
			postJson(`/attempts/${attemptId}/events`, { sentAt: 1, events: [{ type: 'keystroke', id: 'x', seq: 1, at: 1, data: {} }] }, cookie),
			params(),
		)
		expect(wrongShape.status).toBe(400)
		expect(JSON.parse(wrongShape.data as string).error).toBe('The events were malformed, so none were saved.')
		expect(await timelineLength()).toBe(before)
	})

	it('refuses a body over the size limit even without a Content-Length', async () => {
		const huge = new ReadableStream<Uint8Array>({
			start(controller) {
				const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
				for (let i = 0; i < 40; i++) controller.enqueue(chunk)
				controller.close()
			},
		})
		const request = new Request(`http://localhost/attempts/${attemptId}/events`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Cookie: cookie },
			body: huge,
			duplex: 'half',
		} as RequestInit)
		const result = await call(events.action, request, params())
		expect(result.status).toBe(413)
	})

	it('acknowledges a good batch, and the same batch again without storing it twice', async () => {
		const batch = { sentAt: Date.now(), events: [{ id: randomUUID(), seq: 1, at: Date.now(), type: 'focus.lost', data: {} }] }
		const first = await call(events.action, postJson(`/attempts/${attemptId}/events`, batch, cookie), params())
		expect(JSON.parse(first.data as string)).toMatchObject({ accepted: 1, duplicates: 0 })
		const again = await call(events.action, postJson(`/attempts/${attemptId}/events`, batch, cookie), params())
		expect(JSON.parse(again.data as string)).toMatchObject({ accepted: 0, duplicates: 1 })
	})

	it('answers an attempt id that cannot exist with 404', async () => {
		for (const id of ['nope\u0000', 'x'.repeat(500), 'cmx00000000000000000000000']) {
			const result = await call(events.action, postJson(`/attempts/x/events`, { sentAt: 1, events: [] }, cookie), { attemptId: id })
			expect(result.status).toBe(404)
		}
	})
})

describe('runs', () => {
	it('refuses code over the sandbox limit and says how big it is', async () => {
		const file = Object.keys(starter)[0]!
		const result = await call(runs.action, postJson(`/attempts/${attemptId}/runs`, { files: { ...starter, [file]: 'y'.repeat(520 * 1024) } }, cookie), params())
		expect(result.status).toBe(413)
		expect((result.data as RunRefusal).error).toMatch(/The code is 5\d\d KB, more than the 512 KB the sandbox accepts/)
		expect(await db.prisma.run.count({ where: { attemptId } })).toBe(0)
	})

	it('refuses files that are not the exercise’s own', async () => {
		const result = await call(runs.action, postJson(`/attempts/${attemptId}/runs`, { files: { ...starter, 'src/extra.ts': 'export {}' } }, cookie), params())
		expect(result.status).toBe(400)
		expect((result.data as RunRefusal).error).toContain('src/extra.ts')
	})

	it('refuses an empty free-text prediction with a message about the prediction', async () => {
		const result = await call(
			runs.action,
			postJson(`/attempts/${attemptId}/runs`, { files: starter, prediction: { kind: 'text', text: '  ' } }, cookie),
			params(),
		)
		expect(result.status).toBe(400)
		expect((result.data as RunRefusal).error).toMatch(/^Prediction: Write what you expect/)
	})

	it('limits run spamming per person with a clear message and a Retry-After', async () => {
		await resetRunLimit(userId)
		for (let i = 0; i < RUNS_PER_MINUTE; i++) await consumeRun(userId)
		const result = await call(runs.action, postJson(`/attempts/${attemptId}/runs`, { files: starter }, cookie), params())
		expect(result.status).toBe(429)
		expect((result.data as RunRefusal).error).toMatch(/a lot of runs in one minute\. Wait \d+ s/)
		expect(Number(result.headers.get('Retry-After'))).toBeGreaterThan(0)
		await resetRunLimit(userId)
		const ok = await call(runs.action, postJson(`/attempts/${attemptId}/runs`, { files: starter }, cookie), params())
		expect(ok.status).toBe(200)
		expect((ok.data as RecordedRun).result.status).toBe('fail')
	})
})

describe('submissions', () => {
	it('answers a diagnosis with missing parts with a message on each field, and grades nothing', async () => {
		const result = await call(attemptRoute.action, post(`/attempts/${attemptId}`, { intent: 'submit', explanation: 'Too short.' }, cookie), params())
		expect(result.status).toBe(400)
		const fields = (result.data as { fieldErrors: Record<string, string[]> }).fieldErrors
		expect(Object.keys(fields).sort()).toEqual(['attested', 'category', 'endLine', 'explanation', 'file', 'files', 'startLine'])
		expect(await db.prisma.submission.count({ where: { attemptId } })).toBe(0)
	})

	it('refuses a location past the end of the file', async () => {
		const file = 'src/shipping/promotions.ts'
		const result = await call(
			attemptRoute.action,
			post(
				`/attempts/${attemptId}`,
				{
					intent: 'submit',
					file,
					startLine: '900',
					endLine: '901',
					category: 'wrong-condition',
					explanation: 'The rule uses an OR where it needs an AND. So freight orders to Germany get free shipping.',
					attested: 'on',
					files: JSON.stringify(starter),
				},
				cookie,
			),
			params(),
		)
		expect(result.status).toBe(400)
		expect((result.data as { message: string }).message).toMatch(/has \d+ lines; pick lines inside it/)
	})
})

describe('a stale exercise version', () => {
	it('keeps an attempt on the version it started on after the exercise changes', async () => {
		const exercise = await db.prisma.exercise.findUniqueOrThrow({ where: { slug: 'free-shipping-for-everyone' }, select: { id: true, currentVersionId: true } })
		const old = await db.prisma.exerciseVersion.findUniqueOrThrow({
			where: { id: exercise.currentVersionId! },
			select: { id: true, publicFiles: true, metadata: true, brief: true, hiddenTests: true, solution: true },
		})
		const newer = await db.prisma.exerciseVersion.create({
			data: {
				exerciseId: exercise.id,
				number: 2,
				contentHash: 'changed',
				metadata: old.metadata!,
				brief: `${old.brief}\n\nA changed brief.`,
				publicFiles: old.publicFiles!,
				hiddenTests: old.hiddenTests!,
				solution: old.solution!,
			},
			select: { id: true },
		})
		await db.prisma.exercise.update({ where: { id: exercise.id }, data: { currentVersionId: newer.id } })
		const page = await call(attemptRoute.loader, get(`/attempts/${attemptId}`, cookie), params())
		const data = page.data as { attempt: { newerVersionExists: boolean }; exercise: { versionNumber: number; briefHtml: string } }
		expect(data.exercise.versionNumber).toBe(1)
		expect(data.attempt.newerVersionExists).toBe(true)
		expect(data.exercise.briefHtml).not.toContain('A changed brief')
		const row = await db.prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { exerciseVersionId: true } })
		expect(row.exerciseVersionId).toBe(old.id)
	})
})
