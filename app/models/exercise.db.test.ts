import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import type { Database } from '#app/utils/db.server.ts'
import { listCatalogue, syncExercises } from './exercise.server.ts'

const catalogue = path.resolve('exercises')
let db: Database
let root: string

beforeAll(async () => {
	db = await createTestDatabase()
	root = mkdtempSync(path.join(tmpdir(), 'hm-exercises-'))
	for (const slug of ['retry-storm', 'duplicate-usernames']) cpSync(path.join(catalogue, slug), path.join(root, slug), { recursive: true })
	// A broken folder: exercise.json is not JSON.
	mkdirSync(path.join(root, 'half-written'))
	writeFileSync(path.join(root, 'half-written', 'exercise.json'), '{ "slug": "half-written", ')
})

afterAll(async () => {
	await db?.close()
	if (root) rmSync(root, { recursive: true, force: true })
})

describe('syncExercises', () => {
	it('loads valid folders, reports a broken one and keeps going', async () => {
		const report = await syncExercises(db.prisma, root)
		expect(report.created.sort()).toEqual(['duplicate-usernames', 'retry-storm'])
		expect(report.skipped).toEqual([{ folder: 'half-written', reason: expect.stringContaining('half-written') }])
		const titles = (await listCatalogue(db.prisma)).map((e) => e.slug).sort()
		expect(titles).toEqual(['duplicate-usernames', 'retry-storm'])
	})

	it('does nothing for an unchanged folder', async () => {
		const report = await syncExercises(db.prisma, root)
		expect(report.unchanged.sort()).toEqual(['duplicate-usernames', 'retry-storm'])
		expect(report.created).toEqual([])
		expect(await db.prisma.exerciseVersion.count()).toBe(2)
	})

	it('makes a changed folder a new version and keeps the old one for its attempts', async () => {
		const exercise = await db.prisma.exercise.findUniqueOrThrow({ where: { slug: 'retry-storm' }, select: { currentVersionId: true } })
		appendFileSync(path.join(root, 'retry-storm', 'README.md'), '\nUpdate: the staging value has been corrected.\n')
		const report = await syncExercises(db.prisma, root)
		expect(report.updated).toEqual(['retry-storm'])
		const versions = await db.prisma.exerciseVersion.findMany({
			where: { exercise: { slug: 'retry-storm' } },
			orderBy: { number: 'asc' },
			select: { id: true, number: true, brief: true },
		})
		expect(versions.map((v) => v.number)).toEqual([1, 2])
		expect(versions[0]!.id).toBe(exercise.currentVersionId)
		expect(versions[1]!.brief).toContain('the staging value has been corrected')
		const current = await db.prisma.exercise.findUniqueOrThrow({ where: { slug: 'retry-storm' }, select: { currentVersionId: true } })
		expect(current.currentVersionId).toBe(versions[1]!.id)
	})

	it('retires an exercise whose folder is gone, without deleting it', async () => {
		rmSync(path.join(root, 'duplicate-usernames'), { recursive: true })
		const report = await syncExercises(db.prisma, root)
		expect(report.retired).toEqual(['duplicate-usernames'])
		expect((await listCatalogue(db.prisma)).map((e) => e.slug)).toEqual(['retry-storm'])
		expect(await db.prisma.exercise.count({ where: { slug: 'duplicate-usernames' } })).toBe(1)
	})

	it('keeps hidden tests and the solution out of what learners may see', async () => {
		const version = await db.prisma.exerciseVersion.findFirstOrThrow({
			where: { exercise: { slug: 'retry-storm' } },
			select: { publicFiles: true, hiddenTests: true, solution: true },
		})
		const publicPaths = Object.keys(version.publicFiles as Record<string, string>)
		expect(publicPaths.some((p) => p.startsWith('src/'))).toBe(true)
		expect(publicPaths.some((p) => p.startsWith('tests/visible/'))).toBe(true)
		expect(publicPaths.filter((p) => p.startsWith('tests/hidden/') || p.startsWith('solution/'))).toEqual([])
		expect(Object.keys(version.hiddenTests as object).length).toBeGreaterThan(0)
		expect(Object.keys(version.solution as object).length).toBeGreaterThan(0)
		expect(JSON.stringify(await listCatalogue(db.prisma))).not.toMatch(/hiddenTests|solution|tests\/hidden/)
	})
})
