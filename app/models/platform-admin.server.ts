// The platform role: people who run this Hardmode server and may see exercise analytics
// across organisations (ADR 015). It is not an organisation role — any visitor can sign up
// and become an organisation's admin — so it is granted only from the server's command
// line (`npm run platform:admins`), to an account that already exists.
import { getPrisma } from '#app/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'

export async function isPlatformAdmin(userId: string) {
	const user = await getPrisma().user.findUnique({ where: { id: userId }, select: { platformAdmin: true } })
	return user?.platformAdmin ?? false
}

export function listPlatformAdmins() {
	return getPrisma().user.findMany({
		where: { platformAdmin: true },
		orderBy: { email: 'asc' },
		select: { email: true, name: true, organization: { select: { name: true } } },
	})
}

export type PlatformAdminChange =
	{ ok: true; changed: boolean; user: { email: string; name: string; organizationName: string } } | { ok: false; message: string }

export function grantPlatformAdmin(email: string) {
	return setPlatformAdmin(email, true)
}

export function revokePlatformAdmin(email: string) {
	return setPlatformAdmin(email, false)
}

async function setPlatformAdmin(email: string, platformAdmin: boolean): Promise<PlatformAdminChange> {
	const normalized = email.trim().toLowerCase()
	return getPrisma().$transaction(async (tx) => {
		const user = await tx.user.findUnique({
			where: { email: normalized },
			select: { id: true, email: true, name: true, platformAdmin: true, organizationId: true, organization: { select: { name: true } } },
		})
		// Granting only to an existing account means nobody can sign up into the role later.
		if (!user)
			return {
				ok: false,
				message: `There is no account with the e-mail address ${normalized}. The person signs up (or accepts an invite) first; then grant the role.`,
			}
		const found = { email: user.email, name: user.name, organizationName: user.organization.name }
		if (user.platformAdmin === platformAdmin) return { ok: true, changed: false, user: found }
		await tx.user.update({ where: { id: user.id }, data: { platformAdmin }, select: { id: true } })
		// In the person's organisation's log, so its admins see that one of theirs holds the role.
		await recordAudit(
			{
				organizationId: user.organizationId,
				actorId: null,
				action: platformAdmin ? 'user.platform_admin_granted' : 'user.platform_admin_revoked',
				targetType: 'User',
				targetId: user.id,
			},
			tx,
		)
		return { ok: true, changed: true, user: found }
	})
}
