/** @typedef {import('./reminder-formatter').Patron} Patron */

export const REMIND_DAYS_AHEAD = 3

function simpleList(patron, loans, deps) {
  const lines = [...loans]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((loan) => {
      const item = deps.catalog.get(loan.itemId)
      const due = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${loan.dueDate}T00:00:00Z`))
      const labels = { book: 'book', audiobook: 'audiobook', dvd: 'DVD', 'e-reader': 'e-reader' }
      const renewal = loan.renewals < 3 ? `renew: https://library.example/my/renew/${loan.itemId}` : 'cannot be renewed again'
      return `- "${item.title}"${item.author ? `, ${item.author}` : ''} (${labels[item.format]}), due ${due}; ${renewal}`
    })
  return [`Hello ${patron.name},`, '', 'these loans are due soon:', ...lines, '', 'Best wishes,', 'Riverside Public Library'].join('\n')
}

const GENERIC = {
  en: { subject: 'Items due soon', body: (name) => `Hello ${name},\n\nsome of your loans are due soon. Log in to My Library to see them and renew.` },
  nb: { subject: 'Lån som forfaller snart', body: (name) => `Hei ${name},\n\nnoen av lånene dine forfaller snart. Logg inn på Mitt bibliotek for å se og fornye dem.` },
}

/**
 * Nightly job: e-mails every patron with loans due in the next few days. One patron's
 * problem must not stop the run, so if their reminder cannot be put together they get
 * the generic reminder instead.
 *
 * @param {{ loans: import('../circulation/loans').LoanStore, patrons: Map<string, Patron>,
 *           formatters: Map<string, import('./reminder-formatter').ReminderFormatter>, homeBranch: (patronId: string) => string,
 *           outbox: ReturnType<typeof import('./outbox').createOutbox>, logger: ReturnType<typeof import('../logger').createLogger> }} deps
 * @param {string} today YYYY-MM-DD
 */
export function sendDueSoonReminders(deps, today) {
  const summary = { patrons: 0, detailed: 0, generic: 0, skipped: 0 }
  for (const [patronId, loans] of deps.loans.dueWithin(today, REMIND_DAYS_AHEAD)) {
    summary.patrons += 1
    const patron = deps.patrons.get(patronId)
    if (!patron) {
      deps.logger.warn(`reminder: no patron record for ${patronId}, skipped`)
      summary.skipped += 1
      continue
    }
    let message
    try {
      const formatter = deps.formatters.get(deps.homeBranch(patronId))
      if (!formatter) throw new Error(`no formatter for branch ${deps.homeBranch(patronId)}`)
      message = formatter.render(patron, loans)
      summary.detailed += 1
    } catch {
      const generic = GENERIC[patron.language]
      message = { to: patron.email, subject: generic.subject, body: generic.body(patron.name) }
      try {
        message = { to: patron.email, subject: `${loans.length} ${loans.length === 1 ? 'item is' : 'items are'} due soon`, body: simpleList(patron, loans, deps) }
      } catch {
        // keep the generic text
      }
      summary.generic += 1
      deps.logger.warn(`reminder for ${patronId}: sent the generic text`)
    }
    deps.outbox.send(message)
  }
  deps.logger.info(`reminders ${today}: ${summary.patrons} patrons, ${summary.detailed} detailed, ${summary.generic} generic, ${summary.skipped} skipped`)
  return summary
}
