import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/settings.two-factor'
import { TwoFactorSettingsSchema } from '#app/accounts/two-factor-form.ts'
import { RecoveryCodesShownOnce } from '#app/components/two-factor/recovery-codes.tsx'
import { Button, buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { checkProof } from '#app/models/two-factor-proof.server.ts'
import {
	cancelTwoFactorSetup,
	confirmTwoFactorSetup,
	disableTwoFactor,
	pendingEnrolment,
	regenerateRecoveryCodes,
	startTwoFactorSetup,
	twoFactorStatus,
} from '#app/models/two-factor.server.ts'
import { requireUserAllowingTwoFactorSetup } from '#app/utils/auth.server.ts'
import { parseIntentForm, type FieldErrors } from '#app/utils/forms.ts'
import { clientIp } from '#app/utils/rate-limit.server.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserAllowingTwoFactorSetup(request)
	const [status, enrolment] = await Promise.all([twoFactorStatus(user.id), pendingEnrolment(user)])
	return {
		status: { enabled: status.enabled, enabledAt: status.enabledAt?.toISOString() ?? null, recoveryCodesLeft: status.recoveryCodesLeft },
		enrolment: enrolment ? { qrDataUrl: enrolment.qrDataUrl, secret: enrolment.secret } : null,
		required: Boolean(user.mustSetUpTwoFactor),
		organizationName: user.organizationName,
	}
}

type ActionResult = { intent: string; fieldErrors?: FieldErrors; message?: string; recoveryCodes?: string[] }

export async function action({ request }: Route.ActionArgs) {
	// The page a required set-up must reach, so it takes the guard that lets it through.
	const user = await requireUserAllowingTwoFactorSetup(request)
	const form = parseIntentForm(await request.formData(), TwoFactorSettingsSchema)
	if (!form.ok) {
		if (form.intent) return data<ActionResult>({ intent: form.intent, fieldErrors: form.fieldErrors }, { status: 400 })
		return data<ActionResult>({ intent: 'unknown', message: 'Unknown action.' }, { status: 400 })
	}
	const { intent } = form
	if (form.intent === 'start') {
		const started = await startTwoFactorSetup(user)
		if (!started.ok) return data<ActionResult>({ intent, message: started.message }, { status: 409 })
		return data<ActionResult>({ intent })
	}
	if (form.intent === 'cancel') {
		await cancelTwoFactorSetup(user.id)
		return data<ActionResult>({ intent, message: 'Set-up cancelled. Two-factor sign-in is off.' })
	}
	if (form.intent === 'confirm') {
		const confirmed = await confirmTwoFactorSetup(user, form.data.code)
		if (!confirmed.ok) return data<ActionResult>({ intent, fieldErrors: { code: [confirmed.message] } }, { status: 400 })
		return data<ActionResult>({ intent, message: 'Two-factor sign-in is on.', recoveryCodes: confirmed.recoveryCodes })
	}
	const status = await twoFactorStatus(user.id)
	if (!status.enabled) return data<ActionResult>({ intent, message: 'Two-factor sign-in is not on.' }, { status: 409 })
	const proof = await checkProof(user, form.data.proof, clientIp(request))
	if (!proof.ok) {
		const headers = proof.retryAfterSeconds ? { 'Retry-After': String(proof.retryAfterSeconds) } : undefined
		return data<ActionResult>({ intent, fieldErrors: { proof: [proof.message] } }, { status: proof.status, headers })
	}
	if (form.intent === 'regenerate') {
		return data<ActionResult>({ intent, message: 'New recovery codes made. The old ones no longer work.', recoveryCodes: await regenerateRecoveryCodes(user) })
	}
	await disableTwoFactor(user)
	return data<ActionResult>({ intent, message: 'Two-factor sign-in is off. You sign in with your password alone.' })
}

export default function TwoFactorSettings({ loaderData, actionData }: Route.ComponentProps) {
	const { status, enrolment, required, organizationName } = loaderData
	const [params] = useSearchParams()
	const navigation = useNavigation()
	const busyIntent = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null
	const result = actionData ?? null
	const resultFor = (intent: string) => (result?.intent === intent ? result : null)
	return (
		<div className="mx-auto max-w-2xl space-y-6">
			<div>
				<Link to="/settings" className={`text-sm ${linkClass}`}>
					Account settings
				</Link>
				<h1 className="mt-1 text-2xl font-bold tracking-tight">Two-factor sign-in</h1>
				<p className="mt-1 text-slate-700 dark:text-slate-300">
					After your password, Hardmode asks for a six-digit code from an authenticator app on your phone, so a stolen password alone does not open your
					account.
				</p>
			</div>
			{required || (params.get('required') && !status.enabled) ? (
				<div
					role="status"
					className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
				>
					{organizationName} requires two-factor sign-in for admins and leads. Set it up to continue; every other page opens once it is on.
				</div>
			) : null}
			{result?.recoveryCodes ? <RecoveryCodesShownOnce codes={result.recoveryCodes} message={result.message} /> : null}
			{result?.recoveryCodes && params.get('required') ? (
				<Link to="/dashboard" className={buttonClass('primary')}>
					I saved them: continue to Hardmode
				</Link>
			) : null}
			{status.enabled ? (
				<EnabledCard status={status} busyIntent={busyIntent} resultFor={resultFor} />
			) : enrolment ? (
				<Card>
					<CardHeader
						title="Set up your authenticator app"
						description="Any TOTP app works: 1Password, Bitwarden, Google Authenticator, Microsoft Authenticator, Aegis…"
					/>
					<ol className="list-decimal space-y-4 pl-5 text-sm">
						<li>
							<p>Scan this QR code with the app.</p>
							<img
								src={enrolment.qrDataUrl}
								alt="QR code that adds Hardmode to your authenticator app"
								width={200}
								height={200}
								className="mt-2 rounded bg-white p-1"
							/>
						</li>
						<li>
							<p>Or type this key into the app by hand (time-based, six digits):</p>
							<code
								className="mt-1 inline-block rounded bg-slate-100 px-2 py-1 font-mono text-base tracking-wider dark:bg-slate-800"
								aria-label="Key for your app"
							>
								{enrolment.secret}
							</code>
						</li>
						<li>
							<Form method="post" className="space-y-3" noValidate>
								<Field
									label="Code from the app"
									name="code"
									className="max-w-48 font-mono tracking-widest"
									inputMode="numeric"
									autoComplete="one-time-code"
									required
									help="The six digits the app shows for Hardmode now."
									errors={resultFor('confirm')?.fieldErrors?.code}
								/>
								<div className="flex flex-wrap gap-2">
									<Button type="submit" name="intent" value="confirm" disabled={busyIntent === 'confirm'}>
										{busyIntent === 'confirm' ? 'Checking…' : 'Turn on two-factor sign-in'}
									</Button>
									<Button type="submit" variant="secondary" name="intent" value="cancel" formNoValidate>
										Cancel
									</Button>
								</div>
							</Form>
						</li>
					</ol>
				</Card>
			) : (
				<Card>
					<CardHeader title="Off" description="You sign in with your password alone." />
					<FormAlert tone="success" message={resultFor('disable')?.message ?? resultFor('cancel')?.message} />
					<Form method="post" className="mt-3">
						<Button type="submit" name="intent" value="start" disabled={busyIntent === 'start'}>
							Set up two-factor sign-in
						</Button>
					</Form>
				</Card>
			)}
		</div>
	)
}

function EnabledCard({
	status,
	busyIntent,
	resultFor,
}: {
	status: { enabledAt: string | null; recoveryCodesLeft: number }
	busyIntent: FormDataEntryValue | null | undefined
	resultFor: (intent: string) => ActionResult | null
}) {
	return (
		<Card>
			<CardHeader
				title="On"
				description={`Since ${status.enabledAt ? status.enabledAt.slice(0, 10) : 'now'}. ${status.recoveryCodesLeft} of 10 recovery codes left.${status.recoveryCodesLeft <= 3 ? ' Make new ones before they run out.' : ''}`}
			/>
			<div className="grid gap-6 sm:grid-cols-2">
				<Form method="post" className="space-y-3" noValidate>
					<h3 className="text-sm font-semibold">New recovery codes</h3>
					<p className="text-sm text-slate-700 dark:text-slate-300">Replaces all ten; the old ones stop working.</p>
					<Field
						id="regenerate-proof"
						label="Code from your app, or your password"
						name="proof"
						type="password"
						autoComplete="off"
						required
						errors={resultFor('regenerate')?.fieldErrors?.proof}
					/>
					<Button type="submit" variant="secondary" name="intent" value="regenerate" disabled={busyIntent === 'regenerate'}>
						Make new recovery codes
					</Button>
				</Form>
				<Form method="post" className="space-y-3" noValidate>
					<h3 className="text-sm font-semibold">Turn off</h3>
					<p className="text-sm text-slate-700 dark:text-slate-300">Your password alone will sign you in again.</p>
					<Field
						id="disable-proof"
						label="Code from your app, or your password"
						name="proof"
						type="password"
						autoComplete="off"
						required
						errors={resultFor('disable')?.fieldErrors?.proof}
					/>
					<Button type="submit" variant="danger" name="intent" value="disable" disabled={busyIntent === 'disable'}>
						Turn off two-factor sign-in
					</Button>
				</Form>
			</div>
		</Card>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Two-factor sign-in · Account settings · Hardmode' }]
