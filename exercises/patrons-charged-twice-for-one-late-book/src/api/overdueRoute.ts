import { type LoanStore, MAX_PAGE } from '../circulation/loans'

export type OverdueQuery = { today?: string; limit?: string; after?: string }

export type OverdueResponse =
  | { status: 200; body: { loans: { id: string; patronId: string; title: string; dueOn: string }[]; after: string | null } }
  | { status: 400; body: { error: string } }

const DAY = /^\d{4}-\d{2}-\d{2}$/
const CURSOR = /^(\d{4}-\d{2}-\d{2})~(L-\d{6})$/

/**
 * GET /api/overdue: the librarians' overdue screen and the branch reports page through it by
 * passing `after` back until it is null. `after` names the last loan of the page it came with.
 */
export function overdueRoute(store: LoanStore, query: OverdueQuery): OverdueResponse {
  const today = query.today ?? new Date().toISOString().slice(0, 10)
  if (!DAY.test(today)) return { status: 400, body: { error: 'today must be YYYY-MM-DD' } }
  const limit = query.limit === undefined ? 25 : Number(query.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) return { status: 400, body: { error: `limit must be 1 to ${MAX_PAGE}` } }

  let after = null
  if (query.after !== undefined) {
    const match = CURSOR.exec(query.after)
    if (!match) return { status: 400, body: { error: 'after is not a cursor from this listing' } }
    after = { dueOn: match[1]!, id: match[2]! }
  }

  const page = store.overduePage(today, limit, after)
  return {
    status: 200,
    body: {
      loans: page.loans.map((loan) => ({ id: loan.id, patronId: loan.patronId, title: loan.title, dueOn: loan.dueOn })),
      after: page.next ? `${page.next.dueOn}~${page.next.id}` : null,
    },
  }
}
