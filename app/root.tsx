import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useFetcher, useLocation, useMatches, useRouteLoaderData } from 'react-router'
import { useSyncExternalStore } from 'react'
import type { Route } from './+types/root'
import stylesheet from './app.css?url'
import { listLedTeams } from './models/lead-overview.server.ts'
import { countUnread } from './models/notification.server.ts'
import { getOptionalUser } from './utils/auth.server.ts'
import { isLeadOrAdmin } from './utils/permissions.server.ts'
import { useNonce } from './utils/nonce-provider.tsx'
import { readCookie } from './utils/session.server.ts'
import { parseTheme, THEME_COOKIE, type Theme } from './utils/theme.ts'
import { cn } from './components/ui/cn.ts'
import { ErrorPage } from './components/error-page.tsx'
import { TeamSwitcher } from './components/team-switcher.tsx'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await getOptionalUser(request)
	return {
		theme: parseTheme(readCookie(request, THEME_COOKIE)),
		user: user
			? {
					id: user.id,
					name: user.name,
					orgRole: user.orgRole,
					organizationName: user.organizationName,
					// The teams in the switcher: the ones they lead, every team for an admin.
					ledTeams: await listLedTeams(user),
					reviewer: isLeadOrAdmin(user),
					unreadNotifications: await countUnread(user),
				}
			: null,
	}
}

export const links: Route.LinksFunction = () => [
	{ rel: 'stylesheet', href: stylesheet },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export function Layout({ children }: { children: React.ReactNode }) {
	const data = useRouteLoaderData<typeof loader>('root')
	const nonce = useNonce()
	// The workspace needs the whole window; every other page reads best in a column.
	const fullWidth = useMatches().some((match) => (match.handle as { fullWidth?: boolean } | undefined)?.fullWidth)
	return (
		<html lang="en" className={cn('h-full', data?.theme === 'dark' && 'dark')}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="color-scheme" content="light dark" />
				<Meta />
				<Links nonce={nonce} />
			</head>
			<body className="flex min-h-full flex-col">
				<a
					href="#main"
					className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
				>
					Skip to content
				</a>
				<SiteHeader />
				<main id="main" className={fullWidth ? 'flex w-full flex-1 flex-col' : 'mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6'}>
					{children}
				</main>
				{fullWidth ? null : (
					<footer className="border-t border-slate-200 py-4 text-center text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
						Hardmode — deliberate practice in debugging and design judgment.
					</footer>
				)}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

function SiteHeader() {
	const data = useRouteLoaderData<typeof loader>('root')
	const user = data?.user
	const itemClass = (isActive: boolean) =>
		cn(
			'rounded-md px-2 py-1.5 text-sm font-medium whitespace-nowrap',
			isActive
				? 'bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white'
				: 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
		)
	const navClass = ({ isActive }: { isActive: boolean }) => itemClass(isActive)
	// On a team's pages (teams/:teamId/…) the switcher names that team.
	const currentTeamId = useMatches().find((match) => match.params.teamId)?.params.teamId ?? null
	return (
		<header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
			<div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
				<Link to={user ? '/dashboard' : '/'} className="flex items-center gap-2 text-lg font-bold tracking-tight">
					<span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-brand-600 font-mono text-sm text-white">
						H
					</span>
					Hardmode
				</Link>
				{user ? (
					<nav aria-label="Main" className="flex flex-1 flex-wrap items-center gap-1">
						<NavLink to="/dashboard" className={navClass}>
							Dashboard
						</NavLink>
						<NavLink to="/exercises" className={navClass}>
							Exercises
						</NavLink>
						<NavLink to="/attempts" className={navClass}>
							My attempts
						</NavLink>
						<NavLink to={`/people/${user.id}`} className={navClass}>
							My growth
						</NavLink>
						{user.reviewer ? (
							<NavLink to="/reviews" className={navClass}>
								Reviews
							</NavLink>
						) : null}
						{user.ledTeams.length ? <TeamSwitcher teams={user.ledTeams} currentTeamId={currentTeamId} itemClass={itemClass} /> : null}
						{user.orgRole === 'admin' ? (
							<NavLink to="/admin" className={navClass}>
								Organisation
							</NavLink>
						) : null}
						{/* A bell, not a word: at 1366 px a lead's navigation must stay on one row. */}
						<NavLink
							to="/notifications"
							className={(state) => cn(navClass(state), 'inline-flex items-center')}
							aria-label={user.unreadNotifications ? `Notifications, ${user.unreadNotifications} unread` : 'Notifications'}
							title="Notifications"
						>
							<svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
								<path d="M10 2a5 5 0 0 0-5 5v2.59l-1.7 2.55A1 1 0 0 0 4.13 14h11.74a1 1 0 0 0 .83-1.56L15 9.59V7a5 5 0 0 0-5-5Zm-2.45 13a2.5 2.5 0 0 0 4.9 0h-4.9Z" />
							</svg>
							{user.unreadNotifications ? (
								<span aria-hidden="true" className="ml-1.5 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white">
									{user.unreadNotifications > 99 ? '99+' : user.unreadNotifications}
								</span>
							) : null}
						</NavLink>
					</nav>
				) : (
					<div className="flex-1" />
				)}
				<div className="flex items-center gap-2">
					<ThemeToggle theme={data?.theme ?? null} />
					{user ? (
						<>
							{/* Below 2xl the navigation needs the room; the dashboard greets them by name and the button says who is signed in. */}
							<span className="hidden text-sm text-slate-600 2xl:inline dark:text-slate-400">
								{user.name} · {user.organizationName}
							</span>
							{/* Beside Log out, with the account's other controls: the main navigation stays on one row at 1366 px. */}
							<NavLink to="/settings" className={navClass}>
								Settings
							</NavLink>
							<Form method="post" action="/logout">
								<button
									type="submit"
									title={`Signed in as ${user.name} · ${user.organizationName}`}
									className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
								>
									Log out
								</button>
							</Form>
						</>
					) : (
						<>
							<Link
								to="/login"
								className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
							>
								Log in
							</Link>
							<Link to="/signup" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
								Sign up
							</Link>
						</>
					)}
				</div>
			</div>
		</header>
	)
}

const noSubscription = () => () => {}
/** False while rendering on the server and hydrating, true once React runs in the browser. */
function useHydrated() {
	return useSyncExternalStore(
		noSubscription,
		() => true,
		() => false,
	)
}

function ThemeToggle({ theme }: { theme: Theme | null }) {
	const fetcher = useFetcher()
	const location = useLocation()
	// Before JavaScript runs, the form posts for real and the action sends the browser back
	// here; once hydrated, the fetcher gets the new theme as data and nothing reloads.
	const hydrated = useHydrated()
	const pending = fetcher.formData?.get('theme')
	const current = typeof pending === 'string' ? pending : theme
	const next: Theme = current === 'dark' ? 'light' : 'dark'
	return (
		<fetcher.Form method="post" action="/resources/theme">
			<input type="hidden" name="theme" value={next} />
			{hydrated ? null : <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />}
			<button
				type="submit"
				className="rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
				aria-label={`Switch to ${next} theme`}
				title={`Switch to ${next} theme`}
			>
				<span aria-hidden="true">{current === 'dark' ? '☀' : '☾'}</span>
			</button>
		</fetcher.Form>
	)
}

export default function App() {
	return <Outlet />
}

export const meta: Route.MetaFunction = () => [{ title: 'Hardmode' }]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
