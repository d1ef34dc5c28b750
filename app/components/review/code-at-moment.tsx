// The code as it was at the replay's moment: a tab per file (changed files marked), lines
// changed since the starter highlighted, the last diagnosis's lines marked, and line numbers
// to anchor a comment to.
import { useEffect, useMemo, useRef } from 'react'
import { cn } from '#app/components/ui/cn.ts'
import { changedLines } from '#app/reviews/review-view.ts'

export type SelectedLine = { file: string; line: number }

export function CodeAtMoment({
	paths,
	code,
	starter,
	activePath,
	onActivePath,
	diagnosis,
	selectedLine,
	onSelectLine,
}: {
	paths: string[]
	code: Record<string, string>
	starter: Record<string, string>
	activePath: string
	onActivePath(path: string): void
	/** The lines the last submission picked, when it picked them in this file. */
	diagnosis: { file: string; startLine: number; endLine: number } | null
	selectedLine: SelectedLine | null
	onSelectLine(line: SelectedLine | null): void
}) {
	return (
		<section
			aria-label="Code at this moment"
			className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
		>
			<div role="tablist" aria-label="Files" className="flex flex-wrap border-b border-slate-200 dark:border-slate-800">
				{paths.map((path) => (
					<button
						key={path}
						type="button"
						role="tab"
						aria-selected={path === activePath}
						onClick={() => onActivePath(path)}
						className={cn(
							'border-b-2 px-3 py-2 font-mono text-xs',
							path === activePath
								? 'border-brand-600 text-brand-700 dark:text-brand-100'
								: 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
						)}
					>
						{path.replace(/^src\//, '')}
						{code[path] !== starter[path] ? (
							<span className="ml-1 text-amber-600" title="Changed from the starter">
								●
							</span>
						) : null}
					</button>
				))}
			</div>
			<CodeView
				path={activePath}
				text={code[activePath] ?? ''}
				starter={starter[activePath] ?? ''}
				diagnosis={diagnosis && diagnosis.file === activePath ? diagnosis : null}
				selectedLine={selectedLine?.file === activePath ? selectedLine.line : null}
				onSelectLine={(line) => onSelectLine(line === null ? null : { file: activePath, line })}
			/>
		</section>
	)
}

/** The code of one file with line numbers; lines that differ from the starter are marked. */
function CodeView({
	path,
	text,
	starter,
	diagnosis,
	selectedLine,
	onSelectLine,
}: {
	path: string
	text: string
	starter: string
	diagnosis: { startLine: number; endLine: number } | null
	selectedLine: number | null
	onSelectLine(line: number | null): void
}) {
	const changed = useMemo(() => changedLines(starter, text), [starter, text])
	const lines = text.split('\n')
	const container = useRef<HTMLDivElement>(null)
	// Keep the interesting part in view: the selected line, else the first change from the starter.
	const focusLine = selectedLine ?? (changed.size ? Math.min(...changed) : (diagnosis?.startLine ?? null))
	useEffect(() => {
		const box = container.current
		const row = focusLine ? box?.querySelector<HTMLElement>(`[data-line="${focusLine}"]`) : null
		if (box && row && (row.offsetTop < box.scrollTop || row.offsetTop > box.scrollTop + box.clientHeight - 40))
			box.scrollTop = Math.max(0, row.offsetTop - box.clientHeight / 3)
	}, [path, focusLine])
	return (
		<div ref={container} className="relative max-h-[28rem] overflow-auto font-mono text-xs leading-5" tabIndex={0} aria-label={`Code of ${path}`}>
			<table className="w-full border-collapse">
				<caption className="sr-only">{path}; select a line number to anchor a comment to it</caption>
				<tbody>
					{lines.map((line, index) => {
						const number = index + 1
						const inDiagnosis = diagnosis && number >= diagnosis.startLine && number <= diagnosis.endLine
						return (
							<tr
								key={index}
								data-line={number}
								className={cn(
									changed.has(number) && 'bg-amber-50 dark:bg-amber-950/40',
									selectedLine === number && 'bg-brand-50 ring-1 ring-brand-500 ring-inset dark:bg-slate-800',
								)}
							>
								<td
									className={cn('w-1 p-0', inDiagnosis && 'bg-emerald-600')}
									title={inDiagnosis ? 'Lines picked as the root cause in the last submission' : undefined}
								/>
								<td className="w-12 pr-2 text-right align-top select-none">
									<button
										type="button"
										onClick={() => onSelectLine(selectedLine === number ? null : number)}
										className="w-full text-right text-slate-500 hover:text-brand-700 dark:text-slate-400"
										aria-label={`Line ${number}${selectedLine === number ? ', selected' : ''}`}
										aria-pressed={selectedLine === number}
									>
										{number}
									</button>
								</td>
								<td className="pr-4 break-all whitespace-pre-wrap text-slate-900 dark:text-slate-100">{line || ' '}</td>
							</tr>
						)
					})}
				</tbody>
			</table>
		</div>
	)
}
