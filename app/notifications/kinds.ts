// The kinds of notification, who may receive each, and how each is delivered unless the person
// chose otherwise (ADR 031). Pure and client-safe.

export const NOTIFICATION_KINDS = ['assignment_given', 'assignment_due', 'attempt_reviewed', 'review_waiting', 'exercise_flagged'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** The page where a person chooses, linked from the notifications page and every notification e-mail. */
export const SETTINGS_PATH = '/settings/notifications'

export const DELIVERIES = ['in_app', 'email', 'off'] as const
export type Delivery = (typeof DELIVERIES)[number]

export const DELIVERY_LABELS: Record<Delivery, string> = {
	in_app: 'In the app only',
	email: 'In the app and by e-mail',
	off: 'Off',
}

type KindInfo = {
	label: string
	description: string
	/** Who can receive it: everyone, or only leads and admins (the people with a review queue). */
	audience: 'everyone' | 'leads'
	default: Delivery
}

// A reminder is what e-mail is for; the rest is news the app shows the next time someone looks.
export const KIND_INFO: Record<NotificationKind, KindInfo> = {
	assignment_given: {
		label: 'An exercise is assigned to you',
		description: 'When a lead assigns you practice, to your team or to you.',
		audience: 'everyone',
		default: 'in_app',
	},
	assignment_due: {
		label: 'An assignment is due tomorrow',
		description: 'Once, a day before the due date, if you have not finished it.',
		audience: 'everyone',
		default: 'email',
	},
	attempt_reviewed: {
		label: 'Your attempt is reviewed',
		description: 'When a lead scores one of your attempts, or changes the score.',
		audience: 'everyone',
		default: 'in_app',
	},
	review_waiting: {
		label: 'An attempt has waited two days for your review',
		description: 'Once per attempt of someone in a team you lead.',
		audience: 'leads',
		default: 'in_app',
	},
	exercise_flagged: {
		label: 'An exercise is flagged',
		description: 'When someone in your organisation reports an exercise as broken, ambiguous or too easy.',
		audience: 'leads',
		default: 'in_app',
	},
}

/** The kinds a person is offered in their settings: leads and admins see all of them. */
export function kindsFor(person: { leadsOrAdmin: boolean }): NotificationKind[] {
	return NOTIFICATION_KINDS.filter((kind) => person.leadsOrAdmin || KIND_INFO[kind].audience === 'everyone')
}

/** Each kind's delivery for a person: what they chose, else the kind's default. */
export function resolveDeliveries(chosen: ReadonlyArray<{ kind: NotificationKind; delivery: Delivery }>): Record<NotificationKind, Delivery> {
	const deliveries = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, KIND_INFO[kind].default])) as Record<NotificationKind, Delivery>
	for (const choice of chosen) deliveries[choice.kind] = choice.delivery
	return deliveries
}

/**
 * What happens to one notification for a person: not stored (off), stored only, stored and
 * mailed at once, or stored and kept for their daily digest. Only leads and admins may have a
 * digest; an address not yet confirmed (ADR 028) gets no mail, since it may be someone else's.
 */
export type Handling = 'skip' | 'in_app' | 'email' | 'digest'

export function handlingOf(delivery: Delivery, person: { dailyDigest: boolean; leadsOrAdmin: boolean; emailVerified: boolean }): Handling {
	if (delivery === 'off') return 'skip'
	if (delivery === 'in_app' || !person.emailVerified) return 'in_app'
	return person.dailyDigest && person.leadsOrAdmin ? 'digest' : 'email'
}
