// The forms of the notifications page and the notification settings. Checked on the server.
import { z } from 'zod'
import { RECORD_ID_PATTERN } from '#app/utils/forms.ts'
import { DELIVERIES, NOTIFICATION_KINDS, type NotificationKind } from './kinds.ts'

const deliveryField = z.enum(DELIVERIES, { error: 'Choose in the app only, in the app and by e-mail, or off.' })

/**
 * The notification settings form: one choice per kind (a kind the person is not offered may be
 * missing) and the digest box, which sends "on" when ticked.
 */
export const NotificationSettingsSchema = z.object({
	...(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, deliveryField.optional()])) as Record<NotificationKind, z.ZodOptional<typeof deliveryField>>),
	dailyDigest: z.literal('on', { error: 'The daily digest is on or off.' }).optional(),
})

/** The notifications page: open one (it is marked read) or mark them all read. */
export const NotificationsPageSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('open'), notificationId: z.string().regex(RECORD_ID_PATTERN, 'Choose a notification.') }),
	z.object({ intent: z.literal('mark-all-read') }),
])
