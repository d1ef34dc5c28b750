import { describe, expect, it } from 'vitest'
import type { ArchitectureMetadata } from '#app/exercises/schema.ts'
import type { RunResult } from '#app/runner/protocol.ts'
import { gradeStage, gradingScenarioFiles, needsHiddenFiles, runScenarioFiles } from './stages.ts'

const architecture = {
	decisionRecord: { guidance: 'g', prompts: {} },
	stages: [
		{ title: 'Launch', brief: 'b', scenarios: ['tests/visible/launch.test.ts', 'tests/hidden/launch-grading.test.ts'] },
		{ title: 'Later', brief: 'b', scenarios: ['tests/hidden/later.test.ts'] },
	],
} as unknown as ArchitectureMetadata

describe('scenario files', () => {
	it('runs stage 1’s visible scenarios, and adds stage 2’s once it is open', () => {
		expect(runScenarioFiles(architecture, 1)).toEqual(['tests/visible/launch.test.ts'])
		expect(runScenarioFiles(architecture, 2)).toEqual(['tests/hidden/later.test.ts', 'tests/visible/launch.test.ts'])
		expect(needsHiddenFiles(runScenarioFiles(architecture, 1))).toBe(false)
		expect(needsHiddenFiles(runScenarioFiles(architecture, 2))).toBe(true)
	})

	it('grades with every scenario of the stages so far, hidden ones included', () => {
		expect(gradingScenarioFiles(architecture, 1)).toEqual(['tests/hidden/launch-grading.test.ts', 'tests/visible/launch.test.ts'])
		expect(gradingScenarioFiles(architecture, 2)).toEqual(['tests/hidden/later.test.ts', 'tests/hidden/launch-grading.test.ts', 'tests/visible/launch.test.ts'])
	})
})

const metric = (passed: boolean) => ({
	name: 'successRate',
	label: 'Success rate',
	value: passed ? 99 : 50,
	unit: '%',
	threshold: 98,
	comparator: '>=' as const,
	passed,
})
const test = (name: string, passed: boolean) => ({
	name,
	file: 'tests/visible/launch.test.ts',
	status: passed ? ('pass' as const) : ('fail' as const),
	durationMs: 1,
	...(passed ? {} : { message: 'misses Success rate' }),
	scenario: { stage: 1, seed: 1, passed, virtualMs: 1000, events: 10, requests: 5, metrics: [metric(passed)] },
})
const result = (tests: ReturnType<typeof test>[], status: RunResult['status']) =>
	({ version: 1, status, tests, console: '', timings: { queueMs: 0, compileMs: 0, runMs: 0 } }) as unknown as RunResult

describe('gradeStage', () => {
	it('passes a stage only when every scenario meets every threshold', () => {
		expect(gradeStage(result([test('a', true), test('b', true)], 'pass'))).toMatchObject({ scenariosPassed: 2, scenariosTotal: 2, passed: true })
		const failed = gradeStage(result([test('a', true), test('b', false)], 'fail'))
		expect(failed).toMatchObject({ scenariosPassed: 1, scenariosTotal: 2, passed: false })
		expect(failed.scenarios[1]).toMatchObject({ name: 'b', passed: false, message: 'misses Success rate' })
	})

	it('passes nothing when no scenario could play', () => {
		expect(gradeStage(result([], 'error'))).toMatchObject({ scenariosTotal: 0, passed: false })
	})
})
