import { describe, expect, it } from 'vitest'
import { fileNamedInBrief, type WorkspaceView } from './workspace-view.ts'

type Parts = Pick<WorkspaceView, 'exercise' | 'architecture' | 'files'>
const view = (briefHtml: string, src: string[], stages: string[] = []) =>
	({
		exercise: { briefHtml },
		architecture: stages.length ? { stages: stages.map((html) => ({ briefHtml: html })) } : null,
		files: { src: Object.fromEntries(src.map((path) => [path, ''])) },
	}) as unknown as Parts

describe('fileNamedInBrief', () => {
	it('opens the source file the brief names first, not the one that sorts first', () => {
		const files = ['src/clock.ts', 'src/webhooks/paymentService.ts', 'src/db.ts']
		expect(fileNamedInBrief(view('<p>Implement <code>handleWebhook</code> (src/webhooks/paymentService.ts) using src/db.ts.</p>', files))).toBe(
			'src/webhooks/paymentService.ts',
		)
	})

	it('reads an architecture exercise’s stage briefs after the exercise’s own', () => {
		const files = ['src/clock.ts', 'src/solver/pool.ts']
		expect(fileNamedInBrief(view('<p>A pool of solvers.</p>', files, ['<p>Change src/solver/pool.ts so that…</p>']))).toBe('src/solver/pool.ts')
	})

	it('prefers the longer path where one name contains another', () => {
		expect(fileNamedInBrief(view('<p>See src/api.tsx</p>', ['src/api.ts', 'src/api.tsx']))).toBe('src/api.tsx')
	})

	it('is null when the briefs name no file of the attempt', () => {
		expect(fileNamedInBrief(view('<p>Shipping is free for everyone since Tuesday.</p>', ['src/cart.ts']))).toBeNull()
		expect(fileNamedInBrief(view('<p>Look at src/elsewhere.ts</p>', ['src/cart.ts']))).toBeNull()
	})
})
