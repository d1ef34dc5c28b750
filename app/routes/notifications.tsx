import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/notifications'
import { EmptyState } from '#app/components/dashboard/empty-state.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { FormAlert } from '#app/components/ui/field.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { listNotifications, markAllRead, openNotification } from '#app/models/notification.server.ts'
import { NotificationsPageSchema } from '#app/notifications/forms.ts'
import { KIND_INFO, SETTINGS_PATH } from '#app/notifications/kinds.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseIntentForm } from '#app/utils/forms.ts'
import { formatTimeAgo } from '#app/utils/time-format.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const { notifications, total } = await listNotifications(user)
	return {
		now: new Date().toISOString(),
		total,
		notifications: notifications.map((notification) => ({
			id: notification.id,
			kind: notification.kind,
			text: notification.text,
			createdAt: notification.createdAt.toISOString(),
			unread: notification.readAt === null,
		})),
	}
}

type ActionResult = { message?: string; error?: string }

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const form = parseIntentForm(await request.formData(), NotificationsPageSchema)
	if (!form.ok) return data<ActionResult>({ error: 'Choose a notification to open, or mark them all read.' }, { status: 400 })
	if (form.intent === 'mark-all-read') {
		const count = await markAllRead(user)
		return data<ActionResult>({ message: count ? `Marked ${count} ${count === 1 ? 'notification' : 'notifications'} read.` : 'Everything was already read.' })
	}
	const link = await openNotification(user, form.data.notificationId)
	if (!link) return data<ActionResult>({ error: 'There is no such notification. Reload the page to see yours.' }, { status: 404 })
	// Stored links are paths inside Hardmode; anything else goes nowhere else.
	return redirect(link.startsWith('/') && !link.startsWith('//') ? link : '/notifications')
}

export default function NotificationsPage({ loaderData, actionData }: Route.ComponentProps) {
	const { notifications, total } = loaderData
	const now = new Date(loaderData.now)
	const unread = notifications.filter((notification) => notification.unread).length
	const busy = useNavigation().state === 'submitting'
	return (
		<div className="mx-auto max-w-3xl space-y-6">
			<div className="flex flex-wrap items-end justify-between gap-3">
				<div>
					<h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
					<p className="mt-1 text-slate-700 dark:text-slate-300">
						Newest first. Opening one marks it read. Choose what you hear about, and how, in{' '}
						<Link to={SETTINGS_PATH} className={linkClass}>
							notification settings
						</Link>
						.
					</p>
				</div>
				{unread > 0 ? (
					<Form method="post">
						<Button type="submit" variant="secondary" name="intent" value="mark-all-read" disabled={busy}>
							Mark all read
						</Button>
					</Form>
				) : null}
			</div>
			<FormAlert tone="success" message={actionData?.message} />
			<FormAlert message={actionData?.error} />
			<Card aria-label={`Notifications, ${unread} unread`}>
				{notifications.length === 0 ? (
					<EmptyState title="No notifications yet">
						You are told here when practice is assigned to you, an assignment is due tomorrow, or a lead reviews your attempt; leads also hear of attempts
						waiting for review and of flagged exercises.
					</EmptyState>
				) : (
					<ul className="divide-y divide-slate-200 dark:divide-slate-800">
						{notifications.map((notification) => (
							<li key={notification.id} className={cn('flex items-start gap-3 py-3', notification.unread ? '' : 'opacity-90')}>
								<span
									aria-hidden="true"
									className={cn('mt-1.5 size-2.5 shrink-0 rounded-full', notification.unread ? 'bg-brand-600 dark:bg-brand-100' : 'bg-transparent')}
								/>
								<div className="min-w-0 flex-1">
									<Form method="post">
										<input type="hidden" name="notificationId" value={notification.id} />
										<button
											type="submit"
											name="intent"
											value="open"
											className={cn('text-left text-sm', linkClass, notification.unread ? 'font-semibold' : 'font-normal')}
										>
											{notification.text}
										</button>
									</Form>
									<p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
										{notification.unread ? <Badge tone="brand">Unread</Badge> : null}
										<span>{KIND_INFO[notification.kind].label}</span>
										<span aria-hidden="true">·</span>
										<time dateTime={notification.createdAt}>{formatTimeAgo(new Date(notification.createdAt), now)}</time>
									</p>
								</div>
							</li>
						))}
					</ul>
				)}
				{total > notifications.length ? (
					<p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
						Showing the newest {notifications.length} of {total}.
					</p>
				) : null}
			</Card>
		</div>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Notifications · Hardmode' }]
