// `npm run seed:load -- [--database <url>] [--engineers 500] [--teams 50] [--attempts 200]`:
// a load-test organisation, "Globex Load Test" — by default 500 engineers in 50 teams with
// 200 attempts each over a year, with timelines, journals, runs, submissions, assignments,
// reviews, metrics and ratings — written in bulk (INSERT … SELECT FROM unnest) into the
// configured database, to measure the growth pages at a real organisation's size.
//
// The rows have exactly the shape the real code paths write (app/models/attempt/,
// app/models/growth/): event data as recordEvents/recordRun/submitDiagnosis store it, code as
// diffs from app/attempts/code-history.ts, grades from gradeDiagnosis, run results from the
// real sandbox, metrics from attemptMetrics over the generated timeline, and ratings from
// playFirstAttempt in finishing order. seed-load.db.test.ts reads loaded attempts back
// through the real read functions to prove it. Only the bulk writing differs.
//
// It never touches the demo organisation or the real exercises: its exercises are synthetic
// (`load-…`), retired so no catalogue offers them, and removed with the previous load
// organisation each time it runs.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { diffFiles, type Files } from '#app/attempts/code-history.ts'
import { gradeDiagnosis, type DiagnosisGrade } from '#app/attempts/grading.ts'
import { scorePrediction, type Prediction } from '#app/attempts/prediction.ts'
import type { TimelineEvent } from '#app/attempts/replay.ts'
import type { ExerciseMetadata } from '#app/exercises/schema.ts'
import { TOPIC_IDS } from '#app/exercises/topics.ts'
import { metricsColumns, type AttemptMetricsColumns } from '#app/growth/attempt-metrics-columns.ts'
import { attemptMetrics } from '#app/growth/metrics.ts'
import { playFirstAttempt, startingExercise, type RatingState } from '#app/growth/ratings.ts'
import { rubricPercent } from '#app/reviews/rubric.ts'
import { createRandom, type Random } from '#app/utils/random.ts'
import type { RunResult } from '#app/runner/protocol.ts'
import { assertSupportedNode } from '#server/node-version.ts'

export const LOAD_ORGANIZATION_NAME = 'Globex Load Test'
export const LOAD_EMAIL_DOMAIN = 'load.hardmode.test'
export const LOAD_ADMIN_EMAIL = `admin@${LOAD_EMAIL_DOMAIN}`
export const LOAD_PASSWORD = 'hardmode-load'
/** Synthetic exercises are named load-001, load-002…; nothing else may use the prefix. */
export const LOAD_SLUG_PREFIX = 'load-'

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
const CHUNK_ENGINEERS = 25

export type LoadOptions = {
	engineers: number
	teams: number
	attemptsPerEngineer: number
	/** Synthetic exercises; enough that most attempts are first attempts. */
	exercises: number
	/** The history ends here and spans the year before. */
	now: Date
	seed: number
	/** ANALYZE the loaded tables afterwards. */
	analyze: boolean
}

export const DEFAULT_LOAD: LoadOptions = { engineers: 500, teams: 50, attemptsPerEngineer: 200, exercises: 240, now: new Date(), seed: 7, analyze: true }

const LOADED_TABLES = ['User', 'Team', 'Membership', 'Exercise', 'ExerciseVersion', 'Assignment', 'Attempt', 'AttemptEvent', 'JournalEntry', 'Run', 'Submission', 'AttemptMetrics', 'RatingChange', 'Review', 'SkillRating', 'ExerciseRating', 'GrowthNote']

export type LoadSummary = {
	organizationId: string
	engineers: number
	teams: number
	exercises: number
	attempts: number
	firstAttempts: number
	events: number
	journalEntries: number
	runs: number
	submissions: number
	reviews: number
	assignments: number
	ratingChanges: number
	durationMs: number
}


// ---------------------------------------------------------------------------------------
// The synthetic exercise: small, real TypeScript with a real boundary bug, so its run results
// come from the sandbox and stay small in every Run and Submission row.

const TIERS_FILE = 'src/pricing/tiers.ts'
const LOAD_STARTER: Files = {
	[TIERS_FILE]: `// Volume discounts: 5% from 10 units, 10% from 50, 15% from 100.
const TIERS = [
	{ from: 10, percent: 5 },
	{ from: 50, percent: 10 },
	{ from: 100, percent: 15 },
]

export function discountPercent(quantity: number): number {
	let percent = 0
	for (const tier of TIERS) {
		if (quantity > tier.from) percent = tier.percent
	}
	return percent
}
`,
	'src/pricing/total.ts': `import { discountPercent } from './tiers'

/** The order total in cents, after the volume discount. */
export function totalCents(quantity: number, unitCents: number): number {
	const gross = quantity * unitCents
	return gross - Math.round((gross * discountPercent(quantity)) / 100)
}
`,
}
const VISIBLE_TESTS: Files = {
	'tests/visible/total.test.ts': `import { describe, expect, it } from 'vitest'
import { totalCents } from '../../src/pricing/total'

describe('order total', () => {
	it('charges full price below the first tier', () => {
		expect(totalCents(9, 1000)).toBe(9000)
	})
	it('gives 5% off at exactly 10 units', () => {
		expect(totalCents(10, 1000)).toBe(9500)
	})
	it('gives 10% off for 60 units', () => {
		expect(totalCents(60, 1000)).toBe(54000)
	})
})
`,
}
const HIDDEN_TESTS: Files = {
	'tests/hidden/tiers.test.ts': `import { describe, expect, it } from 'vitest'
import { discountPercent } from '../../src/pricing/tiers'

describe('discount tiers', () => {
	it('starts each tier at its first unit', () => {
		expect([10, 50, 100].map(discountPercent)).toEqual([5, 10, 15])
	})
	it('keeps the tier between thresholds', () => {
		expect([49, 99, 500].map(discountPercent)).toEqual([5, 10, 15])
	})
})
`,
}
const SOLUTION: Files = { 'solution/pricing/tiers.ts': LOAD_STARTER[TIERS_FILE]!.replace('quantity > tier.from', 'quantity >= tier.from') }
const FIXED: Files = { ...LOAD_STARTER, [TIERS_FILE]: SOLUTION['solution/pricing/tiers.ts']! }
const EDITED: Files = { ...LOAD_STARTER, [TIERS_FILE]: `${LOAD_STARTER[TIERS_FILE]}\n// which tier does 10 fall in?\n` }
const ROOT_CAUSE_LINE = 11
const ROOT_CAUSE = {
	category: 'boundary' as const,
	locations: [{ file: TIERS_FILE, startLine: ROOT_CAUSE_LINE, endLine: ROOT_CAUSE_LINE }],
	explanation:
		'Each tier should apply from its first unit, but the comparison is strict (quantity > tier.from), so an order of exactly 10, 50 or 100 units stays in the tier below. Comparing with >= starts every tier at its threshold.',
}
const WRONG_CATEGORY = 'wrong-condition'
const RUBRIC: ExerciseMetadata['rubric'] = [
	{ id: 'diagnosis', title: 'Found the root cause', weight: 2, levels: ['Not found.', 'Near the pricing code.', 'The tier lookup.', 'The strict comparison.', 'The comparison, and every threshold it affects.'] },
	{ id: 'method', title: 'Diagnostic method', weight: 1, levels: ['Random edits.', 'Reproduced it.', 'Narrowed it to the tiers.', 'Tested the thresholds on purpose.', 'A table of boundary cases before changing code.'] },
	{ id: 'fix', title: 'Quality of the fix', weight: 1, levels: ['None.', 'Special-cases the test values.', 'Works but elsewhere.', 'Fixes the comparison.', 'Fixes it and adds boundary tests.'] },
]

function loadExerciseMetadata(index: number, topics: string[], difficulty: number, estimatedMinutes: number): ExerciseMetadata {
	const slug = `${LOAD_SLUG_PREFIX}${String(index + 1).padStart(3, '0')}`
	return {
		slug,
		uuid: '00000000-0000-4000-8000-000000000000'.replace(/0{12}$/, String(index + 1).padStart(12, '0')),
		kind: 'debugging',
		title: `Volume discount missing at the threshold (load ${index + 1})`,
		summary: 'Orders of exactly 10, 50 or 100 units are charged without their volume discount.',
		topics: topics as ExerciseMetadata['topics'],
		difficulty,
		estimatedMinutes,
		language: 'typescript',
		rootCause: ROOT_CAUSE,
		hints: [
			{ text: 'List the quantities that go wrong and the ones that work. What do the wrong ones have in common?', unlock: { afterMinutes: 5, afterHypotheses: 1 } },
			{ text: 'Evaluate the tier condition by hand for 9, 10 and 11 units.', unlock: { afterMinutes: 12, afterHypotheses: 2 } },
		],
		rubric: RUBRIC,
		limits: {},
		version: 1,
	}
}

/** The sandbox's answers for the synthetic exercise, run once: the results every generated run and grading reuses. */
async function templateResults() {
	const { runTests } = await import('#app/runner/index.ts')
	const visible = Object.keys(VISIBLE_TESTS).sort()
	const all = [...Object.keys(VISIBLE_TESTS), ...Object.keys(HIDDEN_TESTS)].sort()
	const run = (files: Files, tests: Files, testFiles: string[]) => runTests({ files: { ...files, ...tests }, testFiles, owner: 'seed-load', seed: 1 })
	const [starterRun, fixedRun, starterGrading, fixedGrading] = await Promise.all([
		run(EDITED, VISIBLE_TESTS, visible),
		run(FIXED, VISIBLE_TESTS, visible),
		run(LOAD_STARTER, { ...VISIBLE_TESTS, ...HIDDEN_TESTS }, all),
		run(FIXED, { ...VISIBLE_TESTS, ...HIDDEN_TESTS }, all),
	])
	if (starterRun.status !== 'fail' || fixedRun.status !== 'pass' || fixedGrading.status !== 'pass') {
		throw new Error(`The synthetic exercise did not behave in the sandbox (starter ${starterRun.status}, fixed ${fixedRun.status}): ${starterRun.message ?? fixedRun.message ?? ''}`)
	}
	const grade = (files: Files, category: string, pick: { startLine: number; endLine: number }, result: RunResult) =>
		gradeDiagnosis({ picked: { file: TIERS_FILE, ...pick }, category, starterFiles: LOAD_STARTER, submittedFiles: files, rootCause: ROOT_CAUSE, result })
	const pick = { startLine: ROOT_CAUSE_LINE, endLine: ROOT_CAUSE_LINE }
	return {
		starterRun,
		fixedRun,
		failingTest: starterRun.tests.find((test) => test.status === 'fail')!.name,
		passingTest: starterRun.tests.find((test) => test.status === 'pass')!.name,
		// A right diagnosis with a fix that fails the hidden tests; a wrong category on a working fix; the right answer.
		failedFix: grade(LOAD_STARTER, ROOT_CAUSE.category, pick, starterGrading),
		wrongCategory: grade(FIXED, WRONG_CATEGORY, pick, fixedGrading),
		right: grade(FIXED, ROOT_CAUSE.category, pick, fixedGrading),
	}
}
type Template = Awaited<ReturnType<typeof templateResults>>

// ---------------------------------------------------------------------------------------
// The plan: engineers, what they attempt when, and how it ends. The same for the same seed (ids aside).

type Engineer = { id: string; teamIndex: number; skill: number; growth: number; strengths: Map<string, number>; hints: number; pastes: number; method: number }
type LoadExercise = { id: string; versionId: string; index: number; topics: string[]; difficulty: number; estimatedMinutes: number }
type LoadAssignment = { id: string; teamIndex: number; exercise: LoadExercise; createdAt: number; dueAt: number; hintsAllowed: boolean; pasteBlocked: boolean }

type PlannedAttempt = {
	id: string
	engineer: Engineer
	exercise: LoadExercise
	assignment: LoadAssignment | null
	start: number
	firstAttempt: boolean
	solved: boolean
	hints: number
	pastes: number
	pasteBlocked: boolean
	hypothesisMinute: number | null
	predictionRight: boolean
	wrong: Array<'failedFix' | 'wrongCategory'>
	awayMinutes: number
	attested: boolean
	durationMinutes: number
	finishedAt: number
}

function planAttempts(random: Random, engineers: Engineer[], exercises: LoadExercise[], assignments: LoadAssignment[], options: LoadOptions) {
	const end = options.now.getTime() - DAY_MS
	const start = end - 365 * DAY_MS
	const attempts: PlannedAttempt[] = []
	for (const engineer of engineers) {
		// Sessions spread over the year, at least three hours apart.
		const times = Array.from({ length: options.attemptsPerEngineer }, () => start + random.next() * (end - start - 3 * 3_600_000)).sort((a, b) => a - b)
		for (let i = 1; i < times.length; i++) times[i] = Math.max(times[i]!, times[i - 1]! + 3 * 3_600_000)
		const own = assignments.filter((assignment) => assignment.teamIndex === engineer.teamIndex)
		const seen = new Set<string>()
		const failed: LoadExercise[] = []
		const unseen = () => exercises.filter((exercise) => !seen.has(exercise.id))
		for (const time of times) {
			const at = Math.round(time / MINUTE_MS) * MINUTE_MS
			if (at >= end) break
			const pending = own.find((assignment) => assignment.createdAt <= at && !seen.has(assignment.exercise.id))
			let exercise: LoadExercise
			let assignment: LoadAssignment | null = null
			if (pending && random.chance(0.9)) {
				exercise = pending.exercise
				assignment = pending
			} else if (failed.length && random.chance(0.15)) {
				exercise = failed.splice(Math.floor(random.next() * failed.length), 1)[0]!
			} else {
				const candidates = unseen().filter((candidate) => !own.some((other) => other.exercise.id === candidate.id && other.createdAt > at))
				if (!candidates.length) {
					exercise = random.pick(exercises.filter((candidate) => seen.has(candidate.id)))
				} else {
					// Three at random; the one nearest a little above their level.
					const offered = [random.pick(candidates), random.pick(candidates), random.pick(candidates)]
					exercise = offered.sort((a, b) => Math.abs(a.difficulty - engineer.skill - 100) - Math.abs(b.difficulty - engineer.skill - 100))[0]!
				}
			}
			// Retries of assigned work carry the assignment, as findAssignmentFor does.
			assignment ??= own.find((candidate) => candidate.exercise.id === exercise.id && candidate.createdAt <= at) ?? null
			const firstAttempt = !seen.has(exercise.id)
			seen.add(exercise.id)
			const attempt = planOne(random, engineer, exercise, assignment, at, firstAttempt, start)
			attempts.push(attempt)
			if (!attempt.solved && firstAttempt) failed.push(exercise)
		}
	}
	return attempts
}

function planOne(random: Random, engineer: Engineer, exercise: LoadExercise, assignment: LoadAssignment | null, start: number, firstAttempt: boolean, yearStart: number): PlannedAttempt {
	const monthsIn = (start - yearStart) / (30 * DAY_MS)
	const shift = exercise.topics.reduce((sum, topic) => sum + (engineer.strengths.get(topic) ?? 0), 0) / exercise.topics.length
	const skill = engineer.skill + engineer.growth * monthsIn + shift
	const hintsAllowed = assignment?.hintsAllowed ?? true
	const pasteBlocked = assignment?.pasteBlocked ?? false
	const careful = random.chance(engineer.method)
	const hypothesisMinute = careful ? random.between(2, 6) : random.chance(0.7) ? random.between(7, 18) : null
	const hints = hintsAllowed && hypothesisMinute !== null && random.chance(engineer.hints * (1 - monthsIn / 24)) ? (random.chance(0.4) ? 2 : 1) : 0
	const expected = 1 / (1 + 10 ** ((exercise.difficulty - skill) / 400))
	const solved = random.chance(Math.min(0.97, Math.max(0.05, expected + 0.12 * hints + (firstAttempt ? 0 : 0.3))))
	const wrongCount = solved ? (random.chance(0.5 * (1 - expected) + 0.1) ? 1 : 0) : random.chance(0.6) ? random.int(1, 2) : 0
	const wrong = Array.from({ length: wrongCount }, () => (random.chance(0.5) ? ('failedFix' as const) : ('wrongCategory' as const)))
	const durationMinutes = Math.round(Math.max(exercise.estimatedMinutes * (solved ? random.between(0.6, 1.5) : random.between(0.5, 1.2)), (hypothesisMinute ?? 8) + 12 + hints * 7))
	const plan = {
		id: randomUUID(),
		engineer,
		exercise,
		assignment,
		start,
		firstAttempt,
		solved,
		hints,
		pastes: random.chance(engineer.pastes) ? random.int(1, 2) : 0,
		pasteBlocked,
		hypothesisMinute,
		predictionRight: random.chance(0.35 + 0.6 * engineer.method),
		wrong,
		awayMinutes: random.chance(0.3) ? random.between(1, 10) : 0,
		attested: random.chance(0.92),
		durationMinutes,
	}
	return { ...plan, finishedAt: start + Math.round(schedule(plan).end * MINUTE_MS) }
}

/** When things happen in an attempt, in minutes from its start; fixed by the plan, so ratings can be played before the rows exist. */
function schedule(plan: Omit<PlannedAttempt, 'finishedAt'>) {
	const firstRun = (plan.hypothesisMinute ?? 3) + 1.5
	let afterHelp = firstRun + 1 + plan.awayMinutes
	const hints: number[] = []
	for (let index = 0; index < plan.hints; index++) {
		afterHelp = Math.max(afterHelp + 1, index === 0 ? 5.5 : 12.5)
		hints.push(afterHelp)
	}
	const pastes = Array.from({ length: plan.pastes }, (_, index) => afterHelp + 1 + index)
	afterHelp += plan.pastes
	const end = Math.max(plan.durationMinutes, afterHelp + 3 + plan.wrong.length * 2)
	return { firstRun, hints, pastes, afterHelp, end }
}

// ---------------------------------------------------------------------------------------
// One attempt's rows, as the real paths would have written them step by step.

type AttemptRows = {
	attempt: Record<string, unknown>
	events: Array<{ id: string; position: number; clientId: string | null; clientSeq: number | null; type: string; at: Date; data: unknown }>
	journal: Array<{ id: string; clientId: string; kind: 'observation' | 'hypothesis'; text: string; status: string | null; at: Date }>
	runs: Array<Record<string, unknown>>
	submissions: Array<Record<string, unknown>>
	metrics: AttemptMetricsColumns
}

const HYPOTHESES = ['An order of exactly 10 falls into the wrong tier.', 'The discount is computed from the wrong quantity.', 'Rounding eats the discount on small orders.']
const memoDiffs = new Map<string, Record<string, string>>()
const CODE: Record<'starter' | 'edited' | 'fixed', Files> = { starter: LOAD_STARTER, edited: EDITED, fixed: FIXED }
function changes(from: keyof typeof CODE, to: keyof typeof CODE) {
	const key = `${from}>${to}`
	if (!memoDiffs.has(key)) memoDiffs.set(key, diffFiles(CODE[from], CODE[to]))
	return memoDiffs.get(key)!
}

function attemptRows(random: Random, plan: PlannedAttempt, template: Template): AttemptRows {
	const at = (minute: number) => new Date(plan.start + Math.round(minute * MINUTE_MS))
	const events: AttemptRows['events'] = []
	const journal: AttemptRows['journal'] = []
	const runs: AttemptRows['runs'] = []
	const submissions: AttemptRows['submissions'] = []
	// The learner's code as the server last saved it; closures below move it on.
	const state: { draft: keyof typeof CODE } = { draft: 'starter' }
	let seq = 0
	const counters = { outsidePastes: 0, outsidePasteChars: 0, blockedPastes: 0, focusLosses: 0, awayMs: 0, hintsRevealed: 0, failedFixes: 0, draftSeq: 0 }
	const push = (type: string, minute: number, data: unknown, fromBrowser: boolean) => {
		if (fromBrowser) seq += 1
		events.push({ id: randomUUID(), position: events.length + 1, clientId: fromBrowser ? randomUUID() : null, clientSeq: fromBrowser ? seq : null, type, at: at(minute), data })
	}
	const note = (minute: number, kind: 'observation' | 'hypothesis', text: string) => {
		const clientId = randomUUID()
		journal.push({ id: randomUUID(), clientId, kind, text, status: kind === 'hypothesis' ? 'open' : null, at: at(minute) })
		push('journal.add', minute, { entryId: clientId, kind, text }, true)
		return journal.at(-1)!
	}
	const run = (minute: number, code: 'edited' | 'fixed', hypothesis: AttemptRows['journal'][number] | undefined, prediction: Prediction | null) => {
		const result = code === 'fixed' ? template.fixedRun : template.starterRun
		const passed = result.tests.filter((test) => test.status === 'pass').length
		const failed = result.tests.filter((test) => test.status === 'fail' || test.status === 'error').length
		const predictionCorrect = prediction ? scorePrediction(prediction, result) : null
		const id = randomUUID()
		const number = runs.length + 1
		runs.push({ id, number, files: CODE[code], result, status: result.status, passed, failed, hypothesisId: hypothesis?.id ?? null, prediction, predictionCorrect, createdAt: at(minute) })
		push('run', minute, { runId: id, number, status: result.status, passed, failed, hypothesisId: hypothesis?.clientId ?? null, prediction, predictionCorrect, changes: changes(state.draft, code) }, false)
		state.draft = code
	}
	const submit = (minute: number, code: 'starter' | 'fixed', category: string, grade: DiagnosisGrade) => {
		const id = randomUUID()
		const number = submissions.length + 1
		const location = { file: TIERS_FILE, startLine: ROOT_CAUSE_LINE, endLine: ROOT_CAUSE_LINE }
		submissions.push({ id, number, ...location, category, explanation: 'The tier comparison is strict, so the threshold itself misses its tier.', files: CODE[code], attested: plan.attested, ...grade, createdAt: at(minute) })
		push('submission', minute, { submissionId: id, number, location, category, ...grade, changes: changes(state.draft, code) }, false)
		if (!grade.fixCorrect) counters.failedFixes += 1
		state.draft = code
	}

	push('started', 0, { assignmentId: plan.assignment?.id ?? null }, false)
	note(1, 'observation', 'Orders of exactly 10 units pay full price.')
	push('snapshot', 1.5, { changes: changes(state.draft, 'edited') }, true)
	state.draft = 'edited'
	counters.draftSeq = seq
	const hypotheses: AttemptRows['journal'] = []
	if (plan.hypothesisMinute !== null) hypotheses.push(note(plan.hypothesisMinute, 'hypothesis', random.pick(HYPOTHESES)))
	const { firstRun, hints: hintMinutes, pastes: pasteMinutes, afterHelp, end } = schedule(plan)
	const prediction: Prediction | null = hypotheses.length ? { kind: 'test', test: plan.predictionRight ? template.failingTest : template.passingTest, outcome: 'fail' } : null
	run(firstRun, 'edited', hypotheses[0], prediction)
	if (plan.awayMinutes > 0) {
		push('focus.lost', firstRun + 0.5, {}, true)
		push('focus.regained', firstRun + 0.5 + plan.awayMinutes, { awayMs: Math.round(plan.awayMinutes * MINUTE_MS) }, true)
		counters.focusLosses += 1
		counters.awayMs += Math.round(plan.awayMinutes * MINUTE_MS)
	}
	hintMinutes.forEach((minute, index) => {
		// The second hint needs a second hypothesis first.
		if (index === 1) hypotheses.push(note(minute - 0.5, 'hypothesis', random.pick(HYPOTHESES)))
		push('hint.revealed', minute, { index }, false)
		counters.hintsRevealed = index + 1
	})
	for (const minute of pasteMinutes) {
		const chars = random.int(120, 900)
		push('paste', minute, { chars, outside: true, blocked: plan.pasteBlocked, file: TIERS_FILE }, true)
		if (plan.pasteBlocked) counters.blockedPastes += 1
		// The attempt's counter counts every outside paste, refused or not (as recordEvents does).
		counters.outsidePastes += 1
		counters.outsidePasteChars += chars
	}
	plan.wrong.forEach((kind, index) => {
		const when = Math.max(afterHelp + 1 + index, end * (0.5 + 0.15 * index))
		if (kind === 'failedFix') submit(when, 'starter', ROOT_CAUSE.category, template.failedFix)
		else submit(when, 'fixed', WRONG_CATEGORY, template.wrongCategory)
	})
	if (plan.solved) {
		// A run of the fix first, unless the code already holds it (a working fix submitted under the wrong category).
		if (plan.wrong.at(-1) !== 'wrongCategory') run(end - 1, 'fixed', hypotheses.at(-1), null)
		submit(end, 'fixed', ROOT_CAUSE.category, template.right)
	} else {
		push('gave-up', end, {}, false)
	}
	const finishedAt = at(end)

	const timeline: TimelineEvent[] = events.map((event) => ({ position: event.position, type: event.type, at: event.at, data: event.data }))
	const lastSubmission = submissions.at(-1)
	const attested = lastSubmission ? (lastSubmission.attested as boolean) : false
	const metrics = metricsColumns(attemptMetrics(timeline, { attested }), { solved: plan.solved, firstAttempt: plan.firstAttempt, startedAt: new Date(plan.start), finishedAt, attested })
	// Ratings were played from the plan; the timeline must say the same.
	if (finishedAt.getTime() !== plan.finishedAt || metrics.hintsUsed !== plan.hints || metrics.outsidePastes !== (plan.pasteBlocked ? 0 : plan.pastes)) {
		throw new Error(`The generated timeline of attempt ${plan.id} disagrees with its plan.`)
	}
	return {
		attempt: {
			id: plan.id,
			userId: plan.engineer.id,
			exerciseId: plan.exercise.id,
			exerciseVersionId: plan.exercise.versionId,
			assignmentId: plan.assignment?.id ?? null,
			status: plan.solved ? 'solved' : 'gave_up',
			hintsAllowed: plan.assignment?.hintsAllowed ?? true,
			pasteBlocked: plan.pasteBlocked,
			draft: CODE[state.draft],
			draftSeq: counters.draftSeq,
			eventCount: events.length,
			runCount: runs.length,
			submissionCount: submissions.length,
			failedFixCount: counters.failedFixes,
			hintsRevealed: counters.hintsRevealed,
			outsidePastes: counters.outsidePastes,
			outsidePasteChars: counters.outsidePasteChars,
			blockedPastes: counters.blockedPastes,
			focusLosses: counters.focusLosses,
			awayMs: counters.awayMs,
			startedAt: new Date(plan.start),
			lastActiveAt: finishedAt,
			finishedAt,
		},
		events,
		journal,
		runs,
		submissions,
		metrics,
	}
}

// ---------------------------------------------------------------------------------------
// Bulk writing: one INSERT … SELECT FROM unnest(…) per table and chunk.

type Column = [name: string, arrayType: string, cast?: string]

async function insertRows(db: Pick<PrismaClient, '$executeRawUnsafe'>, table: string, columns: Column[], rows: unknown[][]) {
	if (rows.length === 0) return
	const names = columns.map(([name]) => `"${name}"`).join(', ')
	const selected = columns.map(([, , cast], index) => `c${index}${cast ? `::${cast}` : ''}`).join(', ')
	const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')
	const aliases = columns.map((_, index) => `c${index}`).join(', ')
	const values = columns.map((_, index) => rows.map((row) => row[index] ?? null))
	await db.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT ${selected} FROM unnest(${arrays}) AS t(${aliases})`, ...values)
}

const iso = (date: Date | number) => new Date(date).toISOString()
const json = (value: unknown) => JSON.stringify(value)

// ---------------------------------------------------------------------------------------

/** Deletes the load organisation (everything in it cascades) and its synthetic exercises. */
export async function removeLoadOrganization(prisma: PrismaClient) {
	const admin = await prisma.user.findUnique({ where: { email: LOAD_ADMIN_EMAIL }, select: { organizationId: true } })
	if (admin) await prisma.organization.delete({ where: { id: admin.organizationId }, select: { id: true } })
	await prisma.exercise.deleteMany({ where: { slug: { startsWith: LOAD_SLUG_PREFIX } } })
}

/** Replaces the load organisation with a freshly generated one. `log` hears about progress. */
export async function loadOrganization(prisma: PrismaClient, overrides: Partial<LoadOptions> = {}, log: (message: string) => void = () => {}): Promise<LoadSummary> {
	const started = performance.now()
	const options = { ...DEFAULT_LOAD, now: new Date(), ...overrides }
	const random = createRandom(options.seed)
	const now = options.now
	await removeLoadOrganization(prisma)
	const template = await templateResults()
	const { hashPassword } = await import('#app/utils/password.server.ts')
	const passwordHash = await hashPassword(LOAD_PASSWORD)

	// People and teams.
	const organizationId = randomUUID()
	await prisma.organization.create({ data: { id: organizationId, name: LOAD_ORGANIZATION_NAME, createdAt: new Date(now.getTime() - 400 * DAY_MS) }, select: { id: true } })
	const adminId = randomUUID()
	const teams = Array.from({ length: options.teams }, (_, index) => ({ id: randomUUID(), name: `Team ${String(index + 1).padStart(2, '0')}`, leadId: randomUUID() }))
	const engineers: Engineer[] = Array.from({ length: options.engineers }, (_, index) => {
		const strengths = new Map<string, number>()
		for (let i = 0; i < 3; i++) strengths.set(random.pick(TOPIC_IDS), random.between(-150, 150))
		return {
			id: randomUUID(),
			teamIndex: index % options.teams,
			skill: Math.round(1450 + (random.next() + random.next() + random.next() - 1.5) * 350),
			growth: random.between(0, 40),
			strengths,
			hints: random.between(0, 0.7),
			pastes: random.chance(0.2) ? random.between(0.1, 0.5) : 0.02,
			method: random.between(0.2, 0.95),
		}
	})
	const userRows: unknown[][] = [
		[adminId, LOAD_ADMIN_EMAIL, 'Load Admin', 'admin'],
		...teams.map((team, index) => [team.leadId, `lead-${String(index + 1).padStart(2, '0')}@${LOAD_EMAIL_DOMAIN}`, `Lead ${String(index + 1).padStart(2, '0')}`, 'member']),
		...engineers.map((engineer, index) => [engineer.id, `engineer-${String(index + 1).padStart(3, '0')}@${LOAD_EMAIL_DOMAIN}`, `Engineer ${String(index + 1).padStart(3, '0')}`, 'member']),
	]
	const joined = iso(now.getTime() - 380 * DAY_MS)
	await insertRows(
		prisma,
		'User',
		[['id', 'text'], ['email', 'text'], ['name', 'text'], ['orgRole', 'text', '"OrgRole"'], ['organizationId', 'text'], ['passwordHash', 'text'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
		userRows.map((row) => [...row, organizationId, passwordHash, joined, joined]),
	)
	await insertRows(
		prisma,
		'Team',
		[['id', 'text'], ['organizationId', 'text'], ['name', 'text'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
		teams.map((team) => [team.id, organizationId, team.name, joined, joined]),
	)
	await insertRows(
		prisma,
		'Membership',
		[['id', 'text'], ['organizationId', 'text'], ['teamId', 'text'], ['userId', 'text'], ['role', 'text', '"TeamRole"'], ['createdAt', 'timestamp(3)']],
		[
			...teams.map((team) => [randomUUID(), organizationId, team.id, team.leadId, 'lead', joined]),
			...engineers.map((engineer) => [randomUUID(), organizationId, teams[engineer.teamIndex]!.id, engineer.id, 'learner', joined]),
		],
	)
	log(`Created ${engineers.length} engineers and ${teams.length} leads in ${teams.length} teams.`)

	// Synthetic exercises, retired from the start so no catalogue offers them.
	const exercises: LoadExercise[] = Array.from({ length: options.exercises }, (_, index) => {
		const topics = new Set<string>([random.pick(TOPIC_IDS)])
		while (topics.size < random.int(1, 3)) topics.add(random.pick(TOPIC_IDS))
		return { id: randomUUID(), versionId: randomUUID(), index, topics: [...topics], difficulty: Math.round(random.between(800, 2200) / 10) * 10, estimatedMinutes: random.int(15, 45) }
	})
	const retiredAt = iso(now.getTime() - 400 * DAY_MS)
	const metadataOf = (exercise: LoadExercise) => loadExerciseMetadata(exercise.index, exercise.topics, exercise.difficulty, exercise.estimatedMinutes)
	await insertRows(
		prisma,
		'Exercise',
		[['id', 'text'], ['slug', 'text'], ['uuid', 'text'], ['kind', 'text'], ['title', 'text'], ['difficulty', 'int4'], ['retiredAt', 'timestamp(3)'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
		exercises.map((exercise) => {
			const metadata = metadataOf(exercise)
			return [exercise.id, metadata.slug, metadata.uuid, 'debugging', metadata.title, exercise.difficulty, retiredAt, retiredAt, retiredAt]
		}),
	)
	await insertRows(
		prisma,
		'ExerciseVersion',
		[['id', 'text'], ['exerciseId', 'text'], ['number', 'int4'], ['contentHash', 'text'], ['metadata', 'text', 'jsonb'], ['brief', 'text'], ['publicFiles', 'text', 'jsonb'], ['hiddenTests', 'text', 'jsonb'], ['solution', 'text', 'jsonb'], ['createdAt', 'timestamp(3)']],
		exercises.map((exercise) => [
			exercise.versionId,
			exercise.id,
			1,
			`load-${exercise.index}`,
			json(metadataOf(exercise)),
			'# Volume discount missing at the threshold\n\nCustomers ordering exactly 10 units report that the 5% volume discount is not applied.\n',
			json({ ...LOAD_STARTER, ...VISIBLE_TESTS }),
			json(HIDDEN_TESTS),
			json(SOLUTION),
			retiredAt,
		]),
	)
	await prisma.$executeRaw`UPDATE "Exercise" e SET "currentVersionId" = v."id" FROM "ExerciseVersion" v WHERE v."exerciseId" = e."id" AND e."slug" LIKE ${`${LOAD_SLUG_PREFIX}%`}`

	// Assignments: each team gets one every three weeks, due ten days later.
	const yearStart = now.getTime() - 366 * DAY_MS
	const assignments: LoadAssignment[] = []
	for (const [teamIndex] of teams.entries()) {
		for (let createdAt = yearStart + random.between(1, 20) * DAY_MS; createdAt < now.getTime() - 12 * DAY_MS; createdAt += 21 * DAY_MS) {
			assignments.push({ id: randomUUID(), teamIndex, exercise: random.pick(exercises), createdAt: Math.round(createdAt), dueAt: Math.round(createdAt + 10 * DAY_MS), hintsAllowed: !random.chance(0.3), pasteBlocked: random.chance(0.4) })
		}
	}
	await insertRows(
		prisma,
		'Assignment',
		[['id', 'text'], ['organizationId', 'text'], ['teamId', 'text'], ['exerciseId', 'text'], ['createdById', 'text'], ['dueAt', 'timestamp(3)'], ['hintsAllowed', 'bool'], ['pasteBlocked', 'bool'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
		assignments.map((assignment) => [assignment.id, organizationId, teams[assignment.teamIndex]!.id, assignment.exercise.id, teams[assignment.teamIndex]!.leadId, iso(assignment.dueAt), assignment.hintsAllowed, assignment.pasteBlocked, iso(assignment.createdAt), iso(assignment.createdAt)]),
	)

	// Timelines first (they fix each attempt's finishing moment), then ratings in finishing order.
	// Ratings are played from the plans in finishing order (as the finishing transactions
	// would have); the rows of each attempt are generated later, a chunk at a time.
	const plans = planAttempts(random, engineers, exercises, assignments, options)
	const ratingRows: unknown[][] = []
	const exerciseRatings = new Map<string, RatingState>()
	const skills = new Map<string, Map<string, RatingState & { lastPlayedAt: number }>>()
	for (const plan of plans.filter((candidate) => candidate.firstAttempt).sort((a, b) => a.finishedAt - b.finishedAt)) {
		const outcome = { solved: plan.solved, hintsRevealed: plan.hints, outsidePastes: plan.pasteBlocked ? 0 : plan.pastes }
		const exercise = exerciseRatings.get(plan.exercise.id) ?? startingExercise(plan.exercise.difficulty)
		const own = skills.get(plan.engineer.id) ?? new Map<string, RatingState & { lastPlayedAt: number }>()
		const game = playFirstAttempt(exercise, own, [...plan.exercise.topics].sort(), outcome)
		exerciseRatings.set(plan.exercise.id, game.exercise.after)
		for (const { topic, before, after } of game.topics) {
			own.set(topic, { ...after, lastPlayedAt: plan.finishedAt })
			ratingRows.push([randomUUID(), plan.id, organizationId, plan.engineer.id, plan.exercise.id, topic, iso(plan.finishedAt), before.rating, after.rating, before.rd, after.rd, after.rating - before.rating, game.weight, outcome.solved, outcome.hintsRevealed, outcome.outsidePastes, exercise.rating, iso(plan.finishedAt)])
		}
		skills.set(plan.engineer.id, own)
	}
	log(`Planned ${plans.length} attempts and played their ratings.`)

	// Reviews by each team's lead, for a quarter of the finished work, a day or so later.
	const reviews: unknown[][] = []
	for (const plan of plans) {
		if (!random.chance(0.25)) continue
		const at = plan.finishedAt + random.between(0.1, 3) * DAY_MS
		if (at >= now.getTime()) continue
		const base = plan.solved ? 3 : 1
		const scores = Object.fromEntries(RUBRIC.map((criterion) => [criterion.id, Math.max(0, Math.min(4, base + random.int(-1, 1)))]))
		const summary = plan.solved
			? 'Found the strict comparison and fixed it at the threshold. Next time, write the boundary cases down before the first run.'
			: 'Stopped before the tier lookup was checked by hand; walk through 9, 10 and 11 units together next week.'
		reviews.push([randomUUID(), organizationId, plan.id, teams[plan.engineer.teamIndex]!.leadId, json(scores), rubricPercent(RUBRIC, scores), summary, 1, at < now.getTime() - 7 * DAY_MS ? iso(at + DAY_MS) : null, iso(at), iso(at)])
	}

	// Everything per attempt, in chunks of engineers, each chunk in one transaction.
	const byEngineer = new Map<string, PlannedAttempt[]>()
	for (const plan of plans) byEngineer.set(plan.engineer.id, [...(byEngineer.get(plan.engineer.id) ?? []), plan])
	const totals = { events: 0, journalEntries: 0, runs: 0, submissions: 0 }
	const ratingsByAttempt = new Map<string, unknown[][]>()
	for (const row of ratingRows) ratingsByAttempt.set(row[1] as string, [...(ratingsByAttempt.get(row[1] as string) ?? []), row])
	const reviewsByAttempt = new Map(reviews.map((review) => [review[2] as string, review]))
	for (let index = 0; index < engineers.length; index += CHUNK_ENGINEERS) {
		const chunk = engineers.slice(index, index + CHUNK_ENGINEERS).flatMap((engineer) => byEngineer.get(engineer.id) ?? [])
		const chunkRows = chunk.map((plan) => attemptRows(random, plan, template))
		await prisma.$transaction(
			async (tx) => {
				await insertAttempts(tx, organizationId, chunkRows)
				await insertRows(
					tx,
					'RatingChange',
					[['id', 'text'], ['attemptId', 'text'], ['organizationId', 'text'], ['userId', 'text'], ['exerciseId', 'text'], ['topic', 'text'], ['at', 'timestamp(3)'], ['ratingBefore', 'float8'], ['ratingAfter', 'float8'], ['rdBefore', 'float8'], ['rdAfter', 'float8'], ['delta', 'float8'], ['weight', 'float8'], ['solved', 'bool'], ['hintsRevealed', 'int4'], ['outsidePastes', 'int4'], ['exerciseRating', 'float8'], ['createdAt', 'timestamp(3)']],
					chunk.flatMap((plan) => ratingsByAttempt.get(plan.id) ?? []),
				)
				await insertRows(
					tx,
					'Review',
					[['id', 'text'], ['organizationId', 'text'], ['attemptId', 'text'], ['reviewerId', 'text'], ['scores', 'text', 'jsonb'], ['percent', 'int4'], ['summary', 'text'], ['version', 'int4'], ['seenAt', 'timestamp(3)'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
					chunk.flatMap((plan) => (reviewsByAttempt.has(plan.id) ? [reviewsByAttempt.get(plan.id)!] : [])),
				)
			},
			{ timeout: 600_000, maxWait: 60_000 },
		)
		for (const attempt of chunkRows) {
			totals.events += attempt.events.length
			totals.journalEntries += attempt.journal.length
			totals.runs += attempt.runs.length
			totals.submissions += attempt.submissions.length
		}
		log(`  wrote the attempts of ${Math.min(index + CHUNK_ENGINEERS, engineers.length)} of ${engineers.length} engineers (${Math.round((performance.now() - started) / 1000)} s)`)
	}

	// The ratings as they stand after the last game, and a note per engineer from their lead.
	const skillRows = [...skills].flatMap(([userId, topics]) => [...topics].map(([topic, state]) => [randomUUID(), organizationId, userId, topic, state.rating, state.rd, state.volatility, state.games, iso(state.lastPlayedAt), iso(state.lastPlayedAt), iso(state.lastPlayedAt)]))
	await insertRows(
		prisma,
		'SkillRating',
		[['id', 'text'], ['organizationId', 'text'], ['userId', 'text'], ['topic', 'text'], ['rating', 'float8'], ['rd', 'float8'], ['volatility', 'float8'], ['games', 'int4'], ['lastPlayedAt', 'timestamp(3)'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
		skillRows,
	)
	await insertRows(
		prisma,
		'ExerciseRating',
		[['exerciseId', 'text'], ['rating', 'float8'], ['rd', 'float8'], ['volatility', 'float8'], ['games', 'int4'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
		[...exerciseRatings].map(([exerciseId, state]) => [exerciseId, state.rating, state.rd, state.volatility, state.games, iso(now), iso(now)]),
	)
	await insertRows(
		prisma,
		'GrowthNote',
		[['id', 'text'], ['organizationId', 'text'], ['userId', 'text'], ['authorId', 'text'], ['body', 'text'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
		engineers.map((engineer) => {
			const at = iso(now.getTime() - random.between(5, 300) * DAY_MS)
			return [randomUUID(), organizationId, engineer.id, teams[engineer.teamIndex]!.leadId, 'Talked through the quarter: hypotheses come earlier; fewer hints next quarter.', at, at]
		}),
	)

	// A bulk load leaves the planner guessing; PostgreSQL's autovacuum would catch up soon,
	// PGlite has none. Fresh statistics make the measured plans the ones a live system uses.
	if (options.analyze) {
		for (const table of LOADED_TABLES) await prisma.$executeRawUnsafe(`ANALYZE "${table}"`)
		log('Analyzed the loaded tables.')
	}

	return {
		organizationId,
		engineers: engineers.length,
		teams: teams.length,
		exercises: exercises.length,
		attempts: plans.length,
		firstAttempts: plans.filter((plan) => plan.firstAttempt).length,
		events: totals.events,
		journalEntries: totals.journalEntries,
		runs: totals.runs,
		submissions: totals.submissions,
		reviews: reviews.length,
		assignments: assignments.length,
		ratingChanges: ratingRows.length,
		durationMs: Math.round(performance.now() - started),
	}
}

async function insertAttempts(tx: Pick<PrismaClient, '$executeRawUnsafe'>, organizationId: string, attempts: AttemptRows[]) {
	await insertRows(
		tx,
		'Attempt',
		[
			['id', 'text'], ['organizationId', 'text'], ['userId', 'text'], ['exerciseId', 'text'], ['exerciseVersionId', 'text'], ['assignmentId', 'text'], ['status', 'text', '"AttemptStatus"'],
			['hintsAllowed', 'bool'], ['pasteBlocked', 'bool'], ['draft', 'text', 'jsonb'], ['draftSeq', 'int4'], ['eventCount', 'int4'], ['runCount', 'int4'], ['submissionCount', 'int4'], ['failedFixCount', 'int4'],
			['hintsRevealed', 'int4'], ['outsidePastes', 'int4'], ['outsidePasteChars', 'int4'], ['blockedPastes', 'int4'], ['focusLosses', 'int4'], ['awayMs', 'int4'],
			['startedAt', 'timestamp(3)'], ['lastActiveAt', 'timestamp(3)'], ['finishedAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)'],
		],
		attempts.map(({ attempt: a }) => [
			a.id, organizationId, a.userId, a.exerciseId, a.exerciseVersionId, a.assignmentId, a.status, a.hintsAllowed, a.pasteBlocked, json(a.draft), a.draftSeq, a.eventCount, a.runCount, a.submissionCount, a.failedFixCount,
			a.hintsRevealed, a.outsidePastes, a.outsidePasteChars, a.blockedPastes, a.focusLosses, a.awayMs, iso(a.startedAt as Date), iso(a.lastActiveAt as Date), iso(a.finishedAt as Date), iso(a.finishedAt as Date),
		]),
	)
	await insertRows(
		tx,
		'AttemptEvent',
		[['id', 'text'], ['attemptId', 'text'], ['position', 'int4'], ['clientId', 'text'], ['clientSeq', 'int4'], ['type', 'text'], ['at', 'timestamp(3)'], ['data', 'text', 'jsonb'], ['createdAt', 'timestamp(3)']],
		attempts.flatMap(({ attempt, events }) => events.map((event) => [event.id, attempt.id, event.position, event.clientId, event.clientSeq, event.type, iso(event.at), json(event.data), iso(event.at)])),
	)
	await insertRows(
		tx,
		'JournalEntry',
		[['id', 'text'], ['attemptId', 'text'], ['clientId', 'text'], ['kind', 'text', '"JournalEntryKind"'], ['text', 'text'], ['status', 'text', '"HypothesisStatus"'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
		attempts.flatMap(({ attempt, journal }) => journal.map((entry) => [entry.id, attempt.id, entry.clientId, entry.kind, entry.text, entry.status, iso(entry.at), iso(entry.at)])),
	)
	await insertRows(
		tx,
		'Run',
		[['id', 'text'], ['attemptId', 'text'], ['number', 'int4'], ['files', 'text', 'jsonb'], ['result', 'text', 'jsonb'], ['status', 'text'], ['passed', 'int4'], ['failed', 'int4'], ['hypothesisId', 'text'], ['prediction', 'text', 'jsonb'], ['predictionCorrect', 'bool'], ['createdAt', 'timestamp(3)']],
		attempts.flatMap(({ attempt, runs }) => runs.map((run) => [run.id, attempt.id, run.number, json(run.files), json(run.result), run.status, run.passed, run.failed, run.hypothesisId, run.prediction ? json(run.prediction) : null, run.predictionCorrect, iso(run.createdAt as Date)])),
	)
	await insertRows(
		tx,
		'Submission',
		[
			['id', 'text'], ['attemptId', 'text'], ['number', 'int4'], ['file', 'text'], ['startLine', 'int4'], ['endLine', 'int4'], ['category', 'text'], ['explanation', 'text'], ['files', 'text', 'jsonb'], ['attested', 'bool'],
			['locationCorrect', 'bool'], ['categoryCorrect', 'bool'], ['fixCorrect', 'bool'], ['correct', 'bool'], ['testsPassed', 'int4'], ['testsFailed', 'int4'], ['createdAt', 'timestamp(3)'],
		],
		attempts.flatMap(({ attempt, submissions }) =>
			submissions.map((s) => [s.id, attempt.id, s.number, s.file, s.startLine, s.endLine, s.category, s.explanation, json(s.files), s.attested, s.locationCorrect, s.categoryCorrect, s.fixCorrect, s.correct, s.testsPassed, s.testsFailed, iso(s.createdAt as Date)]),
		),
	)
	await insertRows(
		tx,
		'AttemptMetrics',
		[
			['attemptId', 'text'], ['organizationId', 'text'], ['userId', 'text'], ['exerciseId', 'text'], ['solved', 'bool'], ['firstAttempt', 'bool'], ['startedAt', 'timestamp(3)'], ['finishedAt', 'timestamp(3)'], ['durationMs', 'int4'],
			['timeToFirstHypothesisMs', 'int4'], ['timeToRootCauseMs', 'int4'], ['runsPerDiagnosis', 'int4'], ['runs', 'int4'], ['predictionsScored', 'int4'], ['predictionsRight', 'int4'], ['submissions', 'int4'],
			['failedFixes', 'int4'], ['rework', 'int4'], ['hintsUsed', 'int4'], ['outsidePastes', 'int4'], ['attested', 'bool'], ['independent', 'bool'], ['createdAt', 'timestamp(3)'],
		],
		attempts.map(({ attempt, metrics: m }) => [
			attempt.id, organizationId, attempt.userId, attempt.exerciseId, m.solved, m.firstAttempt, iso(m.startedAt), iso(m.finishedAt), m.durationMs, m.timeToFirstHypothesisMs, m.timeToRootCauseMs, m.runsPerDiagnosis, m.runs,
			m.predictionsScored, m.predictionsRight, m.submissions, m.failedFixes, m.rework, m.hintsUsed, m.outsidePastes, m.attested, m.independent, iso(m.finishedAt),
		]),
	)
}

// ---------------------------------------------------------------------------------------
// Measuring the growth reads on the load organisation

export type ReadTimings = Record<string, { p50: number; p95: number; max: number; samples: number }>

/**
 * Times each growth read on the load organisation, `samples` calls each after two to warm up,
 * cycling through different teams, engineers and exercises so caches do not flatter them.
 * Server time of the data access only (no rendering). The process-wide database must be the
 * one loaded (useDatabase).
 */
export async function measureReads(prisma: PrismaClient, samples = 40, now = new Date()): Promise<ReadTimings> {
	const [{ getTeamGrowth }, { getEngineerProfile }, { getGrowthReport }, { getExerciseAnalytics }, { getRatingExplanation }] = await Promise.all([
		import('#app/models/growth/team-growth.server.ts'),
		import('#app/models/growth/engineer-profile.server.ts'),
		import('#app/models/growth/growth-report.server.ts'),
		import('#app/models/growth/exercise-analytics.server.ts'),
		import('#app/models/growth/rating-explanation.server.ts'),
	])
	const admin = await prisma.user.findUniqueOrThrow({ where: { email: LOAD_ADMIN_EMAIL }, select: { organizationId: true } })
	const organizationId = admin.organizationId
	const [teams, engineers, exercises, rated] = await Promise.all([
		prisma.team.findMany({ where: { organizationId }, orderBy: { name: 'asc' }, select: { id: true } }),
		prisma.membership.findMany({ where: { organizationId, role: 'learner' }, orderBy: { userId: 'asc' }, select: { userId: true } }),
		prisma.exercise.findMany({ where: { slug: { startsWith: LOAD_SLUG_PREFIX } }, orderBy: { slug: 'asc' }, select: { id: true } }),
		prisma.ratingChange.findMany({ where: { organizationId }, orderBy: { id: 'asc' }, take: samples + 2, select: { attemptId: true, userId: true } }),
	])
	// Spread over the population: a stride that is coprime with its size visits different rows each call.
	const nth = <T>(items: T[], index: number) => items[(index * 7919) % items.length]!
	const quarter = { from: new Date(now.getTime() - 91 * DAY_MS), to: now }
	const year = { from: new Date(now.getTime() - 365 * DAY_MS), to: now }
	const reads: Record<string, (index: number) => Promise<unknown>> = {
		'team dashboard': (index) => getTeamGrowth(organizationId, nth(teams, index).id, now),
		'engineer profile': (index) => getEngineerProfile(organizationId, nth(engineers, index).userId, now),
		'growth report (quarter)': (index) => getGrowthReport(organizationId, nth(engineers, index + 1).userId, quarter),
		'growth report (year)': (index) => getGrowthReport(organizationId, nth(engineers, index + 2).userId, year),
		'exercise analytics': (index) => getExerciseAnalytics(nth(exercises, index).id, { organizationId }),
		'rating explanation': (index) => getRatingExplanation(nth(rated, index).attemptId, nth(rated, index).userId),
	}
	const timings: ReadTimings = {}
	for (const [name, read] of Object.entries(reads)) {
		for (let index = 0; index < 2; index++) await read(samples + index)
		const times: number[] = []
		for (let index = 0; index < samples; index++) {
			const started = performance.now()
			await read(index)
			times.push(performance.now() - started)
		}
		times.sort((a, b) => a - b)
		const at = (share: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(share * times.length) - 1)]! * 10) / 10
		timings[name] = { p50: at(0.5), p95: at(0.95), max: at(1), samples }
	}
	return timings
}

// ---------------------------------------------------------------------------------------
// The command

const USAGE = `Usage: npm run seed:load -- [--database <url>] [--engineers N] [--teams N] [--attempts N] [--exercises N] [--seed N] [--measure | --measure-only] [--no-analyze] [--remove]
  Replaces the load-test organisation "${LOAD_ORGANIZATION_NAME}" (default: 500 engineers in 50 teams, 200 attempts each).
  --database      pglite:<dir> or postgres://… (default: DATABASE_URL, else the embedded database in ./data/pglite)
  --measure       afterwards, time the growth reads (team dashboard, profile, report, analytics) and print p50/p95
  --measure-only  time the reads on the load organisation already there, without loading
  --no-analyze    skip ANALYZE after loading (to see plans without statistics)
  --remove        only delete the load organisation and its synthetic exercises`

type LoadCommand = { ok: true; database: string | undefined; remove: boolean; measure: 'no' | 'after' | 'only'; options: Partial<LoadOptions> }

export function parseLoadArgs(argv: string[]): LoadCommand | { ok: false; message: string } {
	const options: Partial<LoadOptions> = {}
	let database: string | undefined
	let remove = false
	let measure: LoadCommand['measure'] = 'no'
	const numbers: Record<string, keyof LoadOptions> = { '--engineers': 'engineers', '--teams': 'teams', '--attempts': 'attemptsPerEngineer', '--exercises': 'exercises', '--seed': 'seed' }
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i]!
		if (flag === '--remove') remove = true
		else if (flag === '--measure') measure = 'after'
		else if (flag === '--measure-only') measure = 'only'
		else if (flag === '--no-analyze') options.analyze = false
		else if (flag === '--database') {
			database = argv[++i]
			if (!database) return { ok: false, message: '--database needs a URL' }
		} else if (flag in numbers) {
			const value = Number(argv[++i])
			if (!Number.isInteger(value) || value < 1) return { ok: false, message: `${flag} needs a whole number of at least 1` }
			;(options as Record<string, number>)[numbers[flag]!] = value
		} else return { ok: false, message: `Unknown option ${flag}` }
	}
	if ((options.teams ?? DEFAULT_LOAD.teams) > (options.engineers ?? DEFAULT_LOAD.engineers)) return { ok: false, message: 'There must be at least as many engineers as teams.' }
	return { ok: true, database, remove, measure, options }
}

async function main(argv: string[]) {
	const parsed = parseLoadArgs(argv)
	if (!parsed.ok) {
		console.error(`${parsed.message}\n${USAGE}`)
		return 2
	}
	const { createDatabase, useDatabase } = await import('#app/utils/db.server.ts')
	const { migrate } = await import('#app/utils/migrate.server.ts')
	const { getDefaultPool } = await import('#app/runner/index.ts')
	const url = parsed.database ?? process.env.DATABASE_URL
	const database = createDatabase(url, { defaultDataDir: path.join(process.env.DATA_DIR || './data', 'pglite') })
	useDatabase(database)
	const where = database.kind === 'postgres' ? 'PostgreSQL' : 'the embedded PGlite database'
	try {
		await migrate(database.prisma)
		if (parsed.measure === 'only') {
			printTimings(await measureReads(database.prisma), where)
			return 0
		}
		if (parsed.remove) {
			await removeLoadOrganization(database.prisma)
			console.log(`Removed "${LOAD_ORGANIZATION_NAME}" and its synthetic exercises.`)
			return 0
		}
		const summary = await loadOrganization(database.prisma, parsed.options, (message) => console.log(message))
		console.log(
			`Loaded "${LOAD_ORGANIZATION_NAME}" into ${where} in ${(summary.durationMs / 1000).toFixed(1)} s: ` +
				`${summary.engineers} engineers in ${summary.teams} teams, ${summary.attempts} attempts (${summary.firstAttempts} rated), ${summary.events} timeline events, ` +
				`${summary.journalEntries} journal entries, ${summary.runs} runs, ${summary.submissions} submissions, ${summary.reviews} reviews, ${summary.assignments} assignments, ` +
				`${summary.ratingChanges} rating changes, ${summary.exercises} synthetic exercises.\n` +
				`Log in as lead-01@${LOAD_EMAIL_DOMAIN} (password ${LOAD_PASSWORD}) to see a team; remove it with npm run seed:load -- --remove.`,
		)
		if (parsed.measure === 'after') printTimings(await measureReads(database.prisma), where)
		return 0
	} catch (error) {
		console.error(error instanceof Error ? error.message : error)
		return 1
	} finally {
		// Only loading used the sandbox (once, for the synthetic exercise's results).
		if (!parsed.remove && parsed.measure !== 'only') await getDefaultPool().close()
		await database.close()
	}
}

function printTimings(timings: ReadTimings, where: string) {
	console.log(`Growth reads on ${where} (ms of server time, ${Object.values(timings)[0]?.samples ?? 0} calls each):`)
	for (const [name, timing] of Object.entries(timings)) console.log(`  ${name.padEnd(24)} p50 ${String(timing.p50).padStart(6)}   p95 ${String(timing.p95).padStart(6)}   max ${String(timing.max).padStart(6)}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	assertSupportedNode('seed:load')
	process.exitCode = await main(process.argv.slice(2))
}
