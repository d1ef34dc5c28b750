import { useId, type InputHTMLAttributes } from 'react'
import { Input } from './input.tsx'

/** A labelled input with its help text and error, wired up for screen readers. */
export function Field({
	label,
	errors,
	help,
	...inputProps
}: InputHTMLAttributes<HTMLInputElement> & { label: string; errors?: string[]; help?: string; name: string }) {
	const fallbackId = useId()
	const id = inputProps.id ?? fallbackId
	const errorId = `${id}-error`
	const helpId = `${id}-help`
	const hasErrors = Boolean(errors?.length)
	const describedBy = [help ? helpId : null, hasErrors ? errorId : null].filter(Boolean).join(' ') || undefined
	return (
		<div className="space-y-1.5">
			<label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
				{label}
			</label>
			<Input id={id} aria-invalid={hasErrors || undefined} aria-describedby={describedBy} {...inputProps} />
			{help ? (
				<p id={helpId} className="text-xs text-slate-600 dark:text-slate-400">
					{help}
				</p>
			) : null}
			<FieldErrors id={errorId} errors={errors} />
		</div>
	)
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
	if (!errors?.length) return null
	return (
		<ul id={id} className="space-y-0.5 text-sm text-red-700 dark:text-red-400">
			{errors.map((error) => (
				<li key={error}>{error}</li>
			))}
		</ul>
	)
}

/** A message for the whole form (not tied to one field). */
export function FormAlert({ message, tone = 'error' }: { message?: string | null; tone?: 'error' | 'success' }) {
	if (!message) return null
	const style =
		tone === 'error'
			? 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200'
			: 'border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
	return (
		<div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${style}`}>
			{message}
		</div>
	)
}
