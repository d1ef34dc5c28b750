// What the pages and the mail say about links sent by mail (ADR 028); client-safe, so the
// pages can show it and the server modules use the same numbers.

export const PASSWORD_RESET_MINUTES = 30
export const EMAIL_VERIFICATION_HOURS = 24

export const RESET_LINK_UNUSABLE = `This link to reset your password has expired or was already used. Ask for a new one: links work once, for ${PASSWORD_RESET_MINUTES} minutes.`

export const VERIFICATION_LINK_UNUSABLE = 'This confirmation link has expired or was already used. Log in and ask for a new one under Settings.'
