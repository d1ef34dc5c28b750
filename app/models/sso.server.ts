// An organisation's single sign-on settings (ADR 030): the identity provider, its e-mail domains
// and the mappings from claim values to roles and teams. Always scoped to one organisation.
import type { z } from 'zod'
import { sealSecret } from '#app/utils/secret-box.server.ts'
import type { SsoMappingSchema, SsoSettingsSchema } from '#app/sso/sso-form.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'

export type SsoSettingsInput = Omit<z.output<typeof SsoSettingsSchema>, 'intent'>
export type SsoMappingInput = Omit<z.output<typeof SsoMappingSchema>, 'intent'>

/** The settings as the admin's page shows them: never the secret, only whether one is stored. */
export async function getSsoSettings(organizationId: string) {
	const provider = await getPrisma().ssoProvider.findUnique({
		where: { organizationId },
		select: {
			id: true,
			enabled: true,
			issuerUrl: true,
			clientId: true,
			clientSecretEncrypted: true,
			claimName: true,
			passwordsAllowed: true,
			updatedAt: true,
			domains: { select: { domain: true }, orderBy: { domain: 'asc' } },
			mappings: {
				select: { id: true, claimValue: true, grantsAdmin: true, teamRole: true, team: { select: { id: true, name: true } } },
				orderBy: [{ claimValue: 'asc' }, { createdAt: 'asc' }],
			},
			_count: { select: { identities: true } },
		},
	})
	if (!provider) return null
	const { clientSecretEncrypted, domains, _count, ...rest } = provider
	return { ...rest, hasSecret: clientSecretEncrypted !== '', domains: domains.map((d) => d.domain), people: _count.identities }
}

export type SaveResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[] | undefined> }

export async function saveSsoSettings(input: { organizationId: string; actorId: string | null; settings: SsoSettingsInput }): Promise<SaveResult> {
	const { organizationId, settings } = input
	const prisma = getPrisma()
	return prisma.$transaction(async (tx): Promise<SaveResult> => {
		const existing = await tx.ssoProvider.findUnique({ where: { organizationId }, select: { id: true, enabled: true, clientSecretEncrypted: true } })
		if (!settings.clientSecret && !existing?.clientSecretEncrypted) {
			return { ok: false as const, fieldErrors: { clientSecret: ['Enter the client secret your provider gave Hardmode.'] } }
		}
		const taken = await tx.ssoDomain.findMany({
			where: { domain: { in: settings.domains }, provider: { organizationId: { not: organizationId } } },
			select: { domain: true },
		})
		if (taken.length) {
			const list = taken.map((d) => d.domain).join(', ')
			return {
				ok: false as const,
				fieldErrors: { domains: [`Another organisation signs in with ${list} already. Each domain can lead to one organisation only.`] },
			}
		}
		const data = {
			enabled: settings.enabled,
			issuerUrl: settings.issuerUrl,
			clientId: settings.clientId,
			claimName: settings.claimName,
			passwordsAllowed: settings.passwordsAllowed,
			...(settings.clientSecret ? { clientSecretEncrypted: sealSecret('sso-client-secret', settings.clientSecret) } : {}),
		}
		const provider = await tx.ssoProvider.upsert({
			where: { organizationId },
			create: { organizationId, clientSecretEncrypted: '', ...data },
			update: data,
			select: { id: true },
		})
		await tx.ssoDomain.deleteMany({ where: { providerId: provider.id } })
		await tx.ssoDomain.createMany({ data: settings.domains.map((domain) => ({ domain, providerId: provider.id })) })
		const audit = { organizationId, actorId: input.actorId, targetType: 'SsoProvider', targetId: provider.id }
		await recordAudit(
			{
				...audit,
				action: 'sso.settings_saved',
				detail: {
					issuerUrl: settings.issuerUrl,
					domains: settings.domains,
					passwordsAllowed: settings.passwordsAllowed,
					secretChanged: Boolean(settings.clientSecret),
				},
			},
			tx,
		)
		if (settings.enabled !== (existing?.enabled ?? false)) await recordAudit({ ...audit, action: settings.enabled ? 'sso.enabled' : 'sso.disabled' }, tx)
		return { ok: true as const }
	})
}

export async function addSsoMapping(input: { organizationId: string; actorId: string; mapping: SsoMappingInput }) {
	const { organizationId, mapping } = input
	const prisma = getPrisma()
	return prisma.$transaction(async (tx) => {
		const provider = await tx.ssoProvider.findUnique({ where: { organizationId }, select: { id: true } })
		if (!provider) return { ok: false as const, fieldErrors: { claimValue: ['Save the provider’s settings first, then map its groups.'] } }
		if (mapping.teamId && !(await tx.team.findFirst({ where: { id: mapping.teamId, organizationId }, select: { id: true } }))) {
			return { ok: false as const, fieldErrors: { teamId: ['Choose a team from the list.'] } }
		}
		const duplicate = await tx.ssoGroupMapping.findFirst({
			where: { providerId: provider.id, claimValue: mapping.claimValue, teamId: mapping.teamId, grantsAdmin: mapping.grantsAdmin },
			select: { id: true },
		})
		if (duplicate) return { ok: false as const, fieldErrors: { claimValue: ['This group is mapped that way already.'] } }
		const created = await tx.ssoGroupMapping.create({
			data: { providerId: provider.id, claimValue: mapping.claimValue, grantsAdmin: mapping.grantsAdmin, teamId: mapping.teamId, teamRole: mapping.teamRole },
			select: { id: true },
		})
		await recordAudit(
			{
				organizationId,
				actorId: input.actorId,
				action: 'sso.mapping_added',
				targetType: 'SsoGroupMapping',
				targetId: created.id,
				detail: { claimValue: mapping.claimValue, grantsAdmin: mapping.grantsAdmin, teamId: mapping.teamId, teamRole: mapping.teamRole },
			},
			tx,
		)
		return { ok: true as const }
	})
}

export async function removeSsoMapping(input: { organizationId: string; actorId: string; mappingId: string }) {
	const prisma = getPrisma()
	return prisma.$transaction(async (tx) => {
		const mapping = await tx.ssoGroupMapping.findFirst({
			where: { id: input.mappingId, provider: { organizationId: input.organizationId } },
			select: { id: true, claimValue: true },
		})
		if (!mapping) return { ok: false as const }
		await tx.ssoGroupMapping.delete({ where: { id: mapping.id }, select: { id: true } })
		await recordAudit(
			{
				organizationId: input.organizationId,
				actorId: input.actorId,
				action: 'sso.mapping_removed',
				targetType: 'SsoGroupMapping',
				targetId: mapping.id,
				detail: { claimValue: mapping.claimValue },
			},
			tx,
		)
		return { ok: true as const }
	})
}

/** The enabled provider an e-mail address's domain leads to, if any. */
export async function findProviderForDomain(domain: string) {
	const found = await getPrisma().ssoDomain.findUnique({ where: { domain }, select: { provider: { select: { organizationId: true, enabled: true } } } })
	return found?.provider.enabled ? found.provider : null
}

/**
 * Why this account may not log in with a password, or null if it may. When an organisation turns
 * passwords off, its admins keep them: the way back in when the provider is down or misconfigured.
 */
export async function passwordLoginRefusal(userId: string): Promise<string | null> {
	const user = await getPrisma().user.findUnique({
		where: { id: userId },
		select: { orgRole: true, organization: { select: { ssoProvider: { select: { enabled: true, passwordsAllowed: true } } } } },
	})
	const provider = user?.organization.ssoProvider
	if (!user || !provider?.enabled || provider.passwordsAllowed || user.orgRole === 'admin') return null
	return 'Your organisation signs in with single sign-on. Use “Continue with SSO” below with your work e-mail address.'
}
