import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exerciseFolderFromFiles } from './exercise-folder.ts'
import { openTypeCheckCache } from './type-check-cache.ts'

let dir: string
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'hardmode-types-'))
})
afterEach(async () => {
	await rm(dir, { recursive: true, force: true })
})

const folder = (total: string) =>
	exerciseFolderFromFiles('order-total', { 'exercise.json': '{"language":"typescript"}', 'src/total.ts': total, 'src/other.ts': 'export const other = 1\n' })

describe('openTypeCheckCache', () => {
	it('remembers a type check across runs, until the code changes', async () => {
		const file = path.join(dir, 'cache', 'types.json')
		const first = await openTypeCheckCache(file)
		const broken = folder('export const total: string = 0\n')
		const problems = first.typeCheck(broken)
		expect(problems).toEqual([expect.objectContaining({ file: 'src/total.ts', line: 1 })])
		await first.save()

		// A second run answers from the file, even with a stand-in result planted there.
		const stored = JSON.parse(await readFile(file, 'utf8'))
		const key = Object.keys(stored.entries)[0] as string
		stored.entries[key] = [{ tree: 'starter', file: 'src/total.ts', line: 9, message: 'from the cache' }]
		await writeFile(file, JSON.stringify(stored))
		const second = await openTypeCheckCache(file)
		expect(second.typeCheck(folder('export const total: string = 0\n'))).toEqual([{ tree: 'starter', file: 'src/total.ts', line: 9, message: 'from the cache' }])
		expect(second.typeCheck(folder('export const total: number = 0\n'))).toEqual([])
	})

	it('starts afresh from a missing or unreadable file', async () => {
		const file = path.join(dir, 'types.json')
		await writeFile(file, '{ "format": 1, "entries": ')
		const cache = await openTypeCheckCache(file)
		expect(cache.typeCheck(folder('export const total: number = 0\n'))).toEqual([])
		await cache.save()
		expect(JSON.parse(await readFile(file, 'utf8')).format).toBe(1)
	})
})
