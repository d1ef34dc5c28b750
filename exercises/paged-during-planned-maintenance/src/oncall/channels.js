/** The paging provider: rings the engineer's phone. In-memory here; production calls the provider's API. */
export function createPager() {
  const pages = []
  return {
    /** @param {string} engineer @param {string} message */
    page(engineer, message) {
      pages.push({ at: new Date().toISOString(), engineer, message })
    },
    sent: () => pages.map((page) => ({ ...page })),
  }
}

/** Ticket queues, one per service. */
export function createTicketQueue() {
  const tickets = []
  return {
    /** @param {string} service @param {string} title @param {string} note */
    open(service, title, note) {
      const ticket = { id: `OPS-${1000 + tickets.length + 1}`, service, title, note, openedAt: new Date().toISOString() }
      tickets.push(ticket)
      return ticket
    },
    all: () => tickets.map((ticket) => ({ ...ticket })),
  }
}
