// The growth report's period: a quick choice or a custom range, sent as a GET form so the
// address names the period (and works before JavaScript). Choosing a quick period fills in its
// days; editing a day switches to "custom".
import { useState } from 'react'
import { Form } from 'react-router'
import { parseDay, QUICK_PERIOD_LABELS, QUICK_PERIODS, quickPeriod, type QuickPeriod } from '#app/growth/report-period.ts'
import { Button } from '#app/components/ui/button.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { Input, Select } from '#app/components/ui/input.tsx'

export function ReportPeriodForm({
	action,
	quick,
	requested,
	error,
	now,
}: {
	action: string
	quick: QuickPeriod | null
	requested: { from: string; to: string }
	error: string | null
	now: string
}) {
	const [choice, setChoice] = useState<QuickPeriod | 'custom'>(error ? 'custom' : (quick ?? 'custom'))
	// A date field can only hold a real day; the message quotes what could not be read.
	const [from, setFrom] = useState(parseDay(requested.from) ? requested.from : '')
	const [to, setTo] = useState(parseDay(requested.to) ? requested.to : '')
	const choose = (value: string) => {
		const next = (QUICK_PERIODS as readonly string[]).includes(value) ? (value as QuickPeriod) : 'custom'
		setChoice(next)
		if (next !== 'custom') {
			const period = quickPeriod(next, new Date(now))
			setFrom(period.fromDay)
			setTo(period.toDay)
		}
	}
	const invalid = error ? true : undefined
	return (
		<div className="space-y-3">
			<Form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="What the report covers">
				<div className="space-y-1.5">
					<label htmlFor="report-period" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
						Period
					</label>
					<Select id="report-period" name="period" value={choice} onChange={(event) => choose(event.currentTarget.value)} className="w-44">
						{QUICK_PERIODS.map((value) => (
							<option key={value} value={value}>
								{QUICK_PERIOD_LABELS[value]}
							</option>
						))}
						<option value="custom">Custom dates</option>
					</Select>
				</div>
				<div className="space-y-1.5">
					<label htmlFor="report-from" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
						From
					</label>
					<Input
						id="report-from"
						name="from"
						type="date"
						value={from}
						onChange={(event) => {
							setFrom(event.currentTarget.value)
							setChoice('custom')
						}}
						aria-invalid={invalid}
						aria-describedby={error ? 'report-period-error' : undefined}
						className="w-40"
					/>
				</div>
				<div className="space-y-1.5">
					<label htmlFor="report-to" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
						To (included)
					</label>
					<Input
						id="report-to"
						name="to"
						type="date"
						value={to}
						onChange={(event) => {
							setTo(event.currentTarget.value)
							setChoice('custom')
						}}
						aria-invalid={invalid}
						aria-describedby={error ? 'report-period-error' : undefined}
						className="w-40"
					/>
				</div>
				<Button type="submit" variant="secondary">
					Show report
				</Button>
			</Form>
			{error ? (
				<div id="report-period-error">
					<FormAlert message={`${error} Showing the last full quarter instead.`} />
				</div>
			) : null}
		</div>
	)
}
