// The output of one run: a summary line, each test with expected vs actual as a diff,
// console output, and file:line locations that jump the editor there.
import { diffWordsWithSpace } from 'diff'
import type { ShownRun } from '#app/attempts/run-view.ts'
import type { TestResult } from '#app/runner/protocol.ts'
import { cn } from '#app/components/ui/cn.ts'
import { ConsequencesTable } from './consequences-table.tsx'

const STATUS_STYLE: Record<TestResult['status'], { label: string; icon: string; className: string }> = {
	pass: { label: 'passed', icon: '✓', className: 'text-emerald-700 dark:text-emerald-400' },
	fail: { label: 'failed', icon: '✗', className: 'text-red-700 dark:text-red-400' },
	error: { label: 'error', icon: '!', className: 'text-red-700 dark:text-red-400' },
	skip: { label: 'skipped', icon: '–', className: 'text-slate-500 dark:text-slate-400' },
}

export function OutputPanel({
	run,
	running,
	error,
	onOpenLocation,
	canOpen,
	reader = 'learner',
}: {
	run: ShownRun | null
	running: boolean
	error: string | null
	onOpenLocation(file: string, line: number, column?: number): void
	canOpen(file: string): boolean
	/** Who reads the output: the learner in their workspace, or a lead replaying the attempt (who reads of "their" prediction). */
	reader?: 'learner' | 'reviewer'
}) {
	if (running && !run)
		return (
			<p className="p-3 text-sm text-slate-600 dark:text-slate-400" role="status">
				Running the visible tests…
			</p>
		)
	if (!run && !error) {
		return (
			<p className="p-3 text-sm text-slate-600 dark:text-slate-400">
				No runs yet. Press <strong>Run</strong> (or Ctrl+Enter in the editor) to run the visible tests; each run is recorded as an experiment.
			</p>
		)
	}
	const result = run?.result
	const ran = result?.tests.filter((test) => test.status !== 'skip') ?? []
	const passed = ran.filter((test) => test.status === 'pass').length
	return (
		<div className="space-y-3 p-3 text-sm" aria-busy={running}>
			{error ? (
				<p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
					{error}
				</p>
			) : null}
			{run && result ? (
				<>
					<div className="flex flex-wrap items-center gap-x-3 gap-y-1" role="status">
						<span className="font-semibold">Run {run.number}</span>
						<span className={cn('font-semibold', result.status === 'pass' ? STATUS_STYLE.pass.className : STATUS_STYLE.fail.className)}>
							{result.status === 'pass'
								? 'All tests passed'
								: result.status === 'error'
									? 'The code could not run'
									: `${ran.length - passed} of ${ran.length} failed`}
						</span>
						{ran.length ? (
							<span className="text-slate-600 dark:text-slate-400">
								{passed} passed · {ran.length - passed} failed
							</span>
						) : null}
						<span className="text-slate-500 dark:text-slate-400">{Math.round(result.timings.runMs + result.timings.compileMs)} ms in the sandbox</span>
						{running ? <span className="text-slate-600 dark:text-slate-400">· running again…</span> : null}
					</div>
					{run.predictionText ? (
						<p className="text-slate-700 dark:text-slate-300">
							{reader === 'reviewer' ? 'Their prediction' : 'Your prediction'}: <em>{run.predictionText}</em>{' '}
							{run.predictionCorrect === true ? (
								<strong className="text-emerald-700 dark:text-emerald-400">— right</strong>
							) : run.predictionCorrect === false ? (
								<strong className="text-red-700 dark:text-red-400">— wrong</strong>
							) : (
								<span className="text-slate-600 dark:text-slate-400">
									{reader === 'reviewer' ? '— not marked right or wrong' : '— mark it right or wrong in the journal'}
								</span>
							)}
						</p>
					) : null}
					{result.message ? (
						<div className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
							<p>{result.message}</p>
							{result.location ? <LocationLink location={result.location} onOpen={onOpenLocation} canOpen={canOpen} /> : null}
						</div>
					) : null}
					<ConsequencesTable result={result} />
					{result.tests.some((test) => !test.scenario) ? (
						<ul className="space-y-1.5" aria-label="Test results">
							{result.tests
								.filter((test) => !test.scenario)
								.map((test, index) => (
									<TestRow key={`${test.file}:${test.name}:${index}`} test={test} onOpenLocation={onOpenLocation} canOpen={canOpen} />
								))}
						</ul>
					) : null}
					{result.console ? (
						<div>
							<h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Console</h3>
							<pre
								tabIndex={0}
								aria-label="Console output"
								className="mt-1 max-h-48 overflow-auto rounded bg-slate-900 p-2 font-mono text-xs whitespace-pre-wrap text-slate-100"
							>
								{result.console}
							</pre>
						</div>
					) : null}
				</>
			) : null}
		</div>
	)
}

function TestRow({
	test,
	onOpenLocation,
	canOpen,
}: {
	test: TestResult
	onOpenLocation(file: string, line: number, column?: number): void
	canOpen(file: string): boolean
}) {
	const style = STATUS_STYLE[test.status]
	const failed = test.status === 'fail' || test.status === 'error'
	return (
		<li className={cn('rounded-md', failed && 'bg-red-50/60 p-2 dark:bg-red-950/30')}>
			<div className="flex items-start gap-2">
				<span aria-hidden="true" className={cn('w-4 shrink-0 text-center font-bold', style.className)}>
					{style.icon}
				</span>
				<span className="min-w-0 flex-1">
					<span className="font-medium break-words">{test.name}</span> <span className={cn('text-xs', style.className)}>{style.label}</span>
				</span>
				{test.location ? <LocationLink location={test.location} onOpen={onOpenLocation} canOpen={canOpen} /> : null}
			</div>
			{failed && test.message ? (
				<p className="mt-1 ml-6 font-mono text-xs break-words whitespace-pre-wrap text-red-800 dark:text-red-200">{test.message}</p>
			) : null}
			{failed && test.expected !== undefined && test.actual !== undefined ? <ExpectedActual expected={test.expected} actual={test.actual} /> : null}
			{test.output ? (
				<pre
					tabIndex={0}
					aria-label={`Output of ${test.name}`}
					className="mt-1 ml-6 max-h-32 overflow-auto rounded bg-slate-100 p-1.5 font-mono text-xs whitespace-pre-wrap dark:bg-slate-800"
				>
					{test.output}
				</pre>
			) : null}
		</li>
	)
}

/** Expected and received values with the characters that differ marked, as a diff tool shows them. */
function ExpectedActual({ expected, actual }: { expected: string; actual: string }) {
	const parts = expected.length + actual.length <= 4000 ? diffWordsWithSpace(expected, actual) : null
	return (
		<dl className="mt-1 ml-6 grid grid-cols-[auto_1fr] gap-x-2 font-mono text-xs">
			<dt className="font-semibold text-emerald-800 dark:text-emerald-300">Expected</dt>
			<dd className="break-all whitespace-pre-wrap">
				{parts
					? parts
							.filter((part) => !part.added)
							.map((part, i) =>
								part.removed ? (
									<mark key={i} className="rounded bg-emerald-200 text-emerald-950 dark:bg-emerald-800 dark:text-emerald-50">
										{part.value}
									</mark>
								) : (
									<span key={i}>{part.value}</span>
								),
							)
					: expected}
			</dd>
			<dt className="font-semibold text-red-800 dark:text-red-300">Received</dt>
			<dd className="break-all whitespace-pre-wrap">
				{parts
					? parts
							.filter((part) => !part.removed)
							.map((part, i) =>
								part.added ? (
									<mark key={i} className="rounded bg-red-200 text-red-950 dark:bg-red-800 dark:text-red-50">
										{part.value}
									</mark>
								) : (
									<span key={i}>{part.value}</span>
								),
							)
					: actual}
			</dd>
		</dl>
	)
}

function LocationLink({
	location,
	onOpen,
	canOpen,
}: {
	location: { file: string; line: number; column: number }
	onOpen(file: string, line: number, column?: number): void
	canOpen(file: string): boolean
}) {
	const label = `${location.file}:${location.line}`
	if (!canOpen(location.file)) return <span className="shrink-0 font-mono text-xs text-slate-600 dark:text-slate-400">{label}</span>
	return (
		<button
			type="button"
			onClick={() => onOpen(location.file, location.line, location.column)}
			className="shrink-0 font-mono text-xs text-brand-700 underline underline-offset-2 hover:text-brand-600 dark:text-brand-100"
			title={`Open ${location.file} at line ${location.line}`}
		>
			{label}
		</button>
	)
}
