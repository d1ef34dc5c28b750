// The workspace's resizable panes (react-resizable-panels v4): a group that restores the
// learner's saved sizes and saves each change, separators that are keyboard-operable and
// named, and the rail a collapsed side pane shrinks to. The saved sizes reach the page before
// it paints (layoutRestoreScript), so a restored layout never jumps; see ADR 021.
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react'
import { Group, Separator, useGroupRef, type PanelImperativeHandle } from 'react-resizable-panels'
import { cn } from '#app/components/ui/cn.ts'
import type { PaneLayout } from './workspace-layout.ts'

/** The id of the style element the pre-paint script adds; removed once the panel library holds the same sizes. */
export const RESTORED_LAYOUT_STYLE_ID = 'workspace-restored-layout'

/** Width (or height) of a collapsed pane: room for its expand button and name. */
export const COLLAPSED_SIZE = '2.25rem'

export function PersistentGroup({
	id,
	orientation,
	saved,
	readSaved,
	onSave,
	className,
	children,
}: {
	id: string
	orientation: 'horizontal' | 'vertical'
	/** The saved layout as rendered (null on the server and while hydrating), the mount's default. */
	saved: PaneLayout | null
	/** The saved layout read directly from storage, applied once mounted in the browser. */
	readSaved(): PaneLayout | null
	onSave(layout: PaneLayout): void
	className?: string
	children: ReactNode
}) {
	const groupRef = useGroupRef()
	const restored = useRef(false)
	const latest = useRef({ readSaved, onSave })
	useLayoutEffect(() => {
		latest.current = { readSaved, onSave }
	})
	useLayoutEffect(() => {
		const layout = latest.current.readSaved()
		if (layout) groupRef.current?.setLayout(layout)
		restored.current = true
		// Layout effects settle before the browser paints; the next frame the library's own sizes are on screen.
		const frame = requestAnimationFrame(() => document.getElementById(RESTORED_LAYOUT_STYLE_ID)?.remove())
		return () => cancelAnimationFrame(frame)
	}, [groupRef])
	return (
		<Group
			id={id}
			orientation={orientation}
			groupRef={groupRef}
			defaultLayout={saved ?? undefined}
			onLayoutChanged={(layout, meta) => {
				// Sizes before constraints for this window: a smaller window does not overwrite the learner's choice.
				if (restored.current) latest.current.onSave(meta.requestedLayout ?? layout)
			}}
			className={className}
		>
			{children}
		</Group>
	)
}

export function PaneSeparator({ label, orientation }: { label: string; orientation: 'horizontal' | 'vertical' }) {
	return (
		<Separator
			aria-label={label}
			title={`${label} (drag, or focus and use the arrow keys)`}
			className={cn(
				'relative shrink-0 bg-slate-200 outline-none transition-colors dark:bg-slate-800',
				'hover:bg-brand-400 focus-visible:bg-brand-600 data-[separator=active]:bg-brand-600 data-[separator=focus]:bg-brand-600',
				orientation === 'horizontal' ? 'w-1 cursor-col-resize' : 'h-1 cursor-row-resize',
			)}
		/>
	)
}

/**
 * A side pane that can shrink to a rail: the pane's content, and the rail with its expand
 * button, swapped by a container query on the pane's width, so the right one shows before
 * hydration too.
 */
export function CollapsiblePane({
	name,
	side,
	panelRef,
	expandRef,
	children,
}: {
	/** What the pane holds, e.g. "brief and files": the expand button says "Expand brief and files". */
	name: string
	side: 'left' | 'right'
	panelRef: RefObject<PanelImperativeHandle | null>
	expandRef: RefObject<HTMLButtonElement | null>
	children: ReactNode
}) {
	const paneRef = useRef<HTMLDivElement>(null)
	return (
		<div className="@container relative h-full overflow-hidden">
			<div className="hidden h-full flex-col items-center gap-3 bg-white py-2 @max-[4rem]:flex dark:bg-slate-900">
				<button
					ref={expandRef}
					type="button"
					aria-label={`Expand ${name}`}
					title={`Expand ${name}`}
					onClick={() => {
						panelRef.current?.expand()
						// The rail hides with its button: keep the keyboard in the pane just opened.
						requestAnimationFrame(() => paneRef.current?.querySelector<HTMLElement>('[role="tab"][tabindex="0"], button')?.focus())
					}}
					className="rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
				>
					<Chevron direction={side === 'left' ? 'right' : 'left'} />
				</button>
				<span aria-hidden="true" className="text-xs font-semibold tracking-wide text-slate-600 uppercase [writing-mode:vertical-rl] dark:text-slate-400">
					{name}
				</span>
			</div>
			<div ref={paneRef} className="flex h-full min-h-0 flex-col @max-[4rem]:hidden">
				{children}
			</div>
		</div>
	)
}

/** The button in a pane's header that shrinks it to its rail, then puts focus on the rail's expand button. */
export function CollapseButton({
	name,
	side,
	panelRef,
	expandRef,
}: {
	name: string
	side: 'left' | 'right' | 'down'
	panelRef: RefObject<PanelImperativeHandle | null>
	expandRef?: RefObject<HTMLButtonElement | null>
}) {
	return (
		<button
			type="button"
			aria-label={`Collapse ${name}`}
			title={`Collapse ${name}`}
			onClick={() => {
				panelRef.current?.collapse()
				requestAnimationFrame(() => expandRef?.current?.focus())
			}}
			className="shrink-0 px-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
		>
			<Chevron direction={side} />
		</button>
	)
}

export function Chevron({ direction }: { direction: 'left' | 'right' | 'up' | 'down' }) {
	const rotate = { left: 'rotate-0', right: 'rotate-180', up: 'rotate-90', down: '-rotate-90' }[direction]
	return (
		<svg aria-hidden="true" viewBox="0 0 16 16" className={cn('size-4 fill-none stroke-current stroke-2', rotate)}>
			<path d="M10 3 5 8l5 5" />
		</svg>
	)
}
