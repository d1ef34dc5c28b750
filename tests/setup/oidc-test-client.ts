// Where the end-to-end run's test OpenID provider listens, and the client Hardmode is registered
// as there (tests/setup/oidc-provider.ts). Kept apart so specs need not load the provider itself.
export const E2E_OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3110)
export const E2E_OIDC_ISSUER = `http://127.0.0.1:${E2E_OIDC_PORT}`
export const TEST_CLIENT_ID = 'hardmode'
export const TEST_CLIENT_SECRET = 'a-test-client-secret-that-is-long-enough'
