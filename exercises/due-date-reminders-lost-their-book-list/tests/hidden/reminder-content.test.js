import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createLibrary } from '../../src/library'
import { sendDueSoonReminders } from '../../src/notices/reminder-job'

function setup() {
  const library = createLibrary({
    items: [
      { id: 'BK300001', title: 'Sult', author: 'Knut Hamsun', format: 'book' },
      { id: 'AB300002', title: 'Min kamp 1', author: 'Karl Ove Knausgård', format: 'audiobook' },
      { id: 'BK300003', title: 'Middlemarch', author: 'George Eliot', format: 'book' },
      { id: 'ER300004', title: 'Kindle #7', author: null, format: 'e-reader' },
    ],
    branches: [
      { id: 'main', name: 'Riverside Public Library', renewBaseUrl: 'https://library.example/my' },
      { id: 'north', name: 'Northgate Branch Library', renewBaseUrl: 'https://north.library.example/my/' },
    ],
  })
  library.patrons.set('P-3001', { id: 'P-3001', name: 'Kari', email: 'kari@example.no', language: 'nb' })
  library.patrons.set('P-3002', { id: 'P-3002', name: 'Oliver', email: 'oliver@example.com', language: 'en' })
  library.patrons.set('P-3003', { id: 'P-3003', name: 'Mei', email: 'mei@example.com', language: 'en' })
  library.setHomeBranch('P-3002', 'north')
  return library
}

const run = (library, today = '2026-02-02') => sendDueSoonReminders({ ...library, homeBranch: library.homeBranch }, today)
const mailTo = (library, email) => library.outbox.sent().find((mail) => mail.to === email)

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-02-02T02:00:00.000Z'))
})

describe('reminder content', () => {
  // Stated in README.md: "The reminder is in the patron's language (English or Norwegian) and signed by their home branch."
  it('writes to a Norwegian patron in Norwegian', () => {
    const library = setup()
    library.loans.add({ itemId: 'AB300002', patronId: 'P-3001', dueDate: '2026-02-04', renewals: 0 })
    library.loans.add({ itemId: 'BK300001', patronId: 'P-3001', dueDate: '2026-02-03', renewals: 3 })
    run(library)

    const mail = mailTo(library, 'kari@example.no')
    expect(mail.subject).toBe('2 lån forfaller snart')
    expect(mail.body.split('\n')).toEqual([
      ...['Hei Kari,', '', 'disse lånene forfaller snart:'],
      '- "Sult", Knut Hamsun (bok), forfaller tir. 3. feb.; kan ikke fornyes mer',
      '- "Min kamp 1", Karl Ove Knausgård (lydbok), forfaller ons. 4. feb.; forny: https://library.example/my/renew/AB300002',
      '',
      'Vennlig hilsen',
      'Riverside Public Library',
    ])
  })

  // Stated in README.md: "a renewal link at the patron's home branch"
  it("links to the patron's home branch and signs with its name", () => {
    const library = setup()
    library.loans.add({ itemId: 'BK300003', patronId: 'P-3002', dueDate: '2026-02-05', renewals: 2 })
    run(library)

    const mail = mailTo(library, 'oliver@example.com')
    expect(mail.subject).toBe('1 item is due soon')
    expect(mail.body).toBe(
      [
        'Hello Oliver,',
        '',
        'these loans are due soon:',
        '- "Middlemarch", George Eliot (book), due Thu 5 Feb; renew: https://north.library.example/my/renew/BK300003',
        '',
        'Best wishes,',
        'Northgate Branch Library',
      ].join('\n'),
    )
  })

  // Stated in README.md: "Every loan due in the next three days, earliest first"
  it('lists every loan due in the next three days, earliest first, and nothing later', () => {
    const library = setup()
    library.loans.add({ itemId: 'ER300004', patronId: 'P-3003', dueDate: '2026-02-05', renewals: 0 })
    library.loans.add({ itemId: 'BK300003', patronId: 'P-3003', dueDate: '2026-02-02', renewals: 0 })
    library.loans.add({ itemId: 'BK300001', patronId: 'P-3003', dueDate: '2026-02-06', renewals: 0 })
    run(library)

    const lines = mailTo(library, 'mei@example.com').body.split('\n').filter((line) => line.startsWith('- '))
    expect(lines).toEqual([
      '- "Middlemarch", George Eliot (book), due Mon 2 Feb; renew: https://library.example/my/renew/BK300003',
      '- "Kindle #7" (e-reader), due Thu 5 Feb; renew: https://library.example/my/renew/ER300004',
    ])
  })

  // Stated in README.md: "that patron gets the generic reminder and the run goes on"
  it('falls back to the generic text only for the patron whose item left the catalogue', () => {
    const library = setup()
    library.loans.add({ itemId: 'BK999999', patronId: 'P-3003', dueDate: '2026-02-03', renewals: 0 })
    library.loans.add({ itemId: 'BK300003', patronId: 'P-3002', dueDate: '2026-02-03', renewals: 0 })
    library.loans.add({ itemId: 'BK300001', patronId: 'P-3001', dueDate: '2026-02-03', renewals: 0 })
    const summary = run(library)

    expect(summary).toEqual({ patrons: 3, detailed: 2, generic: 1, skipped: 0 })
    expect(mailTo(library, 'mei@example.com').subject).toBe('Items due soon')
    expect(mailTo(library, 'oliver@example.com').body).toContain('"Middlemarch", George Eliot (book), due Tue 3 Feb')
    expect(mailTo(library, 'kari@example.no').body).toContain('"Sult", Knut Hamsun (bok), forfaller tir. 3. feb.')
  })

  // Stated in README.md: "The reminder is in the patron's language (English or Norwegian) and signed by their home branch."
  it('keeps each patron in their own language when both languages go out in one run', () => {
    const library = setup()
    library.setHomeBranch('P-3001', 'north')
    library.loans.add({ itemId: 'BK300001', patronId: 'P-3001', dueDate: '2026-02-03', renewals: 0 })
    library.loans.add({ itemId: 'BK300003', patronId: 'P-3002', dueDate: '2026-02-04', renewals: 3 })
    run(library)

    expect(mailTo(library, 'kari@example.no').body).toContain('forny: https://north.library.example/my/renew/BK300001')
    expect(mailTo(library, 'oliver@example.com').body).toContain('"Middlemarch", George Eliot (book), due Wed 4 Feb; cannot be renewed again')
  })
})
