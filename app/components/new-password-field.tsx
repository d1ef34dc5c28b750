import { Field } from './ui/field.tsx'
import { PASSWORD_MIN_LENGTH } from '#app/utils/password-rules.ts'

/** A field for choosing a password, with the rules stated up front. */
export function NewPasswordField({ name = 'password', label = 'Password', errors }: { name?: string; label?: string; errors?: string[] }) {
	return (
		<Field
			label={label}
			name={name}
			type="password"
			autoComplete="new-password"
			required
			help={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence is easy to remember and hard to guess.`}
			errors={errors}
		/>
	)
}
