import { Catalog } from '../circulation/catalog'
import { MAX_RENEWALS } from '../circulation/loans'

/** @typedef {import('../circulation/loans').Loan} Loan */
/** @typedef {{ id: string, name: string, email: string, language: 'en' | 'nb' }} Patron */

const TEXT = {
  en: {
    subject: (count) => `${count} ${count === 1 ? 'item is' : 'items are'} due soon`,
    greeting: (name) => `Hello ${name},`,
    intro: 'these loans are due soon:',
    due: 'due',
    renew: 'renew',
    noRenewals: 'cannot be renewed again',
    signature: (branch) => `Best wishes,\n${branch}`,
  },
  nb: {
    subject: (count) => `${count} lån forfaller snart`,
    greeting: (name) => `Hei ${name},`,
    intro: 'disse lånene forfaller snart:',
    due: 'forfaller',
    renew: 'forny',
    noRenewals: 'kan ikke fornyes mer',
    signature: (branch) => `Vennlig hilsen\n${branch}`,
  },
}

/**
 * Renders the "due soon" e-mail for one branch of the library, in the patron's language.
 * One formatter per branch: the renewal links and the signature are the branch's.
 */
export class ReminderFormatter {
  /** @param {{ branch: string, renewBaseUrl: string, catalog: Catalog }} options */
  constructor({ branch, renewBaseUrl, catalog }) {
    this.branch = branch
    this.renewBaseUrl = renewBaseUrl.replace(/\/+$/, '')
    this.catalog = catalog
    this.language = 'en'
  }

  /** @param {Patron} patron @param {Loan[]} loans */
  render(patron, loans) {
    this.language = patron.language
    const text = TEXT[patron.language]
    const ordered = [...loans].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.itemId.localeCompare(b.itemId))
    const body = [text.greeting(patron.name), '', text.intro, ...ordered.map(this.line), '', text.signature(this.branch)].join('\n')
    return { to: patron.email, subject: text.subject(loans.length), body }
  }

  /** One line per loan: title, format, due date, and a renewal link while renewals are left. */
  line(loan) {
    const text = TEXT[this.language]
    const item = this.catalog.get(loan.itemId)
    const due = new Intl.DateTimeFormat(this.language === 'nb' ? 'nb-NO' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${loan.dueDate}T00:00:00Z`))
    const what = `"${item.title}"${item.author ? `, ${item.author}` : ''} (${Catalog.formatLabel(this.language, item.format)})`
    const renewal = loan.renewals < MAX_RENEWALS ? `${text.renew}: ${this.renewBaseUrl}/renew/${loan.itemId}` : text.noRenewals
    return `- ${what}, ${text.due} ${due}; ${renewal}`
  }
}
