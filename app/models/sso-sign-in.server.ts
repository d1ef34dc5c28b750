// Signing in with the organisation's identity provider (ADR 030): the state of a sign-in under
// way (single use, ten minutes), and what a validated ID token does: find or create the account
// (just-in-time provisioning) and bring its role and mapped teams in line with its groups.
import { randomBytes } from 'node:crypto'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { claimValues, emailDomain, mappedAccess, membershipChanges } from '#app/sso/mapping.ts'
import { finishAuthorization, SsoError, startAuthorization, type ProviderClient, type SignInClaims } from '#app/sso/oidc.server.ts'
import { openSecret } from '#app/utils/secret-box.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { hashToken } from '#app/utils/session.server.ts'
import { recordAudit } from './audit.server.ts'

export const SSO_STATE_TTL_MS = 10 * 60 * 1000
type Tx = Prisma.TransactionClient

async function loadProvider(organizationId: string) {
	const provider = await getPrisma().ssoProvider.findUnique({
		where: { organizationId },
		select: {
			id: true,
			enabled: true,
			issuerUrl: true,
			clientId: true,
			clientSecretEncrypted: true,
			claimName: true,
			domains: { select: { domain: true } },
			mappings: { select: { claimValue: true, grantsAdmin: true, teamId: true, teamRole: true } },
		},
	})
	if (!provider?.enabled) throw new SsoError('Single sign-on is turned off for this organisation. Log in with your password, or ask your admin.')
	const clientSecret = openSecret('sso-client-secret', provider.clientSecretEncrypted)
	if (clientSecret === null) {
		throw new SsoError('Single sign-on cannot be used until an admin enters the client secret again in the single sign-on settings.', 'secret unreadable')
	}
	const client: ProviderClient = { issuerUrl: provider.issuerUrl, clientId: provider.clientId, clientSecret }
	return { ...provider, client }
}

/** Starts a sign-in: returns where to send the browser and the state to keep in its cookie. */
export async function beginSsoSignIn(input: { organizationId: string; loginHint?: string; redirectTo: string; redirectUri: string }) {
	const provider = await loadProvider(input.organizationId)
	const start = await startAuthorization(provider.client, { redirectUri: input.redirectUri, loginHint: input.loginHint })
	const prisma = getPrisma()
	await prisma.ssoLoginState.deleteMany({ where: { expiresAt: { lt: new Date() } } })
	await prisma.ssoLoginState.create({
		data: {
			stateHash: hashToken(start.state),
			organizationId: input.organizationId,
			nonce: start.nonce,
			codeVerifier: start.codeVerifier,
			redirectTo: input.redirectTo,
			expiresAt: new Date(Date.now() + SSO_STATE_TTL_MS),
		},
		select: { id: true },
	})
	return { url: start.url, state: start.state }
}

const STATE_UNUSABLE =
	'This sign-in was already used, has expired, or was started in another browser. Start again with “Continue with SSO”; it takes a few seconds.'

/** Takes the sign-in's state out of the database: it works once, in the browser that started it. */
async function consumeState(stateFromUrl: string | null, stateFromCookie: string | null) {
	if (!stateFromUrl || !stateFromCookie || stateFromUrl !== stateFromCookie) throw new SsoError(STATE_UNUSABLE, 'state missing or not this browser’s')
	const prisma = getPrisma()
	const stateHash = hashToken(stateFromUrl)
	const row = await prisma.ssoLoginState.findUnique({ where: { stateHash } })
	// Deleting is what makes it single-use: of two callbacks racing with one state, one deletes it.
	const { count } = await prisma.ssoLoginState.deleteMany({ where: { stateHash } })
	if (!row || count !== 1 || row.expiresAt.getTime() < Date.now()) throw new SsoError(STATE_UNUSABLE, 'state unknown, used or expired')
	return row
}

export type SsoSignedIn = { userId: string; organizationId: string; redirectTo: string }

/** Finishes a sign-in from the provider's redirect back to Hardmode. Throws SsoError with a message for the person. */
export async function completeSsoSignIn(input: { callbackUrl: URL; cookieState: string | null; redirectUri: string }): Promise<SsoSignedIn> {
	const state = await consumeState(input.callbackUrl.searchParams.get('state'), input.cookieState)
	const organizationId = state.organizationId
	try {
		const provider = await loadProvider(organizationId)
		const claims = await finishAuthorization(provider.client, {
			callbackUrl: input.callbackUrl,
			state: input.callbackUrl.searchParams.get('state')!,
			nonce: state.nonce,
			codeVerifier: state.codeVerifier,
			redirectUri: input.redirectUri,
			wanted: ['email', 'email_verified', provider.claimName],
		})
		const email = checkedEmail(
			claims,
			provider.domains.map((d) => d.domain),
		)
		const userId = await getPrisma().$transaction((tx) => provisionAndSync(tx, { organizationId, providerId: provider.id, provider, claims, email }))
		return { userId, organizationId, redirectTo: state.redirectTo }
	} catch (error) {
		if (error instanceof SsoError) {
			await recordAudit({ organizationId, actorId: null, action: 'sso.sign_in_refused', detail: { reason: error.message, detail: error.detail ?? null } })
		}
		throw error
	}
}

function checkedEmail(claims: SignInClaims, domains: string[]) {
	const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : ''
	if (!email || !email.includes('@')) {
		throw new SsoError('Your identity provider did not share your e-mail address with Hardmode. Ask your admin to release the email claim.', 'no email claim')
	}
	if (claims.email_verified !== true) {
		throw new SsoError(`Your identity provider has not verified ${email}. Verify it there first, then sign in again.`, 'email_verified is not true')
	}
	if (!domains.includes(emailDomain(email))) {
		throw new SsoError(
			`${email} is not an address this organisation signs in with (${domains.map((d) => `@${d}`).join(', ')}). Use your work account, or ask your admin.`,
			'domain not allowed',
		)
	}
	return email
}

// Names are shown everywhere; control characters are dropped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g

function displayNameFrom(claims: SignInClaims, email: string) {
	const given = [claims.given_name, claims.family_name].filter((part) => typeof part === 'string').join(' ')
	const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name : given || email.slice(0, email.indexOf('@'))
	return name.replace(CONTROL_CHARACTERS, '').trim().slice(0, 100) || email
}

type Provisioning = {
	organizationId: string
	providerId: string
	provider: { claimName: string; mappings: Array<{ claimValue: string; grantsAdmin: boolean; teamId: string | null; teamRole: 'learner' | 'lead' }> }
	claims: SignInClaims
	email: string
}

async function provisionAndSync(tx: Tx, input: Provisioning): Promise<string> {
	const { organizationId, providerId, claims, email } = input
	const identity = await tx.ssoIdentity.findUnique({ where: { providerId_subject: { providerId, subject: claims.sub } }, select: { id: true, userId: true } })
	let userId = identity?.userId
	if (!userId) {
		const existing = await tx.user.findUnique({ where: { email }, select: { id: true, organizationId: true } })
		if (existing && existing.organizationId !== organizationId) {
			throw new SsoError(`${email} already has a Hardmode account in another organisation, so it cannot join this one. Ask your admin.`, 'email in another org')
		}
		userId = existing?.id ?? (await createAccount(tx, input))
		await tx.ssoIdentity.create({ data: { providerId, subject: claims.sub, userId }, select: { id: true } })
	} else {
		await tx.ssoIdentity.update({ where: { id: identity!.id }, data: { lastSignInAt: new Date() }, select: { id: true } })
	}
	const account = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { removedAt: true } })
	if (account.removedAt) {
		throw new SsoError(
			'Your account was removed from this organisation, so single sign-on cannot open it. Ask an admin of the organisation.',
			'account removed',
		)
	}
	await applyMappedAccess(tx, { ...input, userId })
	return userId
}

async function createAccount(tx: Tx, input: Provisioning) {
	// No password: a random one nobody knows keeps the column's meaning (a hash) and makes password login impossible.
	const passwordHash = await hashPassword(randomBytes(32).toString('base64url'))
	const user = await tx.user.create({
		data: { organizationId: input.organizationId, email: input.email, name: displayNameFrom(input.claims, input.email), passwordHash, orgRole: 'member' },
		select: { id: true },
	})
	await recordAudit({ organizationId: input.organizationId, actorId: user.id, action: 'sso.account_created', targetType: 'User', targetId: user.id }, tx)
	return user.id
}

async function applyMappedAccess(tx: Tx, input: Provisioning & { userId: string }) {
	const { organizationId, userId } = input
	const access = mappedAccess(input.provider.mappings, claimValues(input.claims, input.provider.claimName))
	const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { orgRole: true, memberships: { select: { teamId: true, role: true } } } })
	const audit = (action: string, detail: Prisma.InputJsonValue) =>
		recordAudit({ organizationId, actorId: null, action, targetType: 'User', targetId: userId, detail }, tx)

	if (access.orgRole && access.orgRole !== user.orgRole) {
		// An organisation keeps at least one admin, whatever the groups say.
		const lastAdmin = access.orgRole === 'member' && (await tx.user.count({ where: { organizationId, orgRole: 'admin' } })) <= 1
		if (!lastAdmin) {
			await tx.user.update({ where: { id: userId }, data: { orgRole: access.orgRole }, select: { id: true } })
			await audit('sso.role_changed', { role: access.orgRole })
		}
	}
	const changes = membershipChanges(user.memberships, access.teams)
	for (const { teamId, role } of changes.add) {
		await tx.membership.create({ data: { organizationId, teamId, userId, role }, select: { id: true } })
		await audit('sso.team_added', { teamId, role })
	}
	for (const { teamId, role } of changes.change) {
		await tx.membership.update({ where: { teamId_userId: { teamId, userId } }, data: { role }, select: { id: true } })
		await audit('sso.team_role_changed', { teamId, role })
	}
	for (const teamId of changes.remove) {
		await tx.membership.delete({ where: { teamId_userId: { teamId, userId } }, select: { id: true } })
		await audit('sso.team_removed', { teamId })
	}
}
