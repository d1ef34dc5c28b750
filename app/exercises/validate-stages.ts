// The validator's rules for the stages of architecture exercises: which scenario files each
// stage plays, and that the starter misses and the solution meets every stage's thresholds. Pure.
import { type ExerciseFolder, METADATA_FILE, testFilePaths } from './exercise-folder.ts'
import { describeTest, isFailing, normalizeTestFile, sameTestFile, type TestTally } from './run-results.ts'
import { ArchitectureSchema, type ArchitectureStage } from './schema.ts'
import type { SandboxRunResult, SandboxTestResult } from './sandbox.ts'
import { SIMULATION_MODULE, type Report } from './validate.ts'

export function architectureStages(metadata: unknown): ArchitectureStage[] | undefined {
	if (!isArchitecture(metadata)) return undefined
	const parsed = ArchitectureSchema.safeParse((metadata as Record<string, unknown>).architecture)
	return parsed.success ? parsed.data.stages : undefined
}

export function isArchitecture(metadata: unknown) {
	return (metadata as Record<string, unknown> | undefined)?.kind === 'architecture'
}

/** Every test file belongs to one stage; stage 1 can be played by the learner, stage 2 stays hidden until it unlocks. */
export function checkStageLayout(folder: ExerciseFolder, stages: ArchitectureStage[], report: Report) {
	const testFiles = [...testFilePaths(folder.visibleTests), ...testFilePaths(folder.hiddenTests)]
	const listed = new Set(stages.flatMap((stage) => stage.scenarios))
	for (const [index, stage] of stages.entries()) {
		for (const file of stage.scenarios) {
			if (!testFiles.includes(file)) {
				report('stages', `architecture.stages[${index}].scenarios names ${file}, which is not a test file of the exercise`, METADATA_FILE)
			} else if (index > 0 && file.startsWith('tests/visible/')) {
				report('stages', `${file} belongs to stage ${index + 1}, but it is in tests/visible/; later stages stay hidden until the learner submits the one before, so move it to tests/hidden/`, file)
			}
		}
	}
	const [first] = stages
	if (first && !first.scenarios.some((file) => file.startsWith('tests/visible/'))) {
		report('stages', 'stage 1 has no file in tests/visible/; the learner must be able to play the launch scenarios and see their consequences', METADATA_FILE)
	}
	for (const file of testFiles) {
		if (!listed.has(file)) report('stages', `${file} belongs to no stage; list it in architecture.stages[…].scenarios of exercise.json`, file)
	}
}

function testsOfStage(result: SandboxRunResult, stage: ArchitectureStage) {
	return result.tests.filter((test) => stage.scenarios.some((file) => sameTestFile(test.file, file)))
}

export function scenarioTally(result: SandboxRunResult, stage: ArchitectureStage): TestTally {
	const scenarios = testsOfStage(result, stage).filter((test) => test.scenario !== undefined)
	return { total: scenarios.length, failing: scenarios.filter(isFailing).length }
}

// A consequence the learner can read: a missed threshold or a simulation that had to be stopped, not a crash.
const isMeasuredFailure = (test: SandboxTestResult) =>
	test.scenario !== undefined && (test.scenario.stoppedBy !== undefined || test.scenario.metrics.some((metric) => metric.passed === false))

/** The naive starter must visibly miss at least one threshold in each stage (in stage 1, one the learner can see). */
export function checkStarterScenarios(result: SandboxRunResult, stages: ArchitectureStage[], report: Report) {
	for (const [index, stage] of stages.entries()) {
		const number = index + 1
		const candidates = testsOfStage(result, stage).filter((test) => number > 1 || normalizeTestFile(test.file).startsWith('tests/visible/'))
		const where = number === 1 ? 'visible scenario of stage 1' : `scenario of stage ${number}`
		if (candidates.some((test) => isFailing(test) && isMeasuredFailure(test))) continue
		const errors = candidates.filter(isFailing)
		report(
			'starter-fails',
			errors.length > 0
				? `no ${where} misses a threshold on the starter; ${errors.length === 1 ? 'one fails' : `${errors.length} fail`} with an error instead (${describeTest(errors[0] as SandboxTestResult)}). The starter must be a naive design that runs and shows its consequences`
				: `no ${where} fails on the starter (${candidates.length} pass); the naive design must miss a threshold there, or the stage teaches nothing`,
			stage.scenarios[0],
		)
	}
}

/** Each stage plays at least one scenario, and a scenario says the stage its file belongs to. */
export function checkSolutionScenarios(result: SandboxRunResult, stages: ArchitectureStage[], report: Report) {
	for (const [index, stage] of stages.entries()) {
		const number = index + 1
		const tests = testsOfStage(result, stage)
		if (!tests.some((test) => test.scenario !== undefined)) {
			report('stages', `stage ${number}'s files (${stage.scenarios.join(', ')}) play no scenario; define them with scenario() from '${SIMULATION_MODULE}'`, stage.scenarios[0])
		}
		for (const test of tests) {
			if (test.scenario && test.scenario.stage !== number) {
				report(
					'stages',
					`scenario "${test.name}" says stage ${test.scenario.stage}, but its file ${normalizeTestFile(test.file)} belongs to stage ${number} in exercise.json; make them agree`,
					normalizeTestFile(test.file),
				)
			}
		}
	}
}
