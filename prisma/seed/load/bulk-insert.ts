// Bulk writing for the load organisation: one INSERT … SELECT FROM unnest(…) per table and
// chunk, with each array sent as one parameter. Each loaded table is listed once here with
// the SQL array type of its columns; rows name their columns, and are checked against the list.
import { ATTEMPT_METRICS_COLUMNS, type AttemptMetricsColumn } from '#app/growth/attempt-metrics-columns.ts'

type SqlType = 'text' | 'int4' | 'float8' | 'bool' | 'timestamp(3)'
/** A column's name, the array type its values travel as, and the cast from that type (jsonb, or an enum) when the column has another. */
type Column = readonly [name: string, arrayType: SqlType, cast?: string]

const METRIC_TYPES = { flag: 'bool', moment: 'timestamp(3)', duration: 'int4', 'optional-duration': 'int4', count: 'int4' } as const satisfies Record<
	AttemptMetricsColumn['kind'],
	SqlType
>
const METRICS = ATTEMPT_METRICS_COLUMNS.map((column) => [column.name, METRIC_TYPES[column.kind]] as const)

/** The tables a load writes, in the order it writes them. */
const LOAD_TABLES = {
	User: [
		['id', 'text'],
		['email', 'text'],
		['name', 'text'],
		['orgRole', 'text', '"OrgRole"'],
		['organizationId', 'text'],
		['passwordHash', 'text'],
		['createdAt', 'timestamp(3)'],
		['updatedAt', 'timestamp(3)'],
	],
	Team: [
		['id', 'text'],
		['organizationId', 'text'],
		['name', 'text'],
		['createdAt', 'timestamp(3)'],
		['updatedAt', 'timestamp(3)'],
	],
	Membership: [
		['id', 'text'],
		['organizationId', 'text'],
		['teamId', 'text'],
		['userId', 'text'],
		['role', 'text', '"TeamRole"'],
		['createdAt', 'timestamp(3)'],
	],
	Exercise: [
		['id', 'text'],
		['slug', 'text'],
		['uuid', 'text'],
		['kind', 'text'],
		['title', 'text'],
		['difficulty', 'int4'],
		['retiredAt', 'timestamp(3)'],
		['createdAt', 'timestamp(3)'],
		['updatedAt', 'timestamp(3)'],
	],
	ExerciseVersion: [
		['id', 'text'],
		['exerciseId', 'text'],
		['number', 'int4'],
		['contentHash', 'text'],
		['metadata', 'text', 'jsonb'],
		['brief', 'text'],
		['publicFiles', 'text', 'jsonb'],
		['hiddenTests', 'text', 'jsonb'],
		['solution', 'text', 'jsonb'],
		['createdAt', 'timestamp(3)'],
	],
	Assignment: [
		['id', 'text'],
		['organizationId', 'text'],
		['teamId', 'text'],
		['exerciseId', 'text'],
		['createdById', 'text'],
		['dueAt', 'timestamp(3)'],
		['hintsAllowed', 'bool'],
		['pasteBlocked', 'bool'],
		['createdAt', 'timestamp(3)'],
		['updatedAt', 'timestamp(3)'],
	],
	Attempt: [
		['id', 'text'],
		['organizationId', 'text'],
		['userId', 'text'],
		['exerciseId', 'text'],
		['exerciseVersionId', 'text'],
		['assignmentId', 'text'],
		['status', 'text', '"AttemptStatus"'],
		['hintsAllowed', 'bool'],
		['pasteBlocked', 'bool'],
		['draft', 'text', 'jsonb'],
		['draftSeq', 'int4'],
		['eventCount', 'int4'],
		['runCount', 'int4'],
		['submissionCount', 'int4'],
		['failedFixCount', 'int4'],
		['hintsRevealed', 'int4'],
		['outsidePastes', 'int4'],
		['outsidePasteChars', 'int4'],
		['blockedPastes', 'int4'],
		['focusLosses', 'int4'],
		['awayMs', 'int4'],
		['startedAt', 'timestamp(3)'],
		['lastActiveAt', 'timestamp(3)'],
		['finishedAt', 'timestamp(3)'],
		['updatedAt', 'timestamp(3)'],
	],
	AttemptEvent: [
		['id', 'text'],
		['attemptId', 'text'],
		['position', 'int4'],
		['clientId', 'text'],
		['clientSeq', 'int4'],
		['type', 'text'],
		['at', 'timestamp(3)'],
		['data', 'text', 'jsonb'],
		['createdAt', 'timestamp(3)'],
	],
	JournalEntry: [
		['id', 'text'],
		['attemptId', 'text'],
		['clientId', 'text'],
		['kind', 'text', '"JournalEntryKind"'],
		['text', 'text'],
		['status', 'text', '"HypothesisStatus"'],
		['createdAt', 'timestamp(3)'],
		['updatedAt', 'timestamp(3)'],
	],
	Run: [
		['id', 'text'],
		['attemptId', 'text'],
		['number', 'int4'],
		['files', 'text', 'jsonb'],
		['result', 'text', 'jsonb'],
		['status', 'text'],
		['passed', 'int4'],
		['failed', 'int4'],
		['hypothesisId', 'text'],
		['prediction', 'text', 'jsonb'],
		['predictionCorrect', 'bool'],
		['createdAt', 'timestamp(3)'],
	],
	Submission: [
		['id', 'text'],
		['attemptId', 'text'],
		['number', 'int4'],
		['file', 'text'],
		['startLine', 'int4'],
		['endLine', 'int4'],
		['category', 'text'],
		['explanation', 'text'],
		['files', 'text', 'jsonb'],
		['attested', 'bool'],
		['locationCorrect', 'bool'],
		['categoryCorrect', 'bool'],
		['fixCorrect', 'bool'],
		['correct', 'bool'],
		['testsPassed', 'int4'],
		['testsFailed', 'int4'],
		['createdAt', 'timestamp(3)'],
	],
	AttemptMetrics: [['attemptId', 'text'], ['organizationId', 'text'], ['userId', 'text'], ['exerciseId', 'text'], ...METRICS, ['createdAt', 'timestamp(3)']],
	RatingChange: [
		['id', 'text'],
		['attemptId', 'text'],
		['organizationId', 'text'],
		['userId', 'text'],
		['exerciseId', 'text'],
		['topic', 'text'],
		['at', 'timestamp(3)'],
		['ratingBefore', 'float8'],
		['ratingAfter', 'float8'],
		['rdBefore', 'float8'],
		['rdAfter', 'float8'],
		['delta', 'float8'],
		['weight', 'float8'],
		['solved', 'bool'],
		['hintsRevealed', 'int4'],
		['outsidePastes', 'int4'],
		['exerciseRating', 'float8'],
		['createdAt', 'timestamp(3)'],
	],
	Review: [
		['id', 'text'],
		['organizationId', 'text'],
		['attemptId', 'text'],
		['reviewerId', 'text'],
		['scores', 'text', 'jsonb'],
		['percent', 'int4'],
		['summary', 'text'],
		['version', 'int4'],
		['seenAt', 'timestamp(3)'],
		['createdAt', 'timestamp(3)'],
		['updatedAt', 'timestamp(3)'],
	],
	SkillRating: [
		['id', 'text'],
		['organizationId', 'text'],
		['userId', 'text'],
		['topic', 'text'],
		['rating', 'float8'],
		['rd', 'float8'],
		['volatility', 'float8'],
		['games', 'int4'],
		['lastPlayedAt', 'timestamp(3)'],
		['createdAt', 'timestamp(3)'],
		['updatedAt', 'timestamp(3)'],
	],
	ExerciseRating: [
		['exerciseId', 'text'],
		['rating', 'float8'],
		['rd', 'float8'],
		['volatility', 'float8'],
		['games', 'int4'],
		['createdAt', 'timestamp(3)'],
		['updatedAt', 'timestamp(3)'],
	],
	GrowthNote: [
		['id', 'text'],
		['organizationId', 'text'],
		['userId', 'text'],
		['authorId', 'text'],
		['body', 'text'],
		['createdAt', 'timestamp(3)'],
		['updatedAt', 'timestamp(3)'],
	],
} as const satisfies Record<string, readonly Column[]>

export type LoadTable = keyof typeof LOAD_TABLES

type ValueOf<C extends Column> = C[2] extends 'jsonb'
	? unknown
	: { text: string | null; int4: number | null; float8: number | null; bool: boolean | null; 'timestamp(3)': Date | number | null }[C[1]]

/** One row of a loaded table: a value for each of its columns. Moments are Dates or epoch milliseconds; jsonb columns take the value itself. */
export type TableRow<T extends LoadTable> = { [C in (typeof LOAD_TABLES)[T][number] as C[0]]: ValueOf<C> }

/** A Prisma client or transaction; anything that runs a statement with parameters. */
type Executor = { $executeRawUnsafe: (query: string, ...values: unknown[]) => Promise<number> }

function sqlValue([, type, cast]: Column, value: unknown) {
	if (value === null || value === undefined) return null
	if (cast === 'jsonb') return JSON.stringify(value)
	return type === 'timestamp(3)' ? new Date(value as Date | number).toISOString() : value
}

export async function insertRows<T extends LoadTable>(db: Executor, table: T, rows: ReadonlyArray<TableRow<T>>) {
	if (rows.length === 0) return
	const columns: readonly Column[] = LOAD_TABLES[table]
	const names = columns.map(([name]) => `"${name}"`).join(', ')
	const selected = columns.map(([, , cast], index) => `c${index}${cast ? `::${cast}` : ''}`).join(', ')
	const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')
	const aliases = columns.map((_, index) => `c${index}`).join(', ')
	const values = columns.map((column) => rows.map((row: Readonly<Record<string, unknown>>) => sqlValue(column, row[column[0]])))
	await db.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT ${selected} FROM unnest(${arrays}) AS t(${aliases})`, ...values)
}

// A bulk load leaves the planner guessing; PostgreSQL's autovacuum would catch up soon,
// PGlite has none. Fresh statistics make the measured plans the ones a live system uses.
export async function analyzeLoadedTables(db: Executor) {
	for (const table of Object.keys(LOAD_TABLES)) await db.$executeRawUnsafe(`ANALYZE "${table}"`)
}
