// The lead's notes on an engineer in a growth report: the ones written in the period or for it,
// a form for a lead to add one to this period, and, on paper, ruled space for notes taken in
// the review itself.
import { useEffect, useRef } from 'react'
import { Form, useNavigation } from 'react-router'
import { Button } from '#app/components/ui/button.tsx'
import { FieldErrors, FormAlert } from '#app/components/ui/field.tsx'
import { inputClass } from '#app/components/ui/input.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { formatFullDay } from '#app/utils/time-format.ts'

export type ReportNote = { id: string; body: string; authorName: string; createdAt: string; forPeriod: string | null }

export type NoteFormResult = { fieldErrors?: Record<string, string[] | undefined>; body?: string; error?: string }

const muted = 'text-slate-600 dark:text-slate-400'

export function ReportNotes({
	notes,
	canLead,
	action,
	result,
	saved,
	engineerName,
	periodLabel,
	periodIncludesToday,
	maxChars,
}: {
	notes: ReportNote[]
	canLead: boolean
	action: string
	result: NoteFormResult | undefined
	saved: boolean
	engineerName: string
	periodLabel: string
	periodIncludesToday: boolean
	maxChars: number
}) {
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const errors = result?.fieldErrors?.body
	const form = useRef<HTMLFormElement>(null)
	// A saved note comes back as a redirect (no action data): empty the field for the next one.
	useEffect(() => {
		if (navigation.state === 'idle' && saved && !result) form.current?.reset()
	}, [navigation.state, saved, result])
	return (
		<div className="space-y-4">
			{notes.length === 0 ? <p className={`text-sm ${muted}`}>No notes were written in this period or for it.</p> : <NoteList notes={notes} />}
			{saved ? (
				<div className="print:hidden">
					<FormAlert
						tone="success"
						message={periodIncludesToday ? 'Note saved.' : `Note saved for ${periodLabel}: it shows in this report and its printout.`}
					/>
				</div>
			) : null}
			{canLead ? (
				<Form ref={form} method="post" action={action} className="space-y-2 border-t border-slate-200 pt-4 print:hidden dark:border-slate-800" noValidate>
					<label htmlFor="note-body" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
						Add a note
					</label>
					<p id="note-body-help" className={`text-xs ${muted}`}>
						What you discussed, agreed or want to watch about {periodLabel}; it is kept with this period
						{periodIncludesToday ? '' : ', marked with the day you wrote it'}. {engineerName} can read it in their own report. At most{' '}
						{maxChars.toLocaleString('en-GB')} characters.
					</p>
					<textarea
						id="note-body"
						name="body"
						rows={4}
						defaultValue={result?.body ?? ''}
						aria-invalid={errors ? true : undefined}
						aria-describedby={cn('note-body-help', errors && 'note-body-error')}
						className={cn(inputClass, 'resize-y')}
					/>
					<FieldErrors id="note-body-error" errors={errors} />
					{result?.error ? <FormAlert message={result.error} /> : null}
					<Button type="submit" variant="secondary" disabled={busy}>
						Save note
					</Button>
				</Form>
			) : null}
		</div>
	)
}

/** Notes with who wrote them and when, and the report period each was written for when that was not the day's own. */
export function NoteList({ notes }: { notes: ReportNote[] }) {
	return (
		<ul className="divide-y divide-slate-200 dark:divide-slate-800">
			{notes.map((note) => (
				<li key={note.id} className="report-item py-3 first:pt-0">
					<p className={`text-xs ${muted}`}>
						{note.authorName} · {formatFullDay(note.createdAt)}
						{note.forPeriod ? ` · for ${note.forPeriod}` : ''}
					</p>
					<p className="mt-1 text-sm break-words whitespace-pre-line text-slate-800 dark:text-slate-200">{note.body}</p>
				</li>
			))}
		</ul>
	)
}

/** Ruled lines on paper for what is said in the review; not shown on screen. */
export function ReportPrintedNoteSpace() {
	return (
		<section aria-hidden="true" className="report-section hidden print:block">
			<h2 className="text-base font-semibold">Notes from the review</h2>
			<div className="mt-2">
				{Array.from({ length: 9 }, (_, index) => (
					<div key={index} className="h-9 border-b border-slate-400" />
				))}
			</div>
			<h2 className="mt-6 text-base font-semibold">Agreed focus for the next period</h2>
			<div className="mt-2">
				{Array.from({ length: 5 }, (_, index) => (
					<div key={index} className="h-9 border-b border-slate-400" />
				))}
			</div>
		</section>
	)
}
