// The team page's forms: invite someone, add an existing member, change a role, remove a
// member, revoke an invite. Who may send which is in permissions.server.ts (ADR 015).
import { z } from 'zod'
import { recordIdField } from '#app/utils/forms.ts'

const teamRole = z.enum(['learner', 'lead'], { error: 'Choose learner or lead.' })

export const TeamFormSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('invite'), role: teamRole }),
	z.object({ intent: z.literal('add-member'), userId: recordIdField('Choose a person.'), role: teamRole }),
	z.object({ intent: z.literal('set-role'), userId: recordIdField('Choose a person.'), role: teamRole }),
	z.object({ intent: z.literal('remove-member'), userId: recordIdField('Choose a person.') }),
	z.object({ intent: z.literal('revoke'), inviteId: recordIdField('Choose an invite.') }),
])
