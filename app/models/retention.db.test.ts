import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { useDatabase } from '#app/utils/db.server.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { giveUp } from './attempt/give-up.server.ts'
import { getLearnerDashboard } from './practice.server.ts'
import { requireAttempt, type AttemptOwner } from './attempt/guard.server.ts'
import { startAttempt } from './attempt/open.server.ts'
import { syncExercises } from './exercise.server.ts'
import { recordAttemptOutcome } from './growth/attempt-outcome.server.ts'
import { getTeamChecks, listDueChecks } from './retention/due.server.ts'
import { reviewFamilyCard } from './retention/record.server.ts'
import { describeRetentionCheck, getRetentionReport, getTeamRetentionReports } from './retention/report.server.ts'

// Three variants of one bug family, and an exercise of another family.
const FAMILY = 'boolean-logic-slip'
const [SHIPPING, MAINTENANCE, ROSTER] = ['free-shipping-for-everyone', 'paged-during-planned-maintenance', 'part-time-nurses-rostered-full-weeks']
const OTHER = 'orders-page-skips-an-order'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 9, 3, 9)
const at = (day: number, minutes = 0) => new Date(T0 + day * DAY + minutes * 60_000)

let database: TestDatabase
let prisma: PrismaClient
let root: string
let organizationId: string
let count = 0

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = database.prisma
	useDatabase(database)
	root = mkdtempSync(path.join(tmpdir(), 'hm-retention-'))
	for (const slug of [SHIPPING, MAINTENANCE, ROSTER, OTHER]) cpSync(path.resolve('exercises', slug), path.join(root, slug), { recursive: true })
	await syncExercises(prisma, root)
	organizationId = (await prisma.organization.create({ data: { name: 'Retention Org' }, select: { id: true } })).id
})

afterAll(async () => {
	await database?.close()
	if (root) rmSync(root, { recursive: true, force: true })
})

async function learner(options: { checksOff?: boolean } = {}): Promise<AttemptOwner & { teamId: string }> {
	count += 1
	const user = await prisma.user.create({
		data: { organizationId, name: `Learner ${count}`, email: `learner-${count}@retention.test`, passwordHash: 'x' },
		select: { id: true, organizationId: true },
	})
	const team = await prisma.team.create({ data: { organizationId, name: `Team ${count}`, retentionChecks: !options.checksOff }, select: { id: true } })
	await prisma.membership.create({ data: { organizationId, teamId: team.id, userId: user.id } })
	return { ...user, teamId: team.id }
}

/** Finishes an attempt as solved with the given help, then reviews its family card as the kernel does. */
async function finishSolved(attemptId: string, when: Date, help: { hintsRevealed?: number; failedFixCount?: number } = {}) {
	await prisma.attempt.update({ where: { id: attemptId }, data: { status: 'solved', finishedAt: when, ...help } })
	await prisma.$transaction(async (tx) => {
		await recordAttemptOutcome(tx, attemptId)
		await reviewFamilyCard(tx, attemptId)
	})
}

async function card(userId: string) {
	return prisma.retentionCard.findUnique({ where: { userId_family: { userId, family: FAMILY } } })
}

describe('retention cards', () => {
	it('stores each exercise’s family, and none for exercises outside families', async () => {
		const families = await prisma.exercise.findMany({
			where: { slug: { in: [SHIPPING, ROSTER, OTHER] } },
			select: { slug: true, family: true },
			orderBy: { slug: 'asc' },
		})
		expect(families).toEqual([
			{ slug: SHIPPING, family: FAMILY },
			{ slug: OTHER, family: 'pagination-boundary' },
			{ slug: ROSTER, family: FAMILY },
		])
	})

	it('an unaided solve of a first variant schedules the family about a week later, with the reason', async () => {
		const ada = await learner()
		const first = await startAttempt(ada, SHIPPING, at(0))
		await finishSolved(first.id, at(0, 40))
		const stored = await card(ada.id)
		expect(stored).toMatchObject({ organizationId, reps: 1, lapses: 0, lastAttemptId: first.id })
		const days = Math.round((stored!.due.getTime() - at(0, 40).getTime()) / DAY)
		expect(days).toBeGreaterThanOrEqual(5)
		expect(days).toBeLessThanOrEqual(14)
		expect(stored!.reason).toBe(`First variant solved unaided: another variant of “Boolean logic slip” comes back in ${days} days.`)
	})

	it('a retry of a variant already met does not move the card', async () => {
		const ada = await learner()
		const first = await startAttempt(ada, SHIPPING, at(0))
		await finishSolved(first.id, at(0, 30))
		const before = await card(ada.id)
		const retry = await startAttempt(ada, SHIPPING, at(1))
		await finishSolved(retry.id, at(1, 20))
		expect(await card(ada.id)).toEqual(before)
	})

	it('giving up a variant reviews the card through the attempt’s own transaction, as a miss', async () => {
		const grace = await learner()
		const first = await startAttempt(grace, MAINTENANCE, at(0))
		await giveUp(await requireAttempt(grace, first.id), at(0, 50))
		const stored = await card(grace.id)
		expect(stored?.lastAttemptId).toBe(first.id)
		expect(stored?.reason).toMatch(/^First variant not solved: another variant of “Boolean logic slip” comes back in \d+ days\.$/)
		const missDays = (stored!.due.getTime() - at(0, 50).getTime()) / DAY
		expect(missDays).toBeLessThan(5)
	})

	it('an unseen variant started once the card is due is a retention check that points at the attempt it re-tests', async () => {
		const linus = await learner()
		const first = await startAttempt(linus, SHIPPING, at(0))
		await finishSolved(first.id, at(0, 30))
		const due = (await card(linus.id))!.due

		const early = await startAttempt(linus, ROSTER, new Date(due.getTime() - 2 * DAY))
		expect(await prisma.retentionCheck.findUnique({ where: { attemptId: early.id } })).toBeNull()
		await prisma.attempt.delete({ where: { id: early.id } })

		const check = await startAttempt(linus, ROSTER, new Date(due.getTime() + 3 * 3_600_000))
		const stored = await prisma.retentionCheck.findUnique({ where: { attemptId: check.id } })
		expect(stored).toMatchObject({ userId: linus.id, family: FAMILY, dueAt: due, previousAttemptId: first.id })
		expect(stored!.intervalDays).toBe(Math.round((due.getTime() + 3 * 3_600_000 - at(0, 30).getTime()) / DAY))

		// Solving it with a hint is a success with help: the card is reviewed again and the gap changes.
		await finishSolved(check.id, new Date(due.getTime() + 5 * 3_600_000), { hintsRevealed: 1 })
		const after = await card(linus.id)
		expect(after).toMatchObject({ reps: 2, lastAttemptId: check.id })
		expect(after!.reason).toMatch(/^Variant solved with help \(hints or a failed fix\)/)
	})

	it('is not a check when a team of the learner turned checks off, though the card is kept', async () => {
		const priya = await learner({ checksOff: true })
		const first = await startAttempt(priya, SHIPPING, at(0))
		await finishSolved(first.id, at(0, 30))
		const due = (await card(priya.id))!.due
		const later = await startAttempt(priya, ROSTER, new Date(due.getTime() + DAY))
		expect(await prisma.retentionCheck.findUnique({ where: { attemptId: later.id } })).toBeNull()
	})

	it('an unfinished attempt leaves no card', async () => {
		const mei = await learner()
		const open = await startAttempt(mei, SHIPPING, at(0))
		await prisma.$transaction((tx) => reviewFamilyCard(tx, open.id))
		expect(await card(mei.id)).toBeNull()
	})
})

describe('due checks, team view and report', () => {
	it('offers a due family’s unseen variant in Next up, and nothing before it is due', async () => {
		const ada = await learner()
		const first = await startAttempt(ada, SHIPPING, at(0))
		await finishSolved(first.id, at(0, 30))
		const due = (await card(ada.id))!.due
		expect(await listDueChecks(prisma, ada, new Date(due.getTime() - 3_600_000))).toEqual([])
		const checks = await listDueChecks(prisma, ada, due)
		// Two unseen variants (900 and 1400): the one closer to the learner's mean topic rating comes back.
		const ratings = await prisma.skillRating.findMany({ where: { userId: ada.id }, select: { rating: true } })
		const level = ratings.reduce((sum, rating) => sum + rating.rating, 0) / ratings.length
		const closer = Math.abs(level - 900) < Math.abs(level - 1400) ? MAINTENANCE : ROSTER
		expect(checks.map((check) => [check.slug, check.family])).toEqual([[closer, FAMILY]])
		expect(await listDueChecks(prisma, { ...ada, organizationId: 'another-org' }, due)).toEqual([])
	})

	it('shows a lead each member’s overdue and soon-due checks with their reasons, within the organisation', async () => {
		const grace = await learner()
		const first = await startAttempt(grace, SHIPPING, at(0))
		await finishSolved(first.id, at(0, 30))
		const due = (await card(grace.id))!.due
		const soon = await getTeamChecks(prisma, { id: grace.teamId, organizationId }, new Date(due.getTime() - 2 * DAY))
		expect(soon.enabled).toBe(true)
		expect(soon.members).toHaveLength(1)
		expect(soon.members[0]!.overdue).toEqual([])
		expect(soon.members[0]!.dueSoon).toMatchObject([{ family: FAMILY, familyName: 'Boolean logic slip', due }])
		expect([MAINTENANCE, ROSTER]).toContain(soon.members[0]!.dueSoon[0]!.exercise.slug)
		expect(soon.members[0]!.dueSoon[0]!.reason).toMatch(/^First variant solved unaided/)
		const late = await getTeamChecks(prisma, { id: grace.teamId, organizationId }, new Date(due.getTime() + DAY))
		expect(late.members[0]!.overdue).toHaveLength(1)
		expect(await getTeamChecks(prisma, { id: grace.teamId, organizationId: 'another-org' }, due)).toEqual({ enabled: false, members: [] })
	})

	it('reports the check against its original and says what it was once finished, never while it runs', async () => {
		const linus = await learner()
		const first = await startAttempt(linus, SHIPPING, at(0))
		await finishSolved(first.id, at(0, 30))
		const due = (await card(linus.id))!.due
		const check = await startAttempt(linus, MAINTENANCE, due)
		const formatDay = (date: Date) => date.toISOString().slice(0, 10)
		expect(await describeRetentionCheck(prisma, linus, check.id, formatDay)).toBeNull()
		await finishSolved(check.id, new Date(due.getTime() + 40 * 60_000))
		expect(await describeRetentionCheck(prisma, linus, check.id, formatDay)).toBe(
			`A retention check of something you solved on ${formatDay(at(0, 30))}: solved at the first fix.`,
		)
		const report = await getRetentionReport(prisma, { organizationId, userIds: [linus.id] })
		expect(report.overall.retention).toMatchObject({ checks: 1 })
		expect(report.overall.retention.firstTry).toMatchObject({ successes: 1, total: 1 })
		expect(report.overall.transfer.solved).toMatchObject({ successes: 1, total: 1 })
		expect(report.byFamily.map((row) => row.family)).toEqual([FAMILY])
		const elsewhere = await getRetentionReport(prisma, { organizationId: 'another-org', userIds: [linus.id] })
		expect(elsewhere.overall.retention.checks).toBe(0)

		// The lead's overview reads every team's report with one query; each team's is its own learners'.
		const quiet = await learner()
		const byTeam = await getTeamRetentionReports(prisma, organizationId, [
			{ id: linus.teamId, userIds: [linus.id] },
			{ id: quiet.teamId, userIds: [quiet.id] },
		])
		expect(byTeam.get(linus.teamId)).toEqual(report)
		expect(byTeam.get(quiet.teamId)!.overall.retention.checks).toBe(0)
	})
})

describe('Next up', () => {
	it('keeps a met family’s other variants back until its check is due, then serves one without saying it is a check', async () => {
		const tomas = await learner()
		const first = await startAttempt(tomas, SHIPPING, at(0))
		await finishSolved(first.id, at(0, 30))
		const due = (await card(tomas.id))!.due
		const before = await getLearnerDashboard(prisma, tomas, new Date(due.getTime() - DAY))
		expect(before.nextUp.map((item) => item.exercise.slug)).toEqual([OTHER])
		const after = await getLearnerDashboard(prisma, tomas, new Date(due.getTime() + 13 * 3_600_000))
		const slugs = after.nextUp.map((item) => item.exercise.slug)
		expect(slugs).toHaveLength(2)
		expect(slugs).toContain(OTHER)
		expect(slugs.filter((slug) => [MAINTENANCE, ROSTER].includes(slug))).toHaveLength(1)
		expect(JSON.stringify(after.nextUp)).not.toMatch(/retention|check|boolean-logic-slip|family/i)
		expect(after.suggestion).toEqual(after.nextUp[0])
	})
})
