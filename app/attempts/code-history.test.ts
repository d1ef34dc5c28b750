import { describe, expect, it } from 'vitest'
import { applyChanges, diffFiles, hasChanges, replayCode } from './code-history.ts'

const starter = {
	'src/cart.ts': 'export function total(items) {\n  return items.reduce((sum, i) => sum + i.price, 0)\n}\n',
	'src/money.ts': 'export const cents = (n) => Math.round(n * 100)\n',
}

describe('code history', () => {
	it('stores only the files that changed, and rebuilds the code from them', () => {
		const edited = { ...starter, 'src/cart.ts': starter['src/cart.ts'].replace('i.price', 'i.price * i.quantity') }
		const changes = diffFiles(starter, edited)
		expect(Object.keys(changes)).toEqual(['src/cart.ts'])
		expect(applyChanges(starter, changes)).toEqual(edited)
	})

	it('finds no change when nothing changed', () => {
		expect(hasChanges(diffFiles(starter, { ...starter }))).toBe(false)
	})

	it('replays many steps, including emptied files, files without a final newline and Unicode', () => {
		const steps = [
			{ ...starter, 'src/cart.ts': '' },
			{ ...starter, 'src/cart.ts': 'no newline at the end' },
			{ ...starter, 'src/cart.ts': 'naïve — 🧪\r\nwindows line\r\n', 'src/new.ts': 'export {}\n' },
		]
		let previous = starter
		const stored = steps.map((next) => {
			const changes = diffFiles(previous, next)
			previous = next
			return changes
		})
		expect(replayCode(starter, stored.slice(0, 1))).toEqual(steps[0])
		expect(replayCode(starter, stored.slice(0, 2))).toEqual(steps[1])
		expect(replayCode(starter, stored)).toEqual(steps[2])
	})

	it('refuses a diff that does not belong to the code it is applied to', () => {
		const changes = diffFiles(starter, { ...starter, 'src/money.ts': 'export const cents = 1\n' })
		expect(() => applyChanges({ ...starter, 'src/money.ts': 'something else entirely\n' }, changes)).toThrow(/does not apply/)
	})
})
