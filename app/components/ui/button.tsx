import type { ButtonHTMLAttributes } from 'react'
import { cn } from './cn.ts'

const variants = {
	primary: 'bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60',
	secondary:
		'bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700',
	danger: 'bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/60',
	ghost: 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
} as const

export type ButtonVariant = keyof typeof variants

export function buttonClass(variant: ButtonVariant = 'primary', className?: string) {
	return cn(
		'inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-semibold shadow-sm transition-colors disabled:cursor-not-allowed',
		variants[variant],
		className,
	)
}

export function Button({ variant = 'primary', className, type = 'button', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
	return <button type={type} className={buttonClass(variant, className)} {...props} />
}
