// The one "Teams" item of the main navigation: a button that shows the current team (on a
// team's pages) and discloses the teams the user runs. A disclosure of links rather than an
// ARIA menu, as navigation should be: Tab and Shift+Tab move through it, the arrow keys, Home
// and End too, Escape closes it and returns to the button, and leaving it closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Link, useLocation } from 'react-router'
import { cn } from './ui/cn.ts'

export type SwitcherTeam = { id: string; name: string }

export function TeamSwitcher({
	teams,
	currentTeamId,
	itemClass,
}: {
	teams: SwitcherTeam[]
	currentTeamId: string | null
	itemClass: (active: boolean) => string
}) {
	const location = useLocation()
	// Open on the page it was opened on: choosing a team navigates, and that closes it.
	const [openOn, setOpenOn] = useState<string | null>(null)
	const open = openOn === location.pathname
	const setOpen = (value: boolean) => setOpenOn(value ? location.pathname : null)
	const root = useRef<HTMLDivElement>(null)
	const button = useRef<HTMLButtonElement>(null)
	const listId = useId()
	const current = teams.find((team) => team.id === currentTeamId) ?? null

	useEffect(() => {
		if (!open) return
		const closeOutside = (event: PointerEvent) => {
			if (root.current && !root.current.contains(event.target as Node)) setOpenOn(null)
		}
		document.addEventListener('pointerdown', closeOutside)
		return () => document.removeEventListener('pointerdown', closeOutside)
	}, [open])

	const links = () => [...(root.current?.querySelectorAll<HTMLAnchorElement>('[data-team-link]') ?? [])]
	const focusLink = (index: number) => {
		const all = links()
		all[(index + all.length) % all.length]?.focus()
	}
	const openAndFocus = (index: number) => {
		setOpen(true)
		// The list renders on the next frame; focus lands once it is there.
		requestAnimationFrame(() => focusLink(index))
	}

	function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
		if (event.key === 'Escape' && open) {
			event.preventDefault()
			setOpen(false)
			button.current?.focus()
			return
		}
		const onButton = event.target === button.current
		const position = links().indexOf(event.target as HTMLAnchorElement)
		if (event.key === 'ArrowDown') {
			event.preventDefault()
			if (onButton) openAndFocus(0)
			else focusLink(position + 1)
		} else if (event.key === 'ArrowUp') {
			event.preventDefault()
			if (onButton) openAndFocus(-1)
			else focusLink(position - 1)
		} else if (!onButton && event.key === 'Home') {
			event.preventDefault()
			focusLink(0)
		} else if (!onButton && event.key === 'End') {
			event.preventDefault()
			focusLink(-1)
		}
	}

	return (
		<div
			ref={root}
			className="relative"
			onKeyDown={onKeyDown}
			onBlur={(event) => {
				if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false)
			}}
		>
			<button
				ref={button}
				type="button"
				aria-expanded={open}
				aria-controls={listId}
				aria-label={current ? `Team: ${current.name}` : undefined}
				onClick={() => setOpen(!open)}
				className={cn(itemClass(current !== null), 'inline-flex items-center gap-1.5')}
			>
				{current ? (
					<>
						<span>Team:</span>
						<span className="max-w-36 truncate">{current.name}</span>
					</>
				) : (
					'Teams'
				)}
				<svg aria-hidden="true" viewBox="0 0 12 12" className={cn('size-3 transition-transform', open && 'rotate-180')}>
					<path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
				</svg>
			</button>
			<div
				id={listId}
				hidden={!open}
				className="absolute top-full left-0 z-40 mt-1 w-64 rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
			>
				<p className="px-3 pt-1.5 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
					{teams.length === 1 ? 'The team you run' : 'Switch team'}
				</p>
				<ul>
					{teams.map((team) => {
						const isCurrent = team.id === currentTeamId
						return (
							<li key={team.id}>
								<Link
									to={`/teams/${team.id}`}
									data-team-link=""
									aria-current={isCurrent ? 'page' : undefined}
									className={cn(
										'flex items-center justify-between gap-2 px-3 py-2 text-sm focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600 dark:focus-visible:bg-slate-800',
										'hover:bg-slate-100 dark:hover:bg-slate-800',
										isCurrent ? 'font-semibold text-brand-700 dark:text-white' : 'text-slate-800 dark:text-slate-200',
									)}
								>
									<span className="truncate">{team.name}</span>
									{isCurrent ? (
										<span className="text-xs font-normal text-slate-600 dark:text-slate-400">
											<span aria-hidden="true">✓ </span>current
										</span>
									) : null}
								</Link>
							</li>
						)
					})}
				</ul>
			</div>
		</div>
	)
}
