// When a bug family comes back as a retention check. One FSRS card (ts-fsrs, the algorithm
// behind Anki) per learner × family: each finished variant of the family is a review of that
// card, graded from the attempt's outcome, and the card's next due date is when another,
// unseen variant of the family is served as an unannounced check. Pure.
//
// FSRS is tuned for flashcards reviewed daily; a variant costs half an hour, and a family has
// only a few of them. So the scheduler aims at a lower retention (80 % rather than 90 %),
// which spaces checks by weeks rather than days (solved unaided: ≈ 8 days, then ≈ 75), and
// the interval is kept between two days and four months.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade, type State } from 'ts-fsrs'

export const RETENTION_TARGET = 0.8
export const MIN_INTERVAL_DAYS = 2
export const MAX_INTERVAL_DAYS = 120
const DAY_MS = 86_400_000

const scheduler = fsrs(
	generatorParameters({
		request_retention: RETENTION_TARGET,
		maximum_interval: MAX_INTERVAL_DAYS,
		// Same history, same schedule: a lead can reproduce why a check is due.
		enable_fuzz: false,
		// Minute-scale learning steps make no sense for half-hour exercises.
		enable_short_term: false,
	}),
)

/** How an attempt at a variant ended, as far as the schedule cares. */
export type VariantOutcome = {
	/** Correct root cause and a fix that passed the hidden tests. */
	solved: boolean
	hintsRevealed: number
	/** Submitted fixes that failed the hidden tests. */
	failedFixes: number
}

export type RetentionGrade = 'again' | 'hard' | 'good'

/**
 * The grade a finished variant gives its family's card: given up or not solved → again;
 * solved after hints or a failed fix → hard; solved unaided at the first fix → good.
 * There is no "easy": nothing in an attempt says the lesson was too easy to need spacing.
 */
export function retentionGrade(outcome: VariantOutcome): RetentionGrade {
	if (!outcome.solved) return 'again'
	if (outcome.hintsRevealed > 0 || outcome.failedFixes > 0) return 'hard'
	return 'good'
}

const FSRS_GRADES: Record<RetentionGrade, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good }

/** A family card as stored: FSRS's memory state plus when the family is next due. */
export type FamilyCard = {
	due: Date
	stability: number
	difficulty: number
	reps: number
	lapses: number
	/** FSRS's state: 0 new, 1 learning, 2 review, 3 relearning. */
	state: number
	lastReview: Date | null
	scheduledDays: number
}

export type ScheduledCheck = {
	card: FamilyCard
	grade: RetentionGrade
	/** Whole days from the review to the next check. */
	intervalDays: number
	/** Why the check is due then, in a lead's and learner's words. */
	reason: string
}

/**
 * Reviews the family's card with the outcome of a finished variant at `at`, and says when the
 * next variant is due and why. `card` is null for the first variant the learner meets.
 */
export function scheduleNextCheck(card: FamilyCard | null, outcome: VariantOutcome, at: Date, familyName: string): ScheduledCheck {
	const grade = retentionGrade(outcome)
	const current = card ? toFsrsCard(card) : createEmptyCard(at)
	const reviewed = scheduler.next(current, at, FSRS_GRADES[grade]).card
	const intervalDays = clampInterval(Math.round((reviewed.due.getTime() - at.getTime()) / DAY_MS))
	const due = new Date(at.getTime() + intervalDays * DAY_MS)
	return {
		card: { ...fromFsrsCard(reviewed), due, scheduledDays: intervalDays },
		grade,
		intervalDays,
		reason: explainSchedule(grade, card, intervalDays, familyName),
	}
}

function clampInterval(days: number) {
	return Math.min(MAX_INTERVAL_DAYS, Math.max(MIN_INTERVAL_DAYS, days))
}

const GRADE_WORDS: Record<RetentionGrade, string> = {
	again: 'not solved',
	hard: 'solved with help (hints or a failed fix)',
	good: 'solved unaided',
}

function explainSchedule(grade: RetentionGrade, previous: FamilyCard | null, days: number, familyName: string) {
	const after = `another variant of “${familyName}” comes back in ${days} ${days === 1 ? 'day' : 'days'}`
	if (!previous) return `First variant ${GRADE_WORDS[grade]}: ${after}.`
	const direction =
		grade === 'again'
			? 'the gap shrinks after a miss'
			: days > previous.scheduledDays
				? 'the gap grows after a success'
				: 'the gap stays short after a solve with help'
	return `Variant ${GRADE_WORDS[grade]} (${direction}): ${after}.`
}

/** How likely FSRS thinks the learner still has the lesson at `at` (0–1); 1 before any review. */
export function recallProbability(card: FamilyCard, at: Date): number {
	if (!card.lastReview) return 1
	const elapsedDays = Math.max(0, (at.getTime() - card.lastReview.getTime()) / DAY_MS)
	return scheduler.forgetting_curve(elapsedDays, card.stability)
}

function toFsrsCard(card: FamilyCard): Card {
	return {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: 0,
		scheduled_days: card.scheduledDays,
		learning_steps: 0,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as State,
		last_review: card.lastReview ?? undefined,
	}
}

function fromFsrsCard(card: Card): FamilyCard {
	return {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.last_review ?? null,
		scheduledDays: card.scheduled_days,
	}
}

/**
 * The variant a check serves: one of the family the learner has never opened (every variant
 * of a family is set in a different code base, so a check also tests transfer), the one
 * closest to their level. Null when every variant has been seen: the family has no more
 * checks to give.
 */
export function pickCheckVariant<V extends { slug: string; difficulty: number }>(variants: readonly V[], seen: ReadonlySet<string>, level: number): V | null {
	const unseen = variants.filter((variant) => !seen.has(variant.slug))
	const byFit = [...unseen].sort((a, b) => Math.abs(a.difficulty - level) - Math.abs(b.difficulty - level) || a.slug.localeCompare(b.slug))
	return byFit[0] ?? null
}
