import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { startMailSink, type MailSink } from '#tests/mail-sink.ts'
import type { Database } from '#app/utils/db.server.ts'
import { enqueueMail } from './outbox.server.ts'
import { MAX_ATTEMPTS } from './retry.ts'
import { createSmtpTransport, deliverDueMail, LEASE_MS, type MailTransport, type OutgoingMail } from './sender.server.ts'

let db: Database
let sink: MailSink
let organizationId: string
const FROM = 'Hardmode <hardmode@example.com>'

beforeAll(async () => {
	db = await createTestDatabase()
	sink = await startMailSink()
	organizationId = (await db.prisma.organization.create({ data: { name: 'Outbox Ltd' }, select: { id: true } })).id
})
afterAll(async () => {
	await sink?.close()
	await db?.close()
})
beforeEach(async () => {
	sink.received.length = 0
	await db.prisma.outboxMessage.deleteMany()
})

function enqueue(to = 'ada@example.com') {
	return enqueueMail(db.prisma, {
		organizationId,
		to,
		subject: 'Reset your Hardmode password',
		text: 'Someone asked to reset the password for ada@example.com.\n\nhttp://127.0.0.1:3000/reset-password/abc — this link works for 30 minutes.',
		html: '<p>Someone asked to reset the password.</p>',
		kind: 'password-reset',
	})
}

const stored = (id: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })
const at = (base: Date, ms: number) => new Date(base.getTime() + ms)

describe('delivering through a real SMTP server', () => {
	it('delivers a message with its text, HTML and stored Message-ID, and marks it sent', async () => {
		const { id } = await enqueue()
		const report = await deliverDueMail(db.prisma, { transport: createSmtpTransport(sink.url), from: FROM, owner: 'a' })
		expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 })
		const message = await stored(id)
		expect(message).toMatchObject({ status: 'sent', attempts: 1, leaseOwner: null, lastError: null })
		expect(sink.received).toHaveLength(1)
		expect(sink.received[0]).toMatchObject({
			from: 'hardmode@example.com',
			to: ['ada@example.com'],
			subject: 'Reset your Hardmode password',
			messageId: message.messageId,
			html: '<p>Someone asked to reset the password.</p>',
		})
		expect(sink.received[0]!.text).toContain('http://127.0.0.1:3000/reset-password/abc — this link works for 30 minutes.')
	})

	it('tries again later after the server refuses, and the message arrives once', async () => {
		const { id } = await enqueue()
		const now = new Date()
		sink.refuseNext(1)
		const transport = createSmtpTransport(sink.url)
		expect(await deliverDueMail(db.prisma, { transport, from: FROM, owner: 'a', now })).toEqual({ sent: 0, retrying: 1, failed: 0 })
		const refused = await stored(id)
		expect(refused).toMatchObject({ status: 'pending', attempts: 1, leaseOwner: null })
		expect(refused.lastError).toMatch(/^The mail server answered: 451/)
		expect(refused.nextAttemptAt).toEqual(at(now, 30_000))

		expect(await deliverDueMail(db.prisma, { transport, from: FROM, owner: 'a', now: at(now, 10_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 })
		expect(await deliverDueMail(db.prisma, { transport, from: FROM, owner: 'a', now: at(now, 30_000) })).toEqual({ sent: 1, retrying: 0, failed: 0 })
		expect(await deliverDueMail(db.prisma, { transport, from: FROM, owner: 'a', now: at(now, 24 * 3_600_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 })
		expect(sink.received.map((mail) => mail.messageId)).toEqual([refused.messageId])
		expect(await stored(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
	})

	it('loses nothing while the mail server is down, and delivers once it is back', async () => {
		const { id } = await enqueue()
		const down = await startMailSink()
		const downUrl = down.url
		await down.close()
		const now = new Date()
		const report = await deliverDueMail(db.prisma, { transport: createSmtpTransport(downUrl), from: FROM, owner: 'a', now })
		expect(report).toEqual({ sent: 0, retrying: 1, failed: 0 })
		expect(await stored(id)).toMatchObject({ status: 'pending', attempts: 1 })
		expect((await stored(id)).lastError).toMatch(/ECONNREFUSED/)

		await deliverDueMail(db.prisma, { transport: createSmtpTransport(sink.url), from: FROM, owner: 'a', now: at(now, 60_000) })
		expect(sink.received).toHaveLength(1)
		expect(await stored(id)).toMatchObject({ status: 'sent' })
	})

	it('sends the same Message-ID again when the reply to a delivered message was lost', async () => {
		const { id } = await enqueue()
		const smtp = createSmtpTransport(sink.url)
		const replyLost: MailTransport = {
			async sendMail(mail) {
				await smtp.sendMail(mail)
				throw Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' })
			},
		}
		const now = new Date()
		await deliverDueMail(db.prisma, { transport: replyLost, from: FROM, owner: 'a', now })
		await deliverDueMail(db.prisma, { transport: smtp, from: FROM, owner: 'a', now: at(now, 30_000) })
		const { messageId } = await stored(id)
		expect(sink.received.map((mail) => mail.messageId)).toEqual([messageId, messageId])
	})
})

describe('retries, leases and giving up', () => {
	const refusing: MailTransport = {
		sendMail: () => Promise.reject(Object.assign(new Error('x'), { response: '451 4.3.0 Try again later', responseCode: 451 })),
	}

	it('backs off twice as long each time and marks the message failed after the last try, keeping it', async () => {
		const { id } = await enqueue()
		let now = new Date()
		const waits: number[] = []
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			const report = await deliverDueMail(db.prisma, { transport: refusing, from: FROM, owner: 'a', now })
			expect(report.retrying + report.failed).toBe(1)
			const message = await stored(id)
			if (message.status === 'failed') break
			waits.push(message.nextAttemptAt.getTime() - now.getTime())
			now = message.nextAttemptAt
		}
		expect(waits.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000])
		expect(await stored(id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'The mail server answered: 451 4.3.0 Try again later' })
		expect(await deliverDueMail(db.prisma, { transport: createSmtpTransport(sink.url), from: FROM, owner: 'a', now: at(now, 365 * 24 * 3_600_000) })).toEqual({
			sent: 0,
			retrying: 0,
			failed: 0,
		})
	})

	it('never hands one message to two senders working at the same moment', async () => {
		const ids = await Promise.all(Array.from({ length: 12 }, (_, index) => enqueue(`person-${index}@example.com`)))
		const sent: string[] = []
		const recording = (): MailTransport => ({
			async sendMail(mail) {
				sent.push(mail.messageId)
			},
		})
		const reports = await Promise.all(['a', 'b', 'c'].map((owner) => deliverDueMail(db.prisma, { transport: recording(), from: FROM, owner, batch: 5 })))
		const again = await deliverDueMail(db.prisma, { transport: recording(), from: FROM, owner: 'd' })
		expect(reports.reduce((sum, report) => sum + report.sent, 0) + again.sent).toBe(ids.length)
		expect(new Set(sent).size).toBe(sent.length)
		expect(sent).toHaveLength(ids.length)
	})

	it('lets only one of two senders have a message; the other takes it over only after the lease runs out', async () => {
		const { id } = await enqueue()
		const now = new Date()
		const sentBy: string[] = []
		let release!: () => void
		const held = new Promise<void>((resolve) => (release = resolve))
		const slow: MailTransport = {
			async sendMail() {
				sentBy.push('a')
				await held
			},
		}
		const quick = (name: string): MailTransport => ({
			async sendMail(mail: OutgoingMail) {
				expect(mail.to).toBe('ada@example.com')
				sentBy.push(name)
			},
		})
		const first = deliverDueMail(db.prisma, { transport: slow, from: FROM, owner: 'a', now })
		await expect.poll(() => sentBy).toEqual(['a'])
		expect(await deliverDueMail(db.prisma, { transport: quick('b'), from: FROM, owner: 'b', now: at(now, LEASE_MS - 1) })).toEqual({
			sent: 0,
			retrying: 0,
			failed: 0,
		})
		// Sender a is stuck past its lease (a crashed server looks the same): b takes the message over.
		expect(await deliverDueMail(db.prisma, { transport: quick('b'), from: FROM, owner: 'b', now: at(now, LEASE_MS) })).toMatchObject({ sent: 1 })
		release()
		expect(await first).toMatchObject({ sent: 1 })
		expect(sentBy).toEqual(['a', 'b'])
		expect(await stored(id)).toMatchObject({ status: 'sent', attempts: 2 })
		expect(await deliverDueMail(db.prisma, { transport: quick('c'), from: FROM, owner: 'c', now: at(now, 10 * LEASE_MS) })).toMatchObject({ sent: 0 })
	})
})
