import { describe, expect, it } from 'vitest'
import { sourceBytes } from '#app/runner/source-size.ts'
import { checkLearnerFiles, checkPickedLines, pickFiles, srcFiles, visibleTestFiles } from './files.ts'

const publicFiles = {
	'src/cart.ts': 'export const total = 1\n',
	'src/shipping/rules.ts': 'export const free = false\n',
	'tests/visible/cart.test.ts': "test('total', () => {})\n",
	'package.json': '{}',
}
const starter = srcFiles(publicFiles)
const limits = { sourceBytes: 1024 }

describe('the files of an exercise', () => {
	it('takes the starter from src/ and the visible tests from tests/visible/, nothing else', () => {
		expect(Object.keys(starter)).toEqual(['src/cart.ts', 'src/shipping/rules.ts'])
		expect(Object.keys(visibleTestFiles(publicFiles))).toEqual(['tests/visible/cart.test.ts'])
	})

	it('picks only the files a grading plays', () => {
		const hidden = { 'tests/hidden/stage-1.test.ts': 'one', 'tests/hidden/stage-2.test.ts': 'two' }
		expect(pickFiles(hidden, ['tests/hidden/stage-1.test.ts', 'tests/visible/cart.test.ts'])).toEqual({ 'tests/hidden/stage-1.test.ts': 'one' })
		expect(pickFiles(hidden, [])).toEqual({})
	})
})

describe('the size of the learner’s files', () => {
	it('counts paths and texts in UTF-8 bytes, as the sandbox does', () => {
		const files = { 'src/a.ts': 'plain', 'src/ü.ts': 'Grüße, €5 🚚', 'src/odd.ts': 'lone \ud800 surrogate \udc00' }
		const expected = Object.entries(files).reduce((sum, [path, text]) => sum + Buffer.byteLength(path) + Buffer.byteLength(text), 0)
		expect(sourceBytes(files)).toBe(expected)
		expect(sourceBytes({})).toBe(0)
	})
})

describe('which files a learner may send', () => {
	it('accepts the starter’s paths with any content within the limit', () => {
		expect(checkLearnerFiles({ ...starter, 'src/cart.ts': 'export const total = 2\n' }, starter, limits)).toBeNull()
	})

	it('refuses a file the exercise does not have, and a missing one, naming them', () => {
		expect(checkLearnerFiles({ ...starter, 'src/evil.ts': 'x' }, starter, limits)).toEqual({
			status: 400,
			message: 'These files are not part of the exercise: src/evil.ts.',
		})
		expect(checkLearnerFiles({ ...starter, 'tests/visible/cart.test.ts': 'x' }, starter, limits)?.status).toBe(400)
		const { 'src/cart.ts': _dropped, ...rest } = starter
		expect(checkLearnerFiles(rest, starter, limits)).toEqual({ status: 400, message: 'These files are missing: src/cart.ts.' })
	})

	it('refuses code over the sandbox’s size with 413, saying how large it is and what the limit is', () => {
		const atLimit = { ...starter, 'src/cart.ts': '' }
		const room = limits.sourceBytes - sourceBytes(atLimit)
		expect(checkLearnerFiles({ ...starter, 'src/cart.ts': 'x'.repeat(room) }, starter, limits)).toBeNull()
		const problem = checkLearnerFiles({ ...starter, 'src/cart.ts': 'x'.repeat(room + 1) }, starter, limits)
		expect(problem?.status).toBe(413)
		expect(problem?.message).toMatch(/^The code is 2 KB, more than the 1 KB the sandbox accepts\./)
	})
})

describe('the lines a diagnosis picks', () => {
	const files = { ...starter, 'src/cart.ts': 'one\ntwo\nthree' }

	it('must lie in a starter file, inside the learner’s current text of it', () => {
		expect(checkPickedLines({ file: 'src/cart.ts', endLine: 3 }, files, starter)).toBeNull()
		expect(checkPickedLines({ file: 'src/cart.ts', endLine: 4 }, files, starter)).toEqual({
			status: 400,
			message: 'src/cart.ts has 3 lines; pick lines inside it.',
		})
		expect(checkPickedLines({ file: 'src/other.ts', endLine: 1 }, files, starter)?.message).toMatch(/one of the exercise’s src\/ files/)
	})
})
