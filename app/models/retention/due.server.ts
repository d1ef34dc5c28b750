// Which retention checks are due: for a learner's Next up (which variant each due family
// serves) and for a lead's view of a team (due and overdue per member, with why). A learner
// never sees a card before its check is finished; only leads see the reasons ahead of time.
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { familyLabel } from '#app/retention/family-label.ts'
import type { DueCheck } from '#app/retention/next-up.ts'
import { pickCheckVariant } from '#app/retention/schedule.ts'
import { checksOnFor } from './record.server.ts'

const DAY_MS = 86_400_000
/** A lead's "due this week": due now or within this many days. */
export const DUE_SOON_DAYS = 7
/** Where a learner with no rating starts (as suggestions do). */
const STARTING_LEVEL = 1000

export type DueCheckExercise = DueCheck & { exerciseId: string; title: string; difficulty: number }

type Owner = { id: string; organizationId: string }

type CheckWithReason = DueCheckExercise & { reason: string }

/**
 * Cards of these learners due by `until`, each with the variant its check would serve (an
 * unseen one, closest to the learner's mean topic rating); families with no unseen variant
 * left are skipped. Four queries however many learners and cards.
 */
async function checksFor(prisma: PrismaClient, organizationId: string, userIds: string[], until: Date): Promise<Map<string, CheckWithReason[]>> {
	const byUser = new Map<string, CheckWithReason[]>(userIds.map((id) => [id, []]))
	const cards = await prisma.retentionCard.findMany({
		where: { userId: { in: userIds }, organizationId, due: { lte: until } },
		orderBy: { due: 'asc' },
		select: { userId: true, family: true, due: true, reason: true },
	})
	if (cards.length === 0) return byUser
	const withCards = [...new Set(cards.map((card) => card.userId))]
	const [variants, attempted, ratings] = await Promise.all([
		prisma.exercise.findMany({
			where: { family: { in: [...new Set(cards.map((card) => card.family))] }, retiredAt: null, currentVersionId: { not: null } },
			select: { id: true, slug: true, title: true, difficulty: true, family: true },
		}),
		prisma.attempt.findMany({
			where: { userId: { in: withCards }, organizationId },
			distinct: ['userId', 'exerciseId'],
			select: { userId: true, exercise: { select: { slug: true } } },
		}),
		prisma.skillRating.groupBy({ by: ['userId'], where: { userId: { in: withCards }, organizationId }, _avg: { rating: true } }),
	])
	const level = new Map(ratings.map((row) => [row.userId, row._avg.rating ?? STARTING_LEVEL]))
	const seen = new Map<string, Set<string>>()
	for (const attempt of attempted) seen.set(attempt.userId, (seen.get(attempt.userId) ?? new Set()).add(attempt.exercise.slug))
	for (const card of cards) {
		const variant = pickCheckVariant(
			variants.filter((candidate) => candidate.family === card.family),
			seen.get(card.userId) ?? new Set(),
			level.get(card.userId) ?? STARTING_LEVEL,
		)
		if (!variant) continue
		byUser.get(card.userId)!.push({
			slug: variant.slug,
			exerciseId: variant.id,
			title: variant.title,
			difficulty: variant.difficulty,
			family: card.family,
			due: card.due,
			reason: card.reason,
		})
	}
	return byUser
}

/** The checks due for the learner now, for Next up; none when a team of theirs turned checks off. */
export async function listDueChecks(prisma: PrismaClient, owner: Owner, now: Date): Promise<DueCheckExercise[]> {
	if (!(await checksOnFor(prisma, owner.id))) return []
	const checks = (await checksFor(prisma, owner.organizationId, [owner.id], now)).get(owner.id) ?? []
	return checks.map(({ reason: _reason, ...check }) => check)
}

export type MemberChecks = {
	userId: string
	name: string
	/** Due before now. */
	overdue: Array<{ family: string; familyName: string; due: Date; reason: string; exercise: { id: string; slug: string; title: string } }>
	/** Due from now to DUE_SOON_DAYS ahead. */
	dueSoon: Array<{ family: string; familyName: string; due: Date; reason: string; exercise: { id: string; slug: string; title: string } }>
}

export type TeamChecks = { enabled: boolean; members: MemberChecks[] }

/** A team's members with their overdue and soon-due checks (learners only), for its lead. */
export async function getTeamChecks(prisma: PrismaClient, team: { id: string; organizationId: string }, now: Date): Promise<TeamChecks> {
	const found = await prisma.team.findFirst({
		where: { id: team.id, organizationId: team.organizationId },
		select: {
			retentionChecks: true,
			memberships: { where: { role: 'learner' }, orderBy: { user: { name: 'asc' } }, select: { user: { select: { id: true, name: true } } } },
		},
	})
	if (!found) return { enabled: false, members: [] }
	const until = new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS)
	const byUser = await checksFor(
		prisma,
		team.organizationId,
		found.memberships.map(({ user }) => user.id),
		until,
	)
	return {
		enabled: found.retentionChecks,
		members: found.memberships.map(({ user }) => {
			const shaped = (byUser.get(user.id) ?? []).map((check) => ({
				family: check.family,
				familyName: familyLabel(check.family),
				due: check.due,
				reason: check.reason,
				exercise: { id: check.exerciseId, slug: check.slug, title: check.title },
			}))
			return { userId: user.id, name: user.name, overdue: shaped.filter((check) => check.due < now), dueSoon: shaped.filter((check) => check.due >= now) }
		}),
	}
}
