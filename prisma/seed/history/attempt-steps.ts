// One planned attempt turned into the calls a learner's browser and the server would have made
// (startAttempt, recordEvents, recordRun, revealHint, submitDiagnosis, giveUp), each at its
// simulated moment, so the attempt is recorded, graded and rated by the real code paths.
import type { Files } from '#app/attempts/code-history.ts'
import type { Prediction } from '#app/attempts/prediction.ts'
import type { Confidence } from '#app/growth/calibration.ts'
import type { SourceLocation } from '#app/exercises/schema.ts'
import type { RootCauseCategoryId } from '#app/exercises/taxonomy.ts'
import { recordEvents } from '#app/models/attempt/events.server.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { requireAttempt, type AttemptOwner } from '#app/models/attempt/guard.server.ts'
import { revealHint } from '#app/models/attempt/hint.server.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { recordRun } from '#app/models/attempt/run.server.ts'
import { submitDiagnosis } from '#app/models/attempt/submit.server.ts'
import { createRandom, type Random } from '#app/utils/random.ts'
import { MINUTE_MS, type PlannedAttempt } from './plan.ts'

/** A call to make at a moment of the history; `order` keeps calls at the same moment in the order they were planned. */
export type Step = { at: number; order: number; run: () => Promise<void> }

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
export function attemptSteps(random: Random, plan: PlannedAttempt, owner: AttemptOwner, counters: { runs: number; submissions: number; hints: number }) {
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
				? { kind: 'test', test: exercise.failingTest, outcome: 'fail', confidence: predictionConfidence(plan) }
				: { kind: 'test', test: exercise.passingTest, outcome: 'fail', confidence: predictionConfidence(plan) }
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

/**
 * How sure the simulated learner says they are: careful ones close to how often they are
 * right, hasty ones "90 %" whatever the odds. Drawn from a stream of its own (seeded by the
 * attempt's start), so adding it left the rest of the history as it was.
 */
function predictionConfidence(plan: PlannedAttempt): Confidence {
	const own = createRandom(plan.start % 2_147_483_647)
	if (own.chance(1 - plan.persona.method)) return 90
	const hitRate = 0.35 + 0.6 * plan.persona.method
	return hitRate >= 0.8 ? 90 : hitRate >= 0.6 ? 70 : 50
}
