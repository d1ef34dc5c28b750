import * as oidc from 'openid-client'
import { isLoopbackUrl } from './sso-form.ts'

// The OpenID Connect client (ADR 030), on `openid-client`: discovery from the issuer URL, the
// authorization code flow with PKCE, state and nonce, and an ID token whose issuer, audience,
// expiry and signature (against the provider's published keys) are all checked.

export type ProviderClient = { issuerUrl: string; clientId: string; clientSecret: string }

/** A sign-in failed for a reason the person should read; `detail` is for the log. */
export class SsoError extends Error {
	constructor(
		message: string,
		readonly detail?: string,
	) {
		super(message)
	}
}

async function configuration(client: ProviderClient) {
	const issuer = new URL(client.issuerUrl)
	const execute = [oidc.enableNonRepudiationChecks]
	// Plain HTTP only for a provider on this machine (tests, development): the settings refuse it otherwise.
	if (issuer.protocol === 'http:' && isLoopbackUrl(issuer)) execute.push(oidc.allowInsecureRequests)
	try {
		return await oidc.discovery(issuer, client.clientId, { client_secret: client.clientSecret }, oidc.ClientSecretBasic(client.clientSecret), {
			execute,
			timeout: 10,
		})
	} catch (error) {
		throw new SsoError(discoveryMessage(client.issuerUrl, error), describe(error))
	}
}

function discoveryMessage(issuerUrl: string, error: unknown) {
	const text = describe(error)
	if (/issuer/i.test(text)) {
		return `The identity provider at ${issuerUrl} describes itself with a different issuer URL. Check the issuer URL in the single sign-on settings.`
	}
	return `Hardmode could not read the identity provider’s configuration at ${issuerUrl}/.well-known/openid-configuration. Check the issuer URL, or try again when the provider is reachable.`
}

function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error)
	const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
	return `${error.message}${cause}`
}

/** Checks that the issuer answers discovery with matching metadata; returns a message when it does not. */
export async function checkProvider(client: ProviderClient): Promise<string | null> {
	try {
		await configuration(client)
		return null
	} catch (error) {
		if (error instanceof SsoError) return error.message
		throw error
	}
}

export type AuthorizationStart = { url: URL; state: string; nonce: string; codeVerifier: string }

export async function startAuthorization(client: ProviderClient, input: { redirectUri: string; loginHint?: string }): Promise<AuthorizationStart> {
	const config = await configuration(client)
	const codeVerifier = oidc.randomPKCECodeVerifier()
	const state = oidc.randomState()
	const nonce = oidc.randomNonce()
	const parameters: Record<string, string> = {
		redirect_uri: input.redirectUri,
		scope: 'openid email profile',
		code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce,
	}
	if (input.loginHint) parameters.login_hint = input.loginHint
	return { url: oidc.buildAuthorizationUrl(config, parameters), state, nonce, codeVerifier }
}

export type SignInClaims = oidc.IDToken & Record<string, unknown>

/**
 * Exchanges the code at the token endpoint and returns the ID token's validated claims. Claims in
 * `wanted` that the ID token lacks are filled from the userinfo endpoint (some providers release
 * e-mail or groups only there); the ID token's own claims always win.
 */
export async function finishAuthorization(
	client: ProviderClient,
	input: { callbackUrl: URL; state: string; nonce: string; codeVerifier: string; redirectUri: string; wanted: string[] },
): Promise<SignInClaims> {
	const config = await configuration(client)
	// The provider sends the browser back to the redirect URI; the server may see another host or scheme behind a proxy.
	const current = new URL(input.redirectUri)
	current.search = input.callbackUrl.search
	try {
		const tokens = await oidc.authorizationCodeGrant(config, current, {
			pkceCodeVerifier: input.codeVerifier,
			expectedState: input.state,
			expectedNonce: input.nonce,
			idTokenExpected: true,
		})
		const claims = tokens.claims()
		if (!claims) throw new SsoError('The identity provider sent no ID token.')
		if (input.wanted.every((name) => name in claims) || !config.serverMetadata().userinfo_endpoint) return claims
		// The userinfo answer must be about the same subject: fetchUserInfo checks `sub`.
		const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
		return { ...userinfo, ...claims }
	} catch (error) {
		if (error instanceof SsoError) throw error
		if (error instanceof oidc.AuthorizationResponseError) {
			throw new SsoError(
				`The identity provider refused the sign-in (${error.error}${error.error_description ? `: ${error.error_description}` : ''}).`,
				describe(error),
			)
		}
		throw new SsoError(
			'The identity provider’s answer could not be verified, so you were not signed in. Try again, or ask your admin to check the single sign-on settings.',
			describe(error),
		)
	}
}
