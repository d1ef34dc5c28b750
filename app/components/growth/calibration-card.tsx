// Calibration, as a learner (or their lead, or the growth report) sees it: for each confidence
// level, how often predictions said with it came true, drawn against what was said; the Brier
// score and its trend by month; and what it means in a sentence. Printable (no canvas).
import { describeCalibration, type Calibration } from '#app/growth/calibration.ts'
import { describeProportion } from '#app/growth/proportions.ts'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { formatMonth } from '#app/utils/time-format.ts'

const EXPLANATION =
	'Before a run you may predict what it will show and say how sure you are. Being right matters less than knowing how sure to be: a well-calibrated engineer who says 70 % is right about 7 times in 10. The Brier score is the mean squared gap between what you said and what happened: 0 is perfect, 0.25 is what always saying 50 % earns.'

/** `subject`: 'you' on the learner's own pages, their name where a lead or the report speaks of them. */
export function CalibrationCard({
	calibration,
	subject = 'you',
	headingLevel = 2,
}: {
	calibration: Calibration
	subject?: 'you' | { name: string }
	headingLevel?: 2 | 3
}) {
	const own = subject === 'you'
	const name = own ? '' : subject.name
	return (
		<Card aria-labelledby="calibration-title" className="break-inside-avoid">
			<CardHeader
				id="calibration-title"
				level={headingLevel}
				title="Calibration"
				description={own ? 'How well your confidence matches your results.' : `How well ${name}’s confidence matches their results.`}
			/>
			{calibration.ready ? (
				<CalibrationFigures calibration={calibration} own={own} name={name} />
			) : (
				<NotYet needed={calibration.needed} count={calibration.count} own={own} />
			)}
			<p className="mt-4 text-xs text-slate-600 dark:text-slate-400">{EXPLANATION}</p>
		</Card>
	)
}

function NotYet({ needed, count, own }: { needed: number; count: number; own: boolean }) {
	return (
		<div className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm dark:border-slate-700">
			<p className="font-medium text-slate-900 dark:text-slate-100">
				{needed} more {needed === 1 ? 'prediction' : 'predictions'} with a confidence needed
			</p>
			<p className="mt-1 text-slate-600 dark:text-slate-400">
				{count === 0 ? 'None yet. ' : `${count} so far. `}
				{own ? 'Before a run, choose “I predict” in the journal and say how sure you are.' : 'Calibration shows once there are ten.'}
			</p>
		</div>
	)
}

function CalibrationFigures({ calibration, own, name }: { calibration: Extract<Calibration, { ready: true }>; own: boolean; name: string }) {
	return (
		<div className="space-y-5">
			<p className="text-sm font-medium text-slate-900 dark:text-slate-100">{describeCalibration(calibration.reading, own ? 'you' : { name })}</p>
			<ul className="space-y-3" aria-label="How often predictions came true, by confidence">
				{calibration.bins.map((bin) => {
					const rate = bin.right.shown && bin.right.rate !== null ? bin.right.rate * 100 : null
					const interval = bin.right.shown ? bin.right.interval : null
					return (
						<li key={bin.confidence} className="grid grid-cols-[7.5rem_minmax(0,1fr)] items-center gap-3 text-sm">
							<span className="text-slate-700 dark:text-slate-300">Said {bin.confidence} %</span>
							<div>
								<div className="relative h-4 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
									{interval ? (
										<div
											className="absolute inset-y-0 rounded bg-brand-100 dark:bg-brand-600/40"
											style={{ left: `${interval.low * 100}%`, width: `${(interval.high - interval.low) * 100}%` }}
										/>
									) : null}
									{rate !== null ? (
										<div className="absolute inset-y-0.5 w-1.5 -translate-x-1/2 rounded-sm bg-brand-600 dark:bg-brand-100" style={{ left: `${rate}%` }} />
									) : null}
									<div className="absolute -inset-y-1 w-0.5 -translate-x-1/2 bg-slate-900 dark:bg-slate-100" style={{ left: `${bin.confidence}%` }} />
								</div>
								<p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Right: {describeProportion(bin.right)}</p>
							</div>
						</li>
					)
				})}
			</ul>
			<p className="text-xs text-slate-600 dark:text-slate-400">
				The black line is what was said; the blue mark how often it came true, with the band it is likely in. On a calibrated line the two meet.
			</p>
			<Table caption={`Brier score by month (overall ${calibration.brier.toFixed(3)}, ${calibration.count} predictions; lower is better)`}>
				<thead>
					<tr>
						<Th>Month</Th>
						<Th className="text-right">Predictions</Th>
						<Th className="text-right">Brier score</Th>
					</tr>
				</thead>
				<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
					{calibration.byMonth.map((month) => (
						<tr key={month.month}>
							<Td>{formatMonth(month.month)}</Td>
							<Td className="text-right tabular-nums">{month.count}</Td>
							<Td className="text-right tabular-nums">{month.brier.toFixed(3)}</Td>
						</tr>
					))}
				</tbody>
			</Table>
		</div>
	)
}
