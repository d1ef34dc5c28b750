// Rates from small counts, with their uncertainty. A team of five with 3 of 4 retention checks
// solved has not shown a 75 % retention rate; the Wilson interval says how wide the doubt is,
// and below a minimum sample a rate is not shown at all. Pure.

/** Fewer observations than this and a rate is hidden: "2 of 3" says more than "67 %". */
export const MIN_SAMPLE_FOR_RATE = 5

export type Proportion = {
	successes: number
	total: number
	/** successes / total; null when total is 0. */
	rate: number | null
	/** The 95 % Wilson score interval; null when total is 0. */
	interval: { low: number; high: number } | null
	/** Whether there is enough to show the rate (see MIN_SAMPLE_FOR_RATE). */
	shown: boolean
}

const Z_95 = 1.959964

/** The Wilson score interval for `successes` out of `total` (95 % unless another z is given). */
export function wilsonInterval(successes: number, total: number, z = Z_95): { low: number; high: number } | null {
	if (total <= 0) return null
	const p = successes / total
	const z2 = z * z
	const centre = (p + z2 / (2 * total)) / (1 + z2 / total)
	const margin = (z / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))
	// At 0 of n and n of n the bound is exactly 0 or 1; rounding must not make it 0.9999….
	return { low: successes === 0 ? 0 : Math.max(0, centre - margin), high: successes === total ? 1 : Math.min(1, centre + margin) }
}

export function proportion(successes: number, total: number): Proportion {
	if (!Number.isInteger(successes) || !Number.isInteger(total) || successes < 0 || total < 0 || successes > total) {
		throw new RangeError(`A proportion needs whole counts with 0 ≤ successes ≤ total (got ${successes} of ${total}).`)
	}
	return {
		successes,
		total,
		rate: total > 0 ? successes / total : null,
		interval: wilsonInterval(successes, total),
		shown: total >= MIN_SAMPLE_FOR_RATE,
	}
}

/** "75 % (45–94 %, 8 of 12)", or "3 of 4 — too few to give a rate" below the minimum sample. */
export function describeProportion(value: Proportion): string {
	if (value.total === 0) return 'none yet'
	if (!value.shown || value.rate === null || !value.interval) return `${value.successes} of ${value.total} — too few to give a rate`
	const percent = (x: number) => Math.round(x * 100)
	return `${percent(value.rate)} % (${percent(value.interval.low)}–${percent(value.interval.high)} %, ${value.successes} of ${value.total})`
}
