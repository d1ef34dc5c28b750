// The forms of two-factor sign-in: the code step after the password, and the settings page.
import { z } from 'zod'

const codeField = z
	.string({ error: 'Type the code from your app, or a recovery code.' })
	.trim()
	.min(1, 'Type the code from your app, or a recovery code.')
	.max(64, 'Codes are six digits; recovery codes are 19 characters.')

export const SecondFactorSchema = z.object({ code: codeField })

export const TwoFactorSettingsSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('start') }),
	z.object({ intent: z.literal('cancel') }),
	z.object({
		intent: z.literal('confirm'),
		code: z.string({ error: 'Type the six digits your app shows.' }).trim().min(1, 'Type the six digits your app shows.').max(16),
	}),
	// Turning it off or making new recovery codes asks for proof it is the person: a current code or the password.
	z.object({
		intent: z.literal('regenerate'),
		proof: z.string({ error: 'Type a code from your app, or your password.' }).min(1, 'Type a code from your app, or your password.').max(1000),
	}),
	z.object({
		intent: z.literal('disable'),
		proof: z.string({ error: 'Type a code from your app, or your password.' }).min(1, 'Type a code from your app, or your password.').max(1000),
	}),
])
