// An exercise's authored difficulty beside the one its first attempts calibrated, or how far
// calibration has got.
import { counted } from './team-and-exercise-figures.tsx'

export type DifficultyView = {
	authored: number
	authoredBand: string
	/** The exercise's own rating (platform-wide); null before its first rated attempt. */
	rating: number | null
	ratingBand: string | null
	rd: number | null
	games: number
	calibrated: boolean
	shown: number
	calibrationGames: number
}

/** "plays 145 points harder than authored", or "plays as authored" within a few points. */
function describeCalibration(authored: number, rating: number) {
	const gap = rating - authored
	if (Math.abs(gap) < 25) return 'It plays about as hard as its authors rated it.'
	return `It plays ${Math.abs(gap)} points ${gap > 0 ? 'harder' : 'easier'} than its authors rated it.`
}

export function ExerciseDifficulty({ difficulty }: { difficulty: DifficultyView }) {
	const { authored, authoredBand, rating, ratingBand, rd, games, calibrated, calibrationGames } = difficulty
	return (
		<div className="space-y-4">
			<dl className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
				<div>
					<dt className="text-sm font-medium text-slate-600 dark:text-slate-400">Authored</dt>
					<dd className="mt-1 text-2xl font-semibold tabular-nums">{authored}</dd>
					<dd className="text-xs text-slate-600 dark:text-slate-400">{authoredBand}, as its authors set it</dd>
				</div>
				<div>
					<dt className="text-sm font-medium text-slate-600 dark:text-slate-400">Calibrated</dt>
					{calibrated && rating !== null ? (
						<>
							<dd className="mt-1 text-2xl font-semibold tabular-nums">
								{rating}
								{rd !== null ? (
									<span className="ml-1 text-sm font-normal text-slate-600 dark:text-slate-400">
										<span aria-hidden="true">±{rd}</span>
										<span className="sr-only">give or take {rd}</span>
									</span>
								) : null}
							</dd>
							<dd className="text-xs text-slate-600 dark:text-slate-400">
								{ratingBand}, from {counted(games, ['first attempt', 'first attempts'])} in every organisation
							</dd>
						</>
					) : (
						<>
							<dd className="mt-1 text-base font-semibold text-slate-800 dark:text-slate-200">
								Still calibrating: {games} of {calibrationGames} first attempts
							</dd>
							<dd className="text-xs text-slate-600 dark:text-slate-400">
								{rating !== null && games > 0 ? `Provisional rating ${rating}${rd !== null ? ` ± ${rd}` : ''}. ` : ''}First attempts from every organisation
								count.
							</dd>
						</>
					)}
				</div>
			</dl>
			<p className="text-sm text-slate-700 dark:text-slate-300">
				{calibrated && rating !== null
					? `${describeCalibration(authored, rating)} The catalogue and assignments show the calibrated ${rating}.`
					: `Until it has ${calibrationGames} rated first attempts, the catalogue and assignments show the authored ${authored}.`}
			</p>
		</div>
	)
}
