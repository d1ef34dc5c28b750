// A simulation of the retention loop, end to end through the pure parts: learners practise
// two exercises a day, each time starting the first item of their Next up (interleaveNextUp);
// each finished variant reviews its family's card (scheduleNextCheck), and due checks come
// back. Two kinds of learner: one whose lessons last, one whose lessons fade with time.
// Seeded, so it is the same every run.
import { describe, expect, test } from 'vitest'
import { createRandom, type Random } from '#app/utils/random.ts'
import { CHECK_GRACE_MS, interleaveNextUp, NEXT_UP_LENGTH, type DueCheck, type NextUpCandidate, type RecentPractice } from './next-up.ts'
import { pickCheckVariant, scheduleNextCheck, type FamilyCard } from './schedule.ts'

const DAY_MS = 86_400_000
const FAMILIES = Array.from({ length: 20 }, (_, index) => `family-${index}`)
const VARIANTS = FAMILIES.flatMap((family) => [0, 1, 2].map((variant) => ({ slug: `${family}-v${variant}`, family, difficulty: 1000 + 300 * variant })))
// Work outside families (architecture, and whatever else the catalogue grows): new, never checked.
const OTHER_WORK = Array.from({ length: 60 }, (_, index) => ({ slug: `design-${index}`, family: null }))
const START = Date.UTC(2026, 0, 5, 9)
const DAYS = 150
const PER_DAY = 2

type Learner = {
	/** Chance of solving a variant of a family never met. */
	fresh: number
	/** Days for what was learnt about a family to fade by about two thirds; Infinity when it lasts. */
	fadeDays: number
}

type Served = {
	at: number
	day: number
	kind: 'check' | 'new'
	family: string | null
	dueAt: number | null
	dueDay: number | null
	offeredDay: number | null
	solved: boolean
}

function simulate(learner: Learner, random: Random) {
	const cards = new Map<string, FamilyCard>()
	const lastSolvedAt = new Map<string, number>()
	const seen = new Set<string>()
	const recent: RecentPractice = []
	const served: Served[] = []
	/** The day each check first appeared in Next up. */
	const offeredOn = new Map<string, number>()
	// The order new work is suggested in: families and other work mixed, as a catalogue is.
	const newWork = random.shuffle([...FAMILIES.map((family) => ({ slug: `${family}-v0`, family })), ...OTHER_WORK])
	for (let day = 0; day < DAYS; day++) {
		for (let slot = 0; slot < PER_DAY; slot++) {
			const now = new Date(START + day * DAY_MS + slot * 3_600_000)
			const checks: DueCheck[] = [...cards].flatMap(([family, card]) => {
				if (card.due > now) return []
				const variant = pickCheckVariant(
					VARIANTS.filter((v) => v.family === family),
					seen,
					1300,
				)
				return variant ? [{ slug: variant.slug, family, due: card.due }] : []
			})
			// New work: first variants of families not met yet (the others are kept for checks), and designs.
			const fresh: NextUpCandidate[] = newWork.filter((item) => !seen.has(item.slug))
			// The learner looks at Next up and starts its first item.
			const shown = interleaveNextUp({ checks, fresh, recent, limit: NEXT_UP_LENGTH, now })
			for (const item of shown) if (item.kind === 'check' && !offeredOn.has(item.slug)) offeredOn.set(item.slug, day)
			const next = shown[0]
			if (!next) break
			seen.add(next.slug)
			recent.push({ kind: next.kind, family: next.family, at: now })
			if (!next.family) {
				served.push({ at: now.getTime(), day, kind: 'new', family: null, dueAt: null, dueDay: null, offeredDay: null, solved: true })
				continue
			}
			const learntAt = lastSolvedAt.get(next.family)
			const kept = learntAt === undefined ? 0 : Math.exp(-(now.getTime() - learntAt) / DAY_MS / learner.fadeDays)
			const chance = learner.fresh + (0.97 - learner.fresh) * kept
			const solved = random.chance(chance)
			if (solved) lastSolvedAt.set(next.family, now.getTime())
			const finishedAt = new Date(now.getTime() + 40 * 60_000)
			const scheduled = scheduleNextCheck(cards.get(next.family) ?? null, { solved, hintsRevealed: 0, failedFixes: 0 }, finishedAt, next.family)
			cards.set(next.family, scheduled.card)
			served.push({
				at: now.getTime(),
				day,
				kind: next.kind,
				family: next.family,
				dueAt: next.kind === 'check' ? next.due.getTime() : null,
				dueDay: next.kind === 'check' ? Math.floor((next.due.getTime() - START) / DAY_MS) : null,
				offeredDay: next.kind === 'check' ? offeredOn.get(next.slug)! : null,
				solved,
			})
		}
	}
	return served
}

function population(learner: Learner, seed: number, size = 30) {
	const random = createRandom(seed)
	return Array.from({ length: size }, () => simulate(learner, random))
}

const lasting: Learner = { fresh: 0.6, fadeDays: Number.POSITIVE_INFINITY }
const fading: Learner = { fresh: 0.6, fadeDays: 10 }

describe('retention checks, simulated over 150 days', () => {
	const lasts = population(lasting, 11)
	const fades = population(fading, 11)
	const checks = (histories: Served[][]) => histories.flat().filter((entry) => entry.kind === 'check')
	const solveRate = (entries: Served[]) => entries.filter((entry) => entry.solved).length / entries.length

	test('checks catch learners whose lessons fade: their checks fail far more often', () => {
		expect(checks(lasts).length).toBeGreaterThan(300)
		expect(checks(fades).length).toBeGreaterThan(300)
		const lastingMisses = 1 - solveRate(checks(lasts))
		const fadingMisses = 1 - solveRate(checks(fades))
		// Both kinds solve a family's first variant equally often; only what fades differs.
		expect(fadingMisses).toBeGreaterThan(2 * lastingMisses)
	})

	test('a due check is served in Next up within a day of its due date', () => {
		for (const entry of [...checks(lasts), ...checks(fades)]) expect(entry.offeredDay! - entry.dueDay!).toBeLessThanOrEqual(1)
	})

	test('no family comes twice in a row within a day, and never more than one check for every two new exercises', () => {
		for (const history of [...lasts, ...fades]) {
			for (let i = 1; i < history.length; i++) {
				const [before, entry] = [history[i - 1]!, history[i]!]
				if (entry.family !== null && entry.at - before.at < DAY_MS) expect(entry.family).not.toBe(before.family)
			}
			let newSinceCheck = Number.POSITIVE_INFINITY
			for (const [index, entry] of history.entries()) {
				if (entry.kind === 'check') {
					// Exceptions: a check half a day late goes ahead, and once new work runs out checks follow each other.
					const late = entry.at - entry.dueAt! >= CHECK_GRACE_MS
					const newLeft = history.slice(index).some((later) => later.kind === 'new')
					if (newLeft && !late) expect(newSinceCheck).toBeGreaterThanOrEqual(2)
					newSinceCheck = 0
				} else newSinceCheck += 1
			}
		}
	})
})
