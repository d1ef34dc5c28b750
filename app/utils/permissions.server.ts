// Who may change a team's membership. Pure, so the models that write memberships, the
// route actions that call them and the loaders that decide which controls to offer all ask
// the same question and cannot disagree. See docs/decisions/015.
import type { OrgRole, TeamRole } from '#app/generated/prisma/client.ts'

/** Someone acting on one team: their role in the organisation and in that team (null: not in it). */
export type TeamActor = { id: string; orgRole: OrgRole; teamRole: TeamRole | null }

export function teamActorOf(user: { id: string; orgRole: OrgRole; teams: Array<{ id: string; role: TeamRole }> }, teamId: string): TeamActor {
	return { id: user.id, orgRole: user.orgRole, teamRole: user.teams.find((team) => team.id === teamId)?.role ?? null }
}

export function mayManageTeam(actor: TeamActor) {
	return actor.orgRole === 'admin' || actor.teamRole === 'lead'
}

// A lead sees the reports, replays and notes of everyone in their teams, so letting a lead
// add people would let them choose whom they see. They invite; the person accepts.
export function mayAddTeamMembers(actor: TeamActor) {
	return actor.orgRole === 'admin'
}

/** Only admins change roles: a lead could otherwise demote a co-lead (and make leads, ADR 011). */
export function mayChangeTeamRoles(actor: TeamActor) {
	return actor.orgRole === 'admin'
}

/** Leads remove learners of their team; a lead — a co-lead or themselves — only an admin removes. */
export function mayRemoveFromTeam(actor: TeamActor, member: { userId: string; role: TeamRole }) {
	if (actor.orgRole === 'admin') return true
	return actor.teamRole === 'lead' && member.role === 'learner' && member.userId !== actor.id
}

export function mayInviteToTeam(actor: TeamActor, role: TeamRole) {
	if (actor.orgRole === 'admin') return true
	return actor.teamRole === 'lead' && role === 'learner'
}
