import { randomBytes, randomUUID } from 'node:crypto'
import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import { getEnv } from '#app/utils/env.server.ts'

// The durable outbox (ADR 028): a message is stored first, in the transaction that caused it,
// and the background sender (sender.server.ts) delivers it later. Nothing is sent from here.

export type OutboxDb = PrismaClient | Prisma.TransactionClient

export type MailMessage = {
	organizationId: string
	to: string
	subject: string
	text: string
	html?: string
	/** What the message is for, e.g. "password-reset", "invite", "assignment-given". */
	kind: string
	/** The same key enqueued again in the organisation stores nothing new and returns the first message's id. */
	dedupeKey?: string
}

/** Stores a message for delivery, inside the caller's transaction when given one. */
export async function enqueueMail(db: OutboxDb, message: MailMessage): Promise<{ id: string }> {
	const messageId = newMessageId()
	if (message.dedupeKey === undefined) {
		return db.outboxMessage.create({ data: { ...message, html: message.html ?? null, messageId }, select: { id: true } })
	}
	// ON CONFLICT rather than catching a unique violation: a violation would abort the caller's transaction.
	const id = randomUUID()
	const inserted = await db.$queryRaw<{ id: string }[]>`
		INSERT INTO "OutboxMessage" ("id", "organizationId", "to", "subject", "text", "html", "kind", "dedupeKey", "messageId", "updatedAt")
		VALUES (${id}, ${message.organizationId}, ${message.to}, ${message.subject}, ${message.text}, ${message.html ?? null}, ${message.kind}, ${message.dedupeKey}, ${messageId}, CURRENT_TIMESTAMP)
		ON CONFLICT ("organizationId", "dedupeKey") DO NOTHING
		RETURNING "id"`
	if (inserted[0]) return inserted[0]
	const existing = await db.outboxMessage.findUniqueOrThrow({
		where: { organizationId_dedupeKey: { organizationId: message.organizationId, dedupeKey: message.dedupeKey } },
		select: { id: true },
	})
	return existing
}

/** A Message-ID for the header, fixed at enqueue so every try of one message carries the same one. */
function newMessageId() {
	const host = new URL(getEnv().PUBLIC_URL).hostname || 'hardmode.localhost'
	return `<${randomBytes(12).toString('hex')}.${Date.now().toString(36)}@${host}>`
}

/** An absolute link into the app, from the configured public address (PUBLIC_URL). */
export function publicLink(pathname: string) {
	return new URL(pathname, `${getEnv().PUBLIC_URL}/`).toString()
}

export type OutboxEntry = {
	id: string
	to: string
	subject: string
	kind: string
	text: string
	links: string[]
	status: 'pending' | 'sent' | 'failed'
	attempts: number
	lastError: string | null
	nextAttemptAt: Date
	sentAt: Date | null
	createdAt: Date
}

const LINK = /https?:\/\/[^\s<>"]+/g

/** The organisation's latest messages, newest first, with the links each carries. */
export async function listOutbox(db: OutboxDb, organizationId: string, take = 100): Promise<OutboxEntry[]> {
	const messages = await db.outboxMessage.findMany({
		where: { organizationId },
		orderBy: { createdAt: 'desc' },
		take,
		select: {
			id: true,
			to: true,
			subject: true,
			kind: true,
			text: true,
			status: true,
			attempts: true,
			lastError: true,
			nextAttemptAt: true,
			sentAt: true,
			createdAt: true,
		},
	})
	return messages.map((message) => ({ ...message, links: [...new Set(message.text.match(LINK) ?? [])] }))
}

/** Puts a message that was given up on back in line, as if new; a sent one stays sent. */
export async function retryMessage(db: OutboxDb, input: { organizationId: string; messageId: string }): Promise<'retried' | 'not-found' | 'not-failed'> {
	const { count } = await db.outboxMessage.updateMany({
		where: { id: input.messageId, organizationId: input.organizationId, status: 'failed' },
		data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null, leaseOwner: null, leaseUntil: null },
	})
	if (count === 1) return 'retried'
	const exists = await db.outboxMessage.count({ where: { id: input.messageId, organizationId: input.organizationId } })
	return exists ? 'not-failed' : 'not-found'
}
