// Reads exercise folders from disk (server-side). Everything an exercise ships is read
// into memory, so validation and the app work on one consistent snapshot; the content
// hash versions that snapshot (attempts record which version they were made against).
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { type Exercise, type ExerciseFiles, type ExerciseFolder, exerciseFolderFromFiles } from './exercise-folder.ts'
import { parseExerciseMetadata } from './schema.ts'

export const MAX_FILE_BYTES = 256 * 1024
const FIX_FOLDER = /^(?:alternatives|patches)(?:\/[^/]+)?$/
const MAX_EXERCISE_BYTES = 2 * 1024 * 1024

/** The exercise folder cannot be read at all (as opposed to being read and found invalid). */
export class ExerciseLoadError extends Error {
	override name = 'ExerciseLoadError'
}

/** Reads every file of the folder except dotfiles; exercise.json is parsed but not checked. */
export async function readExerciseFolder(dir: string): Promise<ExerciseFolder> {
	const root = path.resolve(dir)
	const folderName = path.basename(root)
	const realRoot = await realpath(root).catch(() => {
		throw new ExerciseLoadError(`${folderName}: the exercise folder ${root} does not exist`)
	})
	if (!(await stat(realRoot)).isDirectory()) throw new ExerciseLoadError(`${folderName}: ${root} is not a folder`)

	const files: ExerciseFiles = {}
	// Git keeps no empty folder, but an author's checkout does: an empty fix folder is a fix not written yet.
	const emptyFolders: string[] = []
	let totalBytes = 0
	const visitedDirs = new Set<string>([realRoot])
	const fail = (relative: string, why: string) => new ExerciseLoadError(`${folderName}: ${relative} ${why}`)

	async function walk(absoluteDir: string, relativeDir: string) {
		const entries = await readdir(absoluteDir, { withFileTypes: true })
		for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
			if (entry.name.startsWith('.')) continue
			const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name
			let absolute = path.join(absoluteDir, entry.name)
			let info = await lstat(absolute)
			if (info.isSymbolicLink()) {
				const target = await realpath(absolute).catch(() => {
					throw fail(relative, 'is a broken symbolic link')
				})
				if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
					throw fail(relative, `is a symbolic link to ${target}, outside the exercise folder; exercises must be self-contained`)
				}
				absolute = target
				info = await stat(target)
			}
			if (info.isDirectory()) {
				const real = await realpath(absolute)
				if (visitedDirs.has(real)) continue // a link back up the tree
				visitedDirs.add(real)
				const before = Object.keys(files).length
				await walk(absolute, relative)
				if (Object.keys(files).length === before && FIX_FOLDER.test(relative)) emptyFolders.push(`${relative}/`)
				continue
			}
			if (!info.isFile()) throw fail(relative, 'is neither a file nor a folder')
			if (info.size > MAX_FILE_BYTES) {
				throw fail(relative, `is ${Math.ceil(info.size / 1024)} KB; files in an exercise are capped at ${MAX_FILE_BYTES / 1024} KB`)
			}
			totalBytes += info.size
			if (totalBytes > MAX_EXERCISE_BYTES) {
				throw new ExerciseLoadError(`${folderName}: the exercise holds more than ${MAX_EXERCISE_BYTES / 1024 / 1024} MB of files`)
			}
			files[relative] = decodeText(await readFile(absolute), () => fail(relative, 'is not UTF-8 text'))
		}
	}

	await walk(realRoot, '')
	const folder = exerciseFolderFromFiles(folderName, files)
	return emptyFolders.length > 0 ? { ...folder, emptyFolders } : folder
}

/** Reads an exercise whose exercise.json must match the schema (the app's entry point; the validator reports more). */
export async function loadExercise(dir: string): Promise<Exercise> {
	return exerciseFromFolder(await readExerciseFolder(dir))
}

/** The exercise in a folder already read, once its exercise.json matches the schema; throws ExerciseLoadError otherwise. */
export function exerciseFromFolder(folder: ExerciseFolder): Exercise {
	if (folder.metadataError) throw new ExerciseLoadError(`${folder.folderName}: ${folder.metadataError}`)
	const parsed = parseExerciseMetadata(folder.metadata)
	if (!parsed.success) {
		const details = parsed.problems.map((problem) => `${problem.path || 'top level'}: ${problem.message}`).join('; ')
		throw new ExerciseLoadError(`${folder.folderName}: exercise.json does not match the schema (${details})`)
	}
	const { metadataError: _error, otherFiles: _other, ...rest } = folder
	return { ...rest, metadata: parsed.metadata }
}

/** The exercise folders directly under `root` (no dotfolders), sorted by name. */
export async function listExerciseDirs(root: string): Promise<string[]> {
	const entries = await readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return []
		throw error
	})
	return entries
		.filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || entry.isSymbolicLink()))
		.map((entry) => path.join(root, entry.name))
		.sort()
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decodeText(bytes: Uint8Array, error: () => Error): string {
	try {
		const text = utf8.decode(bytes)
		if (text.includes('\0')) throw error()
		return text
	} catch {
		throw error()
	}
}
