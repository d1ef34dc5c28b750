// The forms of one's own account: log in, sign up, join through an invite, and the settings
// page. Checked on the server; the pages show the errors next to the fields.
import { z } from 'zod'
import { displayName, emailField, nameField, passwordField } from '#app/utils/forms.ts'
import { passwordProblems } from '#app/utils/password-rules.ts'

export const LoginSchema = z.object({ email: emailField, password: passwordField, redirectTo: z.string().optional() })

// A new password may not contain the person's name or e-mail, so it is checked with them.
function checkNewPassword(value: { password: string; name: string; email: string }, ctx: z.RefinementCtx) {
	for (const message of passwordProblems(value.password, value)) ctx.addIssue({ code: 'custom', path: ['password'], message })
}

export const SignupSchema = z
	.object({
		organizationName: displayName({ empty: 'Name your organisation (at least 2 characters).', min: 2, max: 100 }),
		name: nameField,
		email: emailField,
		password: passwordField,
	})
	.superRefine(checkNewPassword)

/** The invite page: a signed-in member joins the team; someone new registers with the invite. */
export const InviteFormSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('join') }),
	z.object({ intent: z.literal('register'), name: nameField, email: emailField, password: passwordField }).superRefine(checkNewPassword),
])

/** The settings page; the new password is checked against the signed-in person's name and e-mail by the action. */
export const SettingsFormSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('name'), name: nameField }),
	z.object({ intent: z.literal('password'), currentPassword: passwordField, newPassword: passwordField }),
	z.object({ intent: z.literal('logout-everywhere') }),
	// Changing the address is confirmed from the new address (ADR 028); "send again" re-sends that link.
	z.object({ intent: z.literal('email'), newEmail: emailField, currentPassword: passwordField }),
	z.object({ intent: z.literal('send-verification') }),
])

/** Forgot your password: the address to send a reset link to. */
export const ForgotPasswordSchema = z.object({ email: emailField })

/** The reset link's page: the new password (checked against the account's name and e-mail by the action). */
export const ResetPasswordSchema = z.object({ password: passwordField })
