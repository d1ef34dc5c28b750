// A person's name in a review list or page: a link to their profile when the server said the
// viewer may open it (PersonLink.profile), plain text otherwise.
import { Link } from 'react-router'
import { cn } from '#app/components/ui/cn.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import type { PersonLink } from '#app/reviews/queue-view.ts'

export function PersonName({ person, className }: { person: PersonLink; className?: string }) {
	if (!person.profile) return <span className={className}>{person.name}</span>
	return (
		<Link to={`/people/${person.id}`} className={cn(linkClass, className)}>
			{person.name}
		</Link>
	)
}
