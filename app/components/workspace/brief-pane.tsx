// The workspace's left pane: the brief (each open stage's too, newest first) and the file tree.
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { WorkspaceView } from '#app/attempts/workspace-view.ts'
import { cn } from '#app/components/ui/cn.ts'
import { withoutEmptyTableHeaders } from './brief-html.ts'
import { TabPanel, Tabs, useTabIds } from './tabs.tsx'

export type TreeFile = { path: string; readOnly: boolean; changed: boolean }

export function BriefPane({
	briefHtml,
	architecture,
	files,
	activePath,
	onOpen,
	collapseButton,
}: {
	briefHtml: string
	architecture: WorkspaceView['architecture']
	files: TreeFile[]
	activePath: string
	onOpen(path: string): void
	/** Shown at the end of the tab strip. */
	collapseButton?: ReactNode
}) {
	const [tab, setTab] = useState<'brief' | 'files'>('brief')
	const tabIds = useTabIds()

	// When stage 2 opens, its brief is the first thing to read.
	const shownStage = useRef(architecture?.stage)
	useEffect(() => {
		if (!architecture || shownStage.current === architecture.stage) return
		shownStage.current = architecture.stage
		setTab('brief')
	}, [architecture])

	return (
		<section aria-label="Brief and files" className="flex h-full min-h-0 flex-col bg-white dark:bg-slate-900">
			<Tabs<'brief' | 'files'>
				ids={tabIds}
				label="Brief and files"
				value={tab}
				onChange={setTab}
				tabs={[
					{ id: 'brief', label: 'Brief' },
					{ id: 'files', label: 'Files' },
				]}
			>
				{collapseButton}
			</Tabs>
			<TabPanel ids={tabIds} value={tab}>
				{tab === 'brief' ? (
					<>
						{architecture
							? [...architecture.stages].reverse().map((stage) => (
									<section key={stage.number} aria-label={`Stage ${stage.number}`} className="border-b border-slate-200 p-3 dark:border-slate-800">
										<h2 className="text-xs font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-100">
											Stage {stage.number}
											{stage.number === architecture.stage ? ' · now' : ''}
										</h2>
										<p className="mt-0.5 font-semibold">{stage.title}</p>
										<div className="prose-brief mt-2" dangerouslySetInnerHTML={{ __html: withoutEmptyTableHeaders(stage.briefHtml) }} />
									</section>
								))
							: null}
						<div className="prose-brief p-3" dangerouslySetInnerHTML={{ __html: withoutEmptyTableHeaders(briefHtml) }} />
					</>
				) : (
					<FileTree paths={files} active={activePath} onOpen={onOpen} />
				)}
			</TabPanel>
		</section>
	)
}

function FileTree({ paths, active, onOpen }: { paths: TreeFile[]; active: string; onOpen(path: string): void }) {
	const groups = [
		{ title: 'Code (src/)', items: paths.filter((p) => p.path.startsWith('src/')) },
		{ title: 'Visible tests (read-only)', items: paths.filter((p) => p.path.startsWith('tests/')) },
	]
	return (
		<nav aria-label="Files" className="space-y-3 p-2">
			{groups.map((group) => (
				<div key={group.title}>
					<h2 className="px-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{group.title}</h2>
					<ul className="mt-1">
						{group.items.map((item) => {
							const relative = item.path.replace(/^src\/|^tests\/visible\//, '')
							const depth = relative.split('/').length - 1
							return (
								<li key={item.path}>
									<button
										type="button"
										onClick={() => onOpen(item.path)}
										aria-current={item.path === active ? 'true' : undefined}
										className={cn(
											'w-full truncate rounded px-1.5 py-1 text-left font-mono text-xs hover:bg-slate-100 dark:hover:bg-slate-800',
											item.path === active && 'bg-brand-50 font-semibold text-brand-700 dark:bg-slate-800 dark:text-brand-100',
										)}
										style={{ paddingLeft: `${0.375 + depth * 0.75}rem` }}
										title={item.path}
									>
										{relative}
										{item.changed ? <span className="ml-1 text-brand-600">● changed</span> : null}
									</button>
								</li>
							)
						})}
					</ul>
				</div>
			))}
		</nav>
	)
}
