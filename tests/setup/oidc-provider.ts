// A real OpenID Connect provider on loopback (`oidc-provider`), for the single sign-on tests.
// Integration tests start one per test file with startTestProvider(); the end-to-end run starts
// one as a web server (`npx tsx tests/setup/oidc-provider.ts`, see playwright.config.ts).
//
// Anyone may sign in at its login page with any password: the login typed is the account.
// A login that is an e-mail address gets that address, verified unless its local part starts
// with "unverified", and the groups TEST_GROUPS lists for its local part.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import Provider, { type KoaContextWithOIDC } from 'oidc-provider'
import { E2E_OIDC_PORT, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './oidc-test-client.ts'

export { TEST_CLIENT_ID, TEST_CLIENT_SECRET }

/** Groups of the test accounts, by the local part of their e-mail address. */
export const TEST_GROUPS: Record<string, string[]> = {
	ada: ['hardmode-admins', 'checkout-devs'],
	lin: ['checkout-devs'],
	kim: ['checkout-devs', 'checkout-leads'],
	noor: ['payments-devs'],
	max: [],
}

/** Changes a test account's groups while the provider runs (someone moved between groups at the provider). */
export function setTestGroups(localPart: string, groups: string[]) {
	TEST_GROUPS[localPart] = groups
}

function accountClaims(login: string) {
	const at = login.lastIndexOf('@')
	const localPart = at > 0 ? login.slice(0, at).toLowerCase() : login
	const claims: Record<string, unknown> = { sub: `sub-${login.toLowerCase()}`, name: localPart.charAt(0).toUpperCase() + localPart.slice(1) }
	if (at > 0) {
		claims.email = login.toLowerCase()
		claims.email_verified = !localPart.startsWith('unverified')
	}
	claims.groups = TEST_GROUPS[localPart] ?? []
	return claims
}

export type TestProvider = {
	issuer: string
	/** Replaces the ID token the token endpoint sends, to play a man in the middle; null stops it. */
	tamper(fn: ((idToken: string) => string) | null): void
	close(): Promise<void>
}

export function testSigningKey(kid = 'test-key') {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
	return { privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } }
}

/**
 * Starts a provider on loopback. `issuer` is what it calls itself (by default the address it
 * listens on); a different one plays a provider whose metadata does not match its URL.
 */
export async function startTestProvider(options: {
	port?: number
	redirectUris: string[]
	issuer?: (listening: string) => string
	/** False: the ID token carries only `sub`, e-mail and groups come from the userinfo endpoint. */
	claimsInIdToken?: boolean
}): Promise<TestProvider> {
	const server = http.createServer()
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
	const listening = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	const issuer = options.issuer ? options.issuer(listening) : listening
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: TEST_CLIENT_ID,
				client_secret: TEST_CLIENT_SECRET,
				redirect_uris: options.redirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_basic',
			},
		],
		jwks: { keys: [testSigningKey().jwk] },
		cookies: { keys: [randomBytes(16).toString('hex')] },
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
		// The ID token carries the claims, as most company providers are set up to do (unless asked otherwise).
		conformIdTokenClaims: options.claimsInIdToken === false,
		findAccount: (_ctx, id) => ({ accountId: id, claims: () => accountClaims(id) as { sub: string } }),
		// A first-party application: no consent screen, the grant is made on the fly.
		loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
			const clientId = ctx.oidc.client!.clientId
			const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(clientId)
			if (grantId) return ctx.oidc.provider.Grant.find(grantId)
			const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session!.accountId })
			grant.addOIDCScope('openid email profile')
			await grant.save()
			return grant
		},
		ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
		// Its own login page (loginPage below): labelled, and loading nothing from the internet.
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		pkce: { required: () => true },
		renderError: (ctx, out) => {
			ctx.type = 'html'
			ctx.body = page('Sign-in failed', `<h1>Sign-in failed</h1><pre>${escapeHtml(JSON.stringify(out))}</pre>`)
		},
	})
	let tamper: ((idToken: string) => string) | null = null
	provider.use(async (ctx, next) => {
		await next()
		const body = ctx.body as { id_token?: unknown } | undefined
		if (tamper && ctx.path === '/token' && body && typeof body.id_token === 'string') body.id_token = tamper(body.id_token)
	})
	const callback = provider.callback()
	server.on('request', (req, res) => {
		const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '')
		if (!interaction) return void callback(req, res)
		void (req.method === 'POST' ? finishLogin(provider, req, res) : showLogin(provider, req, res)).catch((error: unknown) => {
			res.statusCode = 400
			res.setHeader('Content-Type', 'text/html; charset=utf-8')
			res.end(page('Sign-in expired', `<h1>This sign-in has expired</h1><p>${escapeHtml(String(error))}</p>`))
		})
	})
	return {
		issuer,
		tamper(fn) {
			tamper = fn
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}

function escapeHtml(text: string) {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function page(title: string, body: string) {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>${title} · Test identity provider</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem;color:#111;background:#fff}label,input,button{display:block;width:100%;margin-top:.5rem}input{padding:.5rem;border:1px solid #555}button{padding:.6rem;background:#1d4ed8;color:#fff;border:0;margin-top:1rem}</style>
</head><body><main>${body}</main></body></html>`
}

type Interactions = Pick<Provider, 'interactionDetails' | 'interactionFinished'>

async function showLogin(provider: Interactions, req: http.IncomingMessage, res: http.ServerResponse) {
	const details = await provider.interactionDetails(req, res)
	const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : ''
	res.setHeader('Content-Type', 'text/html; charset=utf-8')
	res.setHeader('Cache-Control', 'no-store')
	res.end(
		page(
			'Sign in',
			`<h1>Test identity provider</h1><p>Sign in to continue to ${escapeHtml(String(details.params.client_id))}.</p>
<form method="post" action="/interaction/${details.uid}/login">
<label for="login">Username or e-mail</label><input id="login" name="login" required autocomplete="username" value="${escapeHtml(hint)}">
<label for="password">Password</label><input id="password" name="password" type="password" required autocomplete="current-password">
<button type="submit">Sign in</button></form>`,
		),
	)
}

async function finishLogin(provider: Interactions, req: http.IncomingMessage, res: http.ServerResponse) {
	let body = ''
	for await (const chunk of req) body += String(chunk)
	const login = new URLSearchParams(body).get('login')?.trim()
	if (!login) throw new Error('Enter a login.')
	await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false })
}

/**
 * Plays a browser at the provider: opens the authorization URL, signs in as `login` on the
 * provider's own login form, and returns the URL it sends the browser back to (Hardmode's callback).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, redirectPrefix: string): Promise<URL> {
	const cookies = new Map<string, string>()
	let url = authorizationUrl
	let init: RequestInit = {}
	for (let step = 0; step < 10; step++) {
		const response = await fetch(url, {
			...init,
			redirect: 'manual',
			headers: { ...(init.headers as Record<string, string>), Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
		})
		for (const cookie of response.headers.getSetCookie()) {
			const [pair = ''] = cookie.split(';')
			const eq = pair.indexOf('=')
			cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
		}
		const location = response.headers.get('Location')
		if (location) {
			const next = new URL(location, url)
			if (next.href.startsWith(redirectPrefix)) return next
			url = next.href
			init = {}
			continue
		}
		const html = await response.text()
		const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
		if (!action || !html.includes('name="login"')) throw new Error(`The provider answered ${response.status} without a login form: ${html.slice(0, 300)}`)
		url = new URL(action.replace(/&amp;/g, '&'), url).href
		init = {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ login, password: 'any password' }).toString(),
		}
	}
	throw new Error('The provider never sent the browser back.')
}

// Started on its own (the end-to-end run's web server): Hardmode's two e2e servers may use it.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const e2ePort = Number(process.env.E2E_PORT ?? 3100)
	const provider = await startTestProvider({
		port: E2E_OIDC_PORT,
		redirectUris: [e2ePort, e2ePort + 1].map((port) => `http://127.0.0.1:${port}/login/sso/callback`),
	})
	console.log(`Test OpenID provider at ${provider.issuer}`)
	const stop = () => void provider.close().then(() => process.exit(0))
	process.on('SIGTERM', stop)
	process.on('SIGINT', stop)
}
