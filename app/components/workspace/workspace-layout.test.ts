import { describe, expect, it } from 'vitest'
import {
	DEFAULT_PREFS,
	layoutCss,
	layoutRestoreScript,
	parseOpenFiles,
	parseWorkspacePrefs,
	prefsKey,
	serializeWorkspacePrefs,
	type WorkspacePrefs,
} from './workspace-layout.ts'

const saved: WorkspacePrefs = {
	columns: { 'workspace-brief': 15, 'workspace-code': 60, 'workspace-side': 25 },
	rows: { 'workspace-editor': 80, 'workspace-output': 20 },
	wordWrap: true,
}

/** Runs the pre-paint script against a stored value and returns the CSS it would add, or null. */
function runRestoreScript(stored: string | null) {
	const appended: Array<{ id: string; textContent: string }> = []
	const localStorage = { getItem: (key: string) => (key === prefsKey('user-1') ? stored : null) }
	const document = {
		createElement: () => ({ id: '', textContent: '' }),
		head: { appendChild: (element: { id: string; textContent: string }) => appended.push(element) },
	}
	new Function('localStorage', 'document', layoutRestoreScript('user-1', 'restored-layout'))(localStorage, document)
	expect(appended.length).toBeLessThanOrEqual(1)
	if (appended[0]) expect(appended[0].id).toBe('restored-layout')
	return appended[0]?.textContent ?? null
}

describe('the saved workspace layout', () => {
	it('reads back what was saved', () => {
		expect(parseWorkspacePrefs(serializeWorkspacePrefs(saved))).toEqual(saved)
	})

	it('falls back to the default sizes for nothing saved, broken JSON or another shape', () => {
		expect(parseWorkspacePrefs(null)).toEqual(DEFAULT_PREFS)
		expect(parseWorkspacePrefs('{"columns":')).toEqual(DEFAULT_PREFS)
		expect(parseWorkspacePrefs('[1,2,3]')).toEqual(DEFAULT_PREFS)
		expect(parseWorkspacePrefs('"wide"')).toEqual(DEFAULT_PREFS)
	})

	it('drops a group whose sizes are unusable but keeps the rest', () => {
		const missingPanel = { ...saved, columns: { 'workspace-brief': 40, 'workspace-code': 60 } }
		expect(parseWorkspacePrefs(JSON.stringify(missingPanel))).toEqual({ ...saved, columns: null })
		const notHundred = { ...saved, rows: { 'workspace-editor': 80, 'workspace-output': 80 } }
		expect(parseWorkspacePrefs(JSON.stringify(notHundred))).toEqual({ ...saved, rows: null })
		const negative = { ...saved, rows: { 'workspace-editor': 120, 'workspace-output': -20 } }
		expect(parseWorkspacePrefs(JSON.stringify(negative))).toEqual({ ...saved, rows: null })
		const strayPanel = { ...saved, rows: { 'workspace-editor': 70, 'workspace-output': 30, 'workspace-terminal': 0 } }
		expect(parseWorkspacePrefs(JSON.stringify(strayPanel))).toEqual({ ...saved, rows: null })
		expect(parseWorkspacePrefs(JSON.stringify({ ...saved, wordWrap: 'yes' }))).toEqual({ ...saved, wordWrap: false })
	})

	it('keeps a collapsed pane collapsed (a size of 0 is a size)', () => {
		const collapsed = { ...saved, columns: { 'workspace-brief': 0, 'workspace-code': 75, 'workspace-side': 25 } }
		expect(parseWorkspacePrefs(JSON.stringify(collapsed)).columns).toEqual(collapsed.columns)
	})

	it('turns the saved sizes into CSS for each panel id', () => {
		expect(layoutCss({ columns: null, rows: { 'workspace-editor': 81.23456, 'workspace-output': 18.76544 } })).toBe(
			'#workspace-editor{flex:81.235 1 0px!important}#workspace-output{flex:18.765 1 0px!important}',
		)
		expect(layoutCss(DEFAULT_PREFS)).toBe('')
	})
})

describe('the pre-paint script', () => {
	it('adds the same CSS the parser would give, for the layouts the parser accepts', () => {
		expect(runRestoreScript(serializeWorkspacePrefs(saved))).toBe(layoutCss(saved))
		const onlyRows = JSON.stringify({ ...saved, columns: { 'workspace-brief': 50 } })
		expect(runRestoreScript(onlyRows)).toBe(layoutCss(parseWorkspacePrefs(onlyRows)))
	})

	it('adds nothing when nothing usable was saved, and never throws', () => {
		expect(runRestoreScript(null)).toBeNull()
		expect(runRestoreScript('{not json')).toBeNull()
		expect(runRestoreScript(JSON.stringify({ columns: { 'workspace-brief': 'wide' } }))).toBeNull()
		expect(runRestoreScript(JSON.stringify({ rows: { 'workspace-editor': 90, 'workspace-output': 90 } }))).toBeNull()
	})
})

describe('the saved open files', () => {
	const existing = new Set(['src/a.ts', 'src/b.ts', 'tests/visible/a.test.ts'])

	it('restores the tabs in their order with the active one', () => {
		expect(parseOpenFiles(JSON.stringify({ open: ['src/b.ts', 'tests/visible/a.test.ts'], active: 'tests/visible/a.test.ts' }), existing)).toEqual({
			open: ['src/b.ts', 'tests/visible/a.test.ts'],
			active: 'tests/visible/a.test.ts',
		})
	})

	it('forgets files the attempt no longer has, and duplicates', () => {
		expect(parseOpenFiles(JSON.stringify({ open: ['src/gone.ts', 'src/a.ts', 'src/a.ts'], active: 'src/gone.ts' }), existing)).toEqual({
			open: ['src/a.ts'],
			active: 'src/a.ts',
		})
	})

	it('gives nothing for nothing usable, so the default file opens', () => {
		expect(parseOpenFiles(null, existing)).toBeNull()
		expect(parseOpenFiles('garbage', existing)).toBeNull()
		expect(parseOpenFiles(JSON.stringify({ open: ['src/gone.ts'], active: 'src/gone.ts' }), existing)).toBeNull()
		expect(parseOpenFiles(JSON.stringify({ open: 'src/a.ts', active: 'src/a.ts' }), existing)).toBeNull()
	})
})
