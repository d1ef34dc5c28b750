// The learner's "Next up": due retention checks interleaved with new stretch exercises.
// Interleaving beats blocks of one kind, so: never the same family twice in a row (counting
// what the learner did last), and at most one check for every two new exercises, unless the
// learner asked for more checks or nothing new is left. (A family practised more than a day
// ago is no longer "just practised".) Checks that are most overdue go
// first, and a check half a day past due goes ahead of the two-new rule, so that a learner
// who practises daily meets every check within a day of its date: a gap that keeps drifting
// would no longer be the gap the schedule chose. Pure; the list is
// shown without saying which items are checks.

export type NextUpCandidate = {
	slug: string
	/** The bug family; null for exercises outside families (architecture). */
	family: string | null
}

export type DueCheck = NextUpCandidate & { family: string; due: Date }

export type NextUpItem = (NextUpCandidate & { kind: 'new' }) | (DueCheck & { kind: 'check' })

/** What the learner did most recently (when they started it), oldest first, newest last. */
export type RecentPractice = Array<{ kind: 'check' | 'new'; family: string | null; at: Date }>

/** Practice this long ago no longer counts as "just practised" for the family rule. */
export const SAME_FAMILY_GAP_MS = 86_400_000

/** How many items Next up shows. */
export const NEXT_UP_LENGTH = 5

/** New exercises to serve between two checks. */
export const NEW_PER_CHECK = 2
/** How late a check may run before it goes ahead of new work. */
export const CHECK_GRACE_MS = 12 * 3_600_000

export function interleaveNextUp(input: {
	checks: readonly DueCheck[]
	/** New exercises in the order the suggestion ranks them. */
	fresh: readonly NextUpCandidate[]
	recent: RecentPractice
	/** The learner asked for more checks: serve them as soon as the family rule allows. */
	moreChecks?: boolean
	limit: number
	now: Date
}): NextUpItem[] {
	const checks = [...input.checks].sort((a, b) => a.due.getTime() - b.due.getTime() || a.slug.localeCompare(b.slug))
	const fresh = [...input.fresh]
	const items: NextUpItem[] = []
	const last = input.recent.at(-1)
	let lastFamily = last && input.now.getTime() - last.at.getTime() < SAME_FAMILY_GAP_MS ? last.family : null
	let newSinceCheck = newSinceLastCheck(input.recent)

	const take = <T extends NextUpCandidate>(list: T[], also: (candidate: T) => boolean = () => true): T | undefined => {
		const index = list.findIndex((candidate) => (candidate.family === null || candidate.family !== lastFamily) && also(candidate))
		return index >= 0 ? list.splice(index, 1)[0] : undefined
	}
	const late = (check: DueCheck) => input.now.getTime() - check.due.getTime() >= CHECK_GRACE_MS

	while (items.length < input.limit && (checks.length > 0 || fresh.length > 0)) {
		const checkAllowed = input.moreChecks || newSinceCheck >= NEW_PER_CHECK || fresh.length === 0
		const check = checkAllowed ? take(checks) : take(checks, late)
		const next: NextUpItem | undefined = check ? { ...check, kind: 'check' } : withKind(take(fresh))
		if (!next) {
			// Only the family just practised is left. A new exercise of it may follow; a check of
			// it would be massed practice, so it waits for the next list.
			const fallback = withKind(fresh.shift())
			if (!fallback) break
			items.push(fallback)
		} else {
			items.push(next)
		}
		const added = items.at(-1)!
		lastFamily = added.family
		newSinceCheck = added.kind === 'check' ? 0 : newSinceCheck + 1
	}
	return items
}

function withKind(candidate: NextUpCandidate | undefined): NextUpItem | undefined {
	return candidate ? { ...candidate, kind: 'new' } : undefined
}

/** New exercises since the last check; a history without checks counts as "enough". */
function newSinceLastCheck(recent: RecentPractice) {
	const lastCheck = recent.findLastIndex((entry) => entry.kind === 'check')
	return lastCheck < 0 ? Number.POSITIVE_INFINITY : recent.length - 1 - lastCheck
}
