// Runs INSIDE the isolate. Which file called into the test API, read from V8's structured
// call sites rather than from the stack string: a function's `name` can be redefined to
// contain newlines and whole fake frames, so the text of a stack cannot be trusted.
//
// V8 asks `Error.prepareStackTrace` for the stack's format each time one is made. It is
// installed as an accessor before the realm is frozen: it answers the call sites themselves
// while the harness is asking, and nothing otherwise (V8's own format). Learner code cannot
// replace it; its setter names the attempt.

export const HARNESS_FILE = 'hardmode-harness'

type CallSite = { getFileName(): string | null | undefined; getLineNumber(): number | null }

let capturing = false
const returnSites = (_error: unknown, sites: CallSite[]) => sites

/** The accessor for `Error.prepareStackTrace`, made once; `onReplace` throws the refusal. */
export function callSitesAccessor(onReplace: () => never): PropertyDescriptor {
	return {
		get() {
			return capturing ? returnSites : undefined
		},
		set() {
			onReplace()
		},
		enumerable: false,
		configurable: false,
	}
}

/**
 * The first file outside the harness on the current stack (built-ins have no file), with its
 * line; null when none is (a call straight from the microtask queue, or a stack too deep).
 */
export function callerLocation(skip: (...args: never[]) => unknown): { file: string; line: number } | null {
	const holder: { stack?: unknown } = {}
	let sites: unknown
	capturing = true
	try {
		Error.captureStackTrace(holder, skip)
		sites = holder.stack
	} finally {
		capturing = false
	}
	if (!Array.isArray(sites)) return null
	for (const site of sites as CallSite[]) {
		const file = site.getFileName()
		if (file && file !== HARNESS_FILE) return { file, line: site.getLineNumber() ?? 0 }
	}
	return null
}
