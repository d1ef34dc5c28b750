// Rating over time, one small chart per topic on a shared scale, so topics compare at a glance
// and no line hides behind another. Recharts draws in the browser (on the server it renders an
// empty box of the same size); each chart carries a sentence with the same data for screen
// readers, and keyboard users can step through its points.
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type DotItemDotProps, type TooltipContentProps } from 'recharts'
import { formatSigned, RatingDelta } from './report-figures.tsx'
import { formatFullDay, formatMonthName } from '#app/utils/time-format.ts'
import { formatSkillRating, isProvisional, spokenSkillRating } from '#app/growth/rating-display.ts'

export type TopicRatingHistory = {
	id: string
	label: string
	rating: number
	rd: number
	games: number
	last90: { delta: number; games: number }
	/** `rd` is the deviation after the attempt. */
	history: Array<{ at: string; rating: number; rd: number; delta: number; solved: boolean; exercise: { title: string } | null }>
}

/** `provisional`: the rating was still provisional before this attempt, so its move is not shown as points. */
type Point = { at: number; rating: number; delta: number; provisional: boolean; solved: boolean; exercise: string | null }

const MONTH_MS = 30 * 86_400_000

function monthTicks(from: number, to: number) {
	const ticks: number[] = []
	const start = new Date(from)
	for (
		let month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
		month.getTime() <= to;
		month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
	) {
		ticks.push(month.getTime())
	}
	// Small charts have room for about four labels.
	const step = Math.ceil(ticks.length / 4)
	return ticks.filter((_, index) => index % step === 0)
}

function ratingScale(topics: TopicRatingHistory[]) {
	const values = topics.flatMap((topic) => topic.history.map((point) => point.rating))
	const low = Math.floor((Math.min(...values) - 25) / 100) * 100
	const high = Math.ceil((Math.max(...values) + 25) / 100) * 100
	const step = high - low > 600 ? 200 : 100
	const ticks: number[] = []
	for (let tick = Math.ceil(low / step) * step; tick <= high; tick += step) ticks.push(tick)
	return { domain: [low, high] as [number, number], ticks }
}

/** The chart's data as one sentence: what a sighted reader takes from the line. */
function describe(topic: TopicRatingHistory) {
	const points = topic.history
	if (points.length === 0) return `${topic.label}: no rated attempts yet.`
	const first = points[0]!
	const last = points.at(-1)!
	const ratings = points.map((point) => Math.round(point.rating))
	const solved = points.filter((point) => point.solved).length
	return `${topic.label}: ${points.length} rated ${points.length === 1 ? 'attempt' : 'attempts'} (${solved} solved) from ${formatFullDay(first.at)} to ${formatFullDay(last.at)}; the rating went from ${Math.round(first.rating - first.delta)} to ${Math.round(last.rating)}, highest ${Math.max(...ratings)}, lowest ${Math.min(...ratings)}. Now ${spokenSkillRating(topic)}.`
}

function RatingDot(props: DotItemDotProps) {
	const { cx, cy, payload } = props
	if (typeof cx !== 'number' || typeof cy !== 'number') return null
	const solved = (payload as Point).solved
	// Filled for a solve, hollow for a miss: the shape carries it, not only the colour.
	return (
		<circle
			cx={cx}
			cy={cy}
			r={3}
			strokeWidth={1.5}
			className={
				solved
					? 'fill-brand-600 stroke-brand-600 dark:fill-brand-100 dark:stroke-brand-100'
					: 'fill-white stroke-red-600 dark:fill-slate-900 dark:stroke-red-400'
			}
		/>
	)
}

function RatingTooltip({ active, payload }: TooltipContentProps) {
	const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined
	if (!point) return null
	return (
		<div className="rounded-md bg-white px-2.5 py-1.5 text-xs text-slate-900 shadow-md ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-700">
			<p className="font-medium">{formatFullDay(new Date(point.at))}</p>
			<p>
				{point.provisional ? (
					<>≈{Math.round(point.rating)}, provisional</>
				) : (
					<>
						{Math.round(point.rating)} (<RatingDelta delta={point.delta} />)
					</>
				)}{' '}
				· {point.solved ? 'solved' : 'not solved'}
			</p>
			{point.exercise ? <p className="max-w-56 text-slate-600 dark:text-slate-300">{point.exercise}</p> : null}
		</div>
	)
}

export function ProfileRatingCharts({ topics, now }: { topics: TopicRatingHistory[]; now: string }) {
	const played = topics.filter((topic) => topic.history.length > 0)
	if (played.length === 0) return null
	const end = new Date(now).getTime()
	const start = Math.min(...played.map((topic) => new Date(topic.history[0]!.at).getTime()), end - MONTH_MS)
	const xTicks = monthTicks(start, end)
	const y = ratingScale(played)
	return (
		<div>
			<p className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
				<span className="inline-flex items-center gap-1.5">
					<svg aria-hidden="true" width="10" height="10" className="fill-brand-600 stroke-brand-600 dark:fill-brand-100 dark:stroke-brand-100">
						<circle cx="5" cy="5" r="3.5" strokeWidth="1.5" />
					</svg>
					solved
				</span>
				<span className="inline-flex items-center gap-1.5">
					<svg aria-hidden="true" width="10" height="10" className="fill-white stroke-red-600 dark:fill-slate-900 dark:stroke-red-400">
						<circle cx="5" cy="5" r="3.5" strokeWidth="1.5" />
					</svg>
					not solved (given up)
				</span>
				<span>
					Every chart shares one scale, {y.domain[0]}–{y.domain[1]}.
				</span>
			</p>
			<ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
				{played.map((topic) => {
					const data: Point[] = topic.history.map((point, index) => ({
						at: new Date(point.at).getTime(),
						rating: point.rating,
						delta: point.delta,
						// Every rating starts provisional; after that, the deviation the previous attempt left.
						provisional: index === 0 || isProvisional(topic.history[index - 1]!.rd),
						solved: point.solved,
						exercise: point.exercise?.title ?? null,
					}))
					return (
						<li key={topic.id} className="rounded-md p-3 ring-1 ring-slate-200 dark:ring-slate-800">
							<div className="flex items-baseline justify-between gap-2">
								<h3 className="text-sm font-semibold">{topic.label}</h3>
								<span className="text-sm font-semibold tabular-nums">{formatSkillRating(topic)}</span>
							</div>
							<p className="text-xs text-slate-600 dark:text-slate-400">
								{topic.games} rated {topic.games === 1 ? 'attempt' : 'attempts'}
								{topic.last90.games
									? isProvisional(topic.rd)
										? ` · ${topic.last90.games} in the last 90 days`
										: ` · ${formatSigned(topic.last90.delta)} in the last 90 days`
									: ' · none in the last 90 days'}
							</p>
							<p className="sr-only">{describe(topic)}</p>
							<div className="mt-2 text-slate-600 dark:text-slate-400 [&_.recharts-cartesian-axis-tick-value]:fill-slate-600 dark:[&_.recharts-cartesian-axis-tick-value]:fill-slate-400 [&_.recharts-cartesian-grid_line]:stroke-slate-200 dark:[&_.recharts-cartesian-grid_line]:stroke-slate-800 [&_.recharts-line-curve]:stroke-brand-600 dark:[&_.recharts-line-curve]:stroke-brand-100">
								<LineChart
									data={data}
									responsive
									style={{ width: '100%', height: 130 }}
									margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
									title={`${topic.label} rating over time`}
									desc={describe(topic)}
								>
									<CartesianGrid vertical={false} />
									<XAxis
										dataKey="at"
										type="number"
										scale="time"
										domain={[start, end]}
										ticks={xTicks}
										tickFormatter={(value: number) => formatMonthName(new Date(value))}
										tick={{ fontSize: 11 }}
										tickLine={false}
										axisLine={false}
									/>
									<YAxis domain={y.domain} ticks={y.ticks} width={36} tick={{ fontSize: 11 }} tickLine={false} axisLine={false} />
									<Tooltip content={RatingTooltip} isAnimationActive={false} />
									<Line type="linear" dataKey="rating" name="Rating" strokeWidth={2} dot={RatingDot} activeDot={{ r: 5 }} isAnimationActive={false} />
								</LineChart>
							</div>
						</li>
					)
				})}
			</ul>
		</div>
	)
}
