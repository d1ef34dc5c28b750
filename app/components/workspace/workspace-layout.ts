// How the learner arranged the workspace (pane sizes, collapsed panes, word wrap) and which
// files they had open, as kept in this browser's localStorage. Pure: parsing never throws, and
// anything unreadable (an old format, a hand edit, another app's key) falls back to defaults.
// Why localStorage and a pre-paint style rather than a cookie: docs/decisions/021-workspace-layout-in-local-storage.md
import { z } from 'zod'

/** Panel ids of the two resizable groups; also the panels' DOM ids, which the pre-paint style targets. */
export const COLUMN_PANELS = ['workspace-brief', 'workspace-code', 'workspace-side'] as const
export const ROW_PANELS = ['workspace-editor', 'workspace-output'] as const

/** Percentages (0..100) per panel id, as react-resizable-panels reports and takes them. */
export type PaneLayout = Record<string, number>

export type WorkspacePrefs = {
	/** null: the panes' default sizes. */
	columns: PaneLayout | null
	rows: PaneLayout | null
	wordWrap: boolean
}

export const DEFAULT_PREFS: WorkspacePrefs = { columns: null, rows: null, wordWrap: false }

export function prefsKey(userId: string) {
	return `hardmode.workspace.v1.${userId}`
}

export function openFilesKey(userId: string, attemptId: string) {
	return `hardmode.open-files.v1.${userId}.${attemptId}`
}

const Percent = z.number().finite().min(0).max(100)

/** A layout is usable only when it names exactly the group's panels and adds up to about 100 %. */
function layoutOf(ids: readonly string[]) {
	return z
		.record(z.string(), Percent)
		.refine((layout) => Object.keys(layout).length === ids.length && ids.every((id) => id in layout))
		.refine((layout) => Math.abs(Object.values(layout).reduce((sum, size) => sum + size, 0) - 100) < 1)
}

const StoredPrefs = z.object({
	columns: layoutOf(COLUMN_PANELS).nullable().catch(null),
	rows: layoutOf(ROW_PANELS).nullable().catch(null),
	wordWrap: z.boolean().catch(false),
})

function parseJson(raw: string | null): unknown {
	if (!raw) return null
	try {
		return JSON.parse(raw)
	} catch {
		return null
	}
}

export function parseWorkspacePrefs(raw: string | null): WorkspacePrefs {
	const parsed = StoredPrefs.safeParse(parseJson(raw))
	return parsed.success ? parsed.data : DEFAULT_PREFS
}

export function serializeWorkspacePrefs(prefs: WorkspacePrefs): string {
	return JSON.stringify(prefs)
}

export type OpenFiles = { open: string[]; active: string }

/**
 * The open editor tabs saved for this attempt, keeping only files the attempt still has (in the
 * saved order, once each); null when nothing usable was saved, so the caller's default applies.
 */
export function parseOpenFiles(raw: string | null, existing: ReadonlySet<string>): OpenFiles | null {
	const parsed = z.object({ open: z.array(z.string()), active: z.string() }).safeParse(parseJson(raw))
	if (!parsed.success) return null
	const open = [...new Set(parsed.data.open)].filter((path) => existing.has(path))
	if (open.length === 0) return null
	return { open, active: open.includes(parsed.data.active) ? parsed.data.active : open[0]! }
}

/**
 * CSS that sizes the panels as saved, for the moment between the server's HTML (default sizes)
 * and hydration, which then applies the same layout through the panel library.
 */
export function layoutCss(prefs: Pick<WorkspacePrefs, 'columns' | 'rows'>): string {
	return [prefs.columns, prefs.rows]
		.flatMap((layout) => Object.entries(layout ?? {}))
		.map(([id, size]) => `#${id}{flex:${Number(size.toFixed(3))} 1 0px!important}`)
		.join('')
}

/**
 * The inline script that runs before the workspace is painted: it reads the saved layout and
 * adds layoutCss() of it as a style element. Self-contained (no imports at run time), so it
 * repeats the checks of parseWorkspacePrefs in plain JavaScript; a unit test keeps them agreeing.
 */
export function layoutRestoreScript(userId: string, styleId: string): string {
	const groups = JSON.stringify([COLUMN_PANELS, ROW_PANELS])
	return `(function(){try{var p=JSON.parse(localStorage.getItem(${JSON.stringify(prefsKey(userId))})||'null');if(!p)return;var g=${groups},n=['columns','rows'],css='';for(var i=0;i<2;i++){var l=p[n[i]];if(!l||typeof l!=='object')continue;var ids=g[i],sum=0,ok=Object.keys(l).length===ids.length;for(var j=0;j<ids.length&&ok;j++){var v=l[ids[j]];ok=typeof v==='number'&&isFinite(v)&&v>=0&&v<=100;sum+=v}if(!ok||Math.abs(sum-100)>=1)continue;for(var k=0;k<ids.length;k++)css+='#'+ids[k]+'{flex:'+Number(l[ids[k]].toFixed(3))+' 1 0px!important}'}if(!css)return;var s=document.createElement('style');s.id=${JSON.stringify(styleId)};s.textContent=css;document.head.appendChild(s)}catch(e){}})()`
}
