/** Where the identity provider sends the browser back to: the redirect URL an admin registers there. */
export const SSO_CALLBACK_PATH = '/login/sso/callback'
