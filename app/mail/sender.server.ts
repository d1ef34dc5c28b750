import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import nodemailer from 'nodemailer'
import type { Logger } from 'pino'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { afterFailedTry, describeDeliveryError } from './retry.ts'

// The background sender (ADR 028). It claims due messages with a lease (so two servers never
// send one message at once), sends each with its stored Message-ID, and records the outcome.
// A crash between sending and recording means one more send of the same Message-ID after the
// lease runs out: at least once, recognisably the same message; never again once marked sent.

export type OutgoingMail = { from: string; to: string; subject: string; text: string; html?: string; messageId: string }

/** What the sender needs from nodemailer; tests may pass a transport of their own. */
export type MailTransport = { sendMail(mail: OutgoingMail): Promise<unknown>; close?(): void }

/** A nodemailer SMTP transport for an smtp:// or smtps:// URL, with timeouts well inside the lease. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
	const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 40_000 })
	return { sendMail: (mail) => transport.sendMail(mail), close: () => transport.close() }
}

export const LEASE_MS = 2 * 60_000

type ClaimedMessage = { id: string; to: string; subject: string; text: string; html: string | null; messageId: string; attempts: number }

export type DeliveryOptions = { transport: MailTransport; from: string; owner: string; now?: Date; batch?: number; leaseMs?: number }
export type DeliveryReport = { sent: number; retrying: number; failed: number }

/** Claims the messages due now and tries each once. */
export async function deliverDueMail(prisma: PrismaClient, options: DeliveryOptions): Promise<DeliveryReport> {
	const now = options.now ?? new Date()
	const claimed = await claimDueMessages(prisma, { owner: options.owner, now, batch: options.batch ?? 20, leaseMs: options.leaseMs ?? LEASE_MS })
	const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 }
	for (const message of claimed) {
		try {
			await options.transport.sendMail({
				from: options.from,
				to: message.to,
				subject: message.subject,
				text: message.text,
				...(message.html ? { html: message.html } : {}),
				messageId: message.messageId,
			})
		} catch (error) {
			const next = afterFailedTry(message.attempts, options.now ?? new Date())
			await prisma.outboxMessage.updateMany({
				where: { id: message.id, leaseOwner: options.owner, status: 'pending' },
				data: { ...next, lastError: describeDeliveryError(error), leaseOwner: null, leaseUntil: null },
			})
			report[next.status === 'failed' ? 'failed' : 'retrying']++
			continue
		}
		// Recorded even if the lease ran out meanwhile: the message went, whoever holds it now.
		await prisma.outboxMessage.updateMany({
			where: { id: message.id, status: { not: 'sent' } },
			data: { status: 'sent', sentAt: options.now ?? new Date(), lastError: null, leaseOwner: null, leaseUntil: null },
		})
		report.sent++
	}
	return report
}

// One statement, so two senders racing for the same rows cannot both win: SKIP LOCKED hands
// each row to one of them, and the lease keeps it theirs after the statement ends.
function claimDueMessages(prisma: PrismaClient, { owner, now, batch, leaseMs }: { owner: string; now: Date; batch: number; leaseMs: number }) {
	const leaseUntil = new Date(now.getTime() + leaseMs)
	return prisma.$queryRaw<ClaimedMessage[]>`
		UPDATE "OutboxMessage"
		SET "leaseOwner" = ${owner}, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
		WHERE "id" IN (
			SELECT "id" FROM "OutboxMessage"
			WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now})
			ORDER BY "nextAttemptAt"
			LIMIT ${batch}
			FOR UPDATE SKIP LOCKED
		)
		RETURNING "id", "to", "subject", "text", "html", "messageId", "attempts"`
}

export type MailSender = { stop(): Promise<void> }

/** Polls the outbox every few seconds and delivers what is due, until stopped. */
export function startMailSender(input: { prisma: PrismaClient; transport: MailTransport; from: string; logger: Logger; pollMs?: number }): MailSender {
	const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
	const pollMs = input.pollMs ?? 2_000
	let stopped = false
	let timer: NodeJS.Timeout | undefined
	let running: Promise<void> = Promise.resolve()

	const tick = () => {
		running = (async () => {
			try {
				const report = await deliverDueMail(input.prisma, { transport: input.transport, from: input.from, owner })
				if (report.sent || report.retrying || report.failed) input.logger.info(report, 'mail outbox: delivered what was due')
			} catch (error) {
				input.logger.error({ err: error }, 'mail outbox: could not deliver; trying again shortly')
			}
			if (!stopped) timer = setTimeout(tick, pollMs)
		})()
	}
	timer = setTimeout(tick, 0)
	return {
		async stop() {
			stopped = true
			clearTimeout(timer)
			await running
			input.transport.close?.()
		},
	}
}

/** Starts delivery when SMTP_URL is set; without it, mail waits in the outbox for an admin to read (Admin → Outbox). */
export function startOutboxDelivery(input: { prisma: PrismaClient; env: { SMTP_URL?: string; MAIL_FROM: string }; logger: Logger }): MailSender | undefined {
	if (!input.env.SMTP_URL) {
		input.logger.info('No SMTP_URL: outgoing mail is kept in the outbox, where admins can read it (Admin → Outbox)')
		return undefined
	}
	return startMailSender({ prisma: input.prisma, transport: createSmtpTransport(input.env.SMTP_URL), from: input.env.MAIL_FROM, logger: input.logger })
}
