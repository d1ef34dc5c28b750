// The rows of the load organisation, as the real code paths would have written them step by
// step (app/models/attempt/, app/models/growth/): event data as recordEvents/recordRun/
// submitDiagnosis store it, code as diffs from app/attempts/code-history.ts, grades from
// gradeDiagnosis, run results from the real sandbox, metrics from attemptMetrics over the
// generated timeline, and ratings from playFirstAttempt in finishing order.
import { randomUUID } from 'node:crypto'
import { diffFiles } from '#app/attempts/code-history.ts'
import type { DiagnosisGrade } from '#app/attempts/grading.ts'
import { scorePrediction, type Prediction } from '#app/attempts/prediction.ts'
import type { TimelineEvent } from '#app/attempts/replay.ts'
import { metricsColumns } from '#app/growth/attempt-metrics-columns.ts'
import { attemptMetrics } from '#app/growth/metrics.ts'
import { playFirstAttempt, startingExercise, type RatingState } from '#app/growth/ratings.ts'
import { rubricPercent } from '#app/reviews/rubric.ts'
import type { Random } from '#app/utils/random.ts'
import type { TableRow } from './bulk-insert.ts'
import { LOAD_CODE, ROOT_CAUSE, ROOT_CAUSE_LINE, RUBRIC, TIERS_FILE, WRONG_CATEGORY, type LoadCode, type TemplateResults } from './exercise.ts'
import { DAY_MS, MINUTE_MS, schedule, type Engineer, type LoadTeam, type PlannedAttempt } from './plan.ts'

/** Everything one attempt wrote. */
export type AttemptRows = {
	attempt: TableRow<'Attempt'>
	events: TableRow<'AttemptEvent'>[]
	journal: TableRow<'JournalEntry'>[]
	runs: TableRow<'Run'>[]
	submissions: TableRow<'Submission'>[]
	metrics: TableRow<'AttemptMetrics'>
}

type Event = { id: string; position: number; clientId: string | null; clientSeq: number | null; type: string; at: Date; data: unknown }
type JournalEntry = { id: string; clientId: string; kind: 'observation' | 'hypothesis'; text: string; status: string | null; at: Date }

const HYPOTHESES = [
	'An order of exactly 10 falls into the wrong tier.',
	'The discount is computed from the wrong quantity.',
	'Rounding eats the discount on small orders.',
]
const memoDiffs = new Map<string, Record<string, string>>()
function changes(from: LoadCode, to: LoadCode) {
	const key = `${from}>${to}`
	if (!memoDiffs.has(key)) memoDiffs.set(key, diffFiles(LOAD_CODE[from], LOAD_CODE[to]))
	return memoDiffs.get(key)!
}

/** One attempt's rows, step by step as the learner would have made them; throws if they disagree with the plan its rating was played from. */
export function attemptRows(random: Random, plan: PlannedAttempt, template: TemplateResults, organizationId: string): AttemptRows {
	const at = (minute: number) => new Date(plan.start + Math.round(minute * MINUTE_MS))
	const events: Event[] = []
	const journal: JournalEntry[] = []
	const runs: TableRow<'Run'>[] = []
	const submissions: TableRow<'Submission'>[] = []
	// The learner's code as the server last saved it; closures below move it on.
	const state: { draft: LoadCode } = { draft: 'starter' }
	let seq = 0
	const counters = { outsidePastes: 0, outsidePasteChars: 0, blockedPastes: 0, focusLosses: 0, awayMs: 0, hintsRevealed: 0, failedFixes: 0, draftSeq: 0 }
	const push = (type: string, minute: number, data: unknown, fromBrowser: boolean) => {
		if (fromBrowser) seq += 1
		events.push({
			id: randomUUID(),
			position: events.length + 1,
			clientId: fromBrowser ? randomUUID() : null,
			clientSeq: fromBrowser ? seq : null,
			type,
			at: at(minute),
			data,
		})
	}
	const note = (minute: number, kind: 'observation' | 'hypothesis', text: string) => {
		const clientId = randomUUID()
		journal.push({ id: randomUUID(), clientId, kind, text, status: kind === 'hypothesis' ? 'open' : null, at: at(minute) })
		push('journal.add', minute, { entryId: clientId, kind, text }, true)
		return journal.at(-1)!
	}
	const run = (minute: number, code: 'edited' | 'fixed', hypothesis: JournalEntry | undefined, prediction: Prediction | null) => {
		const result = code === 'fixed' ? template.fixedRun : template.starterRun
		const passed = result.tests.filter((test) => test.status === 'pass').length
		const failed = result.tests.filter((test) => test.status === 'fail' || test.status === 'error').length
		const predictionCorrect = prediction ? scorePrediction(prediction, result) : null
		const id = randomUUID()
		const number = runs.length + 1
		runs.push({
			id,
			attemptId: plan.id,
			number,
			files: LOAD_CODE[code],
			result,
			status: result.status,
			passed,
			failed,
			hypothesisId: hypothesis?.id ?? null,
			prediction,
			predictionCorrect,
			createdAt: at(minute),
		})
		push(
			'run',
			minute,
			{
				runId: id,
				number,
				status: result.status,
				passed,
				failed,
				hypothesisId: hypothesis?.clientId ?? null,
				prediction,
				predictionCorrect,
				changes: changes(state.draft, code),
			},
			false,
		)
		state.draft = code
	}
	const submit = (minute: number, code: 'starter' | 'fixed', category: string, grade: DiagnosisGrade) => {
		const id = randomUUID()
		const number = submissions.length + 1
		const location = { file: TIERS_FILE, startLine: ROOT_CAUSE_LINE, endLine: ROOT_CAUSE_LINE }
		const explanation = 'The tier comparison is strict, so the threshold itself misses its tier.'
		submissions.push({
			id,
			attemptId: plan.id,
			number,
			...location,
			category,
			explanation,
			files: LOAD_CODE[code],
			attested: plan.attested,
			...grade,
			createdAt: at(minute),
		})
		push('submission', minute, { submissionId: id, number, location, category, ...grade, changes: changes(state.draft, code) }, false)
		if (!grade.fixCorrect) counters.failedFixes += 1
		state.draft = code
	}

	push('started', 0, { assignmentId: plan.assignment?.id ?? null }, false)
	note(1, 'observation', 'Orders of exactly 10 units pay full price.')
	push('snapshot', 1.5, { changes: changes(state.draft, 'edited') }, true)
	state.draft = 'edited'
	counters.draftSeq = seq
	const hypotheses: JournalEntry[] = []
	if (plan.hypothesisMinute !== null) hypotheses.push(note(plan.hypothesisMinute, 'hypothesis', random.pick(HYPOTHESES)))
	const { firstRun, hints: hintMinutes, pastes: pasteMinutes, afterHelp, end } = schedule(plan)
	const prediction: Prediction | null = hypotheses.length
		? { kind: 'test', test: plan.predictionRight ? template.failingTest : template.passingTest, outcome: 'fail' }
		: null
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
	// Every submission carries the plan's attestation; the metrics want the last one's.
	const attested = submissions.length > 0 && plan.attested
	const metrics = metricsColumns(attemptMetrics(timeline, { attested }), {
		solved: plan.solved,
		firstAttempt: plan.firstAttempt,
		startedAt: new Date(plan.start),
		finishedAt,
		attested,
	})
	// Ratings were played from the plan; the timeline must say the same.
	if (finishedAt.getTime() !== plan.finishedAt || metrics.hintsUsed !== plan.hints || metrics.outsidePastes !== (plan.pasteBlocked ? 0 : plan.pastes)) {
		throw new Error(`The generated timeline of attempt ${plan.id} disagrees with its plan.`)
	}
	return {
		attempt: {
			id: plan.id,
			organizationId,
			userId: plan.engineer.id,
			exerciseId: plan.exercise.id,
			exerciseVersionId: plan.exercise.versionId,
			assignmentId: plan.assignment?.id ?? null,
			status: plan.solved ? 'solved' : 'gave_up',
			hintsAllowed: plan.assignment?.hintsAllowed ?? true,
			pasteBlocked: plan.pasteBlocked,
			draft: LOAD_CODE[state.draft],
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
			updatedAt: finishedAt,
		},
		events: events.map((event) => ({ ...event, attemptId: plan.id, createdAt: event.at })),
		journal: journal.map(({ at, ...entry }) => ({ ...entry, attemptId: plan.id, createdAt: at, updatedAt: at })),
		runs,
		submissions,
		metrics: { attemptId: plan.id, organizationId, userId: plan.engineer.id, exerciseId: plan.exercise.id, ...metrics, createdAt: metrics.finishedAt },
	}
}

export type SkillState = RatingState & { lastPlayedAt: number }

/**
 * Plays the ratings of the first attempts in finishing order, as the finishing transactions
 * would have: the rating changes, and each engineer's and exercise's rating after the last game.
 */
export function playRatings(plans: PlannedAttempt[], organizationId: string) {
	const changes: TableRow<'RatingChange'>[] = []
	const exercises = new Map<string, RatingState>()
	const skills = new Map<string, Map<string, SkillState>>()
	for (const plan of plans.filter((candidate) => candidate.firstAttempt).sort((a, b) => a.finishedAt - b.finishedAt)) {
		const outcome = { solved: plan.solved, hintsRevealed: plan.hints, outsidePastes: plan.pasteBlocked ? 0 : plan.pastes }
		const exercise = exercises.get(plan.exercise.id) ?? startingExercise(plan.exercise.difficulty)
		const own = skills.get(plan.engineer.id) ?? new Map<string, SkillState>()
		const game = playFirstAttempt(exercise, own, [...plan.exercise.topics].sort(), outcome)
		exercises.set(plan.exercise.id, game.exercise.after)
		for (const { topic, before, after } of game.topics) {
			own.set(topic, { ...after, lastPlayedAt: plan.finishedAt })
			changes.push({
				id: randomUUID(),
				attemptId: plan.id,
				organizationId,
				userId: plan.engineer.id,
				exerciseId: plan.exercise.id,
				topic,
				at: plan.finishedAt,
				ratingBefore: before.rating,
				ratingAfter: after.rating,
				rdBefore: before.rd,
				rdAfter: after.rd,
				delta: after.rating - before.rating,
				weight: game.weight,
				solved: outcome.solved,
				hintsRevealed: outcome.hintsRevealed,
				outsidePastes: outcome.outsidePastes,
				exerciseRating: exercise.rating,
				createdAt: plan.finishedAt,
			})
		}
		skills.set(plan.engineer.id, own)
	}
	return { changes, exercises, skills }
}

export function skillRatingRows(skills: Map<string, Map<string, SkillState>>, organizationId: string): TableRow<'SkillRating'>[] {
	return [...skills].flatMap(([userId, topics]) =>
		[...topics].map(([topic, state]) => ({
			id: randomUUID(),
			organizationId,
			userId,
			topic,
			rating: state.rating,
			rd: state.rd,
			volatility: state.volatility,
			games: state.games,
			lastPlayedAt: state.lastPlayedAt,
			createdAt: state.lastPlayedAt,
			updatedAt: state.lastPlayedAt,
		})),
	)
}

export function exerciseRatingRows(exercises: Map<string, RatingState>, now: Date): TableRow<'ExerciseRating'>[] {
	return [...exercises].map(([exerciseId, state]) => ({
		exerciseId,
		rating: state.rating,
		rd: state.rd,
		volatility: state.volatility,
		games: state.games,
		createdAt: now,
		updatedAt: now,
	}))
}

/** Reviews by each team's lead, for a quarter of the finished work, a day or so later. */
export function reviewRows(random: Random, plans: PlannedAttempt[], teams: LoadTeam[], organizationId: string, now: Date): TableRow<'Review'>[] {
	const reviews: TableRow<'Review'>[] = []
	for (const plan of plans) {
		if (!random.chance(0.25)) continue
		const at = plan.finishedAt + random.between(0.1, 3) * DAY_MS
		if (at >= now.getTime()) continue
		const base = plan.solved ? 3 : 1
		const scores = Object.fromEntries(RUBRIC.map((criterion) => [criterion.id, Math.max(0, Math.min(4, base + random.int(-1, 1)))]))
		const summary = plan.solved
			? 'Found the strict comparison and fixed it at the threshold. Next time, write the boundary cases down before the first run.'
			: 'Stopped before the tier lookup was checked by hand; walk through 9, 10 and 11 units together next week.'
		const seenAt = at < now.getTime() - 7 * DAY_MS ? at + DAY_MS : null
		reviews.push({
			id: randomUUID(),
			organizationId,
			attemptId: plan.id,
			reviewerId: teams[plan.engineer.teamIndex]!.leadId,
			scores,
			percent: rubricPercent(RUBRIC, scores),
			summary,
			version: 1,
			seenAt,
			createdAt: at,
			updatedAt: at,
		})
	}
	return reviews
}

/** A note per engineer from their lead, some time in the year. */
export function growthNoteRows(random: Random, engineers: Engineer[], teams: LoadTeam[], organizationId: string, now: Date): TableRow<'GrowthNote'>[] {
	return engineers.map((engineer) => {
		const at = now.getTime() - random.between(5, 300) * DAY_MS
		const body = 'Talked through the quarter: hypotheses come earlier; fewer hints next quarter.'
		return { id: randomUUID(), organizationId, userId: engineer.id, authorId: teams[engineer.teamIndex]!.leadId, body, createdAt: at, updatedAt: at }
	})
}
