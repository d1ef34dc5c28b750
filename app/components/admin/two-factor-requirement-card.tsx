import { Form } from 'react-router'
import { Button } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'

/** The organisation's rule on two-factor sign-in for admins and leads. */
export function TwoFactorRequirementCard({ required, withoutTwoFactor, message }: { required: boolean; withoutTwoFactor: number; message?: string }) {
	const who = `${withoutTwoFactor} ${withoutTwoFactor === 1 ? 'admin or lead has' : 'admins and leads have'} not set it up yet`
	return (
		<Card>
			<CardHeader
				title="Two-factor sign-in"
				description={
					required
						? `Required for admins and leads. ${withoutTwoFactor ? `${who}; they are sent to set it up before any other page.` : 'Every admin and lead uses it.'}`
						: `Optional: anyone may turn it on in their settings. ${withoutTwoFactor ? `${who}.` : ''}`
				}
			/>
			<FormAlert tone="success" message={message} />
			<Form method="post" className="mt-3">
				<input type="hidden" name="required" value={required ? 'no' : 'yes'} />
				<Button type="submit" variant={required ? 'secondary' : 'primary'} name="intent" value="two-factor-requirement">
					{required ? 'Stop requiring it' : 'Require it for admins and leads'}
				</Button>
			</Form>
		</Card>
	)
}
