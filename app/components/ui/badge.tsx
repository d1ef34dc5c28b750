import type { ReactNode } from 'react'
import { cn } from './cn.ts'

const tones = {
	neutral: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
	brand: 'bg-brand-50 text-brand-700 ring-brand-500/40 dark:bg-brand-700/30 dark:text-brand-100',
	success: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-900/40 dark:text-emerald-200',
	warning: 'bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-900/40 dark:text-amber-200',
	danger: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-900/40 dark:text-red-200',
} as const

export function Badge({ tone = 'neutral', children }: { tone?: keyof typeof tones; children: ReactNode }) {
	return (
		<span className={cn('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', tones[tone])}>
			{children}
		</span>
	)
}
