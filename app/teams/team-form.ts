// The team page's forms: invite someone, add an existing member, change a role, remove a
// member, revoke an invite. Who may send which is in permissions.server.ts (ADR 015).
import { z } from 'zod'
import { recordIdField } from '#app/utils/forms.ts'

const inviteeEmail = z
	.string({ error: 'Enter the address to send the invite to.' })
	.trim()
	.toLowerCase()
	.min(1, 'Enter the address to send the invite to.')
	.max(254, 'That e-mail address is too long.')
	.pipe(z.email('Enter a valid e-mail address, like name@company.com.'))

const teamRole = z.enum(['learner', 'lead'], { error: 'Choose learner or lead.' })

export const TeamFormSchema = z.discriminatedUnion('intent', [
	// An invite is for one address, which alone may accept it (ADR 028).
	z.object({ intent: z.literal('invite'), role: teamRole, email: inviteeEmail }),
	z.object({ intent: z.literal('add-member'), userId: recordIdField('Choose a person.'), role: teamRole }),
	z.object({ intent: z.literal('set-role'), userId: recordIdField('Choose a person.'), role: teamRole }),
	z.object({ intent: z.literal('remove-member'), userId: recordIdField('Choose a person.') }),
	z.object({ intent: z.literal('revoke'), inviteId: recordIdField('Choose an invite.') }),
])
