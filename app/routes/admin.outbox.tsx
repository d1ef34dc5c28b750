import { data, Form, useNavigation } from 'react-router'
import type { Route } from './+types/admin.outbox'
import { Breadcrumbs } from '#app/components/ui/breadcrumbs.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { listOutbox, retryMessage, type OutboxEntry } from '#app/mail/outbox.server.ts'
import { recordAudit } from '#app/models/audit.server.ts'
import { requireOrgAdmin } from '#app/utils/auth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { RECORD_ID_PATTERN } from '#app/utils/forms.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireOrgAdmin(request)
	const messages = await listOutbox(getPrisma(), user.organizationId)
	return { messages, mailServer: Boolean(getEnv().SMTP_URL) }
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireOrgAdmin(request)
	const form = await request.formData()
	const messageId = String(form.get('messageId') ?? '')
	if (form.get('intent') !== 'retry' || !RECORD_ID_PATTERN.test(messageId)) {
		return data({ ok: false, message: 'Choose a message from the list.' }, { status: 400 })
	}
	const outcome = await retryMessage(getPrisma(), { organizationId: user.organizationId, messageId })
	if (outcome === 'not-found') return data({ ok: false, message: 'That message is not in your organisation’s outbox.' }, { status: 404 })
	if (outcome === 'not-failed')
		return data({ ok: false, message: 'That message is not waiting to be sent again: it was sent, or is still being tried.' }, { status: 409 })
	await recordAudit({ organizationId: user.organizationId, actorId: user.id, action: 'outbox.retried', targetType: 'OutboxMessage', targetId: messageId })
	return data({ ok: true, message: 'The message is back in line; the sender tries it within a few seconds.' })
}

// Every other kind is a notification (app/notifications/).
const KIND_LABELS: Record<string, string> = {
	'password-reset': 'Password reset',
	'email-verification': 'Address confirmation',
	invite: 'Invite',
}

function formatTime(at: Date | string) {
	return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

function statusLine(message: OutboxEntry, mailServer: boolean) {
	if (message.status === 'sent') return `Sent ${formatTime(message.sentAt ?? message.createdAt)}.`
	if (message.status === 'failed') return `Not sent: gave up after ${message.attempts} tries. ${message.lastError ?? ''}`.trim()
	if (!mailServer) return 'Not sent: no mail server is configured (SMTP_URL), so the message is kept here.'
	if (message.attempts === 0) return 'Waiting to be sent.'
	return `Not sent yet: ${message.attempts} ${message.attempts === 1 ? 'try' : 'tries'} so far, the next at ${formatTime(message.nextAttemptAt)}. ${message.lastError ?? ''}`.trim()
}

export default function AdminOutbox({ loaderData, actionData }: Route.ComponentProps) {
	const { messages, mailServer } = loaderData
	const busy = useNavigation().state === 'submitting'
	return (
		<div className="space-y-6">
			<div>
				<Breadcrumbs trail={[{ label: 'Organisation', to: '/admin' }, { label: 'Outbox' }]} />
				<h1 className="mt-1 text-2xl font-bold tracking-tight">Outbox</h1>
				<p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">
					{mailServer
						? 'Every message Hardmode sends is kept here first, then delivered by the mail server; one that cannot be delivered is tried again, less and less often, for about seven hours.'
						: 'No mail server is configured, so messages stay here instead of being sent. Pass a link on to the person it is for (an invite, a password reset or an address confirmation), or set SMTP_URL to send them.'}
				</p>
			</div>
			<FormAlert tone={actionData?.ok ? 'success' : 'error'} message={actionData?.message} />
			<Card>
				<CardHeader title="Messages" description="The latest 100, newest first." />
				{messages.length === 0 ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">No mail yet. Invites, password resets and address confirmations will appear here.</p>
				) : (
					<ul className="divide-y divide-slate-200 dark:divide-slate-800">
						{messages.map((message) => (
							<li key={message.id} className="space-y-1.5 py-3 text-sm">
								<div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
									<h2 className="font-semibold">{message.subject}</h2>
									<time dateTime={new Date(message.createdAt).toISOString()} className="text-slate-600 tabular-nums dark:text-slate-400">
										{formatTime(message.createdAt)}
									</time>
								</div>
								<p className="text-slate-700 dark:text-slate-300">
									{KIND_LABELS[message.kind] ?? 'Notification'} to <span className="font-medium">{message.to}</span>
								</p>
								<p className={message.status === 'sent' ? 'text-emerald-800 dark:text-emerald-300' : 'text-amber-900 dark:text-amber-200'}>
									{statusLine(message, mailServer)}
								</p>
								{message.status !== 'sent' && message.links.length ? (
									<ul aria-label={`Links in “${message.subject}” to ${message.to}`}>
										{message.links.map((link) => (
											<li key={link} className="break-all">
												<a href={link} className={linkClass}>
													{link}
												</a>
											</li>
										))}
									</ul>
								) : null}
								<details>
									<summary className="cursor-pointer text-slate-700 dark:text-slate-300">Show the message</summary>
									<pre className="mt-2 rounded bg-slate-50 p-3 font-sans text-sm whitespace-pre-wrap dark:bg-slate-900">{message.text}</pre>
								</details>
								{message.status === 'failed' ? (
									<Form method="post">
										<input type="hidden" name="messageId" value={message.id} />
										<Button type="submit" variant="secondary" name="intent" value="retry" disabled={busy}>
											Try sending again
										</Button>
									</Form>
								) : null}
							</li>
						))}
					</ul>
				)}
			</Card>
		</div>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Outbox · Organisation · Hardmode' }]
