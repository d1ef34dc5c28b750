// Who may do what, in one module. The guards in auth.server.ts and the models ask the
// predicates; the queries that list or find what someone may see are scoped with the
// where-builders below, made of the same rules, so a guard and the query behind a page cannot
// disagree. Pure: no I/O. See docs/decisions/011, 015 and 019.
import type { OrgRole, Prisma, TeamRole } from '#app/generated/prisma/client.ts'

/** Someone acting in their organisation, with their role there and in each of their teams. */
export type Actor = { id: string; organizationId: string; orgRole: OrgRole; teams: ReadonlyArray<{ id: string; role: TeamRole }> }

/** An engineer as the rules about leading them see them: who they are and the teams they are in. */
export type Engineer = { id: string; teamIds: readonly string[] }

export function isOrgAdmin(actor: Pick<Actor, 'orgRole'>) {
	return actor.orgRole === 'admin'
}

function ledTeamIds(actor: Pick<Actor, 'teams'>) {
	return actor.teams.filter((team) => team.role === 'lead').map((team) => team.id)
}

/** Organisation admins and anyone who leads a team: the people with a review queue and exercise analytics. */
export function isLeadOrAdmin(actor: Pick<Actor, 'orgRole' | 'teams'>) {
	return isOrgAdmin(actor) || ledTeamIds(actor).length > 0
}

/** A team's leads and the organisation's admins run the team: its page, assignments and growth. */
export function mayLeadTeam(actor: Pick<Actor, 'id' | 'orgRole' | 'teams'>, teamId: string) {
	return mayManageTeam(teamActorOf(actor, teamId))
}

/**
 * Whom an actor leads: the members of the teams they lead, everyone in the organisation for an
 * admin, never themselves. They see these people's growth, review their attempts and write notes about them.
 */
export function mayLeadEngineer(actor: Pick<Actor, 'id' | 'orgRole' | 'teams'>, engineer: Engineer) {
	if (engineer.id === actor.id) return false
	if (isOrgAdmin(actor)) return true
	const led = new Set(ledTeamIds(actor))
	return engineer.teamIds.some((teamId) => led.has(teamId))
}

/** `mayLeadEngineer` as a query: the people an actor leads. */
export function ledEngineersWhere(actor: Actor): Prisma.UserWhereInput {
	return {
		organizationId: actor.organizationId,
		id: { not: actor.id },
		...(isOrgAdmin(actor) ? {} : { memberships: { some: { teamId: { in: ledTeamIds(actor) } } } }),
	}
}

/** Whose growth (profile, report, CSV, notes) an actor may see: their own, and that of everyone they lead. Where a name may link to the profile. */
export function mayViewGrowth(actor: Pick<Actor, 'id' | 'orgRole' | 'teams'>, engineer: Engineer) {
	return engineer.id === actor.id || mayLeadEngineer(actor, engineer)
}

/** `mayViewGrowth` as a query. */
export function growthVisibleUsersWhere(actor: Actor): Prisma.UserWhereInput {
	return { organizationId: actor.organizationId, OR: [{ id: actor.id }, ledEngineersWhere(actor)] }
}

/** The attempts an actor may review: those of the people they lead (ADR 011). */
export function reviewableAttemptsWhere(actor: Actor): Prisma.AttemptWhereInput {
	return {
		organizationId: actor.organizationId,
		userId: { not: actor.id },
		...(isOrgAdmin(actor) ? {} : { user: { memberships: { some: { teamId: { in: ledTeamIds(actor) } } } } }),
	}
}

/** The teams whose members' attempts an actor reviews, to narrow a review queue by: the teams they lead, every team for an admin. */
export function reviewTeamsWhere(actor: Actor): Prisma.TeamWhereInput {
	return { organizationId: actor.organizationId, ...(isOrgAdmin(actor) ? {} : { id: { in: ledTeamIds(actor) } }) }
}

/** The teams listed for someone: the ones they are in, every team of the organisation for an admin. */
export function listedTeamsWhere(actor: Actor): Prisma.TeamWhereInput {
	return { organizationId: actor.organizationId, ...(isOrgAdmin(actor) ? {} : { id: { in: actor.teams.map((team) => team.id) } }) }
}

// Who may change a team's membership. The models that write memberships ask with the actor's
// roles as the database has them at that moment; the team page asks to decide which controls
// to offer (ADR 015).

/** Someone acting on one team: their role in the organisation and in that team (null: not in it). */
export type TeamActor = { id: string; orgRole: OrgRole; teamRole: TeamRole | null }

export function teamActorOf(user: Pick<Actor, 'id' | 'orgRole' | 'teams'>, teamId: string): TeamActor {
	return { id: user.id, orgRole: user.orgRole, teamRole: user.teams.find((team) => team.id === teamId)?.role ?? null }
}

export function mayManageTeam(actor: TeamActor) {
	return isOrgAdmin(actor) || actor.teamRole === 'lead'
}

// A lead sees the reports, replays and notes of everyone in their teams, so letting a lead
// add people would let them choose whom they see. They invite; the person accepts.
export function mayAddTeamMembers(actor: TeamActor) {
	return isOrgAdmin(actor)
}

/** Only admins change roles: a lead could otherwise demote a co-lead (and make leads, ADR 011). */
export function mayChangeTeamRoles(actor: TeamActor) {
	return isOrgAdmin(actor)
}

/** Leads remove learners of their team; a lead — a co-lead or themselves — only an admin removes. */
export function mayRemoveFromTeam(actor: TeamActor, member: { userId: string; role: TeamRole }) {
	if (isOrgAdmin(actor)) return true
	return actor.teamRole === 'lead' && member.role === 'learner' && member.userId !== actor.id
}

export function mayInviteToTeam(actor: TeamActor, role: TeamRole) {
	if (isOrgAdmin(actor)) return true
	return actor.teamRole === 'lead' && role === 'learner'
}
