import { buttonClass } from '#app/components/ui/button.tsx'

/** The recovery codes, right after they were made: the only time they are shown. */
export function RecoveryCodesShownOnce({ codes, message }: { codes: string[]; message?: string }) {
	const file = `Hardmode recovery codes\nEach code signs you in once, in place of a code from your app.\n\n${codes.join('\n')}\n`
	return (
		<section
			aria-labelledby="recovery-codes-title"
			className="rounded-lg border border-emerald-300 bg-emerald-50 p-5 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100"
		>
			{message ? (
				<p role="status" className="text-sm font-medium">
					{message}
				</p>
			) : null}
			<h2 id="recovery-codes-title" className="mt-1 text-lg font-semibold">
				Your recovery codes
			</h2>
			<p className="mt-1 text-sm">
				Save them now, somewhere other than your phone: this page shows them once. Each one signs you in once if you lose your phone.
			</p>
			<ol aria-label="Recovery codes" className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base">
				{codes.map((code) => (
					<li key={code}>{code}</li>
				))}
			</ol>
			<a href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`} download="hardmode-recovery-codes.txt" className={buttonClass('secondary', 'mt-4')}>
				Download as a text file
			</a>
		</section>
	)
}
