import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { architectureFolder } from './fixtures/sample-architecture.ts'
import { sampleFolder } from './fixtures/sample-exercise.ts'
import { readExerciseFolder } from './load.ts'
import { renamedCopy } from './fixtures/renamed-copy.ts'
import { codeBaseShapes, lineShapes, MAX_SHARED_LINES, sharedLineShare } from './similarity.ts'

describe('lineShapes', () => {
	it('blanks names and literals, numbering names within a line, and keeps keywords, punctuation and built-ins', () => {
		expect(lineShapes("\tthis.total = order.total + fees.reduce((sum, fee) => sum + fee.cents, 0) // all in\n")).toEqual([
			'this . I0 = I1 . I0 + I2 . reduce ( ( I3 , I4 ) => I3 + I4 . I5 , L )',
		])
		expect(lineShapes('const label = `${count} items`.padEnd(12, "-")\n')).toEqual(['const I0 = L I1 L . padEnd ( L , L )'])
	})

	it('leaves out trivial lines, comments, imports, re-exports and type declarations', () => {
		const source = [
			"import { total } from './total'",
			"export { total } from './total'",
			'/** A ledger entry, with its amount in cents. */',
			'export type Entry = { id: string; account: string; cents: number }',
			'interface Totals {',
			'\tbyAccount: Map<string, number>',
			'}',
			'',
			'export function sum(entries: Entry[]): number {',
			'\treturn entries.reduce((sum, entry) => sum + entry.cents, 0)',
			'}',
		].join('\n')
		expect(lineShapes(source)).toEqual(['export function I0 ( I1 : I2 [ ] ) : number {', 'return I0 . reduce ( ( I1 , I2 ) => I1 + I2 . I3 , L )'])
	})
})

describe('sharedLineShare', () => {
	it('finds nearly every line of a renamed copy, and few of an unrelated code base', () => {
		const original = sampleFolder().src
		const copy = renamedCopy(original)
		expect(copy['src/renamed0.js'] ?? Object.values(copy)[0]).not.toContain('ledger')
		const share = sharedLineShare(codeBaseShapes(copy), codeBaseShapes(original))
		expect(share).toBeGreaterThan(0.9)
		const unrelated = sharedLineShare(codeBaseShapes(architectureFolder().src), codeBaseShapes(original))
		expect(unrelated).toBeLessThan(MAX_SHARED_LINES / 2)
	})

	it('matches each line of the other code base once', () => {
		const twice = { lines: 2, shapes: new Map([['a b c d e f', 2]]) }
		const once = { lines: 1, shapes: new Map([['a b c d e f', 1]]) }
		expect(sharedLineShare(twice, once)).toBe(0.5)
		expect(sharedLineShare(once, twice)).toBe(1)
		expect(sharedLineShare({ lines: 0, shapes: new Map() }, once)).toBe(0)
	})

	it('keeps unrelated exercises of the catalogue well below the limit (the calibration of docs/authoring.md)', async () => {
		// The sixteen debugging exercises the catalogue started with: sixteen unrelated code bases.
		const slugs = [
			'customer-charged-twice', 'duplicate-usernames', 'export-says-done-but-fails', 'failed-payouts-marked-paid', 'free-shipping-for-everyone',
			'inventory-oversold', 'invoice-total-off-by-a-cent', 'leaderboard-order-is-random', 'memory-grows-per-connection', 'old-prices-after-update',
			'order-ids-dont-match', 'orders-page-skips-an-order', 'reminders-fire-an-hour-late', 'retry-storm', 'slow-order-history', 'tenant-settings-bleed',
		]
		const root = fileURLToPath(new URL('../../exercises/', import.meta.url))
		const shapes = await Promise.all(slugs.map(async (slug) => codeBaseShapes((await readExerciseFolder(root + slug)).src)))
		let highest = 0
		for (const [index, variant] of shapes.entries()) {
			for (const [otherIndex, other] of shapes.entries()) if (index !== otherIndex) highest = Math.max(highest, sharedLineShare(variant, other))
		}
		expect(highest).toBeLessThan(0.15)
		expect(await readFile(root + 'orders-page-skips-an-order/exercise.json', 'utf8')).toContain('"family"')
	}, 30_000)
})
