import { useEffect, useRef, useState, type HTMLAttributes, type RefObject, type TdHTMLAttributes, type ThHTMLAttributes } from 'react'
import { cn } from './cn.ts'

/**
 * A table that scrolls sideways inside its card when it is wider than the card (cards are
 * min-w-0). While it does, the scrolling region is a named tab stop, so it scrolls from the
 * keyboard too; a table that fits adds no tab stop.
 */
export function Table({ caption, className, children, ...props }: HTMLAttributes<HTMLTableElement> & { caption: string }) {
	const scroller = useRef<HTMLDivElement>(null)
	const scrollable = useOverflowsSideways(scroller)
	return (
		<div
			ref={scroller}
			className="max-w-full overflow-x-auto"
			{...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': `${caption} (scrolls sideways)` } : {})}
		>
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

function useOverflowsSideways(ref: RefObject<HTMLElement | null>) {
	const [overflows, setOverflows] = useState(false)
	useEffect(() => {
		const element = ref.current
		if (!element || typeof ResizeObserver === 'undefined') return
		const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1)
		const observer = new ResizeObserver(measure)
		observer.observe(element)
		if (element.firstElementChild) observer.observe(element.firstElementChild)
		measure()
		return () => observer.disconnect()
	}, [ref])
	return overflows
}
