// A fixed catalogue for tests whose results depend on which exercises exist (the simulated
// demo history spreads its attempts over the whole catalogue): the twenty exercises the
// product shipped with, copied once per test file into a temporary folder.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const FIXED_CATALOGUE = [
	'customer-charged-twice',
	'duplicate-usernames',
	'export-says-done-but-fails',
	'failed-payouts-marked-paid',
	'free-shipping-for-everyone',
	'idempotent-payment-webhook',
	'inventory-client-for-a-flaky-service',
	'inventory-oversold',
	'invoice-total-off-by-a-cent',
	'leaderboard-order-is-random',
	'memory-grows-per-connection',
	'old-prices-after-update',
	'order-ids-dont-match',
	'orders-page-skips-an-order',
	'price-cache-in-front-of-a-slow-service',
	'public-api-rate-limiter',
	'reminders-fire-an-hour-late',
	'retry-storm',
	'slow-order-history',
	'tenant-settings-bleed',
] as const

/** Copies the fixed catalogue into a new temporary folder; call `remove` when done. */
export function fixedCatalogue(): { root: string; remove: () => void } {
	const root = mkdtempSync(path.join(tmpdir(), 'hm-catalogue-'))
	for (const slug of FIXED_CATALOGUE) cpSync(path.join('exercises', slug), path.join(root, slug), { recursive: true })
	return { root, remove: () => rmSync(root, { recursive: true, force: true }) }
}
