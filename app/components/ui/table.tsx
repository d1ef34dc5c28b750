import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react'
import { cn } from './cn.ts'

export function Table({ caption, className, children, ...props }: HTMLAttributes<HTMLTableElement> & { caption: string }) {
	return (
		<div className="overflow-x-auto">
			<table className={cn('min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800', className)} {...props}>
				<caption className="sr-only">{caption}</caption>
				{children}
			</table>
		</div>
	)
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
	return (
		<th
			scope="col"
			className={cn('px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400', className)}
			{...props}
		/>
	)
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
	return <td className={cn('px-3 py-2.5 align-middle text-slate-800 dark:text-slate-200', className)} {...props} />
}
