// The one seeded random generator: mulberry32, small and good enough for simulations, demo
// history and load data. The same seed gives the same sequence, everywhere it is used (the
// sandbox's Math.random, the simulation kit, the seeds). Pure, with no imports, so the
// in-isolate harness can bundle it.

/** A function returning numbers in [0, 1), determined by `seed` (taken as an unsigned 32-bit integer). */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0
	return () => {
		state = (state + 0x6d2b79f5) >>> 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
	}
}

export type Random = {
	next(): number
	/** A number in [min, max). */
	between(min: number, max: number): number
	/** A whole number in [min, max], both included. */
	int(min: number, max: number): number
	chance(p: number): boolean
	pick<T>(items: readonly T[]): T
	shuffle<T>(items: readonly T[]): T[]
	/** A UUID in the version 4 layout, made from the seed so a plan repeats. */
	uuid(): string
}

export function createRandom(seed: number): Random {
	const next = mulberry32(seed)
	return {
		next,
		between: (min, max) => min + (max - min) * next(),
		int: (min, max) => Math.floor(min + (max - min + 1) * next()),
		chance: (p) => next() < p,
		pick: (items) => items[Math.floor(next() * items.length)]!,
		shuffle: (items) => {
			const copy = [...items]
			for (let i = copy.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1))
				;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
			}
			return copy
		},
		uuid: () => {
			const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16))
			hex[12] = '4'
			hex[16] = (Math.floor(next() * 4) + 8).toString(16)
			const text = hex.join('')
			return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`
		},
	}
}
