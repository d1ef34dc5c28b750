import { describe, expect, it } from 'vitest'
import {
	CALIBRATION_GAMES,
	explainRatingChange,
	gameWeight,
	playAttempt,
	playFirstAttempt,
	replayRatings,
	shownDifficulty,
	startingExercise,
	startingSkill,
	type RatedAttempt,
	type RatingChange,
	type RatingState,
} from './ratings.ts'

const day = (n: number, hour = 10) => new Date(Date.UTC(2026, 0, n, hour)).toISOString()

function attempt(overrides: Partial<RatedAttempt> & Pick<RatedAttempt, 'engineer' | 'exercise'>): RatedAttempt {
	return { topic: 'async', exerciseRating: 1500, solved: true, hintsRevealed: 0, outsidePastes: 0, at: day(1), ...overrides }
}

describe('gameWeight', () => {
	it('counts an unaided attempt fully and takes a quarter off per hint and for outside pastes, down to a floor', () => {
		expect(gameWeight({ hintsRevealed: 0, outsidePastes: 0 })).toBe(1)
		expect(gameWeight({ hintsRevealed: 1, outsidePastes: 0 })).toBe(0.75)
		expect(gameWeight({ hintsRevealed: 2, outsidePastes: 0 })).toBe(0.5)
		expect(gameWeight({ hintsRevealed: 3, outsidePastes: 0 })).toBe(0.25)
		expect(gameWeight({ hintsRevealed: 9, outsidePastes: 0 })).toBe(0.25)
		expect(gameWeight({ hintsRevealed: 0, outsidePastes: 1 })).toBe(0.75)
		expect(gameWeight({ hintsRevealed: 0, outsidePastes: 6 })).toBe(0.75)
		expect(gameWeight({ hintsRevealed: 1, outsidePastes: 2 })).toBe(0.5)
		expect(gameWeight({ hintsRevealed: 5, outsidePastes: 5 })).toBe(0.25)
	})
})

describe('replayRatings', () => {
	it('starts engineers at 1500 and plays them against the authored difficulty', () => {
		const { changes, engineers } = replayRatings([attempt({ engineer: 'ada', exercise: 'cache-stampede', exerciseRating: 1720 })])
		expect(changes).toHaveLength(1)
		expect(changes[0]).toMatchObject({
			engineer: 'ada',
			exercise: 'cache-stampede',
			topic: 'async',
			before: 1500,
			exerciseRating: 1720,
			solved: true,
			weight: 1,
		})
		expect(changes[0]!.after).toBe(engineers.ada!.async!.rating)
		expect(engineers.ada!.async).toMatchObject({ games: 1, volatility: expect.closeTo(0.06, 3) })
		expect(engineers.ada!.async!.rd).toBeLessThan(350)
	})

	it('puts a strong engineer who solves hard exercises above one who fails easy ones', () => {
		const attempts: RatedAttempt[] = []
		for (let i = 0; i < 5; i++) {
			attempts.push(attempt({ engineer: 'ada', exercise: `hard-${i}`, exerciseRating: 2000, solved: true, at: day(i + 1) }))
			attempts.push(attempt({ engineer: 'linus', exercise: `easy-${i}`, exerciseRating: 1000, solved: false, at: day(i + 1) }))
		}
		const { engineers } = replayRatings(attempts)
		expect(engineers.ada!.async!.rating).toBeGreaterThan(1700)
		expect(engineers.linus!.async!.rating).toBeLessThan(1300)
	})

	it('raises an exercise nobody solves above its authored difficulty, but shows the authored figure until it is calibrated', () => {
		const misses = Array.from({ length: CALIBRATION_GAMES }, (_, i) =>
			attempt({ engineer: `engineer-${i}`, exercise: 'clock-skew', topic: 'time', exerciseRating: 1400, solved: false, at: day(i + 1) }),
		)
		const early = replayRatings(misses.slice(0, CALIBRATION_GAMES - 1)).exercises['clock-skew']!
		expect(early).toMatchObject({ rating: 1400, games: CALIBRATION_GAMES - 1, calibrated: false })
		expect(early.rd).toBeLessThan(350)
		const calibrated = replayRatings(misses).exercises['clock-skew']!
		expect(calibrated).toMatchObject({ games: CALIBRATION_GAMES, calibrated: true })
		expect(calibrated.rating).toBeGreaterThan(1500)
	})

	it('lowers an exercise everybody solves', () => {
		const solves = Array.from({ length: 12 }, (_, i) =>
			attempt({ engineer: `engineer-${i}`, exercise: 'off-by-one', exerciseRating: 1600, solved: true, at: day(i + 1) }),
		)
		expect(replayRatings(solves).exercises['off-by-one']!.rating).toBeLessThan(1600)
	})

	it('rates only the first attempt of an engineer at an exercise, whatever order they are handed in', () => {
		const first = attempt({ engineer: 'grace', exercise: 'retry-storm', solved: false, at: day(1) })
		const retry = attempt({ engineer: 'grace', exercise: 'retry-storm', solved: true, at: day(2) })
		const result = replayRatings([retry, first])
		expect(result.changes).toHaveLength(1)
		expect(result.changes[0]!.solved).toBe(false)
		expect(result.engineers.grace!.async!.games).toBe(1)
		expect(result.engineers.grace!.async!.rating).toBeLessThan(1500)
		expect(result.exercises['retry-storm']!.games).toBe(1)
		expect(result.unrated).toEqual([{ attempt: retry, reason: 'retry', message: 'Only the first attempt at an exercise is rated.' }])
	})

	it('rates one attempt at a several-topic exercise in each topic, as one game for the exercise', () => {
		const at = day(3)
		const result = replayRatings([
			attempt({ engineer: 'ada', exercise: 'stale-cache', topic: 'caching', at }),
			attempt({ engineer: 'ada', exercise: 'stale-cache', topic: 'time', at }),
			attempt({ engineer: 'ada', exercise: 'stale-cache', topic: 'time', at }),
		])
		expect(Object.keys(result.engineers.ada!)).toEqual(['caching', 'time'])
		expect(result.engineers.ada!.caching!.rating).toBe(result.engineers.ada!.time!.rating)
		expect(result.exercises['stale-cache']!.games).toBe(1)
		expect(result.unrated.map((u) => u.reason)).toEqual(['duplicate'])
		// Split across two topic ratings, the attempt moves the exercise as much as a one-topic attempt would.
		const single = replayRatings([attempt({ engineer: 'ada', exercise: 'stale-cache', topic: 'caching', at })])
		expect(result.exercises['stale-cache']!.rd).toBeCloseTo(single.exercises['stale-cache']!.rd, 6)
	})

	it('gains less from a solve with hints, and loses less on a miss with outside pastes', () => {
		const result = replayRatings([
			attempt({ engineer: 'unaided', exercise: 'a', exerciseRating: 1500, solved: true }),
			attempt({ engineer: 'hinted', exercise: 'b', exerciseRating: 1500, solved: true, hintsRevealed: 2 }),
			attempt({ engineer: 'missed', exercise: 'c', exerciseRating: 1500, solved: false }),
			attempt({ engineer: 'pasted', exercise: 'd', exerciseRating: 1500, solved: false, outsidePastes: 3 }),
		])
		const delta = (engineer: string) => result.changes.find((change) => change.engineer === engineer)!.delta
		expect(delta('hinted')).toBeGreaterThan(0)
		expect(delta('hinted')).toBeLessThan(delta('unaided'))
		expect(delta('pasted')).toBeLessThan(0)
		expect(delta('pasted')).toBeGreaterThan(delta('missed'))
	})

	it('rates an attempt with evidence by its outcome score: a faster solve gains more, and the exercise loses more', () => {
		const evidence = { estimatedMinutes: 20, failedFixes: 0 }
		const result = replayRatings([
			attempt({ engineer: 'fast', exercise: 'a', ...evidence, minutesToRootCause: 8 }),
			attempt({ engineer: 'slow', exercise: 'b', ...evidence, minutesToRootCause: 60 }),
			attempt({ engineer: 'binary', exercise: 'c' }),
		])
		const change = (engineer: string) => result.changes.find((row) => row.engineer === engineer)!
		expect(change('fast').delta).toBeGreaterThan(change('slow').delta)
		expect(change('slow').delta).toBeGreaterThan(0)
		// A win (score 1) is more than even the fastest graded solve.
		expect(change('binary').delta).toBeGreaterThan(change('fast').delta)
		expect(result.exercises.a!.games).toBe(1)
		expect(change('fast').score).toBeGreaterThan(change('slow').score!)
		expect(change('binary').score).toBeNull()
		expect(change('fast')).toMatchObject({ minutesToRootCause: 8, estimatedMinutes: 20, failedFixes: 0, weight: 1 })
	})

	it('puts hints into the score, not the weight, when the attempt has evidence; outside pastes still lower the weight', () => {
		const evidence = { estimatedMinutes: 20, failedFixes: 0, minutesToRootCause: 20 }
		const result = replayRatings([
			attempt({ engineer: 'unaided', exercise: 'a', ...evidence }),
			attempt({ engineer: 'hinted', exercise: 'b', ...evidence, hintsRevealed: 2 }),
			attempt({ engineer: 'pasted', exercise: 'c', ...evidence, outsidePastes: 1 }),
		])
		const change = (engineer: string) => result.changes.find((row) => row.engineer === engineer)!
		expect(change('hinted').weight).toBe(1)
		expect(change('hinted').score).toBeLessThan(change('unaided').score!)
		expect(change('hinted').delta).toBeLessThan(change('unaided').delta)
		expect(change('pasted').weight).toBe(0.75)
		expect(change('pasted').score).toBe(change('unaided').score)
	})

	it('plays each game against the exercise as the earlier games left it', () => {
		const result = replayRatings([
			attempt({ engineer: 'one', exercise: 'deadlock', exerciseRating: 1500, solved: false, at: day(1) }),
			attempt({ engineer: 'two', exercise: 'deadlock', exerciseRating: 1500, solved: false, at: day(2) }),
		])
		expect(result.changes[0]!.exerciseRating).toBe(1500)
		expect(result.changes[1]!.exerciseRating).toBeGreaterThan(1500)
	})

	it('is deterministic: sorted by time, ties kept in input order', () => {
		const attempts = [
			attempt({ engineer: 'a', exercise: 'x', solved: true, at: day(2) }),
			attempt({ engineer: 'b', exercise: 'x', solved: false, at: day(1) }),
			attempt({ engineer: 'c', exercise: 'x', solved: true, at: day(1) }),
			attempt({ engineer: 'd', exercise: 'x', solved: false, at: new Date(day(3)) }),
		]
		const result = replayRatings(attempts)
		expect(result.changes.map((change) => change.engineer)).toEqual(['b', 'c', 'a', 'd'])
		expect(replayRatings(attempts)).toEqual(result)
		const swappedTie = replayRatings([attempts[0]!, attempts[2]!, attempts[1]!, attempts[3]!])
		expect(swappedTie.changes.map((change) => change.engineer)).toEqual(['c', 'b', 'a', 'd'])
	})

	it('refuses an attempt without a valid time, naming it', () => {
		expect(() => replayRatings([attempt({ engineer: 'a', exercise: 'x' }), attempt({ engineer: 'b', exercise: 'x', at: 'yesterday' })])).toThrow(
			'Attempt 2 has no valid time: yesterday',
		)
	})
})

describe('playFirstAttempt', () => {
	const outcome = { solved: true, hintsRevealed: 0, outsidePastes: 0 }

	it('rates the engineer in each topic from a fresh start, and moves the exercise once', () => {
		const game = playFirstAttempt(startingExercise(1200), new Map(), ['validation', 'data-integrity'], outcome)
		expect(game.weight).toBe(1)
		expect(game.topics.map((topic) => topic.topic)).toEqual(['validation', 'data-integrity'])
		for (const topic of game.topics) {
			expect(topic.before).toEqual(startingSkill())
			expect(topic.after.rating).toBeGreaterThan(1500)
			expect(topic.after.games).toBe(1)
		}
		expect(game.exercise.before).toEqual(startingExercise(1200))
		expect(game.exercise.after.rating).toBeLessThan(1200)
		expect(game.exercise.after.games).toBe(1)
	})

	it('plays a topic listed twice once', () => {
		const game = playFirstAttempt(startingExercise(1500), new Map(), ['async', 'async'], outcome)
		expect(game.topics).toHaveLength(1)
		expect(game.exercise.after.rd).toBeCloseTo(playFirstAttempt(startingExercise(1500), new Map(), ['async'], outcome).exercise.after.rd, 9)
	})

	it('leaves the exercise as it was when its version has no topics', () => {
		const exercise = startingExercise(1400)
		expect(playFirstAttempt(exercise, new Map(), [], { ...outcome, solved: false })).toEqual({
			weight: 1,
			score: 0,
			exercise: { before: exercise, after: exercise },
			topics: [],
		})
	})

	it('plays from the ratings both sides had, and weighs help as gameWeight does', () => {
		const skills = new Map<string, RatingState>([['async', { rating: 1700, rd: 80, volatility: 0.06, games: 12 }]])
		const game = playFirstAttempt({ rating: 1650, rd: 90, volatility: 0.06, games: 30 }, skills, ['async'], {
			solved: false,
			hintsRevealed: 2,
			outsidePastes: 0,
		})
		expect(game.weight).toBe(0.5)
		expect(game.topics[0]).toMatchObject({ topic: 'async', weight: 0.5, before: skills.get('async') })
		expect(game.topics[0]!.after).toMatchObject({ games: 13 })
		expect(game.topics[0]!.after.rating).toBeLessThan(1700)
		expect(game.exercise.after).toMatchObject({ games: 31 })
		expect(game.exercise.after.rating).toBeGreaterThan(1650)
	})

	it('plays the stored evidence as the app records it: score from outcomeScore, exercise moved by 1 − score', () => {
		const evidence = { solved: true, hintsRevealed: 1, outsidePastes: 0, failedFixes: 1, minutesToRootCause: 30, estimatedMinutes: 20 }
		const game = playFirstAttempt(startingExercise(1500), new Map(), ['async'], evidence)
		expect(game.weight).toBe(1)
		expect(game.score).toBeGreaterThan(0.5)
		expect(game.score).toBeLessThan(0.75)
		expect(game.topics[0]).toMatchObject({ score: game.score, graded: true })
		const win = playFirstAttempt(startingExercise(1500), new Map(), ['async'], outcome)
		expect(game.topics[0]!.after.rating).toBeGreaterThan(1500)
		expect(game.topics[0]!.after.rating).toBeLessThan(win.topics[0]!.after.rating)
		expect(game.exercise.after.rating).toBeLessThan(1500)
		expect(game.exercise.after.rating).toBeGreaterThan(win.exercise.after.rating)
	})

	// The finishing transaction plays one attempt at a time; replayRatings plays the whole history.
	it('gives, attempt after attempt, exactly the ratings a replay of the same history gives', () => {
		const history: RatedAttempt[] = []
		for (let index = 0; index < 40; index++) {
			const topics = index % 3 === 0 ? ['async', 'time'] : ['async']
			for (const topic of topics) {
				history.push({
					engineer: `engineer-${index % 4}`,
					exercise: `exercise-${index % 7}`,
					topic,
					exerciseRating: 900 + (index % 7) * 150,
					solved: index % 5 < 3,
					hintsRevealed: index % 4 === 1 ? 1 : 0,
					outsidePastes: index % 6 === 2 ? 2 : 0,
					at: day(1 + index),
				})
			}
		}
		const replay = replayRatings(history)

		const exercises = new Map<string, RatingState>()
		const engineers = new Map<string, Map<string, RatingState>>()
		const played = new Set<string>()
		for (const row of history) {
			const key = `${row.engineer}/${row.exercise}`
			if (played.has(key)) continue
			played.add(key)
			const topics = history
				.filter((other) => other.engineer === row.engineer && other.exercise === row.exercise && other.at === row.at)
				.map((other) => other.topic)
			const skills = engineers.get(row.engineer) ?? new Map<string, RatingState>()
			const game = playFirstAttempt(exercises.get(row.exercise) ?? startingExercise(row.exerciseRating!), skills, topics, row)
			for (const topic of game.topics) skills.set(topic.topic, topic.after)
			engineers.set(row.engineer, skills)
			exercises.set(row.exercise, game.exercise.after)
		}

		expect(replay.unrated.length).toBeGreaterThan(0)
		expect([...engineers.keys()].sort()).toEqual(Object.keys(replay.engineers).sort())
		for (const [engineer, skills] of engineers) expect(Object.fromEntries(skills)).toEqual(replay.engineers[engineer])
		for (const [exercise, state] of exercises) expect(replay.exercises[exercise]).toMatchObject({ rd: state.rd, games: state.games })
	})
})

describe('playAttempt', () => {
	it('weighs each topic by its own help, and splits the exercise game evenly across the topics', () => {
		const exercise = startingExercise(1500)
		const game = playAttempt(exercise, new Map(), [
			{ topic: 'async', solved: true, hintsRevealed: 0, outsidePastes: 0 },
			{ topic: 'time', solved: true, hintsRevealed: 1, outsidePastes: 0 },
		])
		expect(game.topics.map((topic) => topic.weight)).toEqual([1, 0.75])
		expect(game.topics[1]!.after.rating - 1500).toBeLessThan(game.topics[0]!.after.rating - 1500)
		const alone = playAttempt(exercise, new Map(), [{ topic: 'async', solved: true, hintsRevealed: 0, outsidePastes: 0 }])
		expect(game.exercise.after.rd).toBeGreaterThan(alone.exercise.after.rd)
	})
})

describe('shownDifficulty', () => {
	it('shows the authored difficulty until the exercise has played enough games, then its rounded rating', () => {
		expect(shownDifficulty(1200, null)).toEqual({ shown: 1200, calibrated: false })
		expect(shownDifficulty(1200, { rating: 1333.6, games: CALIBRATION_GAMES - 1 })).toEqual({ shown: 1200, calibrated: false })
		expect(shownDifficulty(1200, { rating: 1333.6, games: CALIBRATION_GAMES })).toEqual({ shown: 1334, calibrated: true })
	})
})

describe('explainRatingChange', () => {
	const change = (overrides: Partial<RatingChange>): RatingChange => ({
		engineer: 'ada',
		exercise: 'x',
		topic: 'async',
		at: new Date(day(1)),
		before: 1500,
		after: 1523.4,
		delta: 23.4,
		// A settled rating (RD below PROVISIONAL_RD): the sentence gives the points it moved.
		rdBefore: 90,
		rdAfter: 88,
		exerciseRating: 1510.2,
		solved: true,
		hintsRevealed: 0,
		outsidePastes: 0,
		weight: 1,
		score: null,
		minutesToRootCause: null,
		failedFixes: null,
		estimatedMinutes: null,
		...overrides,
	})

	it('says what moved the rating and why', () => {
		expect(explainRatingChange(change({}), 'Async')).toBe('rating +23 in Async because you solved a 1510-rated exercise without hints')
		expect(explainRatingChange(change({ delta: -12.3, solved: false, exerciseRating: 1380 }), 'Time')).toBe(
			'rating −12 in Time because a 1380-rated exercise was not solved',
		)
	})

	it('says, in plain words, how much help made an attempt rated as solved or not count for less', () => {
		expect(explainRatingChange(change({ delta: 11.6, hintsRevealed: 2, weight: 0.5 }), 'Async')).toBe(
			'rating +12 in Async because you solved a 1510-rated exercise with 2 hints, so it counted half as much as an unaided attempt',
		)
		expect(explainRatingChange(change({ delta: 15, hintsRevealed: 1, outsidePastes: 1, weight: 0.5 }), 'Async')).toBe(
			'rating +15 in Async because you solved a 1510-rated exercise with 1 hint and 1 outside paste, so it counted half as much as an unaided attempt',
		)
		expect(explainRatingChange(change({ delta: -4, solved: false, outsidePastes: 3, weight: 0.75 }), 'Time')).toBe(
			'rating −4 in Time because a 1510-rated exercise was not solved with 3 outside pastes, so it counted three quarters as much as an unaided attempt',
		)
		expect(explainRatingChange(change({ delta: 3, hintsRevealed: 4, weight: 0.25 }), 'Async')).toContain(
			'so it counted a quarter as much as an unaided attempt',
		)
	})

	it('names the evidence of a graded attempt: time to the root cause against the estimate, failed fixes, hints, pastes', () => {
		const graded = { score: 0.8, minutesToRootCause: 12.4, estimatedMinutes: 25, failedFixes: 0 }
		expect(explainRatingChange(change(graded), 'Async')).toBe(
			'rating +23 in Async because you solved a 1510-rated exercise: root cause in 12 min (typical 25 min), no failed fixes, no hints',
		)
		expect(explainRatingChange(change({ ...graded, failedFixes: 2, hintsRevealed: 1, outsidePastes: 2, weight: 0.75 }), 'Async')).toBe(
			'rating +23 in Async because you solved a 1510-rated exercise: root cause in 12 min (typical 25 min), 2 failed fixes, 1 hint; 2 outside pastes made it count three quarters as much',
		)
		expect(explainRatingChange(change({ ...graded, delta: -20, solved: false, score: 0, minutesToRootCause: null }), 'Time')).toBe(
			'rating −20 in Time because a 1510-rated exercise was not solved',
		)
		expect(explainRatingChange(change({ ...graded, delta: -9, solved: false, score: 0.1, minutesToRootCause: 40 }), 'Time')).toBe(
			'rating −9 in Time because a 1510-rated exercise was not solved (you found the root cause: root cause in 40 min (typical 25 min))',
		)
	})

	it('gives where a provisional rating stands instead of its big early swing', () => {
		const first = change({ before: 1500, after: 1690.6, delta: 190.6, rdBefore: 350, rdAfter: 290 })
		const sentence = explainRatingChange(first, 'Async')
		expect(sentence).toBe('rating in Async now ≈1691 (still provisional) because you solved a 1510-rated exercise without hints')
		expect(sentence).not.toContain('+191')
		expect(explainRatingChange(change({ after: 1602.2, rdBefore: 112, rdAfter: 106 }), 'Async')).toMatch(
			/^rating in Async now 1602 \(no longer provisional\) because/,
		)
	})

	it('reads right for ratings said with "an" and for changes that round to nothing', () => {
		expect(explainRatingChange(change({ exerciseRating: 812 }), 'Async')).toContain('solved an 812-rated exercise')
		expect(explainRatingChange(change({ exerciseRating: 1840 }), 'Async')).toContain('solved an 1840-rated exercise')
		expect(explainRatingChange(change({ exerciseRating: 1105 }), 'Async')).toContain('solved an 1105-rated exercise')
		expect(explainRatingChange(change({ exerciseRating: 2010 }), 'Async')).toContain('solved a 2010-rated exercise')
		expect(explainRatingChange(change({ delta: 0.3 }), 'Async')).toMatch(/^rating ±0 in Async/)
	})

	it('explains a replayed change: a first attempt leaves the rating provisional', () => {
		const { changes } = replayRatings([attempt({ engineer: 'ada', exercise: 'x', exerciseRating: 1500, solved: false, hintsRevealed: 1 })])
		const after = Math.round(changes[0]!.after)
		expect(after).toBeLessThan(1500)
		expect(explainRatingChange(changes[0]!, 'Async')).toBe(
			`rating in Async now ≈${after} (still provisional) because a 1500-rated exercise was not solved with 1 hint, so it counted three quarters as much as an unaided attempt`,
		)
	})
})
