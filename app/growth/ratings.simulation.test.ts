// Do graded outcomes rate people better than solved / not solved? A simulated platform where
// each engineer has a true skill and each exercise a true difficulty: whether an attempt is
// solved, how long the root cause takes, failed fixes and hints all depend on the gap between
// the two (with noise). The same attempts are rated twice — with their evidence (outcome score)
// and as wins and losses only — and each rating is compared with the true skills by rank
// correlation. Deterministic: the seeded generator from app/utils/random.ts.
import { describe, expect, it } from 'vitest'
import { createRandom, type Random } from '#app/utils/random.ts'
import { replayRatings, type RatedAttempt } from './ratings.ts'

const ENGINEERS = 120
const EXERCISES = 50
const ATTEMPTS_EACH = 10
const SEEDS = 20

/** A standard normal draw (Box–Muller). */
function normal(random: Random): number {
	return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next())
}

type World = { skills: number[]; attempts: RatedAttempt[] }

/**
 * One platform: true skills ~ N(1500, 250); exercises with true difficulty 900–2100, authored
 * with ±150 of error and an estimate of 15–45 minutes; every engineer makes first attempts at
 * ATTEMPTS_EACH different exercises, one a day.
 */
function simulate(seed: number): World {
	const random = createRandom(seed)
	const skills = Array.from({ length: ENGINEERS }, () => 1500 + 250 * normal(random))
	const exercises = Array.from({ length: EXERCISES }, (_, index) => {
		const difficulty = random.between(900, 2100)
		return { id: `exercise-${index}`, difficulty, authored: Math.round(difficulty + random.between(-150, 150)), estimate: random.int(15, 45) }
	})
	const attempts: RatedAttempt[] = []
	for (let day = 0; day < ATTEMPTS_EACH; day++) {
		for (const [index, skill] of skills.entries()) {
			const exercise = exercises[(index * 7 + day * 13 + random.int(0, 4)) % EXERCISES]!
			const gap = skill - exercise.difficulty
			// Elo's curve: solving an exercise rated 400 points above you one time in eleven.
			const solved = random.chance(1 / (1 + 10 ** (-gap / 400)))
			// Stronger engineers find the root cause faster: twice as fast per 300 points, with noise.
			const minutes = exercise.estimate * 2 ** (-gap / 300) * Math.exp(0.4 * normal(random))
			const struggle = 1 / (1 + Math.exp(gap / 200))
			const failedFixes = [0, 1, 2].filter(() => random.chance(0.5 * struggle)).length
			const hintsRevealed = [0, 1, 2].filter(() => random.chance(0.6 * struggle)).length
			attempts.push({
				engineer: `engineer-${index}`,
				exercise: exercise.id,
				topic: 'debugging',
				exerciseRating: exercise.authored,
				solved,
				hintsRevealed,
				outsidePastes: 0,
				at: new Date(Date.UTC(2026, 0, 1 + day, 9, 0, index)).toISOString(),
				// An attempt given up found the root cause a third of the time.
				minutesToRootCause: solved || random.chance(1 / 3) ? minutes : null,
				failedFixes,
				estimatedMinutes: exercise.estimate,
			})
		}
	}
	return { skills, attempts }
}

/** The same attempts known only as solved or not: the rule before outcome scores. */
function withoutEvidence(attempts: RatedAttempt[]): RatedAttempt[] {
	return attempts.map(({ minutesToRootCause: _m, failedFixes: _f, estimatedMinutes: _e, ...rest }) => rest)
}

function ratingsOf(attempts: RatedAttempt[]): number[] {
	const { engineers } = replayRatings(attempts)
	return Array.from({ length: ENGINEERS }, (_, index) => engineers[`engineer-${index}`]!.debugging!.rating)
}

function ranks(values: number[]): number[] {
	const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value)
	const result = new Array<number>(values.length)
	for (let start = 0; start < order.length;) {
		let end = start
		while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++
		for (let k = start; k <= end; k++) result[order[k]!.index] = (start + end) / 2
		start = end + 1
	}
	return result
}

function pearson(a: number[], b: number[]): number {
	const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
	const ma = mean(a)
	const mb = mean(b)
	let cov = 0
	let va = 0
	let vb = 0
	for (let i = 0; i < a.length; i++) {
		cov += (a[i]! - ma) * (b[i]! - mb)
		va += (a[i]! - ma) ** 2
		vb += (b[i]! - mb) ** 2
	}
	return cov / Math.sqrt(va * vb)
}

function spearman(a: number[], b: number[]): number {
	return pearson(ranks(a), ranks(b))
}

/** Kendall's tau-a: concordant minus discordant pairs over all pairs. */
function kendallTau(a: number[], b: number[]): number {
	let sum = 0
	for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) sum += Math.sign(a[i]! - a[j]!) * Math.sign(b[i]! - b[j]!)
	return sum / ((a.length * (a.length - 1)) / 2)
}

describe('rank correlations', () => {
	it('are 1 for the same order, −1 for the reverse, and near 0 for a shuffle', () => {
		const values = [3, 1, 4, 1.5, 9, 2.6]
		expect(
			spearman(
				values,
				values.map((v) => v * 10 + 1),
			),
		).toBeCloseTo(1, 12)
		expect(
			kendallTau(
				values,
				values.map((v) => -v),
			),
		).toBe(-1)
		const random = createRandom(7)
		const many = Array.from({ length: 400 }, () => random.next())
		expect(Math.abs(spearman(many, random.shuffle(many)))).toBeLessThan(0.15)
	})
})

describe('graded outcomes against solved / not solved, when solving time depends on skill', () => {
	const runs = Array.from({ length: SEEDS }, (_, index) => {
		const { skills, attempts } = simulate(1000 + index)
		const graded = ratingsOf(attempts)
		const binary = ratingsOf(withoutEvidence(attempts))
		return {
			graded: { spearman: spearman(skills, graded), kendall: kendallTau(skills, graded) },
			binary: { spearman: spearman(skills, binary), kendall: kendallTau(skills, binary) },
		}
	})
	const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length

	it('orders engineers by true skill better with graded outcomes, seed after seed', () => {
		const summary = {
			spearman: { graded: mean(runs.map((run) => run.graded.spearman)), binary: mean(runs.map((run) => run.binary.spearman)) },
			kendall: { graded: mean(runs.map((run) => run.graded.kendall)), binary: mean(runs.map((run) => run.binary.kendall)) },
		}
		console.log(
			`${SEEDS} platforms of ${ENGINEERS} engineers × ${ATTEMPTS_EACH} first attempts — mean Spearman: graded ${summary.spearman.graded.toFixed(3)}, ` +
				`binary ${summary.spearman.binary.toFixed(3)}; mean Kendall tau: graded ${summary.kendall.graded.toFixed(3)}, binary ${summary.kendall.binary.toFixed(3)}`,
		)
		// Both rules learn something real…
		expect(summary.spearman.binary).toBeGreaterThan(0.5)
		// …and the evidence closes a clear part of the gap to a perfect order: at least a fifth
		// of what win/loss leaves unexplained, on average and on every platform but a few.
		expect(summary.spearman.graded - summary.spearman.binary).toBeGreaterThan(0.2 * (1 - summary.spearman.binary))
		expect(summary.kendall.graded).toBeGreaterThan(summary.kendall.binary + 0.03)
		expect(runs.filter((run) => run.graded.spearman > run.binary.spearman).length).toBeGreaterThanOrEqual(SEEDS - 2)
	})

	it('is deterministic: the same seed rates the same world the same way', () => {
		expect(ratingsOf(simulate(1000).attempts)).toEqual(ratingsOf(simulate(1000).attempts))
	})
})
