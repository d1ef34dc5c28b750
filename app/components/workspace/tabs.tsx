// The workspace's tab strips (brief/files on the left, the panels on the right).
import { cn } from '#app/components/ui/cn.ts'

export function Tabs<T extends string>({
	label,
	value,
	onChange,
	tabs,
}: {
	label: string
	value: T
	onChange(value: T): void
	tabs: Array<{ id: T; label: string }>
}) {
	return (
		<div role="tablist" aria-label={label} className="flex border-b border-slate-200 dark:border-slate-800">
			{tabs.map((tab) => (
				<button
					key={tab.id}
					type="button"
					role="tab"
					aria-selected={value === tab.id}
					onClick={() => onChange(tab.id)}
					className={cn(
						'flex-1 border-b-2 px-2 py-2 text-xs font-semibold',
						value === tab.id
							? 'border-brand-600 text-brand-700 dark:text-brand-100'
							: 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
					)}
				>
					{tab.label}
				</button>
			))}
		</div>
	)
}
