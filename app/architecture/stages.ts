// Which scenario files an architecture attempt plays, and when. Stage 1 opens with the
// exercise; stage 2 ("six months later") unlocks once stage 1 is submitted. A run plays the
// scenarios the learner may see at their stage; a submission plays every scenario of the
// stages so far, hidden grading ones included. Pure.
import type { ArchitectureMetadata } from '#app/exercises/schema.ts'
import { scenarioResults, type RunResult } from '#app/runner/protocol.ts'

export type Stage = 1 | 2

const VISIBLE = /^tests\/visible\//

export function stageOf(value: number): Stage {
	return value >= 2 ? 2 : 1
}

/** The scenario files a consequence run plays: stage 1's visible ones, and at stage 2 all of stage 2's as well. */
export function runScenarioFiles(architecture: ArchitectureMetadata, stage: Stage): string[] {
	const [first, second] = architecture.stages
	const files = (first?.scenarios ?? []).filter((file) => VISIBLE.test(file))
	if (stage === 2) files.push(...(second?.scenarios ?? []))
	return [...new Set(files)].sort()
}

/** The scenario files that grade a submission of `stage`: every scenario of stage 1 and, for stage 2, of stage 2. */
export function gradingScenarioFiles(architecture: ArchitectureMetadata, stage: Stage): string[] {
	return [...new Set(architecture.stages.slice(0, stage).flatMap((candidate) => candidate.scenarios))].sort()
}

/** Whether a run needs the server-only test files (stage 2's scenarios live in tests/hidden/). */
export function needsHiddenFiles(files: string[]) {
	return files.some((file) => !VISIBLE.test(file))
}

export type ScenarioSummary = {
	name: string
	stage: number
	passed: boolean
	metrics: Array<{
		name: string
		label: string
		value: number | null
		unit: string
		threshold: number | null
		comparator: '>=' | '<=' | null
		passed: boolean | null
	}>
	message?: string
}

/** What a grading run measured, scenario by scenario, and whether the stage passed. */
export function gradeStage(result: RunResult): { scenarios: ScenarioSummary[]; scenariosPassed: number; scenariosTotal: number; passed: boolean } {
	const scenarios = scenarioResults(result).map((scenario) => ({
		name: scenario.name,
		stage: scenario.stage,
		passed: scenario.passed && scenario.status === 'pass',
		metrics: scenario.metrics,
		...(scenario.message && !scenario.passed ? { message: scenario.message.slice(0, 500) } : {}),
	}))
	const scenariosPassed = scenarios.filter((scenario) => scenario.passed).length
	// A run that could not even play (a syntax error, a limit) passes nothing.
	const passed = result.status === 'pass' && scenarios.length > 0 && scenariosPassed === scenarios.length
	return { scenarios, scenariosPassed, scenariosTotal: scenarios.length, passed }
}
