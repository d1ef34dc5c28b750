import { useState } from 'react'
import { Form } from 'react-router'
import { Button, type ButtonVariant } from './ui/button.tsx'
import { Dialog } from './ui/dialog.tsx'

/**
 * A button that asks before it posts a destructive form. The dialog repeats what will
 * happen, so a slip of the mouse costs nothing.
 */
export function ConfirmAction({
	label,
	ariaLabel,
	title,
	message,
	confirmLabel,
	intent,
	fields = {},
	variant = 'ghost',
	className,
}: {
	label: string
	ariaLabel?: string
	title: string
	message: string
	confirmLabel: string
	intent: string
	fields?: Record<string, string>
	variant?: ButtonVariant
	className?: string
}) {
	const [open, setOpen] = useState(false)
	return (
		<>
			<Button variant={variant} className={className} aria-label={ariaLabel} onClick={() => setOpen(true)}>
				{label}
			</Button>
			<Dialog open={open} onClose={() => setOpen(false)} title={title}>
				<p className="text-sm text-slate-700 dark:text-slate-300">{message}</p>
				<Form method="post" className="mt-6 flex justify-end gap-3" onSubmit={() => setOpen(false)}>
					{Object.entries(fields).map(([name, value]) => (
						<input key={name} type="hidden" name={name} value={value} />
					))}
					<Button variant="secondary" onClick={() => setOpen(false)}>
						Cancel
					</Button>
					<Button type="submit" variant="danger" name="intent" value={intent}>
						{confirmLabel}
					</Button>
				</Form>
			</Dialog>
		</>
	)
}
