// An exercise folder held in memory: the files of exercises/<slug>/ sorted into their
// roles. Pure (no file I/O), so validation rules can be tested on exercises built in a
// test; load.ts fills it from disk.
import { createHash } from 'node:crypto'
import { type ExerciseMetadata } from './schema.ts'

/** Path relative to the exercise folder, POSIX separators ('src/orders/paginate.ts') → file text. */
export type ExerciseFiles = Record<string, string>

export type ExerciseFolder = {
	folderName: string
	/** exercise.json parsed as JSON but not yet checked against the schema; undefined when unreadable. */
	metadata: unknown
	/** Why exercise.json could not be read (missing, or not JSON). */
	metadataError?: string
	readme: string | undefined
	src: ExerciseFiles
	visibleTests: ExerciseFiles
	hiddenTests: ExerciseFiles
	solution: ExerciseFiles
	/** Other correct fixes, each laid over src/ like solution/: alternatives/<name>/… → name → files keyed 'solution/…'. */
	alternatives: Record<string, ExerciseFiles>
	/** Plausible wrong fixes (symptom patches) that must fail a hidden test: patches/<name>/… → name → files keyed 'solution/…'. */
	patches: Record<string, ExerciseFiles>
	/** Folders of alternatives/ and patches/ with no file in them (only a reader of the disk sees these). */
	emptyFolders?: string[]
	/** Files outside the known layout (README.md, exercise.json, src/, tests/visible/, tests/hidden/, solution/, alternatives/, patches/). */
	otherFiles: string[]
	/** sha256 over every file's path and content; changes whenever anything in the folder does. */
	contentHash: string
}

/** An exercise whose exercise.json matched the schema. */
export type Exercise = Omit<ExerciseFolder, 'metadata' | 'metadataError' | 'otherFiles'> & { metadata: ExerciseMetadata }

export const METADATA_FILE = 'exercise.json'
export const README_FILE = 'README.md'
const TEST_FILE_PATTERN = /\.test\.(?:ts|js|mts|mjs)$/
export const CODE_FILE_PATTERN = /\.(?:ts|js|mts|mjs|cts|cjs)$/

export function exerciseFolderFromFiles(folderName: string, files: ExerciseFiles): ExerciseFolder {
	const folder: ExerciseFolder = {
		folderName,
		metadata: undefined,
		readme: undefined,
		src: {},
		visibleTests: {},
		hiddenTests: {},
		solution: {},
		alternatives: {},
		patches: {},
		otherFiles: [],
		contentHash: contentHash(files),
	}
	for (const path of Object.keys(files).sort()) {
		const text = files[path] as string
		if (path === METADATA_FILE) continue
		if (path === README_FILE) folder.readme = text
		else if (path.startsWith('src/')) folder.src[path] = text
		else if (path.startsWith('tests/visible/')) folder.visibleTests[path] = text
		else if (path.startsWith('tests/hidden/')) folder.hiddenTests[path] = text
		else if (path.startsWith('solution/')) folder.solution[path] = text
		else if (!addToFixFolder(path, text, folder)) folder.otherFiles.push(path)
	}
	const metadataText = files[METADATA_FILE]
	if (metadataText === undefined) {
		folder.metadataError = `${METADATA_FILE} is missing`
	} else {
		try {
			folder.metadata = JSON.parse(metadataText)
		} catch (error) {
			folder.metadataError = `${METADATA_FILE} is not valid JSON: ${(error as Error).message}`
		}
	}
	return folder
}

// alternatives/<name>/orders/paginate.ts is stored as name → 'solution/orders/paginate.ts',
// so the code that lays the reference solution over src/ lays these over it the same way.
function addToFixFolder(path: string, text: string, folder: ExerciseFolder): boolean {
	const match = /^(alternatives|patches)\/([^/]+)\/(.+)$/.exec(path)
	if (!match) return false
	const [, kind, name, rest] = match as unknown as [string, 'alternatives' | 'patches', string, string]
	const fixes = folder[kind]
	fixes[name] ??= {}
	fixes[name][`solution/${rest}`] = text
	return true
}

function contentHash(files: ExerciseFiles): string {
	const hash = createHash('sha256')
	for (const path of Object.keys(files).sort()) {
		hash.update(path).update('\0').update(files[path] as string).update('\0')
	}
	return hash.digest('hex')
}

/** The path in src/ that a solution file replaces: 'solution/orders/paginate.ts' → 'src/orders/paginate.ts'. */
export function srcPathOfSolutionFile(solutionPath: string): string {
	return `src/${solutionPath.slice('solution/'.length)}`
}

/** The starter with the reference solution laid over it. */
export function solvedSrc(folder: Pick<ExerciseFolder, 'src' | 'solution'>): ExerciseFiles {
	const solved = { ...folder.src }
	for (const [path, text] of Object.entries(folder.solution)) solved[srcPathOfSolutionFile(path)] = text
	return solved
}

export function testFilePaths(files: ExerciseFiles): string[] {
	return Object.keys(files)
		.filter((path) => TEST_FILE_PATTERN.test(path))
		.sort()
}

export function codeFilePaths(files: ExerciseFiles): string[] {
	return Object.keys(files)
		.filter((path) => CODE_FILE_PATTERN.test(path))
		.sort()
}

/** Lines as `wc -l` counts them, plus a last line without a newline. */
export function countLines(text: string): number {
	if (text === '') return 0
	return splitLines(text).length
}

export function splitLines(text: string): string[] {
	const lines = text.split(/\r?\n/)
	if (lines.at(-1) === '') lines.pop()
	return lines
}
