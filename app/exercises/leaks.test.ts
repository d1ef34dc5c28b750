import { describe, expect, it } from 'vitest'
import { distinctiveSolutionLines, findLeaks, isCutFrom } from './leaks.ts'

const starter = (line: string) => `export function settle(order) {\n\tconst subtotal = order.lines.reduce((sum, line) => sum + line.cents, 0)\n${line}\n}\n`

function leaksOf(buggyLine: string, fixedLine: string, learnerSees: (src: string) => Record<string, string>) {
	const src = starter(buggyLine)
	const lines = distinctiveSolutionLines({ src: { 'src/settle.js': src }, solution: { 'solution/settle.js': starter(fixedLine) } })
	return { lines, leaks: findLeaks(lines, learnerSees(src)) }
}

describe('isCutFrom', () => {
	it('knows a line that only deletes text from another', () => {
		expect(isCutFrom('return subtotal', 'return subtotal - fee')).toBe(true)
		expect(isCutFrom('const SKU = /^[A-Z]{2}-\\d{4}$/', 'const SKU = /^[A-Z]{2}-\\d{4}$/g')).toBe(true)
		expect(isCutFrom('if (a  &&  c) go()', 'if (a && b && c) go()')).toBe(true)
		expect(isCutFrom('return subtotal + fee', 'return subtotal - fee')).toBe(false)
		expect(isCutFrom('return subtotal - fee', 'return subtotal - fee')).toBe(false)
	})
})

describe('the no-leak check on a fix that deletes text', () => {
	it('does not take the buggy starter line for a leak of the fix', () => {
		const flag = leaksOf('\treturn subtotal.toString().replace(/,/g, "")', '\treturn subtotal.toString().replace(/,/, "")', (src) => ({ 'src/settle.js': src }))
		expect(flag.leaks).toEqual([])
		const trailingFlag = leaksOf('\tconst SEPARATOR = /[,\\s]+/g', '\tconst SEPARATOR = /[,\\s]+/', (src) => ({ 'src/settle.js': src }))
		expect(trailingFlag.lines).toHaveLength(1)
		expect(trailingFlag.leaks).toEqual([])
		const fee = leaksOf('\treturn subtotal - order.fee', '\treturn subtotal', (src) => ({ 'src/settle.js': src, 'README.md': 'The log shows `return subtotal - order.fee` ran.\n' }))
		expect(fee.lines).toEqual([{ file: 'solution/settle.js', line: 'return subtotal', cutFrom: ['return subtotal - order.fee'] }])
		expect(fee.leaks).toEqual([])
	})

	it('still catches the fixed line where it stands on its own: a commented-out fix, the README', () => {
		const commented = leaksOf('\treturn subtotal - order.fee', '\treturn subtotal', (src) => ({
			'src/settle.js': src.replace('\treturn subtotal - order.fee', '\t// return subtotal\n\treturn subtotal - order.fee'),
		}))
		expect(commented.leaks).toEqual([expect.objectContaining({ line: 'return subtotal', foundIn: 'src/settle.js', foundAtLine: 3 })])
		const readme = leaksOf('\treturn subtotal - order.fee', '\treturn subtotal', (src) => ({ 'src/settle.js': src, 'README.md': 'Try `return subtotal` instead.\n' }))
		expect(readme.leaks).toEqual([expect.objectContaining({ foundIn: 'README.md', foundAtLine: 1 })])
	})

	it('still catches a fix that adds text, even inside the starter line', () => {
		const { leaks } = leaksOf('\treturn subtotal', '\treturn subtotal - order.fee', (src) => ({ 'src/settle.js': src, 'README.md': 'Someone wrote return subtotal - order.fee in chat.\n' }))
		expect(leaks).toEqual([expect.objectContaining({ line: 'return subtotal - order.fee', foundIn: 'README.md' })])
	})
})
