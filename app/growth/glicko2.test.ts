import { describe, expect, it } from 'vitest'
import {
	BASE_RATING,
	GLICKO2_SCALE,
	fromGlicko2Scale,
	ratingPeriodSteps,
	rdAfterIdlePeriod,
	toGlicko2Scale,
	updateRating,
	type Glicko2Game,
} from './glicko2.ts'

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

describe("Glickman's worked example", () => {
	const player = { rating: 1500, rd: 200, volatility: 0.06 }
	const games: Glicko2Game[] = [
		{ opponent: { rating: 1400, rd: 30 }, score: 1 },
		{ opponent: { rating: 1550, rd: 100 }, score: 0 },
		{ opponent: { rating: 1700, rd: 300 }, score: 0 },
	]
	const steps = ratingPeriodSteps(player, games, { tau: 0.5 })
	const after = updateRating(player, games, { tau: 0.5 })

	it('converts the player to the Glicko-2 scale', () => {
		expect(steps.mu).toBe(0)
		expect(steps.phi).toBeCloseTo(1.1513, 4)
	})

	it('gives the printed v and delta, up to the paper rounding E to three decimals in its table', () => {
		// With E = 0.639, 0.432, 0.303 as printed, v comes out 1.7785; exact arithmetic gives 1.7790.
		expect(Math.abs(steps.v! - 1.7785)).toBeLessThan(0.0006)
		expect(Math.abs(steps.delta! - -0.4834)).toBeLessThan(0.0006)
		expect(steps.v).toBeCloseTo(1.779, 3)
		expect(steps.delta).toBeCloseTo(-0.4839, 4)
	})

	it('gives the printed volatility, mu′, phi* and phi′', () => {
		expect(steps.volatility).toBeCloseTo(0.05999, 4)
		expect(steps.phiStar).toBeCloseTo(1.152862, 4)
		expect(steps.muPrime).toBeCloseTo(-0.2069, 4)
		expect(steps.phiPrime).toBeCloseTo(0.8722, 4)
	})

	it('gives the printed rating, RD and volatility', () => {
		// The paper converts mu′ rounded to four decimals (1464.06); unrounded it is 1464.05.
		expect(GLICKO2_SCALE * round(steps.muPrime, 4) + BASE_RATING).toBeCloseTo(1464.06, 2)
		expect(after.rating).toBeCloseTo(1464.06, 1)
		expect(after.rd).toBeCloseTo(151.52, 2)
		expect(after.volatility).toBeCloseTo(0.05999, 4)
	})

	it('is what updateRating returns', () => {
		expect(after).toEqual({ ...fromGlicko2Scale(steps.muPrime, steps.phiPrime), volatility: steps.volatility })
	})
})

describe('scale conversion', () => {
	it('round-trips between the Glicko and Glicko-2 scales', () => {
		const { mu, phi } = toGlicko2Scale(1700, 300)
		expect(mu).toBeCloseTo(1.1513, 4)
		expect(phi).toBeCloseTo(1.7269, 4)
		const back = fromGlicko2Scale(mu, phi)
		expect(back.rating).toBeCloseTo(1700, 9)
		expect(back.rd).toBeCloseTo(300, 9)
	})
})

describe('a period without games', () => {
	it('keeps rating and volatility and grows the RD by the volatility', () => {
		const player = { rating: 1620, rd: 80, volatility: 0.06 }
		const after = updateRating(player, [])
		expect(after.rating).toBe(1620)
		expect(after.volatility).toBe(0.06)
		expect(after.rd).toBeGreaterThan(80)
		expect(after.rd).toBeCloseTo(GLICKO2_SCALE * Math.sqrt((80 / GLICKO2_SCALE) ** 2 + 0.06 ** 2), 9)
		expect(rdAfterIdlePeriod(player)).toBe(after.rd)
	})
})

describe('weighted games', () => {
	const player = { rating: 1500, rd: 200, volatility: 0.06 }
	const opponent = { rating: 1550, rd: 120 }

	it('with weight 1 is the unweighted update', () => {
		const games: Glicko2Game[] = [
			{ opponent, score: 1 },
			{ opponent: { rating: 1300, rd: 60 }, score: 0 },
		]
		expect(
			updateRating(
				player,
				games.map((game) => ({ ...game, weight: 1 })),
			),
		).toEqual(updateRating(player, games))
	})

	it('moves the rating less, and narrows the RD less, the smaller the weight', () => {
		for (const score of [0, 1]) {
			const moves = [1, 0.75, 0.5, 0.25].map((weight) => updateRating(player, [{ opponent, score, weight }]))
			const distances = moves.map((after) => Math.abs(after.rating - player.rating))
			for (let i = 1; i < moves.length; i++) {
				expect(distances[i]).toBeLessThan(distances[i - 1]!)
				expect(moves[i]!.rd).toBeGreaterThan(moves[i - 1]!.rd)
			}
		}
	})

	it('refuses weights outside (0, 1]', () => {
		expect(() => updateRating(player, [{ opponent, score: 1, weight: 0 }])).toThrow(RangeError)
		expect(() => updateRating(player, [{ opponent, score: 1, weight: 1.5 }])).toThrow(RangeError)
	})
})

describe('direction and symmetry', () => {
	const ratings = [900, 1300, 1500, 1800, 2200]
	const rds = [40, 150, 350]

	it('a win always raises the rating and a loss always lowers it, whoever the opponent', () => {
		for (const rating of ratings) {
			for (const opponentRating of ratings) {
				for (const rd of rds) {
					const player = { rating, rd, volatility: 0.06 }
					const opponent = { rating: opponentRating, rd: 100 }
					expect(updateRating(player, [{ opponent, score: 1 }]).rating).toBeGreaterThan(rating)
					expect(updateRating(player, [{ opponent, score: 0 }]).rating).toBeLessThan(rating)
				}
			}
		}
	})

	it('between equals, a win gains exactly what a loss costs, and winner and loser move by the same amount', () => {
		const player = { rating: 1500, rd: 120, volatility: 0.06 }
		const win = updateRating(player, [{ opponent: { rating: 1500, rd: 120 }, score: 1 }])
		const loss = updateRating(player, [{ opponent: { rating: 1500, rd: 120 }, score: 0 }])
		expect(win.rating - 1500).toBeGreaterThan(0)
		expect(win.rating - 1500).toBeCloseTo(1500 - loss.rating, 9)
		expect(win.rd).toBeCloseTo(loss.rd, 9)
		expect(win.volatility).toBeCloseTo(loss.volatility, 12)
	})

	it('mirrors around 1500: the lower player beating the higher one gains what the higher one loses to the lower one', () => {
		const low = { rating: 1400, rd: 90, volatility: 0.06 }
		const high = { rating: 1600, rd: 90, volatility: 0.06 }
		const upset = updateRating(low, [{ opponent: high, score: 1 }])
		const mirrored = updateRating(high, [{ opponent: low, score: 0 }])
		expect(upset.rating - low.rating).toBeCloseTo(high.rating - mirrored.rating, 9)
		expect(upset.rating - low.rating).toBeGreaterThan(updateRating(high, [{ opponent: low, score: 1 }]).rating - high.rating)
	})
})
