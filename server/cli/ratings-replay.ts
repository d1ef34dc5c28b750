// `npm run ratings:replay -- <file.jsonl>`: replays graded first attempts, one JSON object a
// line, through the skill ratings (app/growth/ratings.ts) and prints the ratings as JSON.
// A line may carry the attempt's evidence — minutesToRootCause (null when never found),
// failedFixes, estimatedMinutes — and is then rated by its outcome score; a line without any of
// them is rated as solved or not, exactly as before those fields existed.
// Useful to try a change to the rating rules on real history before it reaches anyone's page.
// A file with a bad line prints nothing to stdout, so a half-replayed history is never mistaken
// for a whole one.
//
// `npm run ratings:replay -- --database` replays the database's own stored first attempts under
// the current rule and rewrites its rating tables (rating-recompute.server.ts): what to run
// after the rating rule changes. It says so and changes nothing when they are already current.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { replayRatings, type RatedAttempt } from '#app/growth/ratings.ts'
import { assertSupportedNode } from '#server/node-version.ts'

const USAGE = [
	'Usage: npm run ratings:replay -- <file.jsonl>   (one graded first attempt per line, as JSON)',
	'       npm run ratings:replay -- --database [--force]   (recompute the stored ratings under the current rule)',
].join('\n')
const MAX_PROBLEMS_SHOWN = 20

const name = 'must be a non-empty string'
const count = 'must be a whole number, 0 or more'
const difficulty = 'must be a number from 800 to 2200'
const minutes = 'must be a number of minutes, 0 or more, or null when the root cause was not found'
const estimate = 'must be a whole number of minutes from 5 to 240, as in exercise.json'

export const RatedAttemptLineSchema = z.strictObject(
	{
		engineer: z.string({ error: name }).min(1, name),
		exercise: z.string({ error: name }).min(1, name),
		topic: z.string({ error: name }).min(1, name),
		exerciseRating: z.number({ error: difficulty }).min(800, difficulty).max(2200, difficulty).optional(),
		solved: z.boolean({ error: 'must be true or false' }),
		hintsRevealed: z.int({ error: count }).min(0, count),
		outsidePastes: z.int({ error: count }).min(0, count),
		minutesToRootCause: z.number({ error: minutes }).min(0, minutes).nullable().optional(),
		failedFixes: z.int({ error: count }).min(0, count).optional(),
		estimatedMinutes: z.int({ error: estimate }).min(5, estimate).max(240, estimate).optional(),
		at: z.iso.datetime({ offset: true, error: 'must be an ISO date-time with a time zone, such as 2026-01-01T10:00:00Z' }),
	},
	{
		error: (issue) =>
			issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}` : 'must be a JSON object',
	},
)

type Rounded = { rating: number; rd: number }
export type RatingsReplayOutput = { engineers: Record<string, Record<string, Rounded>>; exercises: Record<string, Rounded> }
export type RatingsReplayResult = { ok: true; output: RatingsReplayOutput } | { ok: false; problems: string[] }

/** Parses a JSON Lines history and replays it; every bad line is reported with its number and field. */
export function replayRatingsFile(text: string): RatingsReplayResult {
	const attempts: RatedAttempt[] = []
	const problems: string[] = []
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
	for (const [index, line] of lines.entries()) {
		if (line.trim() === '') continue
		const lineNumber = index + 1
		let value: unknown
		try {
			value = JSON.parse(line)
		} catch (error) {
			problems.push(`line ${lineNumber}: not valid JSON (${(error as Error).message})`)
			continue
		}
		const parsed = RatedAttemptLineSchema.safeParse(value)
		if (parsed.success) attempts.push(parsed.data)
		else problems.push(...parsed.error.issues.map((issue) => `line ${lineNumber}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`))
	}
	if (problems.length) return { ok: false, problems }

	const { engineers, exercises } = replayRatings(attempts)
	const round = ({ rating, rd }: Rounded): Rounded => ({ rating: roundToTenth(rating), rd: roundToTenth(rd) })
	return {
		ok: true,
		output: {
			engineers: Object.fromEntries(
				Object.entries(engineers).map(([id, topics]) => [id, Object.fromEntries(Object.entries(topics).map(([topic, skill]) => [topic, round(skill)]))]),
			),
			exercises: Object.fromEntries(Object.entries(exercises).map(([id, exercise]) => [id, round(exercise)])),
		},
	}
}

const roundToTenth = (value: number) => Math.round(value * 10) / 10

/** Rewrites the configured database's ratings when any were made under an older rule, or always with --force. */
async function recomputeDatabase(force: boolean): Promise<number> {
	const { getDatabase } = await import('#app/utils/db.server.ts')
	const { migrate } = await import('#app/utils/migrate.server.ts')
	const { ratingsNeedRecompute, recomputeRatings } = await import('#app/models/growth/rating-recompute.server.ts')
	const database = getDatabase()
	try {
		await migrate(database.prisma)
		if (!force && !(await ratingsNeedRecompute(database.prisma))) {
			console.log('Every stored rating already follows the current rule; nothing changed. (--force recomputes anyway.)')
			return 0
		}
		const result = (await recomputeRatings(database.prisma))!
		console.log(
			`Recomputed the ratings from ${result.attempts} rated first attempts: ${result.ratingChanges} rating changes, ${result.skills} skill ratings, ${result.exercises} exercise ratings.`,
		)
		return 0
	} catch (error) {
		console.error(`Could not recompute the ratings: ${(error as Error).message}`)
		return 1
	} finally {
		await database.close()
	}
}

function main(argv: string[]): number | Promise<number> {
	if (argv[0] === '--database' && (argv.length === 1 || (argv.length === 2 && argv[1] === '--force'))) return recomputeDatabase(argv.length === 2)
	if (argv.length !== 1 || argv[0]!.startsWith('-')) {
		console.error(USAGE)
		return 2
	}
	const file = argv[0]!
	let text: string
	try {
		text = readFileSync(file, 'utf8')
	} catch (error) {
		console.error(`Cannot read ${file}: ${(error as Error).message}`)
		return 1
	}
	const result = replayRatingsFile(text)
	if (!result.ok) {
		const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN)
		const more = result.problems.length - shown.length
		console.error(
			[`${file} has problems; nothing was replayed:`, ...shown.map((problem) => `  ${problem}`), ...(more > 0 ? [`  … and ${more} more`] : [])].join('\n'),
		)
		return 1
	}
	console.log(JSON.stringify(result.output, null, 2))
	return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	assertSupportedNode('ratings:replay')
	process.exitCode = await main(process.argv.slice(2))
}
