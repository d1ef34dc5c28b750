import type { ReactNode } from 'react'

/** The centred card that sign-up, log-in and invite pages share. */
export function AuthCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
	return (
		<div className="mx-auto w-full max-w-md py-6">
			<h1 className="text-2xl font-bold tracking-tight">{title}</h1>
			{intro ? <div className="mt-2 text-sm text-slate-700 dark:text-slate-300">{intro}</div> : null}
			<div className="mt-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">{children}</div>
			{footer ? <div className="mt-4 text-center text-sm text-slate-700 dark:text-slate-300">{footer}</div> : null}
		</div>
	)
}
