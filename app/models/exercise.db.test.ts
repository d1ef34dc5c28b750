import { randomUUID } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import type { Database } from '#app/utils/db.server.ts'
import { servingCheck } from '#app/exercises/serving-check.ts'
import { runTests } from '#app/runner/index.ts'
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

describe('syncExercises with the exercise check the server runs', () => {
	let checked: Database
	let checkedRoot: string
	const check = servingCheck((request) => runTests(request))

	beforeAll(async () => {
		checked = await createTestDatabase()
		checkedRoot = mkdtempSync(path.join(tmpdir(), 'hm-checked-'))
		cpSync(path.join(catalogue, 'orders-page-skips-an-order'), path.join(checkedRoot, 'orders-page-skips-an-order'), { recursive: true })
	})

	afterAll(async () => {
		await checked?.close()
		if (checkedRoot) rmSync(checkedRoot, { recursive: true, force: true })
	})

	it('serves an exercise that passes the check, and proves only folders that are new or changed', async () => {
		const counts: number[] = []
		const first = await syncExercises(checked.prisma, checkedRoot, { check, onCheck: (count) => counts.push(count) })
		expect(first).toMatchObject({ created: ['orders-page-skips-an-order'], skipped: [] })
		const again = await syncExercises(checked.prisma, checkedRoot, { check, onCheck: (count) => counts.push(count) })
		expect(again.unchanged).toEqual(['orders-page-skips-an-order'])
		expect(counts).toEqual([1])
	})

	it('keeps serving the last good version when a change breaks the exercise', async () => {
		// The reference fix copied into the starter: the starter no longer fails any test.
		const exercise = path.join(checkedRoot, 'orders-page-skips-an-order')
		cpSync(path.join(exercise, 'solution'), path.join(exercise, 'src'), { recursive: true })
		const report = await syncExercises(checked.prisma, checkedRoot, { check })
		expect(report.updated).toEqual([])
		expect(report.skipped).toEqual([{ folder: 'orders-page-skips-an-order', reason: expect.stringContaining('[starter-fails]') }])
		expect(report.retired).toEqual([])
		const current = await checked.prisma.exercise.findUniqueOrThrow({
			where: { slug: 'orders-page-skips-an-order' },
			select: { retiredAt: true, currentVersion: { select: { number: true } } },
		})
		expect(current).toEqual({ retiredAt: null, currentVersion: { number: 1 } })
	})

	it('never serves a new exercise that fails the check', async () => {
		const copy = path.join(checkedRoot, 'orders-page-skips-again')
		cpSync(path.join(catalogue, 'orders-page-skips-an-order'), copy, { recursive: true })
		const metadata = JSON.parse(readFileSync(path.join(copy, 'exercise.json'), 'utf8'))
		writeFileSync(path.join(copy, 'exercise.json'), JSON.stringify({ ...metadata, slug: 'orders-page-skips-again', uuid: randomUUID() }))
		// Without hidden tests nothing grades the fix: the layout rule refuses it, though its exercise.json is fine.
		rmSync(path.join(copy, 'tests/hidden'), { recursive: true })
		const report = await syncExercises(checked.prisma, checkedRoot, { check })
		expect(report.skipped).toContainEqual({ folder: 'orders-page-skips-again', reason: expect.stringContaining('[layout]') })
		expect((await listCatalogue(checked.prisma)).map((exercise) => exercise.slug)).not.toContain('orders-page-skips-again')
	})
})
