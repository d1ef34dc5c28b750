import type { HTMLAttributes, ReactNode } from 'react'
import { cn } from './cn.ts'

// min-w-0: in a grid or flex row a card may shrink below its content's width, so a wide table
// scrolls inside the card instead of stretching the page.
export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
	return (
		<section className={cn('min-w-0 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800', className)} {...props} />
	)
}

// The description may hold blocks (a progress bar), so it sits in a div: a block inside a <p> is
// invalid HTML the browser rearranges, and the page then fails to hydrate.
export function CardHeader({
	title,
	description,
	actions,
	level = 2,
	id,
}: {
	title: ReactNode
	description?: ReactNode
	actions?: ReactNode
	/** The heading's level: 3 for cards under a section that has its own h2. */
	level?: 2 | 3
	/** For aria-labelledby on the card. */
	id?: string
}) {
	const Heading = level === 3 ? 'h3' : 'h2'
	return (
		<div className="mb-4 flex flex-wrap items-start justify-between gap-3">
			<div>
				<Heading id={id} className="text-base font-semibold text-slate-900 dark:text-slate-100">
					{title}
				</Heading>
				{description ? <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</div> : null}
			</div>
			{actions}
		</div>
	)
}
