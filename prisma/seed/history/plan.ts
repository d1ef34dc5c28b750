// The plan of the demo history: the assignments each team gets, and who attempts what when,
// with which outcome and how. Pure given the seeded generator, and relative to the period.
import type { TopicId } from '#app/exercises/topics.ts'
import type { Random } from '#app/utils/random.ts'
import { DEMO_TEAM_NAME } from '../demo.ts'
import { PERSONAS, SECOND_TEAM_NAME, type Persona } from './personas.ts'
import type { PreparedExercise } from './prepared-exercise.ts'

export const DAY_MS = 86_400_000
export const MINUTE_MS = 60_000

type PlannedAssignment = { team: string; exercise: PreparedExercise; createdAt: number; dueAt: number; hintsAllowed: boolean; pasteBlocked: boolean }

export type PlannedAttempt = {
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

function learnerSkill(persona: Persona, exercise: PreparedExercise, monthsIn: number) {
	const shifts = exercise.topics.map((topic) => persona.strengths[topic as TopicId] ?? 0)
	return persona.skill + persona.growth * monthsIn + shifts.reduce((sum, shift) => sum + shift, 0) / Math.max(1, shifts.length)
}

export function planHistory(random: Random, exercises: PreparedExercise[], reserved: Map<string, Set<string>>, start: number, end: number) {
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
