// Glicko-2, as in Mark Glickman's "Example of the Glicko-2 system" (2013, revised 2022):
// one rating period for one player against a list of opponents. Step numbers in the
// comments are the paper's. Pure, no I/O.

/** Ratings on the familiar Glicko scale: 1500 is the starting rating, RD its uncertainty. */
export type Glicko2Rating = { rating: number; rd: number; volatility: number }

export type Glicko2Game = {
	opponent: { rating: number; rd: number }
	/** 1 for a win, 0 for a loss, 0.5 for a draw. */
	score: number
	/**
	 * How much this game counts, in (0, 1]; 1 when left out. A weighted game is a fraction of a
	 * game: its terms in v and in delta are multiplied by the weight (a weighted likelihood).
	 * That keeps the update Bayesian — a half-weight game moves the rating less *and* lowers
	 * the RD less, since it carries half the evidence — and weight 1 is the paper exactly.
	 */
	weight?: number
}

/** The paper's intermediate quantities, on the Glicko-2 scale; v and delta are null without games. */
export type Glicko2Steps = {
	mu: number
	phi: number
	v: number | null
	delta: number | null
	volatility: number
	/** Step 6: the RD grown by the new volatility, before the games narrow it. */
	phiStar: number
	muPrime: number
	phiPrime: number
}

/** The factor between the Glicko and the Glicko-2 scales (400 / ln 10). */
export const GLICKO2_SCALE = 173.7178
export const BASE_RATING = 1500
/** The paper suggests 0.3 to 1.2; smaller values keep volatility from swinging on upsets. */
const DEFAULT_TAU = 0.5
/** The paper's convergence tolerance for the volatility iteration. */
const EPSILON = 0.000001
// The Illinois iteration converges in a handful of steps; the cap only guards against NaN input.
const MAX_ITERATIONS = 100

export function toGlicko2Scale(rating: number, rd: number): { mu: number; phi: number } {
	return { mu: (rating - BASE_RATING) / GLICKO2_SCALE, phi: rd / GLICKO2_SCALE }
}

export function fromGlicko2Scale(mu: number, phi: number): { rating: number; rd: number } {
	return { rating: GLICKO2_SCALE * mu + BASE_RATING, rd: GLICKO2_SCALE * phi }
}

const g = (phi: number) => 1 / Math.sqrt(1 + (3 * phi * phi) / (Math.PI * Math.PI))
const expectedScore = (mu: number, muJ: number, phiJ: number) => 1 / (1 + Math.exp(-g(phiJ) * (mu - muJ)))

/** One rating period, with every intermediate value the paper prints. */
export function ratingPeriodSteps(player: Glicko2Rating, games: Glicko2Game[], options: { tau?: number } = {}): Glicko2Steps {
	const tau = options.tau ?? DEFAULT_TAU
	const { mu, phi } = toGlicko2Scale(player.rating, player.rd) // step 2
	const sigma = player.volatility
	if (games.length === 0) {
		// A player who did not compete: only the RD grows, by one period's volatility.
		const phiStar = Math.sqrt(phi * phi + sigma * sigma)
		return { mu, phi, v: null, delta: null, volatility: sigma, phiStar, muPrime: mu, phiPrime: phiStar }
	}
	let information = 0
	let improvement = 0
	for (const game of games) {
		const weight = weightOf(game)
		const { mu: muJ, phi: phiJ } = toGlicko2Scale(game.opponent.rating, game.opponent.rd)
		const gJ = g(phiJ)
		const expected = expectedScore(mu, muJ, phiJ)
		information += weight * gJ * gJ * expected * (1 - expected)
		improvement += weight * gJ * (game.score - expected)
	}
	const v = 1 / information // step 3
	const delta = v * improvement // step 4
	const volatility = newVolatility(phi, sigma, v, delta, tau) // step 5
	const phiStar = Math.sqrt(phi * phi + volatility * volatility) // step 6
	const phiPrime = 1 / Math.sqrt(1 / (phiStar * phiStar) + 1 / v) // step 7
	const muPrime = mu + phiPrime * phiPrime * improvement
	return { mu, phi, v, delta, volatility, phiStar, muPrime, phiPrime }
}

/** The player's rating after one rating period (step 8: back on the Glicko scale). */
export function updateRating(player: Glicko2Rating, games: Glicko2Game[], options: { tau?: number } = {}): Glicko2Rating {
	const steps = ratingPeriodSteps(player, games, options)
	return { ...fromGlicko2Scale(steps.muPrime, steps.phiPrime), volatility: steps.volatility }
}

/** The RD after a period without games: uncertainty grows while nothing is observed. */
export function rdAfterIdlePeriod(player: Glicko2Rating): number {
	return updateRating(player, []).rd
}

function weightOf(game: Glicko2Game): number {
	const weight = game.weight ?? 1
	if (!(weight > 0 && weight <= 1)) throw new RangeError(`A game's weight must lie in (0, 1], got ${weight}`)
	return weight
}

/** Step 5: the new volatility, the root of f found with the Illinois (regula falsi) algorithm. */
function newVolatility(phi: number, sigma: number, v: number, delta: number, tau: number): number {
	const a = Math.log(sigma * sigma)
	const f = (x: number) => {
		const ex = Math.exp(x)
		const denominator = phi * phi + v + ex
		return (ex * (delta * delta - phi * phi - v - ex)) / (2 * denominator * denominator) - (x - a) / (tau * tau)
	}
	let A = a
	let B: number
	if (delta * delta > phi * phi + v) {
		B = Math.log(delta * delta - phi * phi - v)
	} else {
		let k = 1
		while (f(a - k * tau) < 0) k++
		B = a - k * tau
	}
	let fA = f(A)
	let fB = f(B)
	for (let i = 0; Math.abs(B - A) > EPSILON && i < MAX_ITERATIONS; i++) {
		const C = A + ((A - B) * fA) / (fB - fA)
		const fC = f(C)
		if (fC * fB <= 0) {
			A = B
			fA = fB
		} else {
			fA = fA / 2
		}
		B = C
		fB = fC
	}
	return Math.exp(A / 2)
}
