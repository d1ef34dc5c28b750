import { afterAll, beforeAll } from 'vitest'
import { createRunnerPool, type RunnerPool } from './index.ts'

/** One single-worker pool for a test file, ready before its tests and closed after them. */
export function useTestPool() {
	const handle = {} as { pool: RunnerPool }
	beforeAll(async () => {
		handle.pool = createRunnerPool({ size: 1 })
		await handle.pool.ready()
	})
	afterAll(async () => {
		await handle.pool?.close()
	})
	return handle
}
