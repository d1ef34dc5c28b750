// Vitest's expect on chai, as the sandbox offers it: no snapshots, no expect.extend, and
// the counts behind expect.assertions() and hasAssertions() kept where learner code cannot
// reach them. Chai's plugins are registered here, before the expect is made.
import * as chai from 'chai'
import { ASYMMETRIC_MATCHERS_OBJECT, GLOBAL_EXPECT, JestAsymmetricMatchers, JestChaiExpect, JestExtend, getState, setState } from '@vitest/expect'

const g = globalThis as any

// Messages name the values in full up to a point; the diff fields carry the rest.
chai.config.truncateThreshold = 200
chai.use(JestExtend)
chai.use(JestChaiExpect)
chai.use(JestAsymmetricMatchers)

// Assertion counts for expect.assertions()/hasAssertions() live here, out of reach: the
// expect state object is reachable (expect.getState()) and so stays informational.
const assertionCount = { calls: 0, expected: null as number | null, expectingAny: false }
function createExpect() {
	const expect: any = (value: unknown, message?: string) => {
		assertionCount.calls++
		const { assertionCalls } = getState(expect)
		setState({ assertionCalls: assertionCalls + 1 }, expect)
		return chai.expect(value, message)
	}
	Object.assign(expect, chai.expect)
	Object.assign(expect, g[ASYMMETRIC_MATCHERS_OBJECT])
	expect.getState = () => getState(expect)
	expect.setState = (state: any) => setState(state, expect)
	expect.assert = chai.assert
	expect.soft = (value: unknown, message?: string) => expect(value, message)
	expect.unreachable = (message?: string) => chai.assert.fail(`expected${message ? ` "${message}" ` : ' '}not to be reached`)
	expect.assertions = (n: number) => {
		assertionCount.expected = Number(n)
		setState({ expectedAssertionsNumber: n }, expect)
	}
	expect.hasAssertions = () => {
		assertionCount.expectingAny = true
		setState({ isExpectingAssertions: true }, expect)
	}
	// Both would change matchers for every test after them, from wherever they are called.
	expect.extend = () => {
		throw new Error('expect.extend is not available in the sandbox: write the check as a helper function in the test file.')
	}
	expect.addEqualityTesters = () => {
		throw new Error('expect.addEqualityTesters is not available in the sandbox: compare with a helper function in the test file.')
	}
	setState({ assertionCalls: 0, isExpectingAssertions: false, expectedAssertionsNumber: null, currentTestName: '' }, expect)
	return expect
}
export const expect = createExpect()
const noSnapshots = () => {
	throw new Error('Snapshots are not available in the sandbox: compare with toEqual or toMatchObject instead.')
}
;(chai.expect as any).extend(expect, {
	toMatchSnapshot: noSnapshots,
	toMatchInlineSnapshot: noSnapshots,
	toMatchFileSnapshot: noSnapshots,
	toThrowErrorMatchingSnapshot: noSnapshots,
	toThrowErrorMatchingInlineSnapshot: noSnapshots,
})
g[GLOBAL_EXPECT] = expect
export function resetExpectState() {
	assertionCount.calls = 0
	assertionCount.expected = null
	assertionCount.expectingAny = false
	setState({ assertionCalls: 0, isExpectingAssertions: false, expectedAssertionsNumber: null, currentTestName: '' }, expect)
}

/** The failure a test's assertion count earns under expect.assertions(n) or hasAssertions(); null when the count is met. */
export function unmetAssertionCount(): Error | null {
	if (assertionCount.expected !== null && assertionCount.calls !== assertionCount.expected) {
		return new Error(`expected number of assertions to be ${assertionCount.expected}, but got ${assertionCount.calls}`)
	}
	if (assertionCount.expectingAny && assertionCount.calls === 0) return new Error('expected any number of assertion, but got none')
	return null
}
