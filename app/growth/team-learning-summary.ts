// What a lead's overview says about each team's retention and calibration, in one line each:
// team figures (never per person), counts before rates, and nothing invented from too little.
import type { Calibration } from '#app/growth/calibration.ts'
import type { Proportion } from '#app/growth/proportions.ts'
import type { RetentionReport } from '#app/retention/retention-report.ts'

export type TeamLearningSummary = { retention: string; calibration: string }

export function teamLearningSummary(report: RetentionReport, calibration: Calibration): TeamLearningSummary {
	const { retention } = report.overall
	const checks = retention.checks
	const retentionLine =
		checks === 0
			? 'Retention: no checks finished yet.'
			: `Retention: ${share(retention.firstTry, 'checks')} solved at the first fix${
					retention.originalFirstTry.total ? `, against ${share(retention.originalFirstTry)} the first time` : ''
				}.`
	let calibrationLine: string
	if (!calibration.ready) {
		calibrationLine =
			calibration.count === 0
				? 'Calibration: no predictions with a confidence yet.'
				: `Calibration: ${calibration.count} ${calibration.count === 1 ? 'prediction' : 'predictions'} so far; ${calibration.needed} more before it is shown.`
	} else {
		const reading = calibration.reading
		const level = reading ? ` At ${reading.confidence} % sure the team is right ${reading.ratePercent} % of the time.` : ''
		calibrationLine = `Calibration: Brier score ${calibration.brier.toFixed(2)} over ${calibration.count} predictions (0 is perfect, 0.25 is always saying 50 %).${level}`
	}
	return { retention: retentionLine, calibration: calibrationLine }
}

/** "75 % of 8 checks (likely 41–93 %)", or "2 of 3 checks (too few for a rate)" below the minimum sample. */
function share(value: Proportion, noun?: string) {
	const of = noun ? ` ${noun}` : ''
	if (!value.shown || value.rate === null || !value.interval) return `${value.successes} of ${value.total}${of} (too few for a rate)`
	const percent = (x: number) => Math.round(x * 100)
	return `${percent(value.rate)} % of ${value.total}${of} (likely ${percent(value.interval.low)}–${percent(value.interval.high)} %)`
}
