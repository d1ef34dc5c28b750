// How a person's claim values (their groups at the identity provider) become their organisation
// role and teams (ADR 030). Pure: the sign-in applies what this returns.

export type TeamRoleName = 'learner' | 'lead'
export type GroupMapping = { claimValue: string; grantsAdmin: boolean; teamId: string | null; teamRole: TeamRoleName }
export type CurrentMembership = { teamId: string; role: TeamRoleName }

export type MappedAccess = {
	/** 'admin' or 'member' when some mapping grants admin (the mapping then decides the role); null when none does. */
	orgRole: 'admin' | 'member' | null
	/** Every team a mapping names, with the role the person gets there, or null for "not a member". */
	teams: Map<string, TeamRoleName | null>
}

/** The claim's values as strings: a list, or one string (some providers send a single group that way). */
export function claimValues(claims: Record<string, unknown>, claimName: string): string[] {
	const value = claims[claimName]
	if (typeof value === 'string') return [value]
	if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
	return []
}

export function mappedAccess(mappings: GroupMapping[], values: string[]): MappedAccess {
	const held = new Set(values)
	const matched = mappings.filter((mapping) => held.has(mapping.claimValue))
	const orgRole = mappings.some((mapping) => mapping.grantsAdmin) ? (matched.some((mapping) => mapping.grantsAdmin) ? 'admin' : 'member') : null
	const teams = new Map<string, TeamRoleName | null>()
	for (const mapping of mappings) if (mapping.teamId) teams.set(mapping.teamId, null)
	for (const mapping of matched) {
		if (!mapping.teamId) continue
		if (teams.get(mapping.teamId) !== 'lead') teams.set(mapping.teamId, mapping.teamRole)
	}
	return { orgRole, teams }
}

export type MembershipChanges = {
	add: Array<{ teamId: string; role: TeamRoleName }>
	change: Array<{ teamId: string; role: TeamRoleName }>
	remove: string[]
}

/** What to do to someone's memberships so the teams the mappings name match the mapped roles; other teams are left alone. */
export function membershipChanges(current: CurrentMembership[], mapped: MappedAccess['teams']): MembershipChanges {
	const byTeam = new Map(current.map((membership) => [membership.teamId, membership.role]))
	const changes: MembershipChanges = { add: [], change: [], remove: [] }
	for (const [teamId, role] of mapped) {
		const now = byTeam.get(teamId)
		if (role === null) {
			if (now) changes.remove.push(teamId)
		} else if (!now) changes.add.push({ teamId, role })
		else if (now !== role) changes.change.push({ teamId, role })
	}
	return changes
}

/** The part of an e-mail address after the @, lower-cased. */
export function emailDomain(email: string) {
	return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}
