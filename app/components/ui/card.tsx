import type { HTMLAttributes, ReactNode } from 'react'
import { cn } from './cn.ts'

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
	return <section className={cn('rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800', className)} {...props} />
}

// The description may hold blocks (a progress bar), so it sits in a div: a block inside a <p> is
// invalid HTML the browser rearranges, and the page then fails to hydrate.
export function CardHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
	return (
		<div className="mb-4 flex flex-wrap items-start justify-between gap-3">
			<div>
				<h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
				{description ? <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</div> : null}
			</div>
			{actions}
		</div>
	)
}
