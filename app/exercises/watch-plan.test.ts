import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createChangeBatcher, exerciseOfChange } from './watch-plan.ts'

const ROOT = path.join(path.sep, 'repo', 'exercises')
const at = (...parts: string[]) => path.join(ROOT, ...parts)

describe('exerciseOfChange', () => {
	it('maps a file of the catalogue to its exercise, at any depth', () => {
		const watching = { watched: [ROOT], catalogueRoot: ROOT }
		expect(exerciseOfChange(at('retry-storm', 'src', 'http', 'retry.ts'), watching)).toBe(at('retry-storm'))
		expect(exerciseOfChange(at('retry-storm', 'exercise.json'), watching)).toBe(at('retry-storm'))
		expect(exerciseOfChange(at('retry-storm'), watching)).toBe(at('retry-storm'))
		expect(exerciseOfChange(ROOT, watching)).toBeUndefined()
	})

	it('maps a file of a watched exercise to that exercise, and ignores the rest', () => {
		const watching = { watched: [at('retry-storm'), at('slow-order-history')], catalogueRoot: ROOT }
		expect(exerciseOfChange(at('slow-order-history', 'patches', 'one-batch', 'history', 'page.ts'), watching)).toBe(at('slow-order-history'))
		expect(exerciseOfChange(at('tenant-settings-bleed', 'README.md'), watching)).toBeUndefined()
		expect(exerciseOfChange(path.join(path.sep, 'elsewhere', 'notes.md'), watching)).toBeUndefined()
	})

	it('ignores dotfiles, dot-folders and editor temporary files', () => {
		const watching = { watched: [ROOT], catalogueRoot: ROOT }
		for (const scratch of [['.scratch', 'a.ts'], ['retry-storm', '.DS_Store'], ['retry-storm', 'src', '.retry.ts.swp'], ['retry-storm', 'README.md~'], ['retry-storm', '4913'], ['retry-storm', '#README.md#']]) {
			expect(exerciseOfChange(at(...scratch), watching)).toBeUndefined()
		}
	})
})

describe('createChangeBatcher', () => {
	beforeEach(() => {
		vi.useFakeTimers()
	})
	afterEach(() => {
		vi.useRealTimers()
	})

	function batcher(checkTakesMs = 0) {
		const checks: string[][] = []
		const changes = createChangeBatcher({
			quietMs: 300,
			timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
			check: async (dirs) => {
				checks.push(dirs)
				await new Promise((resolve) => setTimeout(resolve, checkTakesMs))
			},
		})
		return { checks, changes }
	}

	it('checks once the saves have settled, each changed exercise once', async () => {
		const { checks, changes } = batcher()
		changes.changed('b')
		await vi.advanceTimersByTimeAsync(200)
		changes.changed('a')
		changes.changed('b')
		await vi.advanceTimersByTimeAsync(299)
		expect(checks).toEqual([])
		await vi.advanceTimersByTimeAsync(1)
		expect(checks).toEqual([['a', 'b']])
	})

	it('never checks twice at once: saves during a check make one more check after it', async () => {
		const { checks, changes } = batcher(5_000)
		changes.changed('a')
		await vi.advanceTimersByTimeAsync(300)
		expect(checks).toEqual([['a']])
		changes.changed('a')
		changes.changed('c')
		await vi.advanceTimersByTimeAsync(1_000)
		expect(checks).toEqual([['a']])
		await vi.advanceTimersByTimeAsync(4_000 + 300)
		expect(checks).toEqual([['a'], ['a', 'c']])
	})

	it('forgets what was pending when stopped', async () => {
		const { checks, changes } = batcher()
		changes.changed('a')
		changes.stop()
		await vi.advanceTimersByTimeAsync(1_000)
		expect(checks).toEqual([])
	})
})
