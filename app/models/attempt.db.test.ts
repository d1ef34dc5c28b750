import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { replayCode, type FileChanges, type Files } from '#app/attempts/code-history.ts'
import { buildReplay } from '#app/attempts/replay.ts'
import { getDefaultPool } from '#app/runner/index.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { createOrganizationWithAdmin } from './organization.server.ts'
import { syncExercises } from './exercise.server.ts'
import { listTimeline, recordEvents } from './attempt/events.server.ts'
import { giveUp } from './attempt/give-up.server.ts'
import { requireAttempt, type AttemptError, type AttemptOwner } from './attempt/guard.server.ts'
import { revealHint } from './attempt/hint.server.ts'
import { startAttempt } from './attempt/open.server.ts'
import { recordRun } from './attempt/run.server.ts'
import { submitDiagnosis } from './attempt/submit.server.ts'
import { getWorkspace } from './attempt/workspace.server.ts'

const SLUG = 'free-shipping-for-everyone'
const BUGGY_FILE = 'src/shipping/promotions.ts'
const exerciseDir = path.resolve('exercises', SLUG)
const solutionText = readFileSync(path.join(exerciseDir, 'solution/shipping/promotions.ts'), 'utf8')

let db: Database
let root: string
let ada: AttemptOwner
let bea: AttemptOwner
let outsider: AttemptOwner

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	root = mkdtempSync(path.join(tmpdir(), 'hm-attempts-'))
	cpSync(exerciseDir, path.join(root, SLUG), { recursive: true })
	await syncExercises(db.prisma, root)
	const admin = await createOrganizationWithAdmin({
		organizationName: 'Quarry',
		name: 'Ada Admin',
		email: 'ada@quarry.test',
		password: 'a long and quiet river 7',
	})
	ada = { id: admin.id, organizationId: admin.organizationId }
	const other = await db.prisma.user.create({
		data: { organizationId: admin.organizationId, email: 'bea@quarry.test', name: 'Bea', passwordHash: 'x' },
		select: { id: true, organizationId: true },
	})
	bea = { id: other.id, organizationId: other.organizationId }
	const elsewhere = await createOrganizationWithAdmin({
		organizationName: 'Tidewater',
		name: 'Tom',
		email: 'tom@tide.test',
		password: 'a long and quiet river 7',
	})
	outsider = { id: elsewhere.id, organizationId: elsewhere.organizationId }
})

afterAll(async () => {
	await getDefaultPool().close()
	await db?.close()
	if (root) rmSync(root, { recursive: true, force: true })
})

const uuid = () => randomUUID()
let seq = 0
function event(type: string, data: unknown, at = Date.now()) {
	seq += 1
	return { id: uuid(), seq, at, type, data }
}

async function newAttempt(owner = ada) {
	const { id } = await startAttempt(owner, SLUG)
	const workspace = await getWorkspace(owner, id)
	return { id, workspace: workspace! }
}

async function thrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		return error as AttemptError
	}
	throw new Error('expected the call to fail')
}

describe('starting and resuming', () => {
	it('starts on the current version with the starter code, resumes the open attempt, and hides it from others', async () => {
		const first = await startAttempt(ada, SLUG)
		expect(first.resumed).toBe(false)
		expect((await startAttempt(ada, SLUG)).id).toBe(first.id)
		const workspace = await getWorkspace(ada, first.id)
		expect(Object.keys(workspace!.files.src)).toContain(BUGGY_FILE)
		expect(Object.keys(workspace!.files.tests).every((file) => file.startsWith('tests/visible/'))).toBe(true)
		// Neither the reference explanation nor the hidden tests reach an open attempt.
		expect(workspace!.reference).toBeNull()
		expect(JSON.stringify(workspace)).not.toContain('shipping-rules.test.ts')
		// Nor its bug family or root-cause category: both would give the answer away.
		expect(JSON.stringify(workspace)).not.toMatch(/boolean-logic-slip|wrong-condition|"family"/)
		expect(await getWorkspace(bea, first.id)).toBeNull()
		expect(await getWorkspace(outsider, first.id)).toBeNull()
		expect((await thrown(startAttempt(ada, 'no-such-exercise'))).status).toBe(404)
	})

	it('takes the rules of an assignment that asks for the exercise', async () => {
		const team = await db.prisma.team.create({ data: { organizationId: bea.organizationId, name: 'Checkout' }, select: { id: true } })
		await db.prisma.membership.create({ data: { organizationId: bea.organizationId, teamId: team.id, userId: bea.id } })
		const exercise = await db.prisma.exercise.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } })
		await db.prisma.assignment.create({
			data: {
				organizationId: bea.organizationId,
				teamId: team.id,
				exerciseId: exercise.id,
				dueAt: new Date(Date.now() + 86_400_000),
				pasteBlocked: true,
				hintsAllowed: false,
				hardMode: true,
			},
		})
		const { workspace } = await newAttempt(bea)
		expect(workspace.attempt.rules).toEqual({ hintsAllowed: false, pasteBlocked: true, hardMode: true })
		expect(workspace.attempt.assignment?.team).toBe('Checkout')
	})
})

describe('workspace events', () => {
	it('stores a batch once even when it is sent twice, and applies journal and code changes', async () => {
		const { id, workspace } = await newAttempt(outsider)
		const hypothesisId = uuid()
		const edited = { ...workspace.files.src, [BUGGY_FILE]: `// looking\n${workspace.files.src[BUGGY_FILE]}` }
		const batch = {
			sentAt: Date.now(),
			events: [
				event('journal.add', { entryId: hypothesisId, kind: 'hypothesis', text: 'The bulky-item rule lets EU orders through.' }),
				event('journal.edit', { entryId: hypothesisId, status: 'confirmed' }),
				event('snapshot', { files: edited }),
				event('paste', { chars: 420, outside: true, blocked: false }),
				event('focus.lost', {}),
				event('focus.regained', { awayMs: 12_000 }),
			],
		}
		expect(await recordEvents(outsider, id, batch)).toMatchObject({ accepted: 6, duplicates: 0 })
		expect(await recordEvents(outsider, id, batch)).toMatchObject({ accepted: 0, duplicates: 6 })
		const after = await getWorkspace(outsider, id)
		expect(after!.journal).toEqual([expect.objectContaining({ id: hypothesisId, kind: 'hypothesis', status: 'confirmed' })])
		expect(after!.files.src[BUGGY_FILE]).toBe(edited[BUGGY_FILE])
		expect(after!.attempt.integrity).toMatchObject({ outsidePastes: 1, outsidePasteChars: 420, focusLosses: 1, awayMs: 12_000 })
		const timeline = await listTimeline(outsider, id)
		expect(timeline.map((e) => e.type)).toEqual(['started', 'journal.add', 'journal.edit', 'snapshot', 'paste', 'focus.lost', 'focus.regained'])
		expect(timeline.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7])
	})

	it('refuses a malformed batch whole, writing nothing', async () => {
		const { id } = await newAttempt(bea)
		const before = await listTimeline(bea, id)
		const goodThenBad = {
			sentAt: Date.now(),
			events: [
				event('journal.add', { entryId: uuid(), kind: 'observation', text: 'Vienna is charged nothing.' }),
				event('journal.edit', { entryId: uuid(), text: 'edit of nothing' }),
			],
		}
		const error = await thrown(recordEvents(bea, id, goodThenBad))
		expect(error.status).toBe(400)
		expect(error.details.join(' ')).toMatch(/does not have/)
		expect(await listTimeline(bea, id)).toEqual(before)
		expect((await getWorkspace(bea, id))!.journal).toEqual([])
		expect((await thrown(recordEvents(bea, id, { sentAt: 'now', events: 'lots' }))).status).toBe(400)
		expect((await thrown(recordEvents(bea, id, { sentAt: 1, events: [event('snapshot', { files: { 'src/evil.ts': 'x' } })] }))).status).toBe(400)
	})

	it('refuses oversized code with its size, and another person’s attempt as not found', async () => {
		const { id, workspace } = await newAttempt(bea)
		const huge = { ...workspace.files.src, [BUGGY_FILE]: 'x'.repeat(600 * 1024) }
		const error = await thrown(recordEvents(bea, id, { sentAt: 1, events: [event('snapshot', { files: huge })] }))
		expect(error.status).toBe(413)
		expect(error.message).toMatch(/The code is \d+ KB, more than the 512 KB/)
		expect((await thrown(recordEvents(ada, id, { sentAt: 1, events: [event('focus.lost', {})] }))).status).toBe(404)
	})
})

describe('runs, hints, submissions', () => {
	it('records a run with its prediction scored, and rebuilds the code at every step from the timeline', async () => {
		const { id, workspace } = await newAttempt(ada)
		const hypothesisId = uuid()
		await recordEvents(ada, id, {
			sentAt: Date.now(),
			events: [event('journal.add', { entryId: hypothesisId, kind: 'hypothesis', text: 'EU bulky orders get free shipping.' })],
		})
		const failing = await recordRun(await requireAttempt(ada, id), {
			files: workspace.files.src,
			hypothesisId,
			prediction: { kind: 'test', test: 'checkout summary: shipping > Vienna, kitchen order (€92): pays EU standard shipping', outcome: 'fail' },
		})
		expect(failing.result.status).toBe('fail')
		expect(failing.number).toBe(1)
		expect(failing.predictionCorrect).toBe(true)
		const fixed = { ...workspace.files.src, [BUGGY_FILE]: solutionText }
		const passing = await recordRun(await requireAttempt(ada, id), { files: fixed })
		expect(passing.result.status).toBe('pass')
		const after = await getWorkspace(ada, id)
		expect(after!.runs.map((run) => [run.number, run.status])).toEqual([
			[2, 'pass'],
			[1, 'fail'],
		])
		expect(after!.runs[1]!.hypothesisId).toBe(hypothesisId)
		expect(after!.latestRun!.number).toBe(2)
		// The timeline's diffs rebuild exactly the code each run saw.
		const timeline = await listTimeline(ada, id)
		const changes = timeline.filter((e) => e.type === 'run' || e.type === 'snapshot').map((e) => (e.data as { changes: FileChanges }).changes)
		expect(replayCode(workspace.files.starter as Files, changes)).toEqual(fixed)
		expect(replayCode(workspace.files.starter as Files, changes.slice(0, 1))).toEqual(workspace.files.src)
		// …and so does the replay a reviewer will scrub through.
		const replay = buildReplay(workspace.files.starter as Files, timeline)
		const runs = timeline.filter((e) => e.type === 'run')
		expect(replay.codeAt(runs[0]!.position)).toEqual(workspace.files.src)
		expect(replay.codeAt(runs[1]!.position)).toEqual(fixed)
		expect(replay.marks.filter((mark) => mark.kind === 'run').map((mark) => mark.label)).toEqual(['Run 1: 2 failed, prediction right', 'Run 2: all passed'])
	})

	it('keeps hints locked until their rule is met, then reveals them in order', async () => {
		const { id } = await newAttempt(bea)
		await db.prisma.attempt.update({ where: { id }, data: { hintsAllowed: true } })
		expect((await thrown(revealHint(await requireAttempt(bea, id), 0))).message).toMatch(/still locked/)
		await recordEvents(bea, id, { sentAt: Date.now(), events: [event('journal.add', { entryId: uuid(), kind: 'hypothesis', text: 'Bulky rule.' })] })
		const later = new Date(Date.now() + 6 * 60_000)
		expect((await thrown(revealHint(await requireAttempt(bea, id), 1, later))).message).toMatch(/in order/)
		const hint = await revealHint(await requireAttempt(bea, id), 0, later)
		expect(hint.text.length).toBeGreaterThan(10)
		const workspace = await getWorkspace(bea, id, later)
		expect(workspace!.hints.revealed).toHaveLength(1)
		expect(workspace!.hints.next).toMatchObject({ index: 1, unlocked: false })
	})

	it('grades a wrong diagnosis part by part and lets the attempt go on; a right one solves it and shows the reference', async () => {
		const { id, workspace } = await newAttempt(bea)
		const base = { file: BUGGY_FILE, startLine: 22, endLine: 23, category: 'wrong-condition' as const, explanation: 'x', attested: true }
		const wrong = await submitDiagnosis(await requireAttempt(bea, id), { ...base, category: 'boundary', files: workspace.files.src })
		expect(wrong).toMatchObject({ locationCorrect: true, categoryCorrect: false, fixCorrect: false, correct: false })
		const still = await getWorkspace(bea, id)
		expect(still!.attempt.status).toBe('in_progress')
		expect(still!.reference).toBeNull()
		const right = await submitDiagnosis(await requireAttempt(bea, id), { ...base, files: { ...workspace.files.src, [BUGGY_FILE]: solutionText } })
		expect(right).toMatchObject({ correct: true, number: 2 })
		const solved = await getWorkspace(bea, id)
		expect(solved!.attempt.status).toBe('solved')
		expect(solved!.reference?.category).toBe('wrong-condition')
		const row = await db.prisma.attempt.findUniqueOrThrow({ where: { id }, select: { submissionCount: true, failedFixCount: true } })
		expect(row).toEqual({ submissionCount: 2, failedFixCount: 1 })
		expect((await thrown(recordRun(await requireAttempt(bea, id), { files: workspace.files.src }))).status).toBe(409)
	})

	it('giving up finishes the attempt, shows the reference, and refuses more events', async () => {
		const { id } = await newAttempt(outsider)
		await giveUp(await requireAttempt(outsider, id))
		const workspace = await getWorkspace(outsider, id)
		expect(workspace!.attempt.status).toBe('gave_up')
		expect(workspace!.reference?.explanation.length).toBeGreaterThan(60)
		expect((await thrown(recordEvents(outsider, id, { sentAt: 1, events: [event('focus.lost', {})] }))).status).toBe(409)
	})

	it('refuses, under the lock, a command whose attempt finished after the request found it, and records nothing', async () => {
		const { id, workspace } = await newAttempt(ada)
		const found = await requireAttempt(ada, id)
		await giveUp(await requireAttempt(ada, id))
		const timeline = await listTimeline(ada, id)
		const runs = await db.prisma.run.count({ where: { attemptId: id } })
		expect((await thrown(recordRun(found, { files: workspace.files.src }))).status).toBe(409)
		expect((await thrown(giveUp(found))).status).toBe(409)
		expect(await listTimeline(ada, id)).toEqual(timeline)
		expect(await db.prisma.run.count({ where: { attemptId: id } })).toBe(runs)
		expect((await thrown(requireAttempt(bea, id))).status).toBe(404)
		expect((await thrown(requireAttempt(outsider, id))).status).toBe(404)
	})
})
