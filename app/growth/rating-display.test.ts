import { describe, expect, it } from 'vitest'
import {
	CALIBRATION_GAMES,
	describeRatingChange,
	exerciseDifficulty,
	formatDifficulty,
	formatSignedPoints,
	formatSkillRating,
	isProvisional,
	PROVISIONAL_RD,
	provisionalAfter,
	spokenSkillRating,
} from './rating-display.ts'

describe('formatSkillRating', () => {
	it('shows a rating as provisional, without its ± figure, until its RD falls below the threshold', () => {
		expect(formatSkillRating({ rating: 1531.6, rd: 290 })).toBe('≈1532, provisional')
		expect(formatSkillRating({ rating: 1531.6, rd: PROVISIONAL_RD })).toBe('≈1532, provisional')
		expect(formatSkillRating({ rating: 1531.6, rd: PROVISIONAL_RD - 0.5 })).toBe('1532 ± 110')
		expect(formatSkillRating({ rating: 1180.2, rd: 64.4 })).toBe('1180 ± 64')
		expect(spokenSkillRating({ rating: 1531.6, rd: 290 })).toBe('about 1532, provisional')
		expect(spokenSkillRating({ rating: 1180.2, rd: 64.4 })).toBe('1180, give or take 64')
	})

	it('draws the line where a fresh rating needs several attempts to cross it', () => {
		expect(isProvisional(350)).toBe(true)
		expect(isProvisional(109.9)).toBe(false)
		expect(isProvisional(Number.NaN)).toBe(true)
	})
})

describe('describeRatingChange', () => {
	it('gives the points a settled rating moved, with a true minus sign', () => {
		expect(describeRatingChange({ before: 1500, after: 1523.4, rdBefore: 80 })).toMatchObject({ kind: 'settled', text: '+23', delta: expect.closeTo(23.4, 9) })
		expect(describeRatingChange({ before: 1500, after: 1487.6, rdBefore: 80 })).toMatchObject({ kind: 'settled', text: '−12' })
		expect(formatSignedPoints(0.4)).toBe('±0')
	})

	it('never shows the big swing of a provisional rating as points gained', () => {
		const first = describeRatingChange({ before: 1500, after: 1732, rdBefore: 350 })
		expect(first).toEqual({ kind: 'provisional', text: 'now ≈1732, provisional', after: 1732 })
		expect(first.text).not.toContain('+')
	})
})

describe('exerciseDifficulty', () => {
	it('is the authored figure, saying so, until enough first attempts have calibrated it', () => {
		expect(exerciseDifficulty(1200, null)).toEqual({
			value: 1200,
			source: 'authored',
			games: 0,
			sourceText: `as authored (0 of ${CALIBRATION_GAMES} first attempts so far)`,
		})
		expect(exerciseDifficulty(1200, { rating: 1333.6, games: CALIBRATION_GAMES - 1 })).toMatchObject({
			value: 1200,
			source: 'authored',
			games: CALIBRATION_GAMES - 1,
		})
	})

	it('is the calibrated rating, rounded, from CALIBRATION_GAMES first attempts on', () => {
		expect(exerciseDifficulty(1200, { rating: 1333.6, games: CALIBRATION_GAMES })).toEqual({
			value: 1334,
			source: 'calibrated',
			games: CALIBRATION_GAMES,
			sourceText: `calibrated from ${CALIBRATION_GAMES} first attempts`,
		})
		expect(formatDifficulty(exerciseDifficulty(1200, { rating: 1333.6, games: 40 }))).toBe('1334 (calibrated)')
		expect(formatDifficulty(exerciseDifficulty(1200, null))).toBe('1200 (authored)')
	})
})

describe('provisionalAfter', () => {
	const history = [
		{ at: '2026-07-01T10:00:00.000Z', rating: 1690, rd: 290 },
		{ at: '2026-08-01T10:00:00.000Z', rating: 1640, rd: 112 },
		{ at: '2026-09-01T10:00:00.000Z', rating: 1655, rd: 105 },
		{ at: '2026-10-01T10:00:00.000Z', rating: 1671, rd: 101 },
	]

	it('gives the rating after an attempt made while the rating was provisional, and null once it had settled', () => {
		expect(provisionalAfter(history, history[0]!.at)).toBe(1690)
		expect(provisionalAfter(history, history[2]!.at)).toBe(1655)
		expect(provisionalAfter(history, history[3]!.at)).toBeNull()
		expect(provisionalAfter(history, '2026-11-01T10:00:00.000Z')).toBeNull()
	})
})
