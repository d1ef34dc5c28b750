// The organisation admin's page: create a team, make someone an admin or a member, act on someone's account, require two-factor sign-in.
import { z } from 'zod'
import { displayName, recordIdField } from '#app/utils/forms.ts'

export const AdminFormSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('create-team'),
		name: displayName({ empty: 'Name the team (at least 2 characters).', min: 2, max: 60 }),
		leadUserId: z
			.union([z.literal(''), recordIdField('Choose a lead from your organisation.')])
			.optional()
			.transform((v) => v || undefined),
	}),
	z.object({
		intent: z.literal('set-role'),
		userId: recordIdField('Choose a member.'),
		role: z.enum(['admin', 'member'], { error: 'Choose admin or member.' }),
		// Sent by the confirmation an admin sees before making themselves a member.
		confirmSelfDemotion: z.literal('yes').optional(),
	}),
	// An admin's actions on someone's account (ADR 029).
	z.object({ intent: z.literal('remove-member'), userId: recordIdField('Choose a member.') }),
	z.object({ intent: z.literal('end-sessions'), userId: recordIdField('Choose a member.') }),
	z.object({ intent: z.literal('lift-lockout'), userId: recordIdField('Choose a member.') }),
	z.object({ intent: z.literal('two-factor-requirement'), required: z.enum(['yes', 'no'], { error: 'Choose whether to require it.' }) }),
])
