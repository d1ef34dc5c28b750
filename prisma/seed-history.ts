// Six months of simulated practice for the demo organisation, so a fresh install shows
// ratings that moved, trends, reviews and growth reports instead of empty charts. Learners
// of different true skill work through the catalogue and their lead's assignments; every
// step goes through the code that records real attempts (startAttempt, recordEvents,
// recordRun, revealHint, submitDiagnosis, giveUp, createAssignments, saveReview), with the
// simulated moment as `now`, and runs and gradings go through the real sandbox. A seeded
// PRNG makes the same plan every time, relative to `now`.
//
// It is not part of seedDemo(), which the test suites call: they must stay fast.
import type { Prisma } from '#app/generated/prisma/client.ts'
import { locationMatches, mapToStarterLines } from '#app/attempts/grading.ts'
import type { Prediction } from '#app/attempts/prediction.ts'
import { solvedSrc } from '#app/exercises/exercise-folder.ts'
import type { ExerciseMetadata, SourceLocation } from '#app/exercises/schema.ts'
import { ROOT_CAUSE_CATEGORY_IDS, type RootCauseCategoryId } from '#app/exercises/taxonomy.ts'
import type { TopicId } from '#app/exercises/topics.ts'
import { createAssignments } from '#app/models/assignment.server.ts'
import { srcFiles, visibleTestFiles } from '#app/attempts/files.ts'
import { recordEvents } from '#app/models/attempt/events.server.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt, type AttemptOwner } from '#app/models/attempt/guard.server.ts'
import { revealHint } from '#app/models/attempt/hint.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { recordRun } from '#app/models/attempt/run.server.ts'
import { submitDiagnosis } from '#app/models/attempt/submit.server.ts'
import { addGrowthNote } from '#app/models/growth/growth-note.server.ts'
import { findReviewableAttempt, saveReview, type Reviewer } from '#app/models/review.server.ts'
import type { RubricCriterion } from '#app/reviews/rubric.ts'
import { runTests } from '#app/runner/index.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { createRandom, type Random } from '#app/utils/random.ts'
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_TEAM_NAME } from './seed/demo.ts'

type Files = Record<string, string>

export const HISTORY_SEEDED_ACTION = 'organization.history-seeded'
export const SECOND_TEAM_NAME = 'Payments Core'
const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
const DEFAULT_DAYS = 182
const DEFAULT_SEED = 20_261_202

/**
 * A simulated learner. `skill` is their true strength on the rating scale at the start and
 * `growth` what they gain a month; `strengths` shifts it per topic. The tendencies (0–1) say
 * how readily they reveal hints and paste from outside, how careful their method is
 * (hypotheses first, predictions that come true) and how reliably they do assigned work.
 */
type Persona = {
	email: string
	name: string
	team: string
	skill: number
	growth: number
	strengths: Partial<Record<TopicId, number>>
	/** Self-chosen first attempts a month, on top of assignments. */
	pace: number
	hints: number
	pastes: number
	method: number
	diligence: number
}

const PERSONAS: Persona[] = [
	{
		email: 'ada@hardmode.dev',
		name: 'Ada Moreno',
		team: DEMO_TEAM_NAME,
		skill: 1650,
		growth: 12,
		strengths: { concurrency: 120, async: 80, text: -100 },
		pace: 1.6,
		hints: 0.1,
		pastes: 0.02,
		method: 0.9,
		diligence: 0.95,
	},
	{
		email: 'grace@hardmode.dev',
		name: 'Grace Okafor',
		team: DEMO_TEAM_NAME,
		skill: 1300,
		growth: 55,
		strengths: { 'data-integrity': 80, numbers: -60 },
		pace: 1.4,
		hints: 0.6,
		pastes: 0.05,
		method: 0.55,
		diligence: 0.9,
	},
	{
		email: 'linus@hardmode.dev',
		name: 'Linus Berg',
		team: DEMO_TEAM_NAME,
		skill: 1200,
		growth: 10,
		strengths: { performance: 100, reliability: -80 },
		pace: 0.9,
		hints: 0.7,
		pastes: 0.35,
		method: 0.3,
		diligence: 0.6,
	},
	{
		email: 'priya@hardmode.dev',
		name: 'Priya Nair',
		team: DEMO_TEAM_NAME,
		skill: 1520,
		growth: 20,
		strengths: { time: 120, caching: 60 },
		pace: 1.2,
		hints: 0.25,
		pastes: 0.05,
		method: 0.75,
		diligence: 0.85,
	},
	{
		email: 'tomas@hardmode.dev',
		name: 'Tomás Ruiz',
		team: DEMO_TEAM_NAME,
		skill: 1100,
		growth: 65,
		strengths: { validation: 70, concurrency: -90 },
		pace: 1.8,
		hints: 0.8,
		pastes: 0.1,
		method: 0.45,
		diligence: 0.8,
	},
	{
		email: 'mei@hardmode.dev',
		name: 'Mei Chen',
		team: SECOND_TEAM_NAME,
		skill: 1800,
		growth: 5,
		strengths: { concurrency: 150, numbers: -120 },
		pace: 1,
		hints: 0.05,
		pastes: 0,
		method: 0.95,
		diligence: 0.9,
	},
	{
		email: 'jonas@hardmode.dev',
		name: 'Jonas Weber',
		team: SECOND_TEAM_NAME,
		skill: 1350,
		growth: 25,
		strengths: { errors: 90 },
		pace: 1.3,
		hints: 0.4,
		pastes: 0.5,
		method: 0.4,
		diligence: 0.7,
	},
	{
		email: 'amara@hardmode.dev',
		name: 'Amara Diallo',
		team: SECOND_TEAM_NAME,
		skill: 1480,
		growth: 35,
		strengths: { async: 130, text: -140 },
		pace: 1.5,
		hints: 0.3,
		pastes: 0.05,
		method: 0.7,
		diligence: 0.9,
	},
]

/** The learners the history adds to the demo organisation (the password is the demo one). */
export const HISTORY_LOGINS = PERSONAS.filter((persona) => !DEMO_LOGINS.some((login) => login.email === persona.email)).map((persona) => ({
	role: 'learner' as const,
	email: persona.email,
	name: persona.name,
	team: persona.team,
	password: DEMO_PASSWORD,
}))

export type HistoryOptions = {
	/** The end of the history; it spans the `days` before it. Defaults to the current time. */
	now?: Date
	days?: number
	seed?: number
	/** Called once it is clear the history will be made (it takes a while). */
	onStart?: () => void
}

export type HistorySummary = {
	organizationId: string
	learners: number
	teams: number
	assignments: number
	attempts: number
	solved: number
	gaveUp: number
	runs: number
	submissions: number
	hints: number
	reviews: number
	notes: number
	ratingChanges: number
	durationMs: number
}

// ---------------------------------------------------------------------------------------
// The exercises, with what a simulated learner needs to submit right and wrong answers.

type PreparedExercise = {
	id: string
	slug: string
	difficulty: number
	topics: string[]
	estimatedMinutes: number
	hints: ExerciseMetadata['hints']
	rubric: RubricCriterion[]
	category: RootCauseCategoryId
	wrongCategory: RootCauseCategoryId
	starter: Files
	fixed: Files
	/** The root cause as picked in the starter, and in the fixed code. */
	starterPick: SourceLocation
	fixedPick: SourceLocation
	failingTest: string | null
	passingTest: string | null
}

/** Lines of `current` that grade as the root cause, found the way the grader maps them back to the starter. */
export function rootCauseLinesIn(starter: Files, current: Files, locations: SourceLocation[]): SourceLocation | null {
	for (const location of locations) {
		const before = starter[location.file]
		const after = current[location.file]
		if (before === undefined || after === undefined) continue
		const width = location.endLine - location.startLine + 1
		const lines = after.split('\n').length
		const starts = Array.from({ length: lines }, (_, index) => index + 1).sort((a, b) => Math.abs(a - location.startLine) - Math.abs(b - location.startLine))
		for (const startLine of starts) {
			const range = { startLine, endLine: Math.min(lines, startLine + width - 1) }
			if (locationMatches(mapToStarterLines(before, after, range), location.file, locations)) return { file: location.file, ...range }
		}
	}
	return null
}

async function prepareExercises(random: Random): Promise<PreparedExercise[]> {
	const exercises = await getPrisma().exercise.findMany({
		where: { retiredAt: null, kind: 'debugging', currentVersionId: { not: null } },
		orderBy: { slug: 'asc' },
		select: { id: true, slug: true, difficulty: true, currentVersion: { select: { metadata: true, publicFiles: true, solution: true } } },
	})
	const prepared: PreparedExercise[] = []
	for (const exercise of exercises) {
		const metadata = exercise.currentVersion!.metadata as unknown as ExerciseMetadata
		const publicFiles = exercise.currentVersion!.publicFiles as Files
		const starter = srcFiles(publicFiles)
		const fixed = solvedSrc({ src: starter, solution: exercise.currentVersion!.solution as Files })
		const starterPick = metadata.rootCause.locations[0]
		const fixedPick = rootCauseLinesIn(starter, fixed, metadata.rootCause.locations)
		// An exercise the simulation cannot answer right is left out rather than graded wrong forever.
		if (!starterPick || !fixedPick) continue
		const tests = visibleTestFiles(publicFiles)
		const result = await runTests({
			files: { ...starter, ...tests },
			testFiles: Object.keys(tests).sort(),
			owner: 'seed-history',
			seed: 1,
			limits: metadata.limits ?? {},
		})
		prepared.push({
			id: exercise.id,
			slug: exercise.slug,
			difficulty: exercise.difficulty,
			topics: metadata.topics,
			estimatedMinutes: metadata.estimatedMinutes,
			hints: metadata.hints,
			rubric: metadata.rubric as RubricCriterion[],
			category: metadata.rootCause.category,
			wrongCategory: random.pick(ROOT_CAUSE_CATEGORY_IDS.filter((id) => id !== metadata.rootCause.category)),
			starter,
			fixed,
			starterPick,
			fixedPick,
			failingTest: result.tests.find((test) => test.status === 'fail')?.name ?? null,
			passingTest: result.tests.find((test) => test.status === 'pass')?.name ?? null,
		})
	}
	return prepared
}

// ---------------------------------------------------------------------------------------
// The plan: who attempts what when, with which outcome and how. Pure given the PRNG.

type PlannedAssignment = { team: string; exercise: PreparedExercise; createdAt: number; dueAt: number; hintsAllowed: boolean; pasteBlocked: boolean }

type PlannedAttempt = {
	persona: Persona
	exercise: PreparedExercise
	start: number
	retry: boolean
	assignment: PlannedAssignment | null
	solved: boolean
	durationMinutes: number
	hints: number
	/** Outside pastes tried; refused when the assignment blocks them. */
	pastes: number
	hypothesisMinute: number | null
	predictionRight: boolean
	wrongSubmissions: Array<'wrong-category' | 'failed-fix'>
	awayMinutes: number
	attested: boolean
	/** Careful learners run the tests on their fix before submitting it. */
	runsFixFirst: boolean
}

type Step = { at: number; order: number; run: () => Promise<void> }

function learnerSkill(persona: Persona, exercise: PreparedExercise, monthsIn: number) {
	const shifts = exercise.topics.map((topic) => persona.strengths[topic as TopicId] ?? 0)
	return persona.skill + persona.growth * monthsIn + shifts.reduce((sum, shift) => sum + shift, 0) / Math.max(1, shifts.length)
}

function planHistory(random: Random, exercises: PreparedExercise[], reserved: Map<string, Set<string>>, start: number, end: number) {
	const days = (end - start) / DAY_MS
	const assignments: PlannedAssignment[] = []
	for (const team of [DEMO_TEAM_NAME, SECOND_TEAM_NAME]) {
		const pool = random.shuffle(exercises.filter((exercise) => !reserved.get(team)?.has(exercise.id)))
		// Roughly one assignment every four weeks, due ten days after it is set.
		for (let index = 0, day = 12; day + 10 < days && index < pool.length; index++, day += 28) {
			const createdAt = start + Math.round(day + random.between(0, 3)) * DAY_MS + 9 * 3_600_000
			assignments.push({
				team,
				exercise: pool[index]!,
				createdAt,
				dueAt: createdAt + 10 * DAY_MS,
				hintsAllowed: !random.chance(0.3),
				pasteBlocked: random.chance(0.4),
			})
		}
	}

	const attempts: PlannedAttempt[] = []
	for (const persona of PERSONAS) {
		const own = assignments.filter((assignment) => assignment.team === persona.team)
		const assignedIds = new Set(own.map((assignment) => assignment.exercise.id))
		const busyDays = new Set<number>()
		const freeDay = (day: number) => {
			let candidate = Math.max(0, Math.floor(day))
			while (busyDays.has(candidate)) candidate += 1
			busyDays.add(candidate)
			return candidate
		}
		// Whole minutes, within working hours.
		const at = (day: number) => start + freeDay(day) * DAY_MS + Math.round((9 + random.between(0, 7)) * 60) * MINUTE_MS
		const firsts: Array<{ exercise: PreparedExercise; start: number; assignment: PlannedAssignment | null }> = []
		for (const assignment of own) {
			const startDay = (assignment.createdAt - start) / DAY_MS
			if (random.chance(persona.diligence)) firsts.push({ exercise: assignment.exercise, start: at(startDay + random.between(0.5, 9)), assignment })
			else if (random.chance(0.5)) firsts.push({ exercise: assignment.exercise, start: at(startDay + random.between(11, 20)), assignment })
		}
		// Self-chosen practice: easier exercises tend to come first.
		const chosen = exercises
			.filter((exercise) => !assignedIds.has(exercise.id) && !reserved.get(persona.team)?.has(exercise.id))
			.map((exercise) => ({ exercise, order: exercise.difficulty + random.between(-450, 450) }))
			.sort((a, b) => a.order - b.order)
			.slice(0, Math.round(persona.pace * (days / 30) * random.between(0.8, 1.2)))
		const chosenDays = chosen.map(() => random.between(0, days - 2)).sort((a, b) => a - b)
		chosen.forEach(({ exercise }, index) => firsts.push({ exercise, start: at(chosenDays[index]!), assignment: null }))

		for (const first of firsts) {
			if (first.start > end - DAY_MS) continue
			const attempt = planAttempt(random, persona, first.exercise, first.start, false, first.assignment, start)
			attempts.push(attempt)
			// Some come back to what beat them, having read the reference.
			if (!attempt.solved && random.chance(0.45)) {
				const retryStart = at((first.start - start) / DAY_MS + random.between(2, 15))
				if (retryStart < end - DAY_MS) attempts.push(planAttempt(random, persona, first.exercise, retryStart, true, first.assignment, start))
			}
		}
	}
	return { assignments, attempts }
}

function planAttempt(
	random: Random,
	persona: Persona,
	exercise: PreparedExercise,
	start: number,
	retry: boolean,
	assignment: PlannedAssignment | null,
	historyStart: number,
): PlannedAttempt {
	// An assignment's rules apply from the moment it exists, to retries after it too.
	const rules = assignment && assignment.createdAt <= start ? assignment : null
	const monthsIn = (start - historyStart) / (30 * DAY_MS)
	const skill = learnerSkill(persona, exercise, monthsIn)
	const hintsAllowed = rules?.hintsAllowed ?? true
	const careful = random.chance(persona.method)
	const hypothesisMinute = careful ? random.between(2, 6) : random.chance(0.75) ? random.between(7, 18) : null
	// Hints open only after hypotheses, and are wanted less as the months go by.
	const wantsHints = hintsAllowed && hypothesisMinute !== null && random.chance(persona.hints * (1 - monthsIn / 12))
	const hints = wantsHints ? Math.min(exercise.hints.length, random.chance(0.4) ? 2 : 1) : 0
	const expected = 1 / (1 + 10 ** ((exercise.difficulty - skill) / 400))
	const solveChance = Math.min(0.97, Math.max(0.05, expected + 0.12 * hints + (retry ? 0.3 : 0)))
	const solved = random.chance(solveChance)
	const pastes = random.chance(persona.pastes) ? (random.chance(0.3) ? 2 : 1) : 0
	const wrongSubmissions: PlannedAttempt['wrongSubmissions'] = []
	const wrongCount = solved ? (random.chance(0.55 * (1 - expected) + 0.1) ? 1 : 0) : random.chance(0.6) ? (random.chance(0.4) ? 2 : 1) : 0
	for (let i = 0; i < wrongCount; i++) wrongSubmissions.push(random.chance(0.5) ? 'wrong-category' : 'failed-fix')
	const durationMinutes = Math.max(
		(exercise.hints[hints - 1]?.unlock.afterMinutes ?? 0) + 8,
		exercise.estimatedMinutes * (solved ? random.between(0.6, 1.5) : random.between(0.5, 1.2)) * (skill > exercise.difficulty ? 0.85 : 1.15),
		(hypothesisMinute ?? 10) + 10,
	)
	return {
		persona,
		exercise,
		start,
		retry,
		assignment,
		solved,
		durationMinutes,
		hints,
		pastes,
		hypothesisMinute,
		predictionRight: random.chance(0.35 + 0.6 * persona.method),
		wrongSubmissions,
		awayMinutes: random.chance(0.3) ? random.between(1, 12) : 0,
		attested: pastes === 0 || random.chance(0.5),
		runsFixFirst: careful,
	}
}

// ---------------------------------------------------------------------------------------
// Turning a planned attempt into real calls, each at its own moment.

const HYPOTHESES = [
	'The failing case takes a different branch from the passing ones; the condition there is wrong.',
	'Something is reused between calls that should be fresh each time.',
	'The value is right when computed but goes stale before it is read.',
	'Two operations overlap and the second one sees the first half-done.',
	'The boundary case is handled one step too early or too late.',
]
const OBSERVATIONS = [
	'Only some of the reported cases go wrong; the rest are fine.',
	'The test output shows the wrong value, not an exception.',
	'The logs in the brief show the problem started after the last release.',
]

/** The calls that make up one attempt, at their moments; `context.attemptId` is known once the first has run. */
function attemptSteps(random: Random, plan: PlannedAttempt, owner: AttemptOwner, counters: { runs: number; submissions: number; hints: number }) {
	const { exercise } = plan
	const minute = (value: number) => plan.start + Math.round(value * MINUTE_MS)
	const steps: Step[] = []
	let order = 0
	const step = (atMinute: number, run: () => Promise<void>) => steps.push({ at: minute(atMinute), order: order++, run })
	const context = { attemptId: '' }
	const attempt = () => requireAttempt(owner, context.attemptId)
	const send = (atMinute: number, events: Array<{ type: string; data: unknown; atMinute: number }>) =>
		step(atMinute, async () => {
			const sentAt = minute(atMinute)
			await recordEvents(
				owner,
				context.attemptId,
				{
					sentAt,
					events: events.map((event, index) => ({
						id: random.uuid(),
						seq: Math.round(event.atMinute * 100) + index + 1,
						at: minute(event.atMinute),
						type: event.type,
						data: event.data,
					})),
				},
				new Date(sentAt),
			)
		})

	step(0, async () => {
		const started = await startAttempt(owner, exercise.slug, new Date(plan.start))
		context.attemptId = started.id
	})
	// Reading and poking at the code: an observation and a small edit to the file of the root cause.
	const edited = { ...exercise.starter, [exercise.starterPick.file]: `${exercise.starter[exercise.starterPick.file]}\n// reading: where does this go wrong?\n` }
	send(1.5, [
		{ type: 'journal.add', atMinute: 1, data: { entryId: random.uuid(), kind: 'observation', text: random.pick(OBSERVATIONS) } },
		{ type: 'snapshot', atMinute: 1.5, data: { files: edited } },
	])

	const hypothesisIds: string[] = []
	const addHypothesis = (atMinute: number) => {
		const entryId = random.uuid()
		hypothesisIds.push(entryId)
		send(atMinute, [{ type: 'journal.add', atMinute, data: { entryId, kind: 'hypothesis', text: random.pick(HYPOTHESES) } }])
	}
	if (plan.hypothesisMinute !== null) addHypothesis(plan.hypothesisMinute)

	// The first experiment, with a prediction when the learner is in the habit.
	const firstRun = (plan.hypothesisMinute ?? 3) + 1.5
	const prediction: Prediction | null =
		plan.hypothesisMinute === null || !exercise.failingTest
			? null
			: plan.predictionRight || !exercise.passingTest
				? { kind: 'test', test: exercise.failingTest, outcome: 'fail' }
				: { kind: 'test', test: exercise.passingTest, outcome: 'fail' }
	step(firstRun, async () => {
		await recordRun(await attempt(), { files: edited, hypothesisId: hypothesisIds[0] ?? null, prediction }, new Date(minute(firstRun)))
		counters.runs += 1
	})

	if (plan.awayMinutes > 0) {
		const leftAt = firstRun + 1
		send(leftAt + plan.awayMinutes, [
			{ type: 'focus.lost', atMinute: leftAt, data: {} },
			{ type: 'focus.regained', atMinute: leftAt + plan.awayMinutes, data: { awayMs: Math.round(plan.awayMinutes * MINUTE_MS) } },
		])
	}

	for (let index = 0; index < plan.hints; index++) {
		const unlock = exercise.hints[index]!.unlock
		const revealAt = Math.max(unlock.afterMinutes + 0.5, firstRun + 1 + index)
		while (hypothesisIds.length < unlock.afterHypotheses) addHypothesis(revealAt - 0.4)
		step(revealAt, async () => {
			await revealHint(await attempt(), index, new Date(minute(revealAt)))
			counters.hints += 1
		})
	}

	for (let index = 0; index < plan.pastes; index++) {
		const pasteAt = firstRun + 2 + index
		send(pasteAt, [
			{
				type: 'paste',
				atMinute: pasteAt,
				data: {
					chars: Math.round(random.between(120, 900)),
					outside: true,
					blocked: plan.assignment?.pasteBlocked === true && plan.assignment.createdAt <= plan.start,
					file: exercise.starterPick.file,
				},
			},
		])
	}

	// The attempt ends after everything the learner did in it.
	const end = Math.max(plan.durationMinutes, ...steps.map((planned) => (planned.at - plan.start) / MINUTE_MS + 4))
	const diagnosis = (pick: SourceLocation, files: Files, category: string) => ({
		file: pick.file,
		startLine: pick.startLine,
		endLine: pick.endLine,
		category: category as RootCauseCategoryId,
		explanation: 'What I found, in my own words: the failing path and why the fix holds.',
		files,
		attested: plan.attested,
	})
	plan.wrongSubmissions.forEach((kind, index) => {
		const submitAt = end * (0.5 + 0.15 * index)
		step(submitAt, async () => {
			const wrong =
				kind === 'wrong-category'
					? diagnosis(exercise.fixedPick, exercise.fixed, exercise.wrongCategory)
					: diagnosis(exercise.starterPick, exercise.starter, exercise.category)
			await submitDiagnosis(await attempt(), wrong, new Date(minute(submitAt)))
			counters.submissions += 1
		})
	})
	if (plan.solved) {
		if (plan.runsFixFirst) {
			step(end - 2, async () => {
				await recordRun(await attempt(), { files: exercise.fixed, hypothesisId: hypothesisIds.at(-1) ?? null, prediction: null }, new Date(minute(end - 2)))
				counters.runs += 1
			})
		}
		step(end, async () => {
			const graded = await submitDiagnosis(await attempt(), diagnosis(exercise.fixedPick, exercise.fixed, exercise.category), new Date(minute(end)))
			counters.submissions += 1
			if (!graded.correct) throw new Error(`The simulated fix of ${exercise.slug} did not grade as correct.`)
		})
	} else {
		step(end, async () => giveUp(await attempt(), new Date(minute(end))))
	}
	return { steps: steps.sort((a, b) => a.at - b.at || a.order - b.order), context }
}

// ---------------------------------------------------------------------------------------
// Reviews and notes by the lead

const REVIEW_OPENINGS_SOLVED = [
	'Found the root cause and fixed it where it lives, not in the symptom.',
	'Solid diagnosis: the fix is small and in the right place.',
	'Got there. The explanation names the mechanism, not just the line.',
]
const REVIEW_OPENINGS_GAVE_UP = [
	'Gave up before the cause was pinned down; read the reference and let us walk through it on Thursday.',
	'Stopped at the symptom. The journal shows the right direction early on — trust it longer.',
]

function reviewSummary(random: Random, plan: PlannedAttempt) {
	const parts = [random.pick(plan.solved ? REVIEW_OPENINGS_SOLVED : REVIEW_OPENINGS_GAVE_UP)]
	if (plan.hypothesisMinute !== null && plan.hypothesisMinute < 7)
		parts.push('A hypothesis within minutes and a prediction before the first run: exactly the habit we want.')
	else parts.push('Went to the code before writing down what you expected; next time put the hypothesis in the journal first.')
	if (plan.hints > 0) parts.push(`${plan.hints === 1 ? 'One hint was' : 'Two hints were'} needed; try one more experiment before reaching for them.`)
	if (plan.pastes > 0) parts.push('Some code came in from outside the editor; tell me what you looked up so we can talk about it.')
	if (plan.wrongSubmissions.includes('failed-fix'))
		parts.push('The first fix did not hold against the hidden tests; run the visible ones on the edge cases before submitting.')
	return parts.join(' ')
}

function reviewScores(random: Random, plan: PlannedAttempt, rubric: RubricCriterion[]) {
	const base = plan.solved ? 3 : 1
	return Object.fromEntries(
		rubric.map((criterion) => {
			let level =
				base +
				(plan.hypothesisMinute !== null && plan.hypothesisMinute < 7 && random.chance(0.6) ? 1 : 0) -
				(plan.hints >= 2 ? 1 : 0) -
				(random.chance(0.2) ? 1 : 0)
			level = Math.max(0, Math.min(4, level))
			return [criterion.id, level]
		}),
	)
}

const NOTES = [
	'Talked through the last three attempts: hypotheses come earlier now, and predictions are specific.',
	'Next quarter: fewer hints on concurrency exercises; pair with someone strong there once a month.',
	'Independent on every assignment this month. Ready for the harder reliability exercises.',
]

// ---------------------------------------------------------------------------------------

/**
 * Gives the demo organisation six months of practice, if it has none yet: more learners (and
 * a second team led by the demo lead), assignments, attempts with full timelines, reviews
 * and notes. Returns null, changing nothing, when there is no demo organisation or it
 * already has attempts or history.
 */
export async function seedDemoHistory(options: HistoryOptions = {}): Promise<HistorySummary | null> {
	const started = performance.now()
	const prisma = getPrisma()
	const now = options.now ?? new Date()
	const days = options.days ?? DEFAULT_DAYS
	const random = createRandom(options.seed ?? DEFAULT_SEED)
	const end = now.getTime()
	const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY_MS

	const admin = await prisma.user.findUnique({ where: { email: DEMO_LOGINS[0]!.email }, select: { id: true, organizationId: true } })
	if (!admin) return null
	const organizationId = admin.organizationId
	const [attempts, marker] = await Promise.all([
		prisma.attempt.count({ where: { organizationId } }),
		prisma.auditEvent.count({ where: { organizationId, action: HISTORY_SEEDED_ACTION } }),
	])
	if (attempts > 0 || marker > 0) return null
	const lead = await prisma.user.findFirst({
		where: { organizationId, email: DEMO_LOGINS.find((login) => login.role === 'lead')!.email },
		select: { id: true, name: true },
	})
	const checkout = await prisma.team.findUnique({ where: { organizationId_name: { organizationId, name: DEMO_TEAM_NAME } }, select: { id: true } })
	if (!lead || !checkout) return null
	options.onStart?.()

	const people = await addPeople(prisma, organizationId, lead.id, checkout.id)
	if (!people) return null
	const teamIds = new Map([
		[DEMO_TEAM_NAME, checkout.id],
		[SECOND_TEAM_NAME, people.secondTeamId],
	])
	const reviewer: Reviewer = { id: lead.id, organizationId, orgRole: 'member', teams: [...teamIds].map(([name, id]) => ({ id, name, role: 'lead' as const })) }

	// Exercises a team has been assigned already (the demo's current assignments) stay fresh for it.
	const current = await prisma.assignment.findMany({ where: { organizationId }, select: { teamId: true, exerciseId: true } })
	const reserved = new Map(
		[...teamIds].map(([name, id]) => [name, new Set(current.filter((assignment) => assignment.teamId === id).map((assignment) => assignment.exerciseId))]),
	)

	const exercises = await prepareExercises(random)
	const plan = planHistory(random, exercises, reserved, start, end)
	const counters = { runs: 0, submissions: 0, hints: 0, reviews: 0, notes: 0 }
	const steps: Step[] = []
	let order = 0

	for (const assignment of plan.assignments) {
		steps.push({
			at: assignment.createdAt,
			order: order++,
			run: async () => {
				const [created] = await createAssignments({
					organizationId,
					teamId: teamIds.get(assignment.team)!,
					actorId: lead.id,
					slugs: [assignment.exercise.slug],
					audience: 'team',
					memberIds: [],
					dueAt: new Date(assignment.dueAt),
					rules: { hintsAllowed: assignment.hintsAllowed, pasteBlocked: assignment.pasteBlocked, hardMode: false },
				})
				// createAssignments stamps the real clock; the history needs the simulated one.
				await prisma.assignment.update({
					where: { id: created!.id },
					data: { createdAt: new Date(assignment.createdAt), updatedAt: new Date(assignment.createdAt) },
					select: { id: true },
				})
			},
		})
	}
	const finished: Array<{ plan: PlannedAttempt; finishedAt: number; context: { attemptId: string } }> = []
	for (const attempt of plan.attempts) {
		const owner = { id: people.ids.get(attempt.persona.email)!, organizationId }
		const planned = attemptSteps(random, attempt, owner, counters)
		for (const step of planned.steps) steps.push({ ...step, order: order++ })
		finished.push({ plan: attempt, finishedAt: planned.steps.at(-1)!.at, context: planned.context })
	}
	// The lead reviews most assigned work and some practice, a few days after it was finished.
	for (const attempt of finished) {
		if (!random.chance(attempt.plan.assignment ? 0.8 : attempt.plan.retry ? 0.1 : 0.3)) continue
		const at = attempt.finishedAt + random.between(0.3, 4) * DAY_MS
		if (at >= end) continue
		const scores = reviewScores(random, attempt.plan, attempt.plan.exercise.rubric)
		const summary = reviewSummary(random, attempt.plan)
		steps.push({
			at,
			order: order++,
			run: async () => {
				const { attemptId } = attempt.context
				await saveReview(reviewer, await findReviewableAttempt(reviewer, attemptId), { scores, summary, baseVersion: 0 })
				// saveReview stamps the real clock; the history needs the simulated one.
				const seen = at < end - 10 * DAY_MS ? new Date(at + DAY_MS) : null
				await prisma.review.update({ where: { attemptId }, data: { createdAt: new Date(at), updatedAt: new Date(at), seenAt: seen }, select: { id: true } })
				counters.reviews += 1
			},
		})
	}
	for (const persona of PERSONAS) {
		for (const monthsBack of [4, 1]) {
			const at = end - monthsBack * 30 * DAY_MS + random.between(0, 5) * DAY_MS
			if (at < start || at >= end) continue
			const body = random.pick(NOTES)
			steps.push({
				at,
				order: order++,
				run: async () => {
					await addGrowthNote({ organizationId, authorId: lead.id, userId: people.ids.get(persona.email)!, body, now: new Date(at) })
					counters.notes += 1
				},
			})
		}
	}

	steps.sort((a, b) => a.at - b.at || a.order - b.order)
	for (const step of steps) await step.run()

	// Audit events were stamped with the real clock too; move them to the moments they describe.
	await prisma.$executeRaw`
		UPDATE "AuditEvent" e SET "createdAt" = r."updatedAt"
		FROM "Review" r WHERE e."organizationId" = ${organizationId} AND e."action" = 'review.saved' AND e."targetId" = r."attemptId" AND r."organizationId" = ${organizationId}`
	await prisma.$executeRaw`
		UPDATE "AuditEvent" e SET "createdAt" = a."createdAt"
		FROM "Assignment" a WHERE e."organizationId" = ${organizationId} AND e."action" = 'assignment.created' AND e."detail"->'assignments' @> jsonb_build_array(a."id")`

	const summary = await summarize(organizationId, teamIds.size, counters, started)
	await prisma.auditEvent.create({
		data: {
			organizationId,
			actorId: admin.id,
			action: HISTORY_SEEDED_ACTION,
			targetType: 'Organization',
			targetId: organizationId,
			detail: { ...summary } as Prisma.InputJsonValue,
		},
		select: { id: true },
	})
	return summary
}

/** The history's learners and the second team, in one transaction; null when another process got there first. */
async function addPeople(prisma: ReturnType<typeof getPrisma>, organizationId: string, leadId: string, checkoutId: string) {
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	try {
		return await prisma.$transaction(async (tx) => {
			const second = await tx.team.create({ data: { organizationId, name: SECOND_TEAM_NAME }, select: { id: true } })
			await tx.membership.create({ data: { organizationId, teamId: second.id, userId: leadId, role: 'lead' }, select: { id: true } })
			const ids = new Map<string, string>()
			for (const persona of PERSONAS) {
				const existing = await tx.user.findUnique({ where: { email: persona.email }, select: { id: true, organizationId: true } })
				if (existing && existing.organizationId !== organizationId)
					throw new Error(`Cannot seed the demo history: ${persona.email} belongs to another organisation.`)
				const user =
					existing ??
					(await tx.user.create({
						data: { organizationId, email: persona.email, name: persona.name, passwordHash },
						select: { id: true, organizationId: true },
					}))
				ids.set(persona.email, user.id)
				const teamId = persona.team === DEMO_TEAM_NAME ? checkoutId : second.id
				await tx.membership.upsert({
					where: { teamId_userId: { teamId, userId: user.id } },
					create: { organizationId, teamId, userId: user.id, role: 'learner' },
					update: {},
					select: { id: true },
				})
			}
			return { ids, secondTeamId: second.id }
		})
	} catch (error) {
		// The second team's name is unique per organisation: another server seeded the history first.
		if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002') return null
		throw error
	}
}

async function summarize(
	organizationId: string,
	teams: number,
	counters: { runs: number; submissions: number; hints: number; reviews: number; notes: number },
	started: number,
): Promise<HistorySummary> {
	const prisma = getPrisma()
	const [learners, assignments, solved, gaveUp, ratingChanges] = await Promise.all([
		prisma.membership.count({ where: { organizationId, role: 'learner' } }),
		prisma.assignment.count({ where: { organizationId } }),
		prisma.attempt.count({ where: { organizationId, status: 'solved' } }),
		prisma.attempt.count({ where: { organizationId, status: 'gave_up' } }),
		prisma.ratingChange.count({ where: { organizationId } }),
	])
	return {
		organizationId,
		learners,
		teams,
		assignments,
		attempts: solved + gaveUp,
		solved,
		gaveUp,
		runs: counters.runs,
		submissions: counters.submissions,
		hints: counters.hints,
		reviews: counters.reviews,
		notes: counters.notes,
		ratingChanges,
		durationMs: Math.round(performance.now() - started),
	}
}

/** What seedDemoHistory did, for the console, with the logins it added. */
export function describeHistory(summary: HistorySummary): string {
	const logins = HISTORY_LOGINS.map((login) => `  learner  ${login.email.padEnd(22)} ${login.password}  (${login.team})`)
	return [
		`Added ${Math.round(DEFAULT_DAYS / 30)} months of demo history in ${(summary.durationMs / 1000).toFixed(1)} s: ${summary.attempts} attempts (${summary.solved} solved) by ${summary.learners} learners in ${summary.teams} teams, ${summary.runs} runs, ${summary.submissions} submissions, ${summary.hints} hints, ${summary.assignments} assignments, ${summary.reviews} reviews, ${summary.notes} lead notes, ${summary.ratingChanges} rating changes.`,
		'More demo logins:',
		...logins,
	].join('\n')
}
