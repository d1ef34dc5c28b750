// What comes out of an isolate is learner-controlled data, however the harness inside
// behaves: the worker (app/runner/worker/run.ts) and the app (index.ts) both enforce
// every limit again here, on the host, before anything is parsed, stored or shown.
// Pure, and erasable TypeScript only: the worker imports it with Node's type stripping.

/** The largest JSON string the worker parses from one harness call (results of one file, or its console). */
const MAX_HARNESS_JSON_CHARS = 8 * 1024 * 1024

export const FIELD_CAPS = {
	name: 300,
	file: 300,
	message: 10_000,
	expected: 4_100,
	actual: 4_100,
	/** The scenario report of a test, as JSON. */
	scenario: 64 * 1024,
} as const

const STATUSES = new Set(['pass', 'fail', 'error', 'skip'])

/** Cuts text to at most `max` characters, saying so at the end. */
export function capText(text: string, max: number): string {
	if (text.length <= max) return text
	return `${text.slice(0, max)}… (cut at ${max} characters)`
}

/** Cuts text to at most `maxBytes` of UTF-8, on a character boundary. */
export function capUtf8(text: string, maxBytes: number): { text: string; cut: boolean } {
	if (text.length <= maxBytes / 3) return { text, cut: false }
	const bytes = Buffer.from(text, 'utf8')
	if (bytes.length <= maxBytes) return { text, cut: false }
	let end = Math.max(0, maxBytes)
	// Step back over UTF-8 continuation bytes so no character is split.
	while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--
	return { text: bytes.subarray(0, end).toString('utf8'), cut: true }
}

/** Parses a JSON string from the isolate, or says it was too large to read. */
export function parseHarnessJson(json: unknown, maxChars = MAX_HARNESS_JSON_CHARS): { ok: true; value: unknown } | { ok: false; reason: string } {
	if (typeof json !== 'string') return { ok: false, reason: 'the sandbox returned no readable results' }
	if (json.length > maxChars)
		return {
			ok: false,
			reason: `the sandbox returned ${(json.length / 1024 / 1024).toFixed(1)} MB of results, more than the ${Math.round(maxChars / 1024 / 1024)} MB it accepts`,
		}
	try {
		return { ok: true, value: JSON.parse(json) }
	} catch {
		return { ok: false, reason: 'the sandbox returned results that could not be read' }
	}
}

type CappedLocation = { file: string; line: number; column: number }
export type CappedTest = {
	name: string
	file: string
	status: 'pass' | 'fail' | 'error' | 'skip'
	message?: string
	expected?: string
	actual?: string
	location?: CappedLocation
	output?: string
	durationMs: number
	scenario?: unknown
}

function optionalText(value: unknown, max: number): string | undefined {
	return typeof value === 'string' ? capText(value, max) : undefined
}

function location(value: unknown): CappedLocation | undefined {
	if (!value || typeof value !== 'object') return undefined
	const { file, line, column } = value as Record<string, unknown>
	if (typeof file !== 'string' || !Number.isInteger(line) || !Number.isInteger(column)) return undefined
	return { file: capText(file, FIELD_CAPS.file), line: line as number, column: column as number }
}

/**
 * One test's result with every field checked and cut to its cap; null when it is not a test
 * result at all. Per-test output is cut to `outputBytes`.
 */
export function capTest(value: unknown, outputBytes: number): CappedTest | null {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return null
	const raw = value as Record<string, unknown>
	if (typeof raw.name !== 'string' || typeof raw.file !== 'string') return null
	const test: CappedTest = {
		name: capText(raw.name, FIELD_CAPS.name),
		file: capText(raw.file, FIELD_CAPS.file),
		// An unknown status is never read as a pass.
		status: typeof raw.status === 'string' && STATUSES.has(raw.status) ? (raw.status as CappedTest['status']) : 'error',
		durationMs: typeof raw.durationMs === 'number' && Number.isFinite(raw.durationMs) ? raw.durationMs : 0,
	}
	const message = optionalText(raw.message, FIELD_CAPS.message)
	if (message !== undefined) test.message = message
	const expected = optionalText(raw.expected, FIELD_CAPS.expected)
	if (expected !== undefined) test.expected = expected
	const actual = optionalText(raw.actual, FIELD_CAPS.actual)
	if (actual !== undefined) test.actual = actual
	const where = location(raw.location)
	if (where) test.location = where
	if (typeof raw.output === 'string') test.output = capUtf8(raw.output, outputBytes).text
	if (raw.scenario && typeof raw.scenario === 'object' && JSON.stringify(raw.scenario).length <= FIELD_CAPS.scenario) test.scenario = raw.scenario
	return test
}

/**
 * Appends the capped tests of `incoming` to `tests` without spreading it into a call, up to
 * `maxTests` in all. Returns false when there were more than that.
 */
export function appendCappedTests(tests: CappedTest[], incoming: unknown, maxTests: number, outputBytes: number): boolean {
	if (!Array.isArray(incoming)) return true
	for (let i = 0; i < incoming.length; i++) {
		if (tests.length >= maxTests) return false
		const test = capTest(incoming[i], outputBytes)
		if (test) tests.push(test)
	}
	return true
}
