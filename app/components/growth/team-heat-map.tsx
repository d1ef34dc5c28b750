// The team's members × topics heat-map of skill ratings. Every cell carries its number, its
// uncertainty and its trend in text; the colour only repeats what the number says.
import { Link } from 'react-router'
import { cn } from '#app/components/ui/cn.ts'
import { MIN_SAMPLE } from '#app/growth/metrics.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { formatSkillRating, isProvisional, PROVISIONAL_RD } from '#app/growth/rating-display.ts'

export type RatingTrendView = { delta: number; games: number }

export type HeatMapTopic = { id: string; label: string; members: number; meanRating: number; trend: RatingTrendView }

export type HeatMapMember = {
	id: string
	name: string
	ratings: Record<string, { rating: number; rd: number; games: number; trend: RatingTrendView }>
}

/** A rating that moved less than this over the window is steady: Glicko-2 wobbles by a few points game to game. */
const STEADY_WITHIN = 10

// One step per hundred points around the 1500 everyone starts at. Light: darker is higher;
// dark: brighter is higher. Each pairs its text colour for at least 4.5:1 contrast.
const SCALE = [
	{ below: 1200, label: 'under 1200', className: 'bg-indigo-50 text-indigo-950 dark:bg-indigo-950 dark:text-indigo-50' },
	{ below: 1300, label: '1200–1299', className: 'bg-indigo-100 text-indigo-950 dark:bg-indigo-900 dark:text-indigo-50' },
	{ below: 1400, label: '1300–1399', className: 'bg-indigo-200 text-indigo-950 dark:bg-indigo-800 dark:text-white' },
	{ below: 1500, label: '1400–1499', className: 'bg-indigo-300 text-indigo-950 dark:bg-indigo-700 dark:text-white' },
	{ below: 1600, label: '1500–1599', className: 'bg-indigo-400 text-indigo-950 dark:bg-indigo-600 dark:text-white' },
	{ below: 1700, label: '1600–1699', className: 'bg-indigo-600 text-white dark:bg-indigo-400 dark:text-indigo-950' },
	{ below: 1800, label: '1700–1799', className: 'bg-indigo-700 text-white dark:bg-indigo-300 dark:text-indigo-950' },
	{ below: Infinity, label: '1800 and up', className: 'bg-indigo-900 text-white dark:bg-indigo-200 dark:text-indigo-950' },
] as const

function scaleClass(rating: number) {
	return SCALE.find((step) => rating < step.below)!.className
}

/** The arrow and the words for a rating's movement over the window. */
function describeTrend(trend: RatingTrendView, days: number) {
	const delta = Math.round(trend.delta)
	if (trend.games === 0) return { symbol: '·', shown: '', text: `no rated attempts in ${days} days` }
	if (delta >= STEADY_WITHIN) return { symbol: '↑', shown: String(delta), text: `up ${delta} in ${days} days` }
	if (delta <= -STEADY_WITHIN) return { symbol: '↓', shown: String(-delta), text: `down ${-delta} in ${days} days` }
	return { symbol: '→', shown: '', text: `steady in ${days} days (${delta >= 0 ? '+' : '−'}${Math.abs(delta)})` }
}

function Trend({ trend, days }: { trend: RatingTrendView; days: number }) {
	const { symbol, shown, text } = describeTrend(trend, days)
	return (
		<span className="text-[11px] font-medium whitespace-nowrap tabular-nums">
			<span aria-hidden="true">
				{symbol}
				{shown}
			</span>
			<span className="sr-only">{text}</span>
		</span>
	)
}

/** A coloured tile: the rating, its trend, and a small detail line that `spoken` says in words. */
function RatingTile({
	rating,
	approximate = false,
	detail,
	spoken,
	trend,
	days,
}: {
	rating: number
	/** A provisional rating: shown as "≈1530". */
	approximate?: boolean
	detail: string
	spoken: string
	trend: RatingTrendView
	days: number
}) {
	return (
		<div className={cn('mx-auto flex max-w-20 min-w-[3.25rem] flex-col items-center rounded-md px-1 py-1 leading-tight', scaleClass(rating))}>
			<span className="text-sm font-semibold tabular-nums">
				{approximate ? <span aria-hidden="true">≈</span> : null}
				{rating}
			</span>
			{/* A provisional rating's movement is mostly its first attempts settling it, not skill: not shown as points. */}
			{approximate ? null : <Trend trend={trend} days={days} />}
			<span className="text-[11px] whitespace-nowrap tabular-nums" aria-hidden="true">
				{detail}
			</span>
			<span className="sr-only">{spoken}</span>
		</div>
	)
}

/**
 * Long words get a soft hyphen in the middle ("Concur-rency"), so narrow columns wrap a label
 * instead of overlapping the next one; browsers show the hyphen only where they break.
 */
function breakable(label: string) {
	return label.replace(/\p{L}{10,}/gu, (word) => `${word.slice(0, Math.ceil(word.length / 2))}\u00AD${word.slice(Math.ceil(word.length / 2))}`)
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`

export function TeamHeatMap({ teamName, topics, members, days }: { teamName: string; topics: HeatMapTopic[]; members: HeatMapMember[]; days: number }) {
	return (
		<div>
			<div className="overflow-x-auto">
				<table className="w-full min-w-max table-fixed border-separate border-spacing-1 text-sm lg:min-w-0">
					<caption className="sr-only">
						Skill ratings of {teamName}’s learners by topic, with how each moved in the last {days} days
					</caption>
					<thead>
						<tr>
							<th scope="col" className="w-28 px-2 py-1 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
								Member
							</th>
							{topics.map((topic) => (
								<th
									key={topic.id}
									scope="col"
									className="px-0.5 py-1 text-center align-bottom text-[11px] leading-tight font-semibold tracking-tight text-slate-700 dark:text-slate-300"
								>
									{breakable(topic.label)}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{members.map((member) => (
							<tr key={member.id}>
								<th scope="row" className="px-2 py-1 text-left leading-snug font-medium">
									<Link to={`/people/${member.id}`} className={linkClass}>
										{member.name}
									</Link>
								</th>
								{topics.map((topic) => {
									const skill = member.ratings[topic.id]
									if (!skill) {
										return (
											<td key={topic.id} className="rounded-md px-1 py-1 text-center ring-1 ring-slate-200 ring-inset dark:ring-slate-800">
												<span className="sr-only">Not rated yet</span>
											</td>
										)
									}
									const provisional = isProvisional(skill.rd)
									const trend = provisional ? { text: 'its movement is shown once it settles' } : describeTrend(skill.trend, days)
									return (
										<td
											key={topic.id}
											className="p-0"
											title={`${member.name}, ${topic.label}: ${formatSkillRating(skill)} after ${plural(skill.games, 'rated attempt')}; ${trend.text}`}
										>
											<RatingTile
												rating={skill.rating}
												detail={provisional ? 'provisional' : `±${skill.rd}`}
												approximate={provisional}
												spoken={`${provisional ? ', provisional' : `, give or take ${skill.rd}`}, after ${plural(skill.games, 'rated attempt')}`}
												trend={skill.trend}
												days={days}
											/>
										</td>
									)
								})}
							</tr>
						))}
					</tbody>
					<tfoot>
						<tr>
							<th scope="row" className="border-t border-slate-200 px-2 pt-2 pb-1 text-left text-sm font-semibold whitespace-nowrap dark:border-slate-800">
								Team mean
							</th>
							{topics.map((topic) =>
								topic.members >= MIN_SAMPLE ? (
									<td
										key={topic.id}
										className="border-t border-slate-200 px-0 pt-2 pb-0 dark:border-slate-800"
										title={`${teamName}, ${topic.label}: mean of ${topic.members} members’ ratings; ${describeTrend(topic.trend, days).text} on average`}
									>
										<RatingTile
											rating={topic.meanRating}
											detail={`${topic.members} rated`}
											spoken={`, the mean of ${topic.members} members`}
											trend={topic.trend}
											days={days}
										/>
									</td>
								) : (
									<td
										key={topic.id}
										className="border-t border-slate-200 px-1 pt-2 pb-1 text-center text-[11px] leading-tight text-slate-600 dark:border-slate-800 dark:text-slate-400"
									>
										{topic.members} rated
										<span className="block">too few</span>
									</td>
								),
							)}
						</tr>
					</tfoot>
				</table>
			</div>
			<HeatMapLegend days={days} />
		</div>
	)
}

function HeatMapLegend({ days }: { days: number }) {
	return (
		<div className="mt-4 space-y-2 text-xs text-slate-700 dark:text-slate-300">
			<div className="flex flex-wrap items-center gap-1.5">
				<span className="mr-1 font-medium">Rating:</span>
				{SCALE.map((step) => (
					<span key={step.label} className={cn('rounded px-1.5 py-0.5 tabular-nums', step.className)}>
						{step.label}
					</span>
				))}
			</div>
			<p>
				Everyone starts at 1500; exercise difficulties use the same scale. <span aria-hidden="true">±</span>
				<span className="sr-only">Plus or minus</span> is how unsure the rating still is — it shrinks with every rated attempt; “provisional” means it is still
				too unsure (± {PROVISIONAL_RD} or more) to compare, so its movement is not shown: its first attempts are settling it, not measuring growth. ↑ up and ↓
				down by the points shown over the last {days} days, → moved less than {STEADY_WITHIN} points, · no rated attempt in that time. An empty cell: nothing
				rated in that topic yet. The team mean needs at least {MIN_SAMPLE} rated members.
			</p>
		</div>
	)
}
