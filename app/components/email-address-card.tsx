import { Form, useSearchParams } from 'react-router'
import { Button } from './ui/button.tsx'
import { Card, CardHeader } from './ui/card.tsx'
import { cn } from './ui/cn.ts'
import { Field, FormAlert } from './ui/field.tsx'

type Result = { message?: string; error?: string; fieldErrors?: Record<string, string[] | undefined> } | null

/** Settings: the account's address, whether it is confirmed, and changing it (confirmed from the new address). */
export function EmailAddressCard({
	email,
	verified,
	pending,
	busyIntent,
	resent,
	changed,
}: {
	email: string
	verified: boolean
	pending: string | null
	busyIntent: FormDataEntryValue | null | undefined
	resent: Result
	changed: Result
}) {
	const [params] = useSearchParams()
	return (
		<Card>
			<CardHeader title="E-mail address" description={`Password reset links and invites go to ${email}.`} />
			<div className="space-y-4">
				{verified && !pending && params.get('verified') ? <FormAlert tone="success" message={`Your address ${email} is confirmed.`} /> : null}
				{/* Asking for a new address retired the first link: then the line about the new address says all. */}
				{!verified && !pending ? (
					<div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800">
						<p>
							<strong>Your address is not confirmed yet.</strong> We sent a link to {email}; open it to confirm the address. Until then, invites to teams wait
							for it.
						</p>
					</div>
				) : null}
				{pending ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">
						Waiting for you to confirm <strong>{pending}</strong>: open the link we sent there. Until then, you keep logging in as {email}.
					</p>
				) : null}
				<FormAlert tone={resent?.error ? 'error' : 'success'} message={resent?.error ?? resent?.message} />
				{!verified || pending ? (
					<Form method="post">
						<Button type="submit" variant="secondary" name="intent" value="send-verification" disabled={busyIntent === 'send-verification'}>
							{busyIntent === 'send-verification' ? 'Sending…' : 'Send the link again'}
						</Button>
					</Form>
				) : null}
				<Form method="post" className={cn('space-y-4', !verified || pending ? 'border-t border-slate-200 pt-4 dark:border-slate-800' : '')} noValidate>
					<FormAlert tone={changed?.error ? 'error' : 'success'} message={changed?.error ?? changed?.message} />
					<Field label="New e-mail address" name="newEmail" type="email" autoComplete="email" required errors={changed?.fieldErrors?.newEmail} />
					<Field
						label="Current password"
						name="currentPassword"
						type="password"
						autoComplete="current-password"
						required
						errors={changed?.fieldErrors?.currentPassword}
					/>
					<Button type="submit" name="intent" value="email" disabled={busyIntent === 'email'}>
						{busyIntent === 'email' ? 'Sending…' : 'Change address'}
					</Button>
				</Form>
			</div>
		</Card>
	)
}
