// The root-cause taxonomy: every debugging exercise names exactly one category, and
// growth reports group an engineer's results by it. Pure and client-safe (the UI lists it).
// The ids are part of the exercise format; renaming one means migrating exercise.json files.
export const ROOT_CAUSE_CATEGORIES = [
	{ id: 'boundary', label: 'Off-by-one', description: 'A loop, range, slice or page boundary includes one item too many or too few.' },
	{ id: 'wrong-condition', label: 'Wrong condition', description: 'A comparison, operator or boolean expression tests something other than what was meant.' },
	{ id: 'shared-mutable-state', label: 'Shared mutable state', description: 'Two parts of the code hold the same object, and a change through one surprises the other.' },
	{ id: 'async-race', label: 'Async race', description: 'The outcome depends on which of several concurrent operations finishes first.' },
	{ id: 'missing-await', label: 'Missing await', description: 'A promise is not awaited, so work finishes late, out of order, or fails unhandled.' },
	{ id: 'resource-leak', label: 'Resource leak', description: 'Timers, listeners, connections or memory are acquired and never released.' },
	{ id: 'stale-cache', label: 'Stale cache', description: 'A cached value outlives the data it was computed from because invalidation misses a case.' },
	{ id: 'number-precision', label: 'Number representation', description: 'Floating-point rounding, integer overflow or a lossy conversion changes a value.' },
	{ id: 'time-zones', label: 'Time and time zones', description: 'Dates, durations, daylight-saving changes or time zones are handled inconsistently.' },
	{ id: 'text-encoding', label: 'Text and Unicode', description: 'Code treats text as bytes or UTF-16 units where characters, graphemes or normal forms matter.' },
	{ id: 'input-validation', label: 'Input validation', description: 'Input outside the expected shape or range gets through and does damage further on.' },
	{ id: 'error-handling', label: 'Error handling', description: 'An error is swallowed, misreported or turned into a wrong success.' },
	{ id: 'idempotency', label: 'Idempotency', description: 'Retrying or repeating an operation applies its effect more than once.' },
	{ id: 'algorithmic-complexity', label: 'Algorithmic complexity', description: 'Work grows faster than the input, so the system is correct but too slow at real sizes.' },
	{ id: 'configuration', label: 'Configuration and defaults', description: 'A default, an option merge or an environment setting gives a value nobody intended.' },
	{ id: 'api-misuse', label: 'API contract misuse', description: 'A function or library is called in a way its contract does not promise to handle.' },
	{ id: 'unsafe-type-assertion', label: 'Type assertion that lies', description: 'A type assertion or cast claims a shape that data from outside (JSON, a queue, storage) does not have.' },
	{ id: 'lost-this-binding', label: 'Lost `this`', description: 'A method is passed or stored without its object, so `this` is not what the method expects when it runs.' },
	{ id: 'broken-access-control', label: 'Broken access control', description: 'An authorization check compares the wrong identity or scope, so someone may act on what is not theirs.' },
	{ id: 'injection', label: 'Injection through string building', description: 'Untrusted text is pasted into a path, query, command or markup, where it can change the meaning of the whole.' },
] as const

export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number]
export type RootCauseCategoryId = RootCauseCategory['id']

export const ROOT_CAUSE_CATEGORY_IDS = ROOT_CAUSE_CATEGORIES.map((category) => category.id) as [
	RootCauseCategoryId,
	...RootCauseCategoryId[],
]

export function rootCauseCategory(id: RootCauseCategoryId): RootCauseCategory {
	const category = ROOT_CAUSE_CATEGORIES.find((candidate) => candidate.id === id)
	if (!category) throw new Error(`Unknown root-cause category "${id}"`)
	return category
}
