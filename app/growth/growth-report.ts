// What a growth report makes of an engineer's stored rating changes (ADR 010): each skill's
// movement in the period against the period before, and the attempts the ratings learned
// most from. Pure.
import { explainStoredChange, type StoredRatingChange } from './stored-rating-change.ts'
import { byTopicOrder, topicName } from './topic-names.ts'
import type { PeriodFigure } from './metrics.ts'

/** [from, to), compared with [previousFrom, from) of the same length. */
export type ComparedPeriod = { previousFrom: Date; from: Date }

/** How independently the engineer worked in the period: counts of attempts, and the rate against the period before. */
export type ReportIndependence = {
	independent: number
	withHints: number
	withOutsidePastes: number
	notAttested: number
	attempts: number
	rate: PeriodFigure
	previousRate: PeriodFigure
}

export type SkillInPeriod = {
	topic: string
	label: string
	/** The rating at the end of the period; null when the topic had no game by then. */
	rating: number | null
	rd: number | null
	/** How far the rating moved during the period, and over how many games; null without a game. */
	change: number | null
	games: number
	previousChange: number | null
	previousGames: number
}

/**
 * Every topic played up to the end of the period, in the catalogue's order. `changes` are the
 * engineer's changes before the period's end, oldest first: a rating at a moment is the rating
 * after the last game before it.
 */
export function skillsInPeriod(
	changes: ReadonlyArray<Pick<StoredRatingChange, 'topic' | 'at' | 'ratingBefore' | 'ratingAfter' | 'rdAfter'>>,
	period: ComparedPeriod,
): SkillInPeriod[] {
	const { previousFrom, from } = period
	return [...new Set(changes.map((change) => change.topic))].sort(byTopicOrder).map((topic) => {
		const games = changes.filter((change) => change.topic === topic)
		const during = games.filter((change) => change.at >= from)
		const previous = games.filter((change) => change.at >= previousFrom && change.at < from)
		const last = games.at(-1)!
		const moved = (list: typeof games) => (list.length ? list.at(-1)!.ratingAfter - list[0]!.ratingBefore : null)
		return {
			topic,
			label: topicName(topic),
			rating: last.ratingAfter,
			rd: last.rdAfter,
			change: moved(during),
			games: during.length,
			previousChange: moved(previous),
			previousGames: previous.length,
		}
	})
}

/** One rated attempt's changes in the period, one per topic, and their sum. */
export type AttemptRatingChanges<C> = { changes: C[]; total: number }

/** The changes made at or after `from`, by attempt, in the order given. */
export function ratingChangesByAttempt<C extends { attemptId: string; at: Date; delta: number }>(
	changes: readonly C[],
	from: Date,
): Map<string, AttemptRatingChanges<C>> {
	const byAttempt = new Map<string, AttemptRatingChanges<C>>()
	for (const change of changes) {
		if (change.at < from) continue
		const entry = byAttempt.get(change.attemptId) ?? { changes: [], total: 0 }
		entry.changes.push(change)
		entry.total += change.delta
		byAttempt.set(change.attemptId, entry)
	}
	return byAttempt
}

/**
 * A telling attempt is one the rating system learned most from: the rated attempts of the
 * period with the largest total rating change, i.e. results furthest from what the ratings
 * expected, counted by how independently they were reached. The biggest gain and the biggest
 * loss come first when the period has them, then the next largest swing.
 */
export type TellingAttempt = {
	attemptId: string
	exercise: { slug: string; title: string }
	finishedAt: string
	solved: boolean
	kind: 'biggest-gain' | 'biggest-loss' | 'large-swing'
	ratingChange: number
	/** explainRatingChange for the topic the attempt moved most. */
	explanation: string
}

export const TELLING_ATTEMPTS = 3

/** Up to TELLING_ATTEMPTS of the period's finished `attempts`, oldest first; only rated ones can be picked. */
export function tellingAttempts(
	attempts: ReadonlyArray<{ attemptId: string; exercise: { slug: string; title: string }; finishedAt: Date; solved: boolean }>,
	changesByAttempt: ReadonlyMap<string, AttemptRatingChanges<StoredRatingChange>>,
): TellingAttempt[] {
	type Candidate = { attempt: (typeof attempts)[number]; rated: AttemptRatingChanges<StoredRatingChange> }
	const rated = attempts.flatMap((attempt): Candidate[] => {
		const changes = changesByAttempt.get(attempt.attemptId)
		return changes ? [{ attempt, rated: changes }] : []
	})
	const picked: Array<Candidate & { kind: TellingAttempt['kind'] }> = []
	const gain = [...rated].sort((a, b) => b.rated.total - a.rated.total)[0]
	if (gain && gain.rated.total > 0) picked.push({ ...gain, kind: 'biggest-gain' })
	const loss = [...rated].sort((a, b) => a.rated.total - b.rated.total)[0]
	if (loss && loss.rated.total < 0) picked.push({ ...loss, kind: 'biggest-loss' })
	for (const candidate of [...rated].sort((a, b) => Math.abs(b.rated.total) - Math.abs(a.rated.total))) {
		if (picked.length >= TELLING_ATTEMPTS) break
		if (!picked.some((chosen) => chosen.attempt.attemptId === candidate.attempt.attemptId)) picked.push({ ...candidate, kind: 'large-swing' })
	}
	return picked
		.sort((a, b) => a.attempt.finishedAt.getTime() - b.attempt.finishedAt.getTime())
		.map(({ attempt, rated, kind }) => {
			const strongest = [...rated.changes].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))[0]!
			return {
				attemptId: attempt.attemptId,
				exercise: attempt.exercise,
				finishedAt: attempt.finishedAt.toISOString(),
				solved: attempt.solved,
				kind,
				ratingChange: rated.total,
				explanation: explainStoredChange(strongest),
			}
		})
}

const EXCERPT_CHARS = 280

/** A review's summary cut to EXCERPT_CHARS at a word, with an ellipsis when it was cut. */
export function reviewExcerpt(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim()
	if (flat.length <= EXCERPT_CHARS) return flat
	const cut = flat.slice(0, EXCERPT_CHARS)
	const space = cut.lastIndexOf(' ')
	return `${(space > EXCERPT_CHARS * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`
}
