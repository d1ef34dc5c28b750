import type { Route } from './+types/what-we-record'
import { Card } from '#app/components/ui/card.tsx'
import { AUDIENCE_LABELS, RECORDED_SIGNALS } from '#app/organization/recorded-signals.ts'

export default function WhatWeRecord() {
	return (
		<div className="mx-auto max-w-4xl space-y-8 py-2">
			<header className="space-y-3">
				<h1 className="text-2xl font-bold tracking-tight">What Hardmode records and who sees it</h1>
				<p className="text-slate-700 dark:text-slate-300">
					Hardmode records how you practise so that you, and the leads who support you, can see your judgment grow. It measures learning, not people against
					each other: there are no leaderboards or rankings anywhere, and everything a lead can see about you, you can see too.
				</p>
				<p className="text-slate-700 dark:text-slate-300">
					Each signal below says what it is, who can see it, and what it must not be used for. If you see it used that way, say so: the figures describe
					practice on exercises, not work on the job.
				</p>
			</header>
			{RECORDED_SIGNALS.map((group) => (
				<section key={group.title} aria-labelledby={`group-${slug(group.title)}`} className="space-y-3">
					<h2 id={`group-${slug(group.title)}`} className="text-lg font-semibold">
						{group.title}
					</h2>
					{group.signals.map((signal) => (
						<Card key={signal.id} aria-labelledby={`signal-${signal.id}`} className="space-y-3">
							<h3 id={`signal-${signal.id}`} className="font-semibold text-slate-900 dark:text-slate-100">
								{signal.name}
							</h3>
							<p className="text-sm text-slate-700 dark:text-slate-300">{signal.what}</p>
							<dl className="grid gap-3 text-sm sm:grid-cols-2">
								<div>
									<dt className="font-medium text-slate-900 dark:text-slate-100">Who sees it</dt>
									<dd className="mt-1">
										<ul className="list-disc space-y-0.5 pl-5 text-slate-700 dark:text-slate-300">
											{signal.seenBy.map((audience) => (
												<li key={audience}>{AUDIENCE_LABELS[audience]}</li>
											))}
										</ul>
									</dd>
								</div>
								<div>
									<dt className="font-medium text-slate-900 dark:text-slate-100">Must not be used for</dt>
									<dd className="mt-1 text-slate-700 dark:text-slate-300">{signal.notFor}</dd>
								</div>
							</dl>
						</Card>
					))}
				</section>
			))}
			<p className="text-sm text-slate-600 dark:text-slate-400">
				Nothing here is sold or shared outside your organisation. Exercise authors see anonymous totals per exercise (solve rate, median time, the wrong root
				causes chosen), never names.
			</p>
		</div>
	)
}

function slug(title: string) {
	return title.toLowerCase().replace(/[^a-z]+/g, '-')
}

export const meta: Route.MetaFunction = () => [
	{ title: 'What Hardmode records and who sees it · Hardmode' },
	{ name: 'description', content: 'Every signal Hardmode records about practice, who can see it, and what it must not be used for.' },
]
