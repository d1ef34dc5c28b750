import { Catalog } from './circulation/catalog'
import { LoanStore } from './circulation/loans'
import { createLogger } from './logger'
import { ReminderFormatter } from './notices/reminder-formatter'
import { createOutbox } from './notices/outbox'

/**
 * Wires the circulation service for the library's branches, as production does.
 * @param {{ items: import('./circulation/catalog').Item[], branches: { id: string, name: string, renewBaseUrl: string }[] }} setup
 */
export function createLibrary({ items, branches }) {
  const catalog = new Catalog(items)
  const formatters = new Map(branches.map((branch) => [branch.id, new ReminderFormatter({ branch: branch.name, renewBaseUrl: branch.renewBaseUrl, catalog })]))
  const homeBranches = new Map()
  return {
    catalog,
    loans: new LoanStore(),
    patrons: new Map(),
    formatters,
    outbox: createOutbox(),
    logger: createLogger(),
    /** @param {string} patronId @param {string} branchId */
    setHomeBranch(patronId, branchId) {
      if (!formatters.has(branchId)) throw new Error(`unknown branch ${branchId}`)
      homeBranches.set(patronId, branchId)
    },
    /** @param {string} patronId */
    homeBranch: (patronId) => homeBranches.get(patronId) ?? branches[0]?.id ?? '',
  }
}
