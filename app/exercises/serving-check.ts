// The check a server runs before it serves a new or changed exercise: every rule of
// `npm run exercises:check`, with the server's own sandbox pool. Server-side.
import { type ExerciseFolder } from './exercise-folder.ts'
import type { ProofCache } from './proof-cache.ts'
import { type ExerciseProblem, type RunTests, validateCatalogue, validateExercise } from './validate.ts'

const QUEUE_RETRIES = 60
const QUEUE_RETRY_DELAY_MS = 1000

/**
 * A `run` for checking exercises on a busy machine: a run the pool turned away because its
 * queue was full is tried again (a learner would retry; a check must not fail for it), and a
 * run stopped by its time limit gets one more chance, since load can eat into wall time. A
 * starter that really hangs still fails, twice.
 */
export function patientRun(run: RunTests, { retryDelayMs = QUEUE_RETRY_DELAY_MS } = {}): RunTests {
	return async (request) => {
		let timedOutOnce = false
		for (let attempt = 0; ; attempt++) {
			const result = await run(request)
			if (result.limit === 'queue' && attempt < QUEUE_RETRIES) {
				await new Promise((resolve) => setTimeout(resolve, retryDelayMs))
				continue
			}
			if (result.limit === 'time' && !timedOutOnce) {
				timedOutOnce = true
				continue
			}
			return result
		}
	}
}

/**
 * Problems of one folder, as messages a log line can carry ("[rule] file: message"). A folder
 * `proofs` remembers as proven with this very content and checker skips the runs; the rules
 * across the catalogue (unique slugs and uuids, families) are always applied.
 */
export function servingCheck(run: RunTests, proofs?: ProofCache) {
	const patient = patientRun(run)
	// A sync asks about each changed folder against one catalogue: its rules (every family's
	// similarity among them) are worked out once per catalogue, not once per folder.
	let catalogueProblems: { of: ExerciseFolder[]; problems: ExerciseProblem[] } | undefined
	return async (folder: ExerciseFolder, catalogue: ExerciseFolder[]): Promise<string[]> => {
		const own = proofs?.isProven(folder) ? [] : await validateExercise(folder, { run: patient })
		if (own.length === 0) proofs?.remember(folder)
		if (catalogueProblems?.of !== catalogue) catalogueProblems = { of: catalogue, problems: validateCatalogue(catalogue) }
		const problems = [...own, ...catalogueProblems.problems.filter((problem) => problem.slug === folder.folderName)]
		return problems.map((problem) => `[${problem.rule}]${problem.file ? ` ${problem.file}:` : ''} ${problem.message}`)
	}
}
