// A bug family's name for people: its kebab-case id as words ("check-then-act-race" →
// "Check then act race"). Families have no authored title; the id is written to be read.
export function familyLabel(family: string): string {
	const words = family.split('-').filter(Boolean).join(' ')
	return words.charAt(0).toUpperCase() + words.slice(1)
}
