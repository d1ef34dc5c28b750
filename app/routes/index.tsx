import { Link, redirect } from 'react-router'
import type { Route } from './+types/index'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { buttonClass } from '#app/components/ui/button.tsx'

export async function loader({ request }: Route.LoaderArgs) {
	if (await getOptionalUser(request)) throw redirect('/dashboard')
	return null
}

const loop = [
	['Observe', 'Read the incident brief, the logs and the failing test.'],
	['Hypothesise', 'Write down what you think is wrong, before touching code.'],
	['Predict', 'Say what the next run will show. Hardmode scores the prediction.'],
	['Experiment', 'Run code and tests in a sandbox. Every run lands on your timeline.'],
	['Conclude', 'Name the root cause, its location and category, and fix it. Hidden tests grade the fix.'],
] as const

export default function Landing() {
	return (
		<div className="py-6">
			<section className="max-w-3xl">
				<p className="text-sm font-semibold tracking-wide text-brand-600 uppercase dark:text-brand-100">Deliberate practice for engineers</p>
				<h1 className="mt-3 text-4xl font-bold tracking-tight sm:text-5xl">Practise the judgment AI does not build for you.</h1>
				<p className="mt-5 text-lg text-slate-700 dark:text-slate-300">
					Hardmode gives engineers realistic broken systems and architecture decisions to live with — no AI in the loop. Every hypothesis, run and fix is
					recorded, so leads see honestly how each engineer’s diagnosis and design judgment grow.
				</p>
				<div className="mt-8 flex flex-wrap gap-3">
					<Link to="/signup" className={buttonClass('primary', 'px-5 py-2.5 text-base')}>
						Create your organisation
					</Link>
					<Link to="/login" className={buttonClass('secondary', 'px-5 py-2.5 text-base')}>
						Log in
					</Link>
				</div>
			</section>
			<section aria-labelledby="loop-heading" className="mt-14">
				<h2 id="loop-heading" className="text-lg font-semibold">
					The diagnostic loop you practise
				</h2>
				<ol className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
					{loop.map(([step, text], i) => (
						<li key={step} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
							<p className="font-mono text-xs text-slate-600 dark:text-slate-400">{i + 1}</p>
							<p className="mt-1 font-semibold">{step}</p>
							<p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{text}</p>
						</li>
					))}
				</ol>
			</section>
		</div>
	)
}

export const meta: Route.MetaFunction = () => [
	{ title: 'Hardmode — deliberate practice in debugging and design' },
	{ name: 'description', content: 'Realistic broken systems and architecture decisions, practised without AI help.' },
]
