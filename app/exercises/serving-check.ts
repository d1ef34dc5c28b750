// The check a server runs before it serves a new or changed exercise: every rule of
// `npm run exercises:check`, with the server's own sandbox pool. Server-side.
import { type ExerciseFolder } from './exercise-folder.ts'
import { type RunTests, validateCatalogue, validateExercise } from './validate.ts'

/** Problems of one folder, as messages a log line can carry ("rule: file: message"). */
export function servingCheck(run: RunTests) {
	return async (folder: ExerciseFolder, catalogue: ExerciseFolder[]): Promise<string[]> => {
		const problems = [
			...(await validateExercise(folder, { run })),
			...validateCatalogue(catalogue).filter((problem) => problem.slug === folder.folderName),
		]
		return problems.map((problem) => `[${problem.rule}]${problem.file ? ` ${problem.file}:` : ''} ${problem.message}`)
	}
}
