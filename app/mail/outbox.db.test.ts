import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import type { Database } from '#app/utils/db.server.ts'
import { enqueueMail } from './outbox.server.ts'

let db: Database
let organizationId: string
beforeAll(async () => {
	db = await createTestDatabase()
	organizationId = (await db.prisma.organization.create({ data: { name: 'Outbox Ltd' }, select: { id: true } })).id
})
afterAll(async () => {
	await db?.close()
})

const message = (overrides: Partial<Parameters<typeof enqueueMail>[1]> = {}) => ({
	organizationId,
	to: 'ada@example.com',
	subject: 'Reset your Hardmode password',
	text: 'Open this link.',
	kind: 'password-reset',
	...overrides,
})

describe('enqueueMail', () => {
	it('stores a pending message with a Message-ID of its own', async () => {
		const { id } = await enqueueMail(db.prisma, message({ html: '<p>Open this link.</p>' }))
		const stored = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })
		expect(stored).toMatchObject({ status: 'pending', to: 'ada@example.com', html: '<p>Open this link.</p>', attempts: 0, sentAt: null })
		expect(stored.messageId).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/)
		const other = await enqueueMail(db.prisma, message())
		expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: other.id } })).messageId).not.toBe(stored.messageId)
	})

	it('stores one message for a key enqueued twice, and returns its id both times', async () => {
		const first = await enqueueMail(db.prisma, message({ dedupeKey: 'assignment:1:user:2' }))
		const second = await enqueueMail(db.prisma, message({ dedupeKey: 'assignment:1:user:2', subject: 'Something else' }))
		expect(second.id).toBe(first.id)
		expect(await db.prisma.outboxMessage.count({ where: { dedupeKey: 'assignment:1:user:2' } })).toBe(1)
	})

	it('de-duplicates inside a transaction without aborting it', async () => {
		await enqueueMail(db.prisma, message({ dedupeKey: 'in-transaction' }))
		const result = await db.prisma.$transaction(async (tx) => {
			const again = await enqueueMail(tx, message({ dedupeKey: 'in-transaction' }))
			const fresh = await enqueueMail(tx, message({ dedupeKey: 'in-transaction-2' }))
			return { again, fresh, count: await tx.outboxMessage.count({ where: { dedupeKey: { startsWith: 'in-transaction' } } }) }
		})
		expect(result.count).toBe(2)
		expect(result.fresh.id).not.toBe(result.again.id)
	})

	it('stores nothing when the transaction that enqueued it rolls back', async () => {
		await expect(
			db.prisma.$transaction(async (tx) => {
				await enqueueMail(tx, message({ dedupeKey: 'rolled-back' }))
				throw new Error('the change failed')
			}),
		).rejects.toThrow('the change failed')
		expect(await db.prisma.outboxMessage.count({ where: { dedupeKey: 'rolled-back' } })).toBe(0)
	})
})
