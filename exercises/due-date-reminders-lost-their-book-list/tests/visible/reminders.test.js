import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createLibrary } from '../../src/library'
import { sendDueSoonReminders } from '../../src/notices/reminder-job'

function setup() {
  const library = createLibrary({
    items: [
      { id: 'BK204113', title: 'The Overstory', author: 'Richard Powers', format: 'book' },
      { id: 'BK118820', title: 'Piranesi', author: 'Susanna Clarke', format: 'book' },
      { id: 'DV009921', title: 'Paddington 2', author: null, format: 'dvd' },
      { id: 'ER000042', title: 'Kobo Clara e-reader #42', author: null, format: 'e-reader' },
    ],
    branches: [{ id: 'main', name: 'Riverside Public Library', renewBaseUrl: 'https://library.example/my/' }],
  })
  library.patrons.set('P-1043', { id: 'P-1043', name: 'Ingrid', email: 'ingrid@example.net', language: 'en' })
  library.patrons.set('P-2210', { id: 'P-2210', name: 'Sam', email: 'sam@example.net', language: 'en' })
  library.loans.add({ itemId: 'BK204113', patronId: 'P-1043', dueDate: '2026-01-15', renewals: 1 })
  library.loans.add({ itemId: 'DV009921', patronId: 'P-1043', dueDate: '2026-01-13', renewals: 3 })
  library.loans.add({ itemId: 'BK118820', patronId: 'P-2210', dueDate: '2026-01-30', renewals: 0 })
  return library
}

function run(library) {
  return sendDueSoonReminders({ ...library, homeBranch: library.homeBranch }, '2026-01-12')
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-01-12T02:00:00.000Z'))
})

describe('due-soon reminders', () => {
  it('lists each loan with its due date and how to renew it', () => {
    const library = setup()
    run(library)

    const [mail] = library.outbox.sent()
    expect(mail.body).toBe(
      [
        'Hello Ingrid,',
        '',
        'these loans are due soon:',
        '- "Paddington 2" (DVD), due Tue 13 Jan; cannot be renewed again',
        '- "The Overstory", Richard Powers (book), due Thu 15 Jan; renew: https://library.example/my/renew/BK204113',
        '',
        'Best wishes,',
        'Riverside Public Library',
      ].join('\n'),
    )
  })

  it('writes only to patrons with a loan due in the next three days', () => {
    const library = setup()
    const summary = run(library)

    expect(library.outbox.sent().map((mail) => mail.to)).toEqual(['ingrid@example.net'])
    expect(summary.patrons).toBe(1)
  })

  it('skips a loan whose patron record is missing and goes on', () => {
    const library = setup()
    library.loans.add({ itemId: 'ER000042', patronId: 'P-9999', dueDate: '2026-01-14', renewals: 0 })
    const summary = run(library)

    expect(summary.skipped).toBe(1)
    expect(library.outbox.sent()).toHaveLength(1)
    expect(library.logger.lines().some((line) => line.includes('no patron record for P-9999'))).toBe(true)
  })

  it('does not remind about returned items', () => {
    const library = setup()
    library.loans.return('BK204113')
    library.loans.return('DV009921')
    run(library)

    expect(library.outbox.sent()).toEqual([])
  })
})
