// Where a page sits, as a trail of links ending in the page itself (which is not a link).
import { Fragment, type ReactNode } from 'react'
import { Link } from 'react-router'
import { cn } from './cn.ts'
import { linkClass } from './link-style.ts'

/** One step of the trail; without `to` it is shown as plain text (the page itself, or a page that cannot be opened). */
export type Crumb = { label: ReactNode; to?: string }

export function Breadcrumbs({ trail, className }: { trail: Crumb[]; className?: string }) {
	return (
		<nav aria-label="Breadcrumb" className={cn('text-sm', className)}>
			{trail.map((crumb, index) => (
				<Fragment key={index}>
					{index > 0 ? (
						<span aria-hidden="true" className="px-2 text-slate-400">
							/
						</span>
					) : null}
					{crumb.to ? (
						<Link to={crumb.to} className={linkClass}>
							{crumb.label}
						</Link>
					) : (
						<span className="text-slate-700 dark:text-slate-300">{crumb.label}</span>
					)}
				</Fragment>
			))}
		</nav>
	)
}
