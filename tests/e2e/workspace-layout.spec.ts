// The workspace at a common laptop size (1366×800): the editor gets most of the height, the page
// itself never scrolls, the panes resize and collapse from the keyboard and stay as the learner
// left them, open files and word wrap survive a reload, and the Hints tab unlocks as time passes.
import type { Page } from '@playwright/test'
import { editor, goToLine, openFile, openTab } from './editor.ts'
import { allowConsoleMessage, checkA11y, expect, failedLoad, login, test, uniqueEmail } from './fixtures.ts'

test.use({ viewport: { width: 1366, height: 800 } })

const PASSWORD = 'a long and quiet river 7'

async function signUpAndStart(page: Page, name: string, slug: string) {
	await page.goto('/signup')
	await page.getByLabel('Organisation name').fill(`${name}'s Practice`)
	await page.getByLabel('Your name').fill(name)
	const email = uniqueEmail(name.split(' ')[0]!.toLowerCase())
	await page.getByLabel('Work e-mail').fill(email)
	await page.getByLabel('Password').fill(PASSWORD)
	await page.getByRole('button', { name: 'Create organisation' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	await page.goto(`/exercises/${slug}`)
	await page.getByRole('button', { name: 'Start attempt' }).click()
	await expect(page).toHaveURL(/\/attempts\/[\w-]+$/)
	await expect(editor(page).locator('.view-line').first()).toBeVisible({ timeout: 30_000 })
	return email
}

/** Whole lines of code the editor shows: its height over its line height. */
async function visibleEditorLines(page: Page) {
	return editor(page).evaluate((element) => {
		const line = element.querySelector<HTMLElement>('.view-line')
		const lineHeight = line ? line.getBoundingClientRect().height : 0
		return lineHeight ? Math.floor(element.getBoundingClientRect().height / lineHeight) : 0
	})
}

async function expectWindowFilledExactly(page: Page) {
	const sizes = await page.evaluate(() => ({ scrollHeight: document.scrollingElement!.scrollHeight, innerHeight: window.innerHeight }))
	expect(sizes.scrollHeight, 'the page scrolls past the window').toBeLessThanOrEqual(sizes.innerHeight)
	// The workspace's own header stays in view.
	await expect(page.getByRole('button', { name: /^Run/ })).toBeInViewport()
}

const separator = (page: Page, name: string) => page.getByRole('separator', { name })
const sizeOf = async (page: Page, name: string) => Number(await separator(page, name).getAttribute('aria-valuenow'))

test('a debugging attempt at 1366×800: a tall editor, a page that does not scroll, panes resized and collapsed from the keyboard and kept, open files and word wrap kept', async ({
	page,
}) => {
	test.setTimeout(120_000)
	await signUpAndStart(page, 'Lena Okafor', 'free-shipping-for-everyone')
	expect(await visibleEditorLines(page)).toBeGreaterThanOrEqual(30)
	await expectWindowFilledExactly(page)
	await checkA11y(page, 'debugging workspace')

	// The editor and output separator moves with the arrow keys (5 % a press).
	const rows = 'Resize the editor and the run output'
	const editorShare = await sizeOf(page, rows)
	await separator(page, rows).focus()
	await page.keyboard.press('ArrowUp')
	await page.keyboard.press('ArrowUp')
	await expect.poll(() => sizeOf(page, rows)).toBeLessThan(editorShare - 5)
	const resized = await sizeOf(page, rows)

	// The brief collapses to a rail from the keyboard; focus lands on the rail's expand button.
	await page.getByRole('button', { name: 'Collapse brief and files' }).focus()
	await page.keyboard.press('Enter')
	const expandBrief = page.getByRole('button', { name: 'Expand brief and files' })
	await expect(expandBrief).toBeFocused()
	await expect(page.getByRole('tab', { name: 'Brief' })).toBeHidden()

	// Two files open, the second one active; word wrap on.
	await expandBrief.press('Enter')
	await expect(page.getByRole('tab', { name: 'Brief' })).toBeVisible()
	await openFile(page, 'src/shipping/promotions.ts')
	await openFile(page, 'tests/visible/checkout.test.ts')
	const wordWrap = page.getByRole('button', { name: 'Word wrap' })
	await wordWrap.click()
	await expect(wordWrap).toHaveAttribute('aria-pressed', 'true')
	await page.getByRole('button', { name: 'Collapse diagnosis panel' }).click()
	await expect(page.getByRole('button', { name: 'Expand diagnosis panel' })).toBeVisible()

	await page.reload()
	await expect(editor(page).locator('.view-line').first()).toBeVisible({ timeout: 30_000 })
	await expect.poll(() => sizeOf(page, rows)).toBeCloseTo(resized, 0)
	await expect(page.getByRole('button', { name: 'Expand diagnosis panel' })).toBeVisible()
	await expect(page.getByRole('tab', { name: 'Journal' })).toBeHidden()
	await expect(openTab(page, 'promotions.ts')).toBeVisible()
	await expect(openTab(page, 'checkout.test.ts')).toHaveAttribute('aria-current', 'true')
	await expect(page.getByRole('button', { name: 'Word wrap' })).toHaveAttribute('aria-pressed', 'true')
	await expectWindowFilledExactly(page)
	await checkA11y(page, 'debugging workspace, rearranged')

	await page.getByRole('button', { name: 'Expand diagnosis panel' }).click()
	await expect(page.getByRole('tab', { name: 'Journal' })).toBeVisible()
})

test('the page asks for the editor’s code with its own scripts, not after hydrating', async ({ page }) => {
	await signUpAndStart(page, 'Oda Lind', 'free-shipping-for-everyone')
	const html = await (await page.request.get(page.url())).text()
	const preloads = [...html.matchAll(/<link\b[^>]*>/g)].map((match) => match[0]).filter((tag) => /rel="preload"/.test(tag) && /fetchPriority="low"/i.test(tag))
	expect(preloads.some((tag) => /href="\/assets\/code-editor\.client-[\w-]+\.js"/.test(tag))).toBe(true)
	expect(preloads.some((tag) => /href="\/assets\/editor\.api-[\w-]+\.js"/.test(tag))).toBe(true)
})

test('after typing past the right edge, the next line shows from its start', async ({ page }) => {
	test.setTimeout(90_000)
	await signUpAndStart(page, 'Ines Duarte', 'free-shipping-for-everyone')
	await openFile(page, 'src/shipping/promotions.ts')
	const scrolledSideways = () => editor(page).evaluate((element) => element.querySelector<HTMLElement>('.lines-content')!.style.left)
	await goToLine(page, 5)
	await page.keyboard.press('End')
	await page.keyboard.type(` // ${'a long comment that runs far past the right edge of the editor '.repeat(3)}`)
	await expect.poll(scrolledSideways).not.toMatch(/^(0px)?$/)
	await page.keyboard.press('Enter')
	await page.keyboard.type('const shortLine = 1')
	await expect.poll(scrolledSideways).toMatch(/^(0px)?$/)
})

test('an architecture attempt at 1366×800 fits the window with a tall editor', async ({ page }) => {
	test.setTimeout(120_000)
	await signUpAndStart(page, 'Tariq Haddad', 'public-api-rate-limiter')
	await expect(page.getByRole('tab', { name: 'Decision record' })).toHaveAttribute('aria-selected', 'true')
	expect(await visibleEditorLines(page)).toBeGreaterThanOrEqual(30)
	await expectWindowFilledExactly(page)
	// Each tab strip's selected tab controls a panel labelled by it.
	for (const name of ['Decision record', 'Brief']) {
		const tab = page.getByRole('tab', { name, exact: true })
		const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`)
		await expect(panel).toHaveAttribute('role', 'tabpanel')
		await expect(panel).toHaveAttribute('aria-labelledby', (await tab.getAttribute('id'))!)
	}
	await checkA11y(page, 'architecture workspace')

	// Arrow keys move between the tabs of a strip.
	await page.getByRole('tab', { name: 'Decision record' }).focus()
	await page.keyboard.press('ArrowRight')
	await expect(page.getByRole('tab', { name: 'Journal' })).toBeFocused()
	await expect(page.getByRole('tab', { name: 'Journal' })).toHaveAttribute('aria-selected', 'true')

	// Playing the consequences fills the output; the page still does not scroll.
	await page.getByRole('button', { name: /^Run/ }).click()
	await expect(page.getByRole('region', { name: 'Consequences' })).toBeVisible({ timeout: 60_000 })
	await expectWindowFilledExactly(page)
	await checkA11y(page, 'architecture workspace after a run')
})

test('the Hints tab unlocks without a reload once enough time has passed and a hypothesis is recorded; the server still decides', async ({ page }) => {
	test.setTimeout(120_000)
	await page.clock.install()
	await signUpAndStart(page, 'Mateo Rossi', 'free-shipping-for-everyone')
	await page.getByRole('tab', { name: 'Hints' }).click()
	const lock = page.getByRole('tabpanel', { name: 'Hints' }).getByRole('status')
	await expect(lock).toHaveText(/The next hint unlocks after 5 more minutes of work and 1 more hypothesis in your journal\./)

	// Two minutes on: the count goes down by itself.
	await page.clock.fastForward('02:00')
	await expect(lock).toHaveText(/after 3 more minutes of work and 1 more hypothesis/)

	// A hypothesis: only time is left.
	await page.getByRole('tab', { name: 'Journal' }).click()
	await page.getByLabel('New hypothesis').fill('Freight items still get free standard shipping.')
	await page.getByRole('button', { name: 'Add hypothesis' }).click()
	await page.getByRole('tab', { name: 'Hints' }).click()
	await expect(lock).toHaveText(/after 3 more minutes of work\./)

	// Time up: the tab says a hint is ready and offers it, with no reload.
	await page.clock.fastForward('03:05')
	await expect(page.getByRole('tab', { name: 'Hints (a hint is ready)' })).toBeVisible()
	await expect(page.getByRole('button', { name: 'Reveal hint 1' })).toBeVisible()
	await checkA11y(page, 'workspace with a hint ready')

	// The browser's clock ran ahead of the server's: the server refuses, and says why.
	allowConsoleMessage(failedLoad(409), 'the server refuses a hint the fast-forwarded browser thinks is ready')
	await page.getByRole('button', { name: 'Reveal hint 1' }).click()
	await page.getByRole('button', { name: 'Reveal the hint' }).click()
	await expect(page.getByText('This hint is still locked: keep working and recording hypotheses.')).toBeVisible()
})

test('the layout is remembered per person: another account on the same browser gets the defaults', async ({ page }) => {
	test.setTimeout(120_000)
	const email = await signUpAndStart(page, 'Ana Lima', 'free-shipping-for-everyone')
	const brief = 'Resize the brief and files'
	const defaultShare = await sizeOf(page, brief)
	await separator(page, brief).focus()
	await page.keyboard.press('ArrowRight')
	await expect.poll(() => sizeOf(page, brief)).toBeGreaterThan(defaultShare + 4)

	await page.getByRole('button', { name: 'Log out' }).click()
	await signUpAndStart(page, 'Bo Nilsson', 'free-shipping-for-everyone')
	await expect.poll(() => sizeOf(page, brief)).toBeCloseTo(defaultShare, 0)

	await page.getByRole('button', { name: 'Log out' }).click()
	await login(page, email, PASSWORD)
	await page.goto('/attempts')
	await page
		.getByRole('link', { name: /Free shipping for everyone/ })
		.first()
		.click()
	await expect(editor(page).locator('.view-line').first()).toBeVisible({ timeout: 30_000 })
	await expect.poll(() => sizeOf(page, brief)).toBeGreaterThan(defaultShare + 4)
})
