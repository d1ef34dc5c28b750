// Names of everything the box office keeps in its cache.

/** The rendered seat map of one section of one event. */
export const seatMapKey = (eventId: string, sectionId: string): string => `seatmap:${eventId}:${sectionId}`

/** The "n seats left" summary on an event's page. */
export const availabilityKey = (eventId: string): string => `availability:${eventId}`
