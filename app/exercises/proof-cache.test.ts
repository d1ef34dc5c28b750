import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkerVersion, openProofCache } from './proof-cache.ts'

const dirs: string[] = []
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function tempDir() {
	const dir = mkdtempSync(path.join(tmpdir(), 'hm-proofs-'))
	dirs.push(dir)
	return dir
}

describe('proof cache', () => {
	it('remembers a proven folder across opens, for that content only', async () => {
		const file = path.join(tempDir(), 'cache', 'proven.json')
		const first = await openProofCache(file)
		expect(first.isProven({ folderName: 'retry-storm', contentHash: 'a' })).toBe(false)
		first.remember({ folderName: 'retry-storm', contentHash: 'a' })
		await first.save()
		const again = await openProofCache(file)
		expect(again.isProven({ folderName: 'retry-storm', contentHash: 'a' })).toBe(true)
		expect(again.isProven({ folderName: 'retry-storm', contentHash: 'b' })).toBe(false)
		expect(again.isProven({ folderName: 'other', contentHash: 'a' })).toBe(false)
	})

	it('forgets everything when the checker changes, and survives a broken file', async () => {
		const dir = tempDir()
		const file = path.join(dir, 'proven.json')
		writeFileSync(file, JSON.stringify({ format: 1, checker: 'an older checker', proven: { 'retry-storm': 'a' } }))
		expect((await openProofCache(file)).isProven({ folderName: 'retry-storm', contentHash: 'a' })).toBe(false)
		writeFileSync(file, '{ half written')
		expect((await openProofCache(file)).isProven({ folderName: 'retry-storm', contentHash: 'a' })).toBe(false)
	})

	it('changes the checker version when a checker source changes', async () => {
		const dir = tempDir()
		writeFileSync(path.join(dir, 'validate.ts'), 'export const rule = 1\n')
		const before = await checkerVersion([dir])
		writeFileSync(path.join(dir, 'validate.ts'), 'export const rule = 2\n')
		expect(await checkerVersion([dir])).not.toBe(before)
		writeFileSync(path.join(dir, 'validate.test.ts'), 'a test changes nothing\n')
		writeFileSync(path.join(dir, 'validate.ts'), 'export const rule = 1\n')
		expect(await checkerVersion([dir])).toBe(before)
	})
})
