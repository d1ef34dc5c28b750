// The plan of the load organisation: its teams and engineers, the synthetic exercises, the
// assignments, and what each engineer attempts when and how it ends. The same for the same
// seed (ids aside), and fixed before any row is written, so ratings can be played from it.
import { randomUUID } from 'node:crypto'
import { TOPIC_IDS } from '#app/exercises/topics.ts'
import type { Random } from '#app/utils/random.ts'

export const DAY_MS = 86_400_000
export const MINUTE_MS = 60_000

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

export type LoadTeam = { id: string; name: string; leadId: string }
export type Engineer = {
	id: string
	teamIndex: number
	skill: number
	growth: number
	strengths: Map<string, number>
	hints: number
	pastes: number
	method: number
}
export type LoadExercise = { id: string; versionId: string; index: number; topics: string[]; difficulty: number; estimatedMinutes: number }
export type LoadAssignment = {
	id: string
	teamIndex: number
	exercise: LoadExercise
	createdAt: number
	dueAt: number
	hintsAllowed: boolean
	pasteBlocked: boolean
}

export type PlannedAttempt = {
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

export function planTeams(options: LoadOptions): LoadTeam[] {
	return Array.from({ length: options.teams }, (_, index) => ({ id: randomUUID(), name: `Team ${String(index + 1).padStart(2, '0')}`, leadId: randomUUID() }))
}

/** Engineers of varied skill, growth and habits, spread evenly over the teams. */
export function planEngineers(random: Random, options: LoadOptions): Engineer[] {
	return Array.from({ length: options.engineers }, (_, index) => {
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
}

export function planExercises(random: Random, options: LoadOptions): LoadExercise[] {
	return Array.from({ length: options.exercises }, (_, index) => {
		const topics = new Set<string>([random.pick(TOPIC_IDS)])
		while (topics.size < random.int(1, 3)) topics.add(random.pick(TOPIC_IDS))
		return {
			id: randomUUID(),
			versionId: randomUUID(),
			index,
			topics: [...topics],
			difficulty: Math.round(random.between(800, 2200) / 10) * 10,
			estimatedMinutes: random.int(15, 45),
		}
	})
}

/** Each team gets an assignment every three weeks, due ten days later. */
export function planAssignments(random: Random, teams: LoadTeam[], exercises: LoadExercise[], now: Date): LoadAssignment[] {
	const yearStart = now.getTime() - 366 * DAY_MS
	const assignments: LoadAssignment[] = []
	for (const [teamIndex] of teams.entries()) {
		for (let createdAt = yearStart + random.between(1, 20) * DAY_MS; createdAt < now.getTime() - 12 * DAY_MS; createdAt += 21 * DAY_MS) {
			assignments.push({
				id: randomUUID(),
				teamIndex,
				exercise: random.pick(exercises),
				createdAt: Math.round(createdAt),
				dueAt: Math.round(createdAt + 10 * DAY_MS),
				hintsAllowed: !random.chance(0.3),
				pasteBlocked: random.chance(0.4),
			})
		}
	}
	return assignments
}

export function planAttempts(random: Random, engineers: Engineer[], exercises: LoadExercise[], assignments: LoadAssignment[], options: LoadOptions) {
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

function planOne(
	random: Random,
	engineer: Engineer,
	exercise: LoadExercise,
	assignment: LoadAssignment | null,
	start: number,
	firstAttempt: boolean,
	yearStart: number,
): PlannedAttempt {
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
	const durationMinutes = Math.round(
		Math.max(exercise.estimatedMinutes * (solved ? random.between(0.6, 1.5) : random.between(0.5, 1.2)), (hypothesisMinute ?? 8) + 12 + hints * 7),
	)
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
export function schedule(plan: Omit<PlannedAttempt, 'finishedAt'>) {
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
