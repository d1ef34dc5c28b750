import { useEffect, useId, useRef, type ReactNode } from 'react'

/**
 * A modal built on the native <dialog>, which gives focus trapping, Escape to close
 * and an inert background for free.
 */
export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ReactNode }) {
	const ref = useRef<HTMLDialogElement>(null)
	// Pages hold several dialogs; each title needs its own id.
	const titleId = useId()
	useEffect(() => {
		const dialog = ref.current
		if (!dialog) return
		if (open && !dialog.open) dialog.showModal()
		if (!open && dialog.open) dialog.close()
	}, [open])
	return (
		<dialog
			ref={ref}
			onClose={onClose}
			aria-labelledby={titleId}
			className="m-auto w-full max-w-md rounded-lg bg-white p-6 text-left text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:bg-slate-900 dark:text-slate-100"
		>
			<h2 id={titleId} className="mb-3 text-lg font-semibold">
				{title}
			</h2>
			{children}
		</dialog>
	)
}
