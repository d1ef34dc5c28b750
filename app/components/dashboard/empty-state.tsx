import type { ReactNode } from 'react'

export const mutedClass = 'text-sm text-slate-700 dark:text-slate-300'

/** What an empty list says: what would be here, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
	return (
		<div className="rounded-md border border-dashed border-slate-300 p-6 text-center dark:border-slate-700">
			<p className="font-medium">{title}</p>
			<div className={`mt-1 ${mutedClass}`}>{children}</div>
		</div>
	)
}
