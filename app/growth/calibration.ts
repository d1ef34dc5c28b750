// How well a learner's confidence matches reality. Each prediction ("test X will fail") carries
// a confidence of 50, 70 or 90 %; once its run is in, it was right or wrong. Calibration compares
// the two: per confidence level, how often the learner was right, and the Brier score (mean
// squared gap between confidence and outcome; 0 is perfect, 0.25 is what always saying 50 %
// earns). Pure.
import { proportion, type Proportion } from './proportions.ts'

export const CONFIDENCE_LEVELS = [50, 70, 90] as const
export type Confidence = (typeof CONFIDENCE_LEVELS)[number]

/** Below this many scored predictions there is no calibration to show, only how many more it takes. */
export const MIN_PREDICTIONS_FOR_CALIBRATION = 10

export type ScoredPrediction = { confidence: Confidence; correct: boolean; at: Date }

export type CalibrationBin = { confidence: Confidence; right: Proportion }

export type Calibration =
	| { ready: false; count: number; needed: number }
	| {
			ready: true
			count: number
			brier: number
			bins: CalibrationBin[]
			/** Brier score per calendar month (UTC), oldest first, for the trend. */
			byMonth: Array<{ month: string; brier: number; count: number }>
			/** The confidence level furthest from its hit rate, for describeCalibration; null while no level has enough predictions. */
			reading: CalibrationReading | null
	  }

export type CalibrationReading = { confidence: Confidence; ratePercent: number; verdict: 'matches' | 'overconfident' | 'underconfident' }

export function isConfidence(value: unknown): value is Confidence {
	return CONFIDENCE_LEVELS.includes(value as Confidence)
}

/** Mean of (confidence − outcome)²; null for no predictions. */
export function brierScore(predictions: readonly Pick<ScoredPrediction, 'confidence' | 'correct'>[]): number | null {
	if (predictions.length === 0) return null
	const total = predictions.reduce((sum, p) => sum + (p.confidence / 100 - (p.correct ? 1 : 0)) ** 2, 0)
	return total / predictions.length
}

export function calibration(predictions: readonly ScoredPrediction[]): Calibration {
	const count = predictions.length
	if (count < MIN_PREDICTIONS_FOR_CALIBRATION) return { ready: false, count, needed: MIN_PREDICTIONS_FOR_CALIBRATION - count }
	const bins = CONFIDENCE_LEVELS.map((confidence) => {
		const at = predictions.filter((p) => p.confidence === confidence)
		return { confidence, right: proportion(at.filter((p) => p.correct).length, at.length) }
	})
	const months = new Map<string, ScoredPrediction[]>()
	for (const prediction of [...predictions].sort((a, b) => a.at.getTime() - b.at.getTime())) {
		const month = prediction.at.toISOString().slice(0, 7)
		months.set(month, [...(months.get(month) ?? []), prediction])
	}
	return {
		ready: true,
		count,
		brier: brierScore(predictions)!,
		bins,
		byMonth: [...months].map(([month, inMonth]) => ({ month, brier: brierScore(inMonth)!, count: inMonth.length })),
		reading: widestGap(bins),
	}
}

/** The level whose hit rate is furthest from what was said, among levels used enough to tell. */
function widestGap(bins: CalibrationBin[]): CalibrationReading | null {
	const used = bins.filter((bin) => bin.right.shown && bin.right.rate !== null)
	if (used.length === 0) return null
	const widest = used.reduce((a, b) => (gap(b) >= gap(a) ? b : a)) // ties: the higher level says more
	const ratePercent = Math.round(widest.right.rate! * 100)
	const difference = ratePercent - widest.confidence
	const verdict = Math.abs(difference) < 10 ? 'matches' : difference < 0 ? 'overconfident' : 'underconfident'
	return { confidence: widest.confidence, ratePercent, verdict }
}

/** The reading in a sentence, about "you" or about a named engineer. */
export function describeCalibration(reading: CalibrationReading | null, subject: 'you' | { name: string } = 'you'): string {
	const you = subject === 'you'
	if (!reading) return `There are predictions, but not yet five at any one confidence level to compare.`
	const who = you ? 'you say' : `${subject.name} says`
	const are = you ? 'you are' : 'they are'
	const sentence = `When ${who} ${reading.confidence} % ${are} right ${reading.ratePercent} % of the time`
	if (reading.verdict === 'matches') return `${sentence}: ${you ? 'your' : 'their'} confidence matches ${you ? 'your' : 'their'} results.`
	if (reading.verdict === 'overconfident') return `${sentence}: ${are} more sure than ${you ? 'your' : 'their'} results support.`
	return `${sentence}: ${are} right more often than ${you ? 'you expect' : 'they expect'}.`
}

function gap(bin: CalibrationBin) {
	return Math.abs((bin.right.rate ?? 0) * 100 - bin.confidence)
}
