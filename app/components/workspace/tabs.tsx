// The workspace's tab strips (brief/files on the left, the panels on the right) and the panel
// each one shows, wired together the ARIA tabs way: the selected tab controls a tabpanel that
// is labelled by it, arrow keys move between tabs (selecting as they go), Home and End jump.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { cn } from '#app/components/ui/cn.ts'

/** The ids that tie a tab strip to its panel; from useTabIds(), shared by <Tabs> and <TabPanel>. */
export type TabIds = { tab(id: string): string; panel(id: string): string }

export function useTabIds(): TabIds {
	const base = useId()
	return { tab: (id) => `${base}tab-${id}`, panel: (id) => `${base}panel-${id}` }
}

export function Tabs<T extends string>({
	ids,
	label,
	value,
	onChange,
	tabs,
	children,
}: {
	ids: TabIds
	label: string
	value: T
	onChange(value: T): void
	/** `note`: shown as a dot after the label and read out after it, e.g. "a hint is ready". */
	tabs: Array<{ id: T; label: string; note?: string | null }>
	/** Shown after the tabs, outside the tab list (e.g. a collapse button). */
	children?: ReactNode
}) {
	const listRef = useRef<HTMLDivElement>(null)
	const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
		const index = tabs.findIndex((tab) => tab.id === value)
		const target =
			event.key === 'ArrowRight'
				? (index + 1) % tabs.length
				: event.key === 'ArrowLeft'
					? (index - 1 + tabs.length) % tabs.length
					: event.key === 'Home'
						? 0
						: event.key === 'End'
							? tabs.length - 1
							: null
		if (target === null) return
		event.preventDefault()
		const next = tabs[target]!
		onChange(next.id)
		listRef.current?.querySelector<HTMLElement>(`[id="${CSS.escape(ids.tab(next.id))}"]`)?.focus()
	}
	return (
		<div className="flex shrink-0 items-stretch border-b border-slate-200 dark:border-slate-800">
			<div ref={listRef} role="tablist" aria-label={label} className="flex min-w-0 flex-1">
				{tabs.map((tab) => {
					const selected = value === tab.id
					return (
						<button
							key={tab.id}
							id={ids.tab(tab.id)}
							type="button"
							role="tab"
							aria-selected={selected}
							// Only the shown panel exists in the page, so only its tab points at it.
							aria-controls={selected ? ids.panel(tab.id) : undefined}
							tabIndex={selected ? 0 : -1}
							onClick={() => onChange(tab.id)}
							onKeyDown={onKeyDown}
							className={cn(
								'flex-1 border-b-2 px-1.5 py-2 text-xs leading-tight font-semibold',
								selected
									? 'border-brand-600 text-brand-700 dark:text-brand-100'
									: 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
							)}
						>
							{tab.label}
							{tab.note ? (
								<>
									<span aria-hidden="true" className="ml-1 text-amber-600 dark:text-amber-400">
										●
									</span>
									<span className="sr-only"> ({tab.note})</span>
								</>
							) : null}
						</button>
					)
				})}
			</div>
			{children}
		</div>
	)
}

/**
 * The selected tab's panel: focusable, so its content can be scrolled from the keyboard, and
 * positioned, so visually hidden labels far down it are clipped with it instead of making the
 * page itself taller.
 */
export function TabPanel({ ids, value, className, children }: { ids: TabIds; value: string; className?: string; children: ReactNode }) {
	return (
		<div role="tabpanel" id={ids.panel(value)} aria-labelledby={ids.tab(value)} tabIndex={0} className={cn('relative min-h-0 flex-1 overflow-auto', className)}>
			{children}
		</div>
	)
}
