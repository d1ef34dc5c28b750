import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/settings.notifications'
import { Button } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FieldErrors, FormAlert } from '#app/components/ui/field.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { getNotificationSettings, saveNotificationSettings } from '#app/models/notification.server.ts'
import { NotificationSettingsSchema } from '#app/notifications/forms.ts'
import { DELIVERIES, DELIVERY_LABELS, KIND_INFO, kindsFor, type Delivery, type NotificationKind } from '#app/notifications/kinds.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm, type FieldErrors as Errors } from '#app/utils/forms.ts'
import { isLeadOrAdmin } from '#app/utils/permissions.server.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const leadsOrAdmin = isLeadOrAdmin(user)
	const settings = await getNotificationSettings(user)
	return { email: user.email, leadsOrAdmin, kinds: kindsFor({ leadsOrAdmin }), deliveries: settings.deliveries, dailyDigest: settings.dailyDigest }
}

type ActionResult = { message?: string; fieldErrors?: Errors }

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const form = parseForm(await request.formData(), NotificationSettingsSchema)
	if (!form.ok) return data<ActionResult>({ fieldErrors: form.fieldErrors }, { status: 400 })
	const leadsOrAdmin = isLeadOrAdmin(user)
	const deliveries: Partial<Record<NotificationKind, Delivery>> = {}
	for (const kind of kindsFor({ leadsOrAdmin })) {
		const delivery = form.data[kind]
		if (delivery) deliveries[kind] = delivery
	}
	const dailyDigest = form.data.dailyDigest === 'on'
	if (dailyDigest && !leadsOrAdmin)
		return data<ActionResult>({ fieldErrors: { dailyDigest: ['The daily digest is for leads and admins. Your choices were not saved.'] } }, { status: 400 })
	await saveNotificationSettings(user, { deliveries, dailyDigest })
	return data<ActionResult>({ message: 'Your notification settings were saved.' })
}

export default function NotificationSettingsPage({ loaderData, actionData }: Route.ComponentProps) {
	const busy = useNavigation().state === 'submitting'
	const errors = actionData?.fieldErrors
	return (
		<div className="mx-auto max-w-2xl space-y-6">
			<div>
				<p className="text-sm">
					<Link to="/settings" className={linkClass}>
						Account settings
					</Link>
				</p>
				<h1 className="mt-1 text-2xl font-bold tracking-tight">Notification settings</h1>
				<p className="mt-1 text-slate-700 dark:text-slate-300">
					For each kind, choose whether you hear about it in the app only, in the app and by e-mail to {loaderData.email}, or not at all.
				</p>
			</div>
			<Form method="post" className="space-y-6">
				<FormAlert tone="success" message={actionData?.message} />
				{errors?.form ? <FormAlert message={errors.form.join(' ')} /> : null}
				<Card>
					<CardHeader title="What you hear about" />
					<div className="space-y-5">
						{loaderData.kinds.map((kind) => (
							<fieldset key={kind} aria-describedby={`${kind}-help`} className="space-y-2">
								<legend className="text-sm font-medium text-slate-900 dark:text-slate-100">{KIND_INFO[kind].label}</legend>
								<p id={`${kind}-help`} className="text-xs text-slate-600 dark:text-slate-400">
									{KIND_INFO[kind].description}
								</p>
								<div className="flex flex-wrap gap-x-5 gap-y-2">
									{DELIVERIES.map((delivery) => (
										<label key={delivery} className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
											<input
												type="radio"
												name={kind}
												value={delivery}
												defaultChecked={loaderData.deliveries[kind] === delivery}
												className="size-4 accent-brand-600"
											/>
											{DELIVERY_LABELS[delivery]}
										</label>
									))}
								</div>
								<FieldErrors errors={errors?.[kind]} />
							</fieldset>
						))}
					</div>
				</Card>
				{loaderData.leadsOrAdmin ? (
					<Card>
						<CardHeader
							title="Daily digest"
							description="Instead of one e-mail for each notification you chose to have mailed, one e-mail a day that gathers them. Nothing waits more than a day."
						/>
						<label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
							<input type="checkbox" name="dailyDigest" defaultChecked={loaderData.dailyDigest} className="size-4 accent-brand-600" />
							Send my e-mails as one daily digest
						</label>
						<FieldErrors errors={errors?.dailyDigest} />
					</Card>
				) : null}
				<Button type="submit" disabled={busy}>
					{busy ? 'Saving…' : 'Save notification settings'}
				</Button>
			</Form>
		</div>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Notification settings · Hardmode' }]
