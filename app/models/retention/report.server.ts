// Retention and transfer of one learner or a team (app/retention/retention-report.ts), from
// their finished first attempts at bug-family variants, with the metrics and check rows the
// write paths stored. One query however many attempts.
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { retentionReport, describeCheckResult, type FamilyAttempt, type RetentionReport } from '#app/retention/retention-report.ts'

function topicsOf(metadata: unknown): string[] {
	const topics = (metadata as { topics?: unknown } | null)?.topics
	return Array.isArray(topics) ? topics.filter((topic): topic is string => typeof topic === 'string') : []
}

async function familyAttempts(prisma: PrismaClient, organizationId: string, userIds: string[]): Promise<Map<string, FamilyAttempt[]>> {
	const rows = await prisma.attempt.findMany({
		where: {
			organizationId,
			userId: { in: userIds },
			status: { not: 'in_progress' },
			finishedAt: { not: null },
			exercise: { family: { not: null } },
			metrics: { firstAttempt: true },
		},
		orderBy: { startedAt: 'asc' },
		select: {
			id: true,
			userId: true,
			status: true,
			startedAt: true,
			finishedAt: true,
			failedFixCount: true,
			exercise: { select: { family: true } },
			exerciseVersion: { select: { metadata: true } },
			metrics: { select: { timeToRootCauseMs: true } },
			retentionCheck: { select: { intervalDays: true, previousAttemptId: true } },
		},
	})
	const byUser = new Map<string, FamilyAttempt[]>(userIds.map((id) => [id, []]))
	for (const row of rows) {
		byUser.get(row.userId)?.push({
			attemptId: row.id,
			family: row.exercise.family!,
			topics: topicsOf(row.exerciseVersion.metadata),
			startedAt: row.startedAt,
			finishedAt: row.finishedAt!,
			solved: row.status === 'solved',
			failedFixes: row.failedFixCount,
			timeToRootCauseMs: row.metrics?.timeToRootCauseMs ?? null,
			check: row.retentionCheck,
		})
	}
	return byUser
}

/** Retention and transfer over these learners of one organisation, optionally for checks within a period. */
export async function getRetentionReport(
	prisma: PrismaClient,
	scope: { organizationId: string; userIds: string[] },
	period?: { from: Date; to: Date },
): Promise<RetentionReport> {
	const byUser = await familyAttempts(prisma, scope.organizationId, scope.userIds)
	return retentionReport([...byUser.values()], period)
}

/** Retention and transfer of several teams (by their learners), with one query for them all. */
export async function getTeamRetentionReports(
	prisma: PrismaClient,
	organizationId: string,
	teams: ReadonlyArray<{ id: string; userIds: readonly string[] }>,
): Promise<Map<string, RetentionReport>> {
	const byUser = await familyAttempts(prisma, organizationId, [...new Set(teams.flatMap((team) => team.userIds))])
	return new Map(teams.map((team) => [team.id, retentionReport(team.userIds.map((id) => byUser.get(id) ?? []))]))
}

/**
 * What a finished attempt page says when the attempt was a retention check, e.g. "A retention
 * check of something you solved on 3 Oct: solved at the first fix, root cause found 40 % faster."
 * Null for any other attempt, and while the check is in progress (it is not announced).
 */
export async function describeRetentionCheck(
	prisma: PrismaClient,
	owner: { id: string; organizationId: string },
	attemptId: string,
	formatDay: (date: Date) => string,
) {
	const check = await prisma.retentionCheck.findFirst({
		where: { attemptId, userId: owner.id, organizationId: owner.organizationId, attempt: { status: { not: 'in_progress' } } },
		select: { previousAttemptId: true },
	})
	if (!check) return null
	const attempts = (await familyAttempts(prisma, owner.organizationId, [owner.id])).get(owner.id) ?? []
	const current = attempts.find((attempt) => attempt.attemptId === attemptId)
	if (!current) return null
	const original = attempts.find((attempt) => attempt.attemptId === check.previousAttemptId) ?? null
	return describeCheckResult(current, original, formatDay)
}
