// Reading a sandbox run's results as the validator reports them. Pure.
import type { SandboxRunResult, SandboxTestResult } from './sandbox.ts'

export type TestTally = { total: number; failing: number }

export const isFailing = (test: SandboxTestResult) => test.status === 'fail' || test.status === 'error'

export function tally(result: SandboxRunResult, folderPath: string): TestTally {
	const tests = result.tests.filter((test) => normalizeTestFile(test.file).startsWith(folderPath))
	return { total: tests.length, failing: tests.filter(isFailing).length }
}

export function runTrouble(result: SandboxRunResult) {
	const parts = [result.limit ? `hit the ${result.limit} limit` : '', result.message ?? ''].filter(Boolean)
	return parts.length > 0 ? ` (${parts.join(': ')})` : ''
}

export function describeTest(test: SandboxTestResult) {
	const message = test.message ? `: ${firstLine(test.message)}` : ''
	return `${normalizeTestFile(test.file)} › ${test.name} (${test.status}${message})`
}

function firstLine(text: string) {
	const line = text.split('\n')[0] ?? ''
	return line.length > 160 ? `${line.slice(0, 157)}...` : line
}

export function normalizeTestFile(file: string) {
	return file.replace(/\\/g, '/').replace(/^(?:\.?\/)+/, '')
}

export function sameTestFile(reported: string, expected: string) {
	const normalized = normalizeTestFile(reported)
	return normalized === expected || normalized.endsWith(`/${expected}`)
}
