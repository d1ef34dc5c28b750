// Driving the workspace's editor as a person would: open a file from the tree, go to a line
// with Monaco's own Ctrl+G. Shared by the specs that work in the workspace.
import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

export const openTab = (page: Page, name: string) =>
	page.getByRole('navigation', { name: 'Open files' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) })

export const editor = (page: Page) => page.locator('.monaco-editor').first()

/** Puts the cursor on a line with Monaco's own Go to Line (Ctrl+G). */
export async function goToLine(page: Page, line: number) {
	await editor(page).locator('.view-lines').click()
	await page.keyboard.press('Control+G')
	await page.keyboard.type(String(line))
	await page.keyboard.press('Enter')
}

export async function openFile(page: Page, path: string) {
	await page.getByRole('tab', { name: 'Files' }).click()
	await page
		.getByRole('navigation', { name: 'Files' })
		// The tree names files from src/ and tests/visible/ without those folders.
		.getByRole('button', { name: new RegExp(`^${escapeRegExp(path.replace(/^src\/|^tests\/visible\//, ''))}`) })
		.click()
	await expect(openTab(page, path.split('/').at(-1)!)).toHaveAttribute('aria-current', 'true')
}

/** Replaces a whole line with text typed key by key; Escape first, so Monaco's auto-closing does not add a bracket. */
export async function retypeLine(page: Page, line: number, text: string) {
	await goToLine(page, line)
	await page.keyboard.press('End')
	await page.keyboard.press('Shift+Home')
	await page.keyboard.type(text.slice(0, -1))
	await page.keyboard.press('Escape')
	await page.keyboard.type(text.slice(-1))
}

/** Selects whole lines from `first` to `last` in the editor. */
export async function selectLines(page: Page, first: number, last: number) {
	await goToLine(page, first)
	await page.keyboard.press('Home')
	for (let line = first; line < last; line++) await page.keyboard.press('Shift+ArrowDown')
	await page.keyboard.press('Shift+End')
}
