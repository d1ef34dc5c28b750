// Notifications (ADR 031): stored for the person they are about, in the transaction of the event
// that caused them, with their e-mail sent to the outbox or kept for a lead's daily digest as the
// person chose. Every query is scoped to the person reading.
import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import { handlingOf, resolveDeliveries, SETTINGS_PATH, type Delivery, type NotificationKind } from '#app/notifications/kinds.ts'
import { notificationMail } from '#app/notifications/messages.ts'
import { absoluteLink, mailNotification } from '#app/notifications/mail.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'

export type Db = PrismaClient | Prisma.TransactionClient

export type NewNotification = {
	userId: string
	kind: NotificationKind
	/** Unique forever (notificationKey): storing it again is a no-op. */
	key: string
	text: string
	/** A path inside Hardmode. */
	link: string
	/** The exercise's title, for the e-mail's subject line. */
	exerciseTitle: string
}

/** The leads and admins of an organisation, among some people: who may have a daily digest. */
function leadsOrAdmin(person: { orgRole: 'admin' | 'member'; memberships: unknown[] }) {
	return person.orgRole === 'admin' || person.memberships.length > 0
}

/**
 * Stores notifications for people of one organisation as each chose for the kind (off: nothing
 * stored), mails those meant for e-mail, and returns the ones stored now. A key stored before is
 * skipped, so an event handled twice, or two servers running the same job, notify once.
 */
export async function notify(db: Db, organizationId: string, items: readonly NewNotification[], now = new Date()) {
	if (items.length === 0) return []
	const people = await db.user.findMany({
		// Someone removed from the organisation (ADR 029) is told nothing more.
		where: { organizationId, removedAt: null, id: { in: [...new Set(items.map((item) => item.userId))] } },
		select: {
			id: true,
			email: true,
			emailVerifiedAt: true,
			orgRole: true,
			memberships: { where: { role: 'lead' }, select: { id: true }, take: 1 },
			notificationPreferences: { select: { kind: true, delivery: true } },
			notificationSettings: { select: { dailyDigest: true } },
		},
	})
	const byId = new Map(people.map((person) => [person.id, person]))
	const rows = items.flatMap((item) => {
		const person = byId.get(item.userId)
		if (!person) return []
		const handling = handlingOf(resolveDeliveries(person.notificationPreferences)[item.kind], {
			dailyDigest: person.notificationSettings?.dailyDigest ?? false,
			leadsOrAdmin: leadsOrAdmin(person),
			emailVerified: person.emailVerifiedAt !== null,
		})
		if (handling === 'skip') return []
		const email = handling === 'email' ? ('sent' as const) : handling === 'digest' ? ('digest_pending' as const) : ('none' as const)
		// The server's clock, not the database's: the digest compares it with the job's `now`.
		return [{ organizationId, userId: item.userId, kind: item.kind, key: item.key, text: item.text, link: item.link, email, createdAt: now }]
	})
	if (rows.length === 0) return []
	// ON CONFLICT DO NOTHING: a unique violation would abort the caller's transaction.
	const created = await db.notification.createManyAndReturn({
		data: rows,
		skipDuplicates: true,
		select: { id: true, key: true, userId: true, kind: true, text: true, link: true, email: true },
	})
	for (const notification of created) {
		if (notification.email !== 'sent') continue
		const item = items.find((candidate) => candidate.key === notification.key)!
		const mail = notificationMail({
			kind: notification.kind,
			exerciseTitle: item.exerciseTitle,
			text: notification.text,
			link: absoluteLink(notification.link),
			settingsLink: absoluteLink(SETTINGS_PATH),
		})
		await mailNotification(db, {
			organizationId,
			to: byId.get(notification.userId)!.email,
			...mail,
			kind: `notification.${notification.kind}`,
			dedupeKey: notification.key,
		})
	}
	return created
}

// ---------------------------------------------------------------------------------------
// What a person reads and changes.

type Reader = { id: string; organizationId: string }

const PAGE_SIZE = 50

/** The person's newest notifications (at most 50) and how many they have in all. */
export async function listNotifications(reader: Reader, take = PAGE_SIZE) {
	const prisma = getPrisma()
	const where = { userId: reader.id, organizationId: reader.organizationId }
	const [notifications, total] = await Promise.all([
		prisma.notification.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			take,
			select: { id: true, kind: true, text: true, link: true, createdAt: true, readAt: true },
		}),
		prisma.notification.count({ where }),
	])
	return { notifications, total }
}

export function countUnread(reader: Reader) {
	return getPrisma().notification.count({ where: { userId: reader.id, organizationId: reader.organizationId, readAt: null } })
}

/** Marks every unread notification of the person read; returns how many were unread. */
export async function markAllRead(reader: Reader, now = new Date()) {
	const updated = await getPrisma().notification.updateMany({
		where: { userId: reader.id, organizationId: reader.organizationId, readAt: null },
		data: { readAt: now },
	})
	return updated.count
}

/** Marks one of the person's notifications read and returns where it points; null when they have no such notification. */
export async function openNotification(reader: Reader, notificationId: string, now = new Date()) {
	const prisma = getPrisma()
	const notification = await prisma.notification.findFirst({
		where: { id: notificationId, userId: reader.id, organizationId: reader.organizationId },
		select: { id: true, link: true, readAt: true },
	})
	if (!notification) return null
	if (!notification.readAt) await prisma.notification.update({ where: { id: notification.id }, data: { readAt: now }, select: { id: true } })
	return notification.link
}

/** The person's choice per kind (defaults filled in) and whether their e-mails come as a daily digest. */
export async function getNotificationSettings(reader: Reader) {
	const prisma = getPrisma()
	const [preferences, settings] = await Promise.all([
		prisma.notificationPreference.findMany({ where: { userId: reader.id }, select: { kind: true, delivery: true } }),
		prisma.notificationSettings.findUnique({ where: { userId: reader.id }, select: { dailyDigest: true } }),
	])
	return { deliveries: resolveDeliveries(preferences), dailyDigest: settings?.dailyDigest ?? false }
}

/**
 * Saves the choices for the kinds given (others keep theirs) and the digest setting, which only
 * leads and admins may turn on. Notifications already waiting for a digest still go out in one.
 */
export async function saveNotificationSettings(reader: Reader, input: { deliveries: Partial<Record<NotificationKind, Delivery>>; dailyDigest: boolean }) {
	const prisma = getPrisma()
	await prisma.$transaction(async (tx) => {
		for (const [kind, delivery] of Object.entries(input.deliveries) as Array<[NotificationKind, Delivery]>) {
			await tx.notificationPreference.upsert({
				where: { userId_kind: { userId: reader.id, kind } },
				create: { userId: reader.id, kind, delivery },
				update: { delivery },
				select: { id: true },
			})
		}
		await tx.notificationSettings.upsert({
			where: { userId: reader.id },
			create: { userId: reader.id, dailyDigest: input.dailyDigest },
			update: { dailyDigest: input.dailyDigest },
			select: { userId: true },
		})
	})
}
