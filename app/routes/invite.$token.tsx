import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/invite.$token'
import { InviteFormSchema } from '#app/accounts/account-form.ts'
import { AuthCard } from '#app/components/auth-card.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import {
	acceptInviteAsMember,
	acceptInviteAsNewUser,
	findInvite,
	InviteAddressError,
	InviteNoLongerValidError,
	UnverifiedAddressError,
	type InviteState,
} from '#app/models/invite.server.ts'
import { EmailTakenError } from '#app/models/organization.server.ts'
import { createSession, getOptionalUser } from '#app/utils/auth.server.ts'
import { parseIntentForm, type FieldErrors } from '#app/utils/forms.ts'
import { beginAccountCreation, clientIp, describeRetry, refundAccountCreation } from '#app/utils/rate-limit.server.ts'
import { NewPasswordField } from '#app/components/new-password-field.tsx'

function statusFor(invite: InviteState) {
	return invite.status === 'invalid' ? 404 : invite.status === 'valid' ? 200 : 410
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const [invite, user] = await Promise.all([findInvite(params.token), getOptionalUser(request)])
	const viewer = user
		? {
				name: user.name,
				sameOrganization: invite.status === 'valid' && user.organizationId === invite.organizationId,
				otherAddress: invite.status === 'valid' && invite.email !== null && invite.email !== user.email,
			}
		: null
	const shown =
		invite.status === 'valid'
			? {
					status: invite.status,
					organizationName: invite.organizationName,
					teamName: invite.teamName,
					role: invite.role,
					invitedBy: invite.invitedBy,
					email: invite.email,
				}
			: invite
	return data({ invite: shown, viewer }, { status: statusFor(invite) })
}

export async function action({ request, params }: Route.ActionArgs) {
	const invite = await findInvite(params.token)
	if (invite.status !== 'valid') {
		return data({ fieldErrors: undefined, formError: 'This invite link can no longer be used. Ask your lead for a new one.' }, { status: statusFor(invite) })
	}
	const form = parseIntentForm(await request.formData(), InviteFormSchema)
	try {
		if (form.intent === 'join') {
			const user = await getOptionalUser(request)
			if (!user || user.organizationId !== invite.organizationId) {
				return data({ fieldErrors: undefined, formError: 'Log in with an account of this organisation to join the team.' }, { status: 400 })
			}
			await acceptInviteAsMember(invite, user.id)
			return redirect('/dashboard?joined=1')
		}
		if (await getOptionalUser(request)) {
			return data({ fieldErrors: undefined, formError: 'You are logged in. Log out first to create a new account with this invite.' }, { status: 400 })
		}
		if (!form.ok) return data({ fieldErrors: form.fieldErrors as FieldErrors | undefined, formError: undefined }, { status: 400 })
		return await registerWithInvite(request, invite, form.data)
	} catch (error) {
		if (error instanceof InviteNoLongerValidError) {
			return data({ fieldErrors: undefined, formError: error.message }, { status: 410 })
		}
		if (error instanceof InviteAddressError) {
			const fieldErrors = form.intent === 'register' ? ({ email: [error.message] } as FieldErrors) : undefined
			return data({ fieldErrors, formError: fieldErrors ? undefined : error.message }, { status: 403 })
		}
		if (error instanceof UnverifiedAddressError) return data({ fieldErrors: undefined, formError: error.message }, { status: 403 })
		throw error
	}
}

// As on sign-up: the answer for a registered address does not say so, takes as long as creating
// the account, and counts towards the limit on how many addresses one network can try.
async function registerWithInvite(
	request: Request,
	invite: Extract<InviteState, { status: 'valid' }>,
	input: { name: string; email: string; password: string },
) {
	const ip = clientIp(request)
	const throttle = await beginAccountCreation(ip)
	if (throttle.limited) {
		return data(
			{ fieldErrors: undefined, formError: `Too many sign-up attempts from your network. Try again ${describeRetry(throttle.retryAfterSeconds)}.` },
			{ status: 429, headers: { 'Retry-After': String(throttle.retryAfterSeconds) } },
		)
	}
	try {
		const user = await acceptInviteAsNewUser(invite, input)
		await refundAccountCreation(ip)
		const cookie = await createSession(user.id, user.organizationId, request)
		return redirect('/dashboard?welcome=1', { headers: { 'Set-Cookie': cookie } })
	} catch (error) {
		if (error instanceof EmailTakenError) {
			const message =
				'We could not create an account with this e-mail address. If you have a Hardmode account, log in with it, then open this link again to join the team; otherwise check the address or use another one.'
			return data({ fieldErrors: { email: [message] } as FieldErrors, formError: undefined }, { status: 400 })
		}
		await refundAccountCreation(ip)
		throw error
	}
}

export default function InvitePage({ loaderData, actionData }: Route.ComponentProps) {
	const { invite, viewer } = loaderData
	const busy = useNavigation().state === 'submitting'
	if (invite.status !== 'valid') {
		const message =
			invite.status === 'invalid'
				? 'This invite link is not valid. Check that you copied the whole link, or ask your lead for a new one.'
				: invite.status === 'used'
					? `This invite to ${invite.teamName} has already been used. Invite links work once; ask your lead for a new one.`
					: invite.status === 'withdrawn'
						? `This invite to ${invite.teamName} no longer works: whoever sent it can no longer invite people to the team. Ask your lead for a new one.`
						: `This invite to ${invite.teamName} has expired. Invite links last seven days; ask your lead for a new one.`
		return (
			<AuthCard title={invite.status === 'invalid' ? 'Invite not found' : 'Invite no longer valid'}>
				<p className="text-sm text-slate-700 dark:text-slate-300">{message}</p>
				<p className="mt-4 text-sm">
					<Link to="/login" className="font-medium text-brand-600 underline dark:text-brand-100">
						Log in
					</Link>{' '}
					if you already have an account.
				</p>
			</AuthCard>
		)
	}
	const errors = actionData?.fieldErrors
	const intro = (
		<>
			{invite.invitedBy} invited you to join <strong>{invite.teamName}</strong> at <strong>{invite.organizationName}</strong> as a {invite.role}.
		</>
	)
	if (viewer) {
		return (
			<AuthCard title={`Join ${invite.teamName}`} intro={intro}>
				<FormAlert message={actionData?.formError} />
				{viewer.otherAddress ? (
					<p className="text-sm">
						You are logged in as {viewer.name}, but this invite was sent to {invite.email}. Only that address can accept it: log out and open the link again, or
						ask for an invite to your own address.
					</p>
				) : viewer.sameOrganization ? (
					<Form method="post" className="space-y-4">
						<p className="text-sm">You are logged in as {viewer.name}.</p>
						<Button type="submit" name="intent" value="join" className="w-full" disabled={busy}>
							Join {invite.teamName}
						</Button>
					</Form>
				) : (
					<p className="text-sm">You are logged in as {viewer.name} in another organisation. Log out, then open this link again to create an account here.</p>
				)}
			</AuthCard>
		)
	}
	return (
		<AuthCard title={`Join ${invite.teamName}`} intro={intro}>
			<Form method="post" className="space-y-4" noValidate>
				<FormAlert message={actionData?.formError ?? (errors ? 'Please correct the fields marked below.' : null)} />
				<input type="hidden" name="intent" value="register" />
				<Field label="Your name" name="name" autoComplete="name" required errors={errors?.name} />
				<Field
					label="Work e-mail"
					name="email"
					type="email"
					autoComplete="email"
					required
					defaultValue={invite.email ?? undefined}
					help={invite.email ? 'The invite was sent to this address, and only it can accept.' : undefined}
					errors={errors?.email}
				/>
				<NewPasswordField errors={errors?.password} />
				<Button type="submit" className="w-full" disabled={busy}>
					{busy ? 'Creating your account…' : 'Create account and join'}
				</Button>
			</Form>
		</AuthCard>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: loaderData?.invite.status === 'valid' ? `Join ${loaderData.invite.teamName} · Hardmode` : 'Invite · Hardmode' },
]
