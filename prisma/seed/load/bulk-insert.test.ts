import { describe, expect, it } from 'vitest'
import { insertRows } from './bulk-insert.ts'

/** An executor that keeps the statements it is given instead of running them. */
function recorder() {
	const calls: Array<{ sql: string; values: unknown[][] }> = []
	const $executeRawUnsafe = async (sql: string, ...values: unknown[]) => {
		calls.push({ sql, values: values as unknown[][] })
		return 0
	}
	return { calls, $executeRawUnsafe }
}

describe('insertRows', () => {
	it('writes a table in one INSERT … SELECT FROM unnest, one array per column, cast where the column needs it', async () => {
		const db = recorder()
		const at = new Date('2026-11-30T09:15:00.000Z')
		await insertRows(db, 'Review', [
			{
				id: 'r1',
				organizationId: 'o',
				attemptId: 'a1',
				reviewerId: 'l',
				scores: { fix: 3 },
				percent: 75,
				summary: 'Good.',
				version: 1,
				seenAt: null,
				createdAt: at,
				updatedAt: at.getTime(),
			},
			{
				id: 'r2',
				organizationId: 'o',
				attemptId: 'a2',
				reviewerId: 'l',
				scores: { fix: 1 },
				percent: 25,
				summary: 'Stopped early.',
				version: 1,
				seenAt: at,
				createdAt: at,
				updatedAt: at,
			},
		])
		expect(db.calls).toHaveLength(1)
		expect(db.calls[0]!.sql).toBe(
			'INSERT INTO "Review" ("id", "organizationId", "attemptId", "reviewerId", "scores", "percent", "summary", "version", "seenAt", "createdAt", "updatedAt") ' +
				'SELECT c0, c1, c2, c3, c4::jsonb, c5, c6, c7, c8, c9, c10 ' +
				'FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int4[], $7::text[], $8::int4[], $9::timestamp(3)[], $10::timestamp(3)[], $11::timestamp(3)[]) AS t(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10)',
		)
		const [ids, , , , scores, percents, , , seen, created, updated] = db.calls[0]!.values
		expect(ids).toEqual(['r1', 'r2'])
		expect(scores).toEqual(['{"fix":3}', '{"fix":1}'])
		expect(percents).toEqual([75, 25])
		// Moments travel as ISO strings, whether given as Dates or epoch milliseconds; null stays null.
		expect(seen).toEqual([null, '2026-11-30T09:15:00.000Z'])
		expect(created).toEqual(['2026-11-30T09:15:00.000Z', '2026-11-30T09:15:00.000Z'])
		expect(updated).toEqual(['2026-11-30T09:15:00.000Z', '2026-11-30T09:15:00.000Z'])
	})

	it('casts enum columns to their type, and writes nothing for no rows', async () => {
		const db = recorder()
		await insertRows(db, 'Membership', [{ id: 'm', organizationId: 'o', teamId: 't', userId: 'u', role: 'lead', createdAt: 0 }])
		expect(db.calls[0]!.sql).toContain('c4::"TeamRole"')
		await insertRows(db, 'Membership', [])
		expect(db.calls).toHaveLength(1)
	})
})
