import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import type { Database } from '#app/utils/db.server.ts'
import { loadExercises, watchExercises } from './exercise-sync.ts'

let db: Database
let root: string
const logger = pino({ level: 'silent' })

beforeAll(async () => {
	db = await createTestDatabase()
	root = mkdtempSync(path.join(tmpdir(), 'hm-watch-'))
	cpSync(path.resolve('exercises/orders-page-skips-an-order'), path.join(root, 'orders-page-skips-an-order'), { recursive: true })
})

afterAll(async () => {
	await db?.close()
	if (root) rmSync(root, { recursive: true, force: true })
})

async function currentBrief() {
	const exercise = await db.prisma.exercise.findUniqueOrThrow({
		where: { slug: 'orders-page-skips-an-order' },
		select: { currentVersion: { select: { number: true, brief: true } } },
	})
	return exercise.currentVersion
}

describe('exercises in development', () => {
	it('reloads an exercise when one of its files is saved, as a new version', async () => {
		await loadExercises(db.prisma, root, logger)
		expect((await currentBrief())?.number).toBe(1)
		const stop = watchExercises(db.prisma, root, logger)
		try {
			appendFileSync(path.join(root, 'orders-page-skips-an-order', 'README.md'), '\nUpdate: the export now runs at 02:00.\n')
			await expect.poll(async () => (await currentBrief())?.number, { timeout: 20_000, interval: 200 }).toBe(2)
			expect((await currentBrief())?.brief).toContain('the export now runs at 02:00')
		} finally {
			stop()
		}
	})
})
