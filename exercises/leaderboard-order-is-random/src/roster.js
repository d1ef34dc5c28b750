// The people taking part in a company step challenge.
// Entries come from the sign-up sheet, in the order people joined.

export function createRoster(entries) {
  const byId = new Map()
  for (const entry of entries) {
    if (!entry.id || !entry.name) {
      throw new Error('roster entry needs an id and a name')
    }
    if (byId.has(entry.id)) {
      throw new Error(`duplicate player id ${entry.id}`)
    }
    byId.set(entry.id, { id: entry.id, name: entry.name.trim(), team: entry.team ?? null })
  }

  return {
    get(id) {
      return byId.get(id)
    },
    has(id) {
      return byId.has(id)
    },
    all() {
      return [...byId.values()]
    },
    size() {
      return byId.size
    },
  }
}
