// The replay's controls and timeline: play, speed, stepping between marks, the position slider
// with the marks under it, and the list of marks to jump to.
import type { ReplayMark } from '#app/attempts/replay.ts'
import { Button } from '#app/components/ui/button.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { Select } from '#app/components/ui/input.tsx'
import { SPEEDS, type ReplayClock, type ReplaySpeed } from './use-replay.ts'
import { formatClock } from '#app/utils/time-format.ts'

const MARK_STYLE: Record<ReplayMark['kind'], { dot: string; label: string }> = {
	run: { dot: 'bg-brand-600', label: 'Run' },
	journal: { dot: 'bg-violet-600', label: 'Journal' },
	hint: { dot: 'bg-amber-500', label: 'Hint' },
	paste: { dot: 'bg-red-600', label: 'Paste' },
	insertion: { dot: 'bg-orange-500', label: 'Insertion' },
	away: { dot: 'bg-slate-500', label: 'Away' },
	submission: { dot: 'bg-emerald-600', label: 'Submission' },
	'gave-up': { dot: 'bg-slate-800 dark:bg-slate-200', label: 'Gave up' },
}

export function ReplayControls({ clock, currentRunMark }: { clock: ReplayClock; currentRunMark: ReplayMark | null }) {
	const { replay, offset, playing, speed } = clock
	return (
		<section aria-label="Replay" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
			<div className="flex flex-wrap items-center gap-3">
				<Button variant="secondary" onClick={clock.togglePlay} aria-pressed={playing}>
					{playing ? 'Pause' : 'Play'}
				</Button>
				<label className="flex items-center gap-2 text-sm">
					<span>Speed</span>
					<Select value={speed} onChange={(event) => clock.setSpeed(Number(event.currentTarget.value) as ReplaySpeed)} className="w-20 py-1">
						{SPEEDS.map((value) => (
							<option key={value} value={value}>
								{value}×
							</option>
						))}
					</Select>
				</label>
				<Button variant="ghost" onClick={() => clock.step(-1)} disabled={!replay.marks.some((mark) => mark.offsetMs < offset)}>
					← Previous mark
				</Button>
				<Button variant="ghost" onClick={() => clock.step(1)} disabled={!replay.marks.some((mark) => mark.offsetMs > offset)}>
					Next mark →
				</Button>
				<span className="ml-auto font-mono text-sm tabular-nums" aria-live="off">
					{formatClock(offset)} / {formatClock(replay.durationMs)}
				</span>
			</div>
			<div className="relative mt-4">
				<label htmlFor="replay-position" className="sr-only">
					Replay position
				</label>
				<input
					id="replay-position"
					type="range"
					min={0}
					max={replay.durationMs}
					step={1000}
					value={offset}
					onChange={(event) => clock.scrub(Number(event.currentTarget.value))}
					aria-valuetext={`${formatClock(offset)} of ${formatClock(replay.durationMs)}`}
					className="w-full accent-brand-600"
				/>
				<div className="relative mt-1 h-4" aria-hidden="true">
					{replay.marks.map((mark) => (
						<span
							key={mark.position}
							title={`${formatClock(mark.offsetMs)} ${mark.label}`}
							className={cn('absolute top-0 h-3 w-1 -translate-x-1/2 rounded-sm', MARK_STYLE[mark.kind].dot, mark.offsetMs > offset && 'opacity-40')}
							style={{ left: `${replay.durationMs ? (mark.offsetMs / replay.durationMs) * 100 : 0}%` }}
						/>
					))}
				</div>
			</div>
			<ol aria-label="Timeline" className="mt-2 max-h-44 space-y-0.5 overflow-y-auto text-sm" tabIndex={0}>
				{replay.marks.length === 0 ? (
					<li className="text-slate-600 dark:text-slate-400">Nothing was recorded on this attempt’s timeline besides its start.</li>
				) : null}
				{replay.marks.map((mark) => {
					const current =
						currentRunMark?.position === mark.position ||
						(mark.offsetMs <= offset && replay.marks.find((m) => m.offsetMs > mark.offsetMs && m.offsetMs <= offset) === undefined)
					return (
						<li key={mark.position}>
							<button
								type="button"
								onClick={() => clock.jumpTo(mark)}
								className={cn(
									'flex w-full items-center gap-2 rounded px-2 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800',
									mark.offsetMs > offset && 'text-slate-500 dark:text-slate-400',
									current && 'bg-brand-50 dark:bg-slate-800',
								)}
							>
								<span aria-hidden="true" className={cn('size-2 shrink-0 rounded-full', MARK_STYLE[mark.kind].dot)} />
								<span className="w-14 shrink-0 font-mono text-xs tabular-nums">{formatClock(mark.offsetMs)}</span>
								<span className="min-w-0 truncate">{mark.label}</span>
							</button>
						</li>
					)
				})}
			</ol>
		</section>
	)
}
