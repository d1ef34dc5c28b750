// What a lead does with a team's retention checks: turn them off or on, and assign the checks
// due this week as a set (one assignment per exercise, to the members it is due for).
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { endOfDay } from '#app/assignments/assignment-form.ts'
import { recordAudit } from '#app/models/audit.server.ts'
import { createAssignments } from '#app/models/assignment.server.ts'
import { DUE_SOON_DAYS, getTeamChecks } from './due.server.ts'

type TeamScope = { id: string; organizationId: string }

export async function setTeamChecks(prisma: PrismaClient, team: TeamScope, actorId: string, on: boolean) {
	await prisma.$transaction(async (tx) => {
		await tx.team.update({ where: { id: team.id, organizationId: team.organizationId }, data: { retentionChecks: on }, select: { id: true } })
		await recordAudit(
			{ organizationId: team.organizationId, actorId, action: on ? 'team.retention-on' : 'team.retention-off', targetType: 'Team', targetId: team.id },
			tx,
		)
	})
}

/**
 * Assigns every check due within the week (overdue ones included) to the members it is due
 * for, due at the end of the week's last day. Ordinary assignments: the learners are not told
 * that they are checks. Returns what was created; nothing when nothing is due.
 */
export async function assignDueChecks(prisma: PrismaClient, team: TeamScope, actorId: string, now: Date) {
	const { members, enabled } = await getTeamChecks(prisma, team, now)
	if (!enabled) return []
	const bySlug = new Map<string, string[]>()
	for (const member of members) {
		for (const check of [...member.overdue, ...member.dueSoon]) bySlug.set(check.exercise.slug, [...(bySlug.get(check.exercise.slug) ?? []), member.userId])
	}
	const dueAt = endOfDay(new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000).toISOString().slice(0, 10))!
	const created: Array<{ id: string; title: string; members: number }> = []
	for (const [slug, memberIds] of bySlug) {
		const made = await createAssignments({
			organizationId: team.organizationId,
			teamId: team.id,
			actorId,
			slugs: [slug],
			audience: 'members',
			memberIds,
			dueAt,
			rules: { hintsAllowed: true, pasteBlocked: false, hardMode: false },
		})
		created.push(...made.map((assignment) => ({ ...assignment, members: memberIds.length })))
	}
	return created
}
