// Finds (and, if need be, installs) the Chromium the end-to-end tests drive.
// Playwright cannot download its own browser builds on our machines, so Debian's
// `chromium` package is the usual one; see "Playwright" in /docs and the README.
import { spawnSync } from 'node:child_process'
import { accessSync, constants, statSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'

/**
 * Flags every launch uses. The networking ones stop Chromium's own background traffic
 * (which would flood a closed network with refused connections); the resolver rule makes
 * any request for a host other than this machine fail at once instead of leaving it.
 */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

type ChromiumSource = 'CHROMIUM_PATH' | 'Debian package' | 'Playwright download'
export type ChromiumLocation = { executablePath: string; source: ChromiumSource }

const HOW_TO_GET_ONE = [
	'Install a Chromium for the end-to-end tests in one of these ways:',
	'  • on Debian or Ubuntu, as root (or with sudo):  apt-get update && apt-get install -y chromium',
	'  • as any user, with internet access:  npx playwright install chromium',
	'  • or point the tests at a Chromium or Chrome you already have:  CHROMIUM_PATH=/path/to/chrome npm test',
].join('\n')

function isExecutableFile(file: string) {
	try {
		accessSync(file, constants.X_OK)
		return statSync(file).isFile()
	} catch {
		return false
	}
}

/**
 * The Chromium to use: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else the one
 * `npx playwright install chromium` puts in Playwright's cache. Undefined when none is
 * there. A `CHROMIUM_PATH` that is not an executable is a mistake worth stopping for.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLocation | undefined {
	const configured = env.CHROMIUM_PATH?.trim()
	if (configured) {
		if (!isExecutableFile(configured)) {
			throw new Error(`CHROMIUM_PATH is set to "${configured}", which is not an executable file.\n${HOW_TO_GET_ONE}`)
		}
		return { executablePath: configured, source: 'CHROMIUM_PATH' }
	}
	if (isExecutableFile(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: 'Debian package' }
	let playwrights: string | undefined
	try {
		playwrights = chromium.executablePath()
	} catch {
		// Playwright knows no build for this platform.
	}
	if (playwrights && isExecutableFile(playwrights)) return { executablePath: playwrights, source: 'Playwright download' }
	return undefined
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
	console.log(`$ ${[command, ...args].join(' ')}`)
	const result = spawnSync(command, args, { stdio: 'inherit', env })
	if (result.error) console.error(`Could not start ${command}: ${result.error.message}`)
	return result.status === 0
}

function commandExists(command: string) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function aptInstall(pkg: string) {
	// Wait for another apt/dpkg run to release its lock instead of failing at once.
	const apt = ['-o', 'DPkg::Lock::Timeout=600']
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	return run('apt-get', [...apt, 'update'], env) && run('apt-get', [...apt, 'install', '-y', pkg], env)
}

const canApt = () => process.getuid?.() === 0 && commandExists('apt-get')

function installChromium() {
	if (canApt()) {
		console.log('No Chromium found; installing Debian\'s "chromium" package.')
		return aptInstall('chromium')
	}
	console.log('No Chromium found; asking Playwright to download its own (needs internet access).')
	return run('npx', ['--no-install', 'playwright', 'install', 'chromium'])
}

/** Launches the browser headless with our flags and opens a page, to catch broken installs early. */
async function checkLaunches(location: ChromiumLocation) {
	const browser = await chromium.launch({ executablePath: location.executablePath, args: CHROMIUM_ARGS, timeout: 60_000 })
	try {
		const page = await browser.newPage()
		await page.setContent('<title>launch check</title><p>ok</p>')
		if ((await page.title()) !== 'launch check') throw new Error('the page did not render')
		return browser.version()
	} finally {
		await browser.close()
	}
}

class BrowserUnavailableError extends Error {}

/** The growth report's end-to-end test reads the PDF Chromium prints with pdftotext (Debian's poppler-utils). */
export function ensurePdfToText() {
	if (commandExists('pdftotext')) return
	if (canApt()) {
		console.log('No pdftotext found; installing Debian\'s "poppler-utils" package.')
		if (aptInstall('poppler-utils') && commandExists('pdftotext')) return
	}
	throw new BrowserUnavailableError(
		"pdftotext is missing; the growth report test reads the printed PDF with it. Install it: apt-get install -y poppler-utils (Debian/Ubuntu) or your system's poppler package.",
	)
}

/** Finds a Chromium, installing one if none is found, and proves that it launches. */
export async function ensureBrowser(): Promise<ChromiumLocation & { version: string }> {
	let location = findChromium()
	if (!location) {
		const installed = installChromium()
		location = findChromium()
		if (!location) {
			throw new BrowserUnavailableError(
				`${installed ? 'The install finished, but still no Chromium was found.' : 'Installing Chromium failed (see the output above).'}\n${HOW_TO_GET_ONE}`,
			)
		}
	}
	try {
		const version = await checkLaunches(location)
		return { ...location, version }
	} catch (error) {
		throw new BrowserUnavailableError(
			`Chromium at ${location.executablePath} (${location.source}) was found but does not start headless:\n` +
				`  ${String(error instanceof Error ? error.message : error)
					.split('\n')
					.slice(0, 6)
					.join('\n  ')}\n` +
				`A partial install often lacks shared libraries; reinstalling the package fixes that.\n${HOW_TO_GET_ONE}`,
		)
	}
}

// `npx tsx server/cli/ensure-browser.ts` does the check on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		const browser = await ensureBrowser()
		console.log(`Chromium ${browser.version} at ${browser.executablePath} (${browser.source}) launches headless.`)
	} catch (error) {
		console.error(error instanceof Error ? error.message : error)
		process.exit(1)
	}
}
