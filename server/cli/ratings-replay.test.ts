import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { replayRatings } from '#app/growth/ratings.ts'
import { replayRatingsFile } from './ratings-replay.ts'

const run = promisify(execFile)
const root = mkdtempSync(path.join(tmpdir(), 'hm-ratings-replay-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const line = (overrides: Record<string, unknown> = {}) =>
	JSON.stringify({
		engineer: 'ada',
		exercise: 'cache-stampede',
		topic: 'async',
		exerciseRating: 1500,
		solved: true,
		hintsRevealed: 0,
		outsidePastes: 0,
		at: '2026-01-01T10:00:00Z',
		...overrides,
	})

const history = [
	line(),
	'',
	line({ engineer: 'linus', solved: false, hintsRevealed: 2, at: '2026-01-02T09:30:00+01:00' }),
	line({ engineer: 'ada', exercise: 'clock-skew', topic: 'time', exerciseRating: 1380, solved: false, at: '2026-01-03T10:00:00Z' }),
	'   ',
	line({ engineer: 'ada', solved: false, at: '2026-01-04T10:00:00Z' }),
].join('\n')

function replayed(text: string) {
	const result = replayRatingsFile(text)
	if (!result.ok) throw new Error(result.problems.join('\n'))
	return result.output
}

describe('replayRatingsFile', () => {
	it('replays the lines and rounds ratings and RDs to a tenth, skipping blank lines and retries', () => {
		const output = replayed(history)
		expect(Object.keys(output.engineers)).toEqual(['ada', 'linus'])
		expect(Object.keys(output.engineers.ada!)).toEqual(['async', 'time'])
		expect(Object.keys(output.exercises)).toEqual(['cache-stampede', 'clock-skew'])
		// Exercises below the calibration threshold show their authored difficulty.
		expect(output.exercises['clock-skew']!.rating).toBe(1380)
		const ada = output.engineers.ada!.async!
		expect(ada.rating).toBeGreaterThan(1500)
		expect(output.engineers.linus!.async!.rating).toBeLessThan(1500)
		for (const value of [ada.rating, ada.rd, output.exercises['cache-stampede']!.rd]) expect(Math.round(value * 10) / 10).toBe(value)
	})

	it('gives what replayRatings gives for the same attempts', () => {
		const output = replayed(history)
		const direct = replayRatings(
			history
				.split('\n')
				.filter((text) => text.trim())
				.map((text) => JSON.parse(text)),
		)
		expect(output.engineers.linus!.async!.rating).toBe(Math.round(direct.engineers.linus!.async!.rating * 10) / 10)
		expect(output.exercises['cache-stampede']!.rd).toBe(Math.round(direct.exercises['cache-stampede']!.rd * 10) / 10)
	})

	it('names the line and the field of every problem', () => {
		const text = [
			line(),
			line({ exerciseRating: 2500 }),
			'{"engineer": "ada",',
			line({ solved: 'yes', hintsRevealed: -1 }),
			line({ at: '2026-01-01 10:00' }),
			line({ attempt: 'a1' }),
			'[1, 2]',
			JSON.stringify({ engineer: 'ada', exercise: 'x', topic: 'async', hintsRevealed: 0, outsidePastes: 0, at: '2026-01-01T10:00:00Z' }),
		].join('\n')
		expect(replayRatingsFile(text)).toEqual({
			ok: false,
			problems: [
				'line 2: exerciseRating: must be a number from 800 to 2200',
				expect.stringMatching(/^line 3: not valid JSON \(/),
				'line 4: solved: must be true or false',
				'line 4: hintsRevealed: must be a whole number, 0 or more',
				'line 5: at: must be an ISO date-time with a time zone, such as 2026-01-01T10:00:00Z',
				'line 6: unknown field "attempt"',
				'line 7: must be a JSON object',
				'line 8: solved: must be true or false',
			],
		})
	})

	it('rates a file without the evidence fields exactly as before they existed', () => {
		// Printed by the replay before minutesToRootCause, failedFixes and estimatedMinutes were added.
		const before = {
			engineers: {
				ada: { async: { rating: 1662.3, rd: 290.3 }, time: { rating: 1297.6, rd: 292.7 } },
				linus: { async: { rating: 1361.3, rd: 313.9 } },
				grace: { time: { rating: 1619.8, rd: 311.4 }, async: { rating: 1619.8, rd: 311.4 } },
			},
			exercises: { 'cache-stampede': { rating: 1500, rd: 271.8 }, 'clock-skew': { rating: 1380, rd: 272.5 } },
		}
		const helped = { engineer: 'grace', exercise: 'clock-skew', solved: true, hintsRevealed: 1, outsidePastes: 2, at: '2026-01-05T10:00:00Z' }
		const text = [history, line({ ...helped, topic: 'time' }), line({ ...helped, topic: 'async' })].join('\n')
		expect(replayed(text)).toEqual(before)
	})

	it('rates lines with evidence by how the attempt went: a fast unaided solve above a slow one with failed fixes', () => {
		const evidence = { estimatedMinutes: 25, exerciseRating: 1500 }
		const output = replayed(
			[
				line({ engineer: 'fast', exercise: 'a', ...evidence, minutesToRootCause: 9.5, failedFixes: 0 }),
				line({ engineer: 'slow', exercise: 'b', ...evidence, minutesToRootCause: 70, failedFixes: 2 }),
				line({ engineer: 'missed', exercise: 'c', ...evidence, solved: false, minutesToRootCause: null, failedFixes: 1 }),
				line({ engineer: 'old', exercise: 'd', exerciseRating: 1500 }),
			].join('\n'),
		)
		const rating = (engineer: string) => output.engineers[engineer]!.async!.rating
		expect(rating('fast')).toBeGreaterThan(rating('slow'))
		expect(rating('slow')).toBeGreaterThan(1500)
		expect(rating('missed')).toBeLessThan(1500)
		// A line without evidence is still a plain win.
		expect(rating('old')).toBeGreaterThan(rating('fast'))
	})

	it('takes a line with only some of the evidence, counting a missing time as the typical one', () => {
		const partial = replayed(line({ engineer: 'p', exercise: 'a', failedFixes: 0 }))
		const typical = replayed(line({ engineer: 'p', exercise: 'a', failedFixes: 0, minutesToRootCause: 25, estimatedMinutes: 25 }))
		expect(partial).toEqual(typical)
	})

	it('names the line and field of bad evidence', () => {
		const text = [
			line({ minutesToRootCause: -3 }),
			line({ minutesToRootCause: '12' }),
			line({ failedFixes: 1.5 }),
			line({ failedFixes: null }),
			line({ estimatedMinutes: 2 }),
			line({ estimatedMinutes: 30.5 }),
		].join('\n')
		expect(replayRatingsFile(text)).toEqual({
			ok: false,
			problems: [
				'line 1: minutesToRootCause: must be a number of minutes, 0 or more, or null when the root cause was not found',
				'line 2: minutesToRootCause: must be a number of minutes, 0 or more, or null when the root cause was not found',
				'line 3: failedFixes: must be a whole number, 0 or more',
				'line 4: failedFixes: must be a whole number, 0 or more',
				'line 5: estimatedMinutes: must be a whole number of minutes from 5 to 240, as in exercise.json',
				'line 6: estimatedMinutes: must be a whole number of minutes from 5 to 240, as in exercise.json',
			],
		})
	})

	it('replays an empty history to no ratings', () => {
		expect(replayRatingsFile('\n\n')).toEqual({ ok: true, output: { engineers: {}, exercises: {} } })
	})
})

describe('npm run ratings:replay', () => {
	it('prints the ratings as JSON for a good file', async () => {
		const file = path.join(root, 'history.jsonl')
		writeFileSync(file, history)
		const { stdout } = await run('npx', ['tsx', 'server/cli/ratings-replay.ts', file], { timeout: 60_000 })
		expect(JSON.parse(stdout)).toEqual(replayed(history))
	}, 90_000)

	it('exits 1 with the line and field on stderr, and nothing on stdout, for a bad line', async () => {
		const file = path.join(root, 'bad.jsonl')
		writeFileSync(file, [line(), line({ topic: '' })].join('\n'))
		await expect(run('npx', ['tsx', 'server/cli/ratings-replay.ts', file], { timeout: 60_000 })).rejects.toMatchObject({
			code: 1,
			stdout: '',
			stderr: expect.stringContaining('line 2: topic: must be a non-empty string'),
		})
	}, 90_000)

	it('explains its usage and exits 2 without a file', async () => {
		await expect(run('npx', ['tsx', 'server/cli/ratings-replay.ts'], { timeout: 60_000 })).rejects.toMatchObject({
			code: 2,
			stdout: '',
			stderr: expect.stringContaining('Usage: npm run ratings:replay'),
		})
	}, 90_000)
})
