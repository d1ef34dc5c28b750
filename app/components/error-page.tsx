import { isRouteErrorResponse, Link } from 'react-router'

/** What a person sees when a page fails: what happened and what to do next, no internals. */
function describeError(error: unknown) {
	if (isRouteErrorResponse(error)) {
		const detail = typeof error.data === 'string' && error.data && error.data !== 'Not found' ? error.data : null
		if (error.status === 404) {
			return {
				status: 404,
				title: 'We could not find that page',
				message: 'The link may be mistyped, or what it pointed to was removed or belongs to another organisation.',
			}
		}
		if (error.status === 403) {
			return { status: 403, title: 'You do not have access to this page', message: detail ?? 'Ask an admin of your organisation if you need it.' }
		}
		if (error.status < 500) {
			return { status: error.status, title: 'That request could not be handled', message: detail ?? 'Check what you sent and try again.' }
		}
	}
	return {
		status: 500,
		title: 'Something went wrong on our side',
		message: 'Nothing you did caused this. Try again in a moment; if it keeps happening, tell your Hardmode admin what you were doing and when.',
	}
}

export function ErrorPage({ error }: { error: unknown }) {
	const { status, title, message } = describeError(error)
	return (
		<div className="mx-auto max-w-xl py-12">
			<title>{`${title} · Hardmode`}</title>
			<p className="text-sm font-semibold text-brand-600 dark:text-brand-100">Error {status}</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
			<p className="mt-4 text-slate-700 dark:text-slate-300">{message}</p>
			<div className="mt-6 flex gap-3">
				<Link to="/" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white hover:bg-brand-700">
					Go to the start page
				</Link>
			</div>
		</div>
	)
}
