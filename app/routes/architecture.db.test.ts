// An architecture attempt through the real routes and the real sandbox: the decision record
// as a draft, consequence runs with measured thresholds, stage 1 handed in, stage 2 opening,
// and every bad input the stages can meet.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post, postJson } from '#tests/routes.ts'
import { emptyDecisionRecord, type DecisionRecord } from '#app/architecture/decision-record.ts'
import type { RecordedRun } from '#app/attempts/run-view.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { getDefaultPool, type RunnerPool } from '#app/runner/index.ts'
import { scenarioResults } from '#app/runner/protocol.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as attemptRoute from './attempts.$attemptId.tsx'
import * as events from './attempts.$attemptId.events.ts'
import * as runs from './attempts.$attemptId.runs.ts'
import * as reviewRoute from './reviews.$attemptId.tsx'

const EXERCISE = 'public-api-rate-limiter'
const DESIGN_FILE = 'src/ratelimit/rateLimiter.ts'

let db: Database
let cookie: string
let attemptId: string
let starter: Record<string, string>

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await syncExercises(db.prisma, 'exercises')
	await seedDemo(db.prisma)
	const ada = await db.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { id: true, organizationId: true } })
	attemptId = (await startAttempt(ada, EXERCISE)).id
	starter = (await db.prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { draft: true } })).draft as Record<string, string>
	cookie = await loginCookie('ada@hardmode.dev')
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
})

const params = () => ({ attemptId })
const words = (n: number, word = 'tokens') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')
const record: DecisionRecord = {
	context: words(20, 'context'),
	options: [
		{ name: 'Fixed window in memory', pros: 'Simple and fast.', cons: 'Lets two windows’ worth through at the boundary; grows without bound.' },
		{ name: 'Token bucket', pros: 'Allows the burst and no more.', cons: 'Per node unless shared.' },
	],
	decision: words(10, 'decision'),
	consequences: words(20, 'consequence'),
	followUp: '',
}

// An in-memory token bucket: good enough for one node at launch, not for three gateways later.
const tokenBucket = readFileSync('tests/designs/rate-limiter-in-memory.txt', 'utf8')

const run = (files: Record<string, string>, extra: Record<string, unknown> = {}) =>
	call(runs.action, postJson(`/attempts/${attemptId}/runs`, { files, ...extra }, cookie), params())
const submitStage = (stage: number, files: Record<string, string>, decision: DecisionRecord) =>
	call(
		attemptRoute.action,
		post(`/attempts/${attemptId}`, { intent: 'submit-stage', stage: String(stage), files: JSON.stringify(files), record: JSON.stringify(decision) }, cookie),
		params(),
	)
const workspace = async () =>
	(await call(attemptRoute.loader, get(`/attempts/${attemptId}`, cookie), params())).data as {
		architecture: { stage: number; stages: Array<{ number: number; title: string }>; record: DecisionRecord; submissions: unknown[] }
		attempt: { status: string }
	}

describe('an architecture attempt', () => {
	it('opens on stage 1 alone: stage 2’s brief does not reach the browser', async () => {
		const page = await workspace()
		expect(page.architecture.stage).toBe(1)
		expect(page.architecture.stages.map((stage) => stage.number)).toEqual([1])
		expect(JSON.stringify(page)).not.toContain('Six months later')
		expect(page.architecture.record).toEqual(emptyDecisionRecord())
	})

	it('refuses stage 2 before stage 1 is submitted, with the reason', async () => {
		const early = await run(starter, { stage: 2 })
		expect(early.status).toBe(409)
		expect(early.data).toEqual({ error: 'Stage 2 opens once you have submitted stage 1: submit your design and decision record for stage 1 first.' })
		const submit = await submitStage(2, starter, { ...record, followUp: words(20) })
		expect(submit.status).toBe(409)
		expect((submit.data as { message: string }).message).toMatch(/^Stage 2 opens once you have submitted stage 1/)
		const draft = await call(
			events.action,
			postJson(
				`/attempts/${attemptId}/events`,
				{ sentAt: Date.now(), events: [{ id: randomUUID(), seq: 1, at: Date.now(), type: 'decision.saved', data: { stage: 2, record } }] },
				cookie,
			),
			params(),
		)
		expect(draft.status).toBe(400)
		expect(await db.prisma.stageSubmission.count({ where: { attemptId } })).toBe(0)
	})

	it('keeps the decision record as a draft, incomplete sections and all', async () => {
		const draft = { ...emptyDecisionRecord(), context: 'Bursts from dispatch apps.' }
		const saved = await call(
			events.action,
			postJson(
				`/attempts/${attemptId}/events`,
				{ sentAt: Date.now(), events: [{ id: randomUUID(), seq: 2, at: Date.now(), type: 'decision.saved', data: { stage: 1, record: draft } }] },
				cookie,
			),
			params(),
		)
		expect(saved.status).toBe(200)
		expect((await workspace()).architecture.record).toEqual(draft)
		const huge = await call(
			events.action,
			postJson(
				`/attempts/${attemptId}/events`,
				{
					sentAt: Date.now(),
					events: [{ id: randomUUID(), seq: 3, at: Date.now(), type: 'decision.saved', data: { stage: 1, record: { ...draft, context: 'x'.repeat(5001) } } }],
				},
				cookie,
			),
			params(),
		)
		expect(huge.status).toBe(400)
	})

	it('plays the launch scenarios against the naive starter and shows the thresholds it misses', async () => {
		const result = await run(starter)
		expect(result.status).toBe(200)
		const body = result.data as RecordedRun
		const scenarios = scenarioResults(body.result)
		expect(scenarios.length).toBeGreaterThanOrEqual(2)
		expect(scenarios.every((scenario) => scenario.stage === 1)).toBe(true)
		const missed = scenarios.flatMap((scenario) => scenario.metrics.filter((metric) => metric.passed === false))
		expect(missed.length).toBeGreaterThan(0)
		expect(missed[0]).toMatchObject({ threshold: expect.any(Number), comparator: expect.stringMatching(/^(>=|<=)$/) })
	})

	it('stops a design that never answers with a clear message instead of hanging', async () => {
		const stuck = starter[DESIGN_FILE]!.replace(/async check\(([^)]*)\)[^{]*\{/, (head) => `${head}\n    return new Promise(() => {})\n`)
		expect(stuck).not.toBe(starter[DESIGN_FILE])
		const result = await run({ ...starter, [DESIGN_FILE]: stuck })
		const body = result.data as RecordedRun
		const scenarios = scenarioResults(body.result)
		expect(scenarios.some((scenario) => scenario.stoppedBy === 'unfinished-calls' || /never returned/.test(scenario.message ?? ''))).toBe(true)
		expect(scenarios.every((scenario) => !scenario.passed)).toBe(true)
	})

	it('refuses a decision record with missing sections, field by field, and grades nothing', async () => {
		const result = await submitStage(1, starter, { ...record, context: '', options: [record.options[0]!, { name: 'Token bucket', pros: '', cons: '' }] })
		expect(result.status).toBe(400)
		expect(result.data).toMatchObject({
			message: 'The decision record is not complete yet.',
			fieldErrors: { context: 'Write the context.', 'options.1': 'Option 2 needs pros and cons.' },
		})
		expect(await db.prisma.stageSubmission.count({ where: { attemptId } })).toBe(0)
	})

	it('refuses a diagnosis: an architecture exercise is submitted stage by stage', async () => {
		const result = await call(
			attemptRoute.action,
			post(
				`/attempts/${attemptId}`,
				{
					intent: 'submit',
					file: DESIGN_FILE,
					startLine: '1',
					endLine: '2',
					category: 'resource-leak',
					explanation: 'One sentence about the design here. And a second sentence about it here too, long enough.',
					attested: 'on',
					files: JSON.stringify(starter),
				},
				cookie,
			),
			params(),
		)
		expect(result.status).toBe(400)
		expect((result.data as { message: string }).message).toMatch(/stage by stage/)
	})

	it('hands in stage 1 with a better design, opens stage 2 and shows its brief', async () => {
		const result = await submitStage(1, { ...starter, [DESIGN_FILE]: tokenBucket }, record)
		expect(result.status).toBe(200)
		expect(result.data).toMatchObject({ intent: 'submit-stage', ok: true, stage: 1, unlocked: true, solved: false })
		const { scenariosPassed, scenariosTotal, passed } = result.data as { scenariosPassed: number; scenariosTotal: number; passed: boolean }
		expect(scenariosTotal).toBeGreaterThanOrEqual(4)
		expect(passed).toBe(scenariosPassed === scenariosTotal)
		const page = await workspace()
		expect(page.architecture.stage).toBe(2)
		expect(page.architecture.stages.map((stage) => stage.title)).toEqual([expect.any(String), expect.stringMatching(/Six months later/)])
		expect(page.architecture.submissions).toHaveLength(1)
		const again = await submitStage(1, { ...starter, [DESIGN_FILE]: tokenBucket }, record)
		expect(again.status).toBe(409)
		expect((again.data as { message: string }).message).toBe('Stage 1 is already submitted; you are on stage 2 now. Reload the page to see it.')
	})

	it('plays stage 2 against the same design, needs the follow-up, and solves the attempt once every threshold holds', async () => {
		const later = await run({ ...starter, [DESIGN_FILE]: tokenBucket })
		const body = later.data as RecordedRun
		const stages = scenarioResults(body.result).map((scenario) => scenario.stage)
		expect(stages).toContain(2)
		expect(
			scenarioResults(body.result)
				.filter((scenario) => scenario.stage === 2)
				.some((scenario) => !scenario.passed),
		).toBe(true)

		const noFollowUp = await submitStage(2, { ...starter, [DESIGN_FILE]: tokenBucket }, record)
		expect(noFollowUp.status).toBe(400)
		expect((noFollowUp.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({ followUp: 'Write the follow-up, six months later.' })

		const withFollowUp = { ...record, followUp: words(25, 'followup') }
		const failing = await submitStage(2, { ...starter, [DESIGN_FILE]: tokenBucket }, withFollowUp)
		expect(failing.data).toMatchObject({ ok: true, stage: 2, passed: false, solved: false })
		expect(await db.prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, failedFixCount: true } })).toMatchObject({
			status: 'in_progress',
		})

		const reference = readFileSync(`exercises/${EXERCISE}/solution/ratelimit/rateLimiter.ts`, 'utf8')
		const solved = await submitStage(2, { ...starter, [DESIGN_FILE]: reference }, withFollowUp)
		expect(solved.data).toMatchObject({ ok: true, stage: 2, passed: true, solved: true })
		const page = (await call(attemptRoute.loader, get(`/attempts/${attemptId}`, cookie), params())).data as {
			attempt: { status: string }
			rating: { status: string; changes: Array<{ label: string; delta: number; sentence: string }> }
		}
		expect(page.attempt.status).toBe('solved')
		// The first attempt at the exercise is rated in each of its topics, and says why.
		expect(page.rating.status).toBe('rated')
		expect(page.rating.changes.map((change) => change.label).sort()).toEqual(['Reliability', 'Resources', 'Time'])
		for (const change of page.rating.changes) {
			expect(change.delta).toBeGreaterThan(0)
			// A first rated attempt leaves the rating provisional: the sentence says where it stands, not the points it moved.
			expect(change.sentence).toMatch(new RegExp(`^rating in ${change.label} now ≈\\d+ \\(still provisional\\) because you solved a \\d+-rated exercise`))
		}
	})

	it('shows the lead the decision records and stages on the replay', async () => {
		const lead = await loginCookie('lead@hardmode.dev')
		const page = await call(reviewRoute.loader, get(`/reviews/${attemptId}`, lead), params())
		expect(page.status).toBe(200)
		const replay = page.data as {
			events: Array<{ type: string }>
			stageSubmissions: Array<{ stage: number; passed: boolean; record: DecisionRecord }>
			exercise: { kind: string; rubric: Array<{ id: string }> }
		}
		expect(replay.exercise.kind).toBe('architecture')
		expect(replay.exercise.rubric.map((criterion) => criterion.id)).toContain('follow-up')
		expect(replay.stageSubmissions.map((submission) => [submission.stage, submission.passed])).toEqual([
			[1, expect.any(Boolean)],
			[2, false],
			[2, true],
		])
		expect(replay.stageSubmissions[2]!.record.followUp).toContain('followup0')
		expect(replay.events.filter((event) => event.type === 'decision.saved')).toHaveLength(1)
		expect(replay.events.filter((event) => event.type === 'stage.submitted')).toHaveLength(3)
	})
})

describe('a stage plays only its own hidden files', () => {
	// Grace's attempt; her design tries to pull in scenario files of the other stage.
	let graceAttempt: string
	let graceCookie: string
	const scenarioNames = (file: string) =>
		[...readFileSync(`exercises/${EXERCISE}/${file}`, 'utf8').matchAll(/scenario\(\s*(["'`])(.+?)\1/g)].map((match) => match[2]!)
	const importing = (file: string) => ({ ...starter, [DESIGN_FILE]: `import '../../${file.replace(/\.ts$/, '')}'\n${tokenBucket}` })
	/** The hidden files each sandbox run of the block received. */
	async function hiddenFilesSent(act: () => Promise<unknown>) {
		const spy = vi.spyOn(getDefaultPool() as RunnerPool, 'run')
		try {
			const outcome = await act()
			return {
				outcome,
				hidden: spy.mock.calls.map(([request]) =>
					Object.keys(request.files)
						.filter((file) => file.startsWith('tests/hidden/'))
						.sort(),
				),
			}
		} finally {
			spy.mockRestore()
		}
	}

	beforeAll(async () => {
		const grace = await db.prisma.user.findUniqueOrThrow({ where: { email: 'grace@hardmode.dev' }, select: { id: true, organizationId: true } })
		graceAttempt = (await startAttempt(grace, EXERCISE)).id
		graceCookie = await loginCookie('grace@hardmode.dev')
	})

	it('grades stage 1 without stage 2’s scenarios, even when the design imports them', async () => {
		const stageTwo = 'tests/hidden/six-months-later.test.ts'
		const names = scenarioNames(stageTwo)
		expect(names.length).toBeGreaterThan(0)
		const { outcome, hidden } = await hiddenFilesSent(() =>
			call(
				attemptRoute.action,
				post(
					`/attempts/${graceAttempt}`,
					{ intent: 'submit-stage', stage: '1', files: JSON.stringify(importing(stageTwo)), record: JSON.stringify(record) },
					graceCookie,
				),
				{ attemptId: graceAttempt },
			),
		)
		expect((outcome as { status: number }).status).toBe(200)
		// What the learner reads of the stage they handed in.
		const page = (await call(attemptRoute.loader, get(`/attempts/${graceAttempt}`, graceCookie), { attemptId: graceAttempt })).data as {
			architecture: { submissions: Array<{ scenarios: Array<{ name: string; stage: number }> }> }
		}
		const [submission] = page.architecture.submissions
		expect(submission!.scenarios.every((scenario) => scenario.stage === 1)).toBe(true)
		const text = JSON.stringify(page.architecture.submissions)
		for (const name of names) expect(text).not.toContain(name)
		// Nor did the sandbox receive them, whatever the design imports.
		expect(hidden).toEqual([['tests/hidden/launch-grading.test.ts']])
	})

	it('does not let a stage-2 run play stage 1’s grading scenarios, even when the design imports them', async () => {
		const grading = 'tests/hidden/launch-grading.test.ts'
		const names = scenarioNames(grading)
		expect(names.length).toBeGreaterThan(0)
		const { outcome, hidden } = await hiddenFilesSent(() =>
			call(runs.action, postJson(`/attempts/${graceAttempt}/runs`, { files: importing(grading) }, graceCookie), { attemptId: graceAttempt }),
		)
		const body = (outcome as { data: RecordedRun }).data
		const played = scenarioResults(body.result).map((scenario) => scenario.name)
		for (const name of names) expect(played).not.toContain(name)
		expect(JSON.stringify(body)).not.toContain(names[0])
		expect(hidden).toEqual([['tests/hidden/six-months-later.test.ts']])
	})
})
