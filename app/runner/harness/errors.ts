// What a thrown value says in a test's result: its message, expected and actual values, the
// learner's own frames, and, for a TypeError from a read-only built-in, what was tried. Bounded
// throughout, because learner code can throw anything, of any size.
import { stringify } from '@vitest/utils/display'
import { describeTamper } from './lockdown.ts'
import { lockedNames } from './prepared-lockdown.ts'
import type { Result } from './run-state.ts'

const MAX_MESSAGE = 4000
const MAX_STACK = 20_000
const g = globalThis as any

// Only frames in these files are the learner's; set by the host before the run.
let learnerFiles = new Set<string>()
export function setLearnerFiles(files: Iterable<string>) {
	learnerFiles = new Set(files)
}

// Recognised by identity, not instanceof: a thrown Proxy can claim any prototype.
const limitErrors = new WeakSet<object>()
export class LimitError extends Error {
	constructor(readonly limit: string) {
		super(limit)
		limitErrors.add(this)
	}
}
export function isLimitError(error: unknown): error is LimitError {
	return typeof error === 'object' && error !== null && limitErrors.has(error)
}

function safeString(value: unknown, max = 4000): string {
	try {
		const text = typeof value === 'string' ? value : stringify(value, 6)
		return text.length > max ? `${text.slice(0, max)}…` : text
	} catch {
		return '[value that could not be printed]'
	}
}

export function stackFrames(error: unknown): Array<{ text: string; file: string; line: number; column: number }> {
	let stack: string
	try {
		stack = String((error as any)?.stack ?? '')
	} catch {
		return []
	}
	const frames: Array<{ text: string; file: string; line: number; column: number }> = []
	// Bounded before any regex runs: a learner can throw an error with a 5 MB message.
	for (const line of stack.slice(0, MAX_STACK).split('\n').slice(0, 200)) {
		if (line.length > 1000) continue
		const match = /\(?([^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line)
		if (match && learnerFiles.has(match[1]!)) frames.push({ text: line.trim(), file: match[1]!, line: Number(match[2]), column: Number(match[3]) })
	}
	return frames
}

/** "src/x.ts:12 tried to replace JSON.stringify; built-ins are read-only in the sandbox", for a TypeError that says so. */
export function tamperReport(message: string, frames: ReturnType<typeof stackFrames>): Pick<Result, 'message' | 'location'> | null {
	const tamper = message.startsWith('tried to replace ') ? message : describeTamper(message, lockedNames(), g)
	if (!tamper) return null
	const frame = frames[0]
	return frame
		? { message: `${frame.file}:${frame.line} ${tamper}`, location: { file: frame.file, line: frame.line, column: frame.column } }
		: { message: tamper }
}

export function describeError(error: unknown): Pick<Result, 'message' | 'expected' | 'actual' | 'location'> {
	if (isLimitError(error)) throw error
	let message: string
	let name = 'Error'
	try {
		if (error && typeof error === 'object') {
			name = String((error as any).name ?? 'Error')
			message = String((error as any).message ?? safeString(error))
		} else {
			message = `A non-Error value was thrown: ${safeString(error)}`
		}
	} catch {
		message = 'An error was thrown that could not be read.'
	}
	if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE)}… (message cut at ${MAX_MESSAGE} characters)`
	if (message === 'Not supported')
		message = 'Dynamic import() is not available in the sandbox: import the exercise’s own files with a static import at the top of the file.'
	const frames = stackFrames(error)
	const tamper = name === 'TypeError' ? tamperReport(message, frames) : null
	if (tamper) return tamper
	const isAssertion = name === 'AssertionError'
	const result: Pick<Result, 'message' | 'expected' | 'actual' | 'location'> = {
		message: isAssertion || name === 'Error' ? message : `${name}: ${message}`,
	}
	if (!isAssertion && frames.length)
		result.message +=
			'\n' +
			frames
				.slice(0, 8)
				.map((f) => `    ${f.text}`)
				.join('\n')
	try {
		const e = error as any
		if (e && typeof e === 'object' && e.showDiff !== false && (e.expected !== undefined || e.actual !== undefined)) {
			result.expected = safeString(e.expected)
			result.actual = safeString(e.actual)
		}
	} catch {
		// Leave expected/actual out when they cannot be read.
	}
	if (frames[0]) result.location = { file: frames[0].file, line: frames[0].line, column: frames[0].column }
	return result
}
