// Reading the mail the end-to-end server sent, from the run's SMTP sink (tests/setup/smtp-sink.ts).
import { expect } from '@playwright/test'
import type { ReceivedMail } from '../mail-sink.ts'
import { E2E_MAILBOX_URL } from '../setup/mail-ports.ts'

export async function mailTo(address: string): Promise<ReceivedMail[]> {
	const response = await fetch(`${E2E_MAILBOX_URL}/messages?to=${encodeURIComponent(address)}`)
	return (await response.json()) as ReceivedMail[]
}

/** Waits for the `count`-th message to `address` whose subject matches, and returns it. */
export async function waitForMail(address: string, subject: RegExp, count = 1): Promise<ReceivedMail> {
	let found: ReceivedMail[] = []
	await expect
		.poll(
			async () => {
				found = (await mailTo(address)).filter((mail) => subject.test(mail.subject))
				return found.length
			},
			{ timeout: 20_000, message: `a message to ${address} with a subject like ${subject}` },
		)
		.toBeGreaterThanOrEqual(count)
	return found[count - 1]!
}

/** The one link to a page of the app in a message's text. */
export function linkIn(mail: ReceivedMail, page: 'reset-password' | 'verify-email' | 'invite') {
	const link = new RegExp(`https?://\\S+/${page}/[A-Za-z0-9_-]+`).exec(mail.text)?.[0]
	expect(link, mail.text).toBeTruthy()
	return link!
}
