// How notifications reach the mail outbox: the one place they meet it (ADR 031). The message is
// stored in the caller's transaction, so a notification and its e-mail exist together or not at all.
import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import { enqueueMail, publicLink } from '#app/mail/outbox.server.ts'

export type NotificationMail = { organizationId: string; to: string; subject: string; text: string; html: string; kind: string; dedupeKey: string }

export function mailNotification(db: PrismaClient | Prisma.TransactionClient, message: NotificationMail) {
	return enqueueMail(db, message)
}

/** A path inside Hardmode as a link that works from a mail client. */
export function absoluteLink(path: string) {
	return publicLink(path)
}
