// The rules for the files of an attempt: a learner writes the exercise's own src/ files (the
// starter's paths, none added, none missing) within the sandbox's size limit, and a grading
// receives only the test files it plays. Pure and free of Node APIs, so the browser can apply
// the same rules before it sends anything.
import type { Files } from './code-history.ts'
import type { RunLimits } from '#app/runner/protocol.ts'
import { sourceBytes } from '#app/runner/source-size.ts'

/** The starter code: the exercise's src/ files, the only paths a learner may write. */
export function srcFiles(publicFiles: Files): Files {
	return filesUnder(publicFiles, 'src/')
}

export function visibleTestFiles(publicFiles: Files): Files {
	return filesUnder(publicFiles, 'tests/visible/')
}

function filesUnder(files: Files, folder: string): Files {
	return Object.fromEntries(Object.entries(files).filter(([path]) => path.startsWith(folder)))
}

/** Only the files at `paths`: whatever the sandbox receives, learner code could import and print. */
export function pickFiles(files: Files, paths: Iterable<string>): Files {
	const wanted = new Set(paths)
	return Object.fromEntries(Object.entries(files).filter(([path]) => wanted.has(path)))
}

/** A rule the learner's files broke: the HTTP status (413 for size) and what to tell them. */
export type FileProblem = { status: 400 | 413; message: string }

function kilobytes(bytes: number) {
	return `${Math.ceil(bytes / 1024)} KB`
}

/** Whether the learner's files are the starter's paths and fit the sandbox; the problem says which rule and by how much. */
export function checkLearnerFiles(files: Files, starter: Files, limits: Pick<RunLimits, 'sourceBytes'>): FileProblem | null {
	const unknown = Object.keys(files).filter((path) => !(path in starter))
	if (unknown.length) return { status: 400, message: `These files are not part of the exercise: ${unknown.slice(0, 3).join(', ')}.` }
	const missing = Object.keys(starter).filter((path) => !(path in files))
	if (missing.length) return { status: 400, message: `These files are missing: ${missing.slice(0, 3).join(', ')}.` }
	const bytes = sourceBytes(files)
	if (bytes > limits.sourceBytes) {
		return {
			status: 413,
			message: `The code is ${kilobytes(bytes)}, more than the ${kilobytes(limits.sourceBytes)} the sandbox accepts. Remove what you added (a pasted data set, a long comment) and try again; nothing was lost.`,
		}
	}
	return null
}

/** Whether a diagnosis picks lines of a starter file that exist in the learner's code of it. */
export function checkPickedLines(pick: { file: string; endLine: number }, files: Files, starter: Files): FileProblem | null {
	const text = pick.file in starter ? files[pick.file] : undefined
	if (text === undefined) return { status: 400, message: 'Pick the lines of the root cause in one of the exercise’s src/ files.' }
	const lineCount = text.split('\n').length
	if (pick.endLine > lineCount) return { status: 400, message: `${pick.file} has ${lineCount} lines; pick lines inside it.` }
	return null
}
