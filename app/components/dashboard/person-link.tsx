import { Link } from 'react-router'
import { cn } from '#app/components/ui/cn.ts'
import { linkClass } from '#app/components/ui/link-style.ts'

/** A person's name, linking to their profile when the server said the viewer may open it. */
export function PersonLink({ person, className }: { person: { id: string; name: string; profile: boolean }; className?: string }) {
	if (!person.profile) return <span className={className}>{person.name}</span>
	return (
		<Link to={`/people/${person.id}`} className={cn(linkClass, className)}>
			{person.name}
		</Link>
	)
}
