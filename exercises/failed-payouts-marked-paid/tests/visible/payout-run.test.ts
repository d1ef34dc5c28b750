import { describe, it, expect } from 'vitest'
import { createFakeBank } from '../../src/bank/client'
import { createPayoutGateway } from '../../src/payouts/gateway'
import { createPayoutLedger } from '../../src/payouts/ledger'
import { runPayoutBatch } from '../../src/payouts/batch'
import { formatReconciliation, reconcilePayouts } from '../../src/payouts/reconcile'

const FRIDAY = new Date('2026-01-09T16:00:00Z')
const MONDAY = new Date('2026-01-12T16:00:00Z')

// Week 1 payouts, in the order the batch sends them.
const WEEK_1 = [
  { id: 'P-1001', sellerId: 'S-01', iban: 'DE89370400440532013000', amountCents: 12000 },
  { id: 'P-1002', sellerId: 'S-02', iban: 'DE02120300000000202051', amountCents: 8550 },
  { id: 'P-1003', sellerId: 'S-03', iban: 'DE75512108001245126199', amountCents: 4300 },
  { id: 'P-1004', sellerId: 'S-04', iban: 'FR1420041010050500013M02606', amountCents: 23075 },
  { id: 'P-1005', sellerId: 'S-05', iban: 'NL91ABNA0417164300', amountCents: 9900 },
  { id: 'P-1006', sellerId: 'S-06', iban: 'DE44500105175407324931', amountCents: 15000 },
  { id: 'P-1007', sellerId: 'S-07', iban: 'AT611904300234573201', amountCents: 6410 },
  { id: 'P-1008', sellerId: 'S-08', iban: 'DE12500105170648489890', amountCents: 11200 },
].map((p) => ({ ...p, period: '2026-W01' }))

function setUp() {
  // The platform account held €550.00 on Friday; S-03 closed their bank account.
  const bank = createFakeBank({ balanceCents: 55000, closedAccounts: ['DE75512108001245126199'] })
  const ledger = createPayoutLedger()
  ledger.add(WEEK_1)
  const gateway = createPayoutGateway(bank, { retryDelayMs: 1 })
  return { bank, ledger, gateway }
}

describe('weekly seller payouts', () => {
  it('Friday batch: pays what the balance covers and keeps the rest for later', async () => {
    const { ledger, gateway } = setUp()
    const summary = await runPayoutBatch({ ledger, gateway, now: FRIDAY })

    expect(summary).toMatchObject({ attempted: 8, paid: 4, paidCents: 53525, retrying: 3, failed: 1 })
  })

  it('Friday reconciliation: ledger and bank statement agree', async () => {
    const { bank, ledger, gateway } = setUp()
    await runPayoutBatch({ ledger, gateway, now: FRIDAY })

    const report = reconcilePayouts(ledger.list(), bank.statement())
    const text = formatReconciliation(report, '2026-01-09')
    expect(report.paidWithoutTransfer, text).toEqual([])
    expect(report.ledgerPaidCents, text).toBe(report.bankDebitedCents)
    expect(text.split('\n')[0]).toBe('Payout reconciliation 2026-01-09: BALANCED')
  })

  it('Monday batch after the top-up pays everyone except the closed account', async () => {
    const { bank, ledger, gateway } = setUp()
    await runPayoutBatch({ ledger, gateway, now: FRIDAY })
    bank.topUp(40000)
    await runPayoutBatch({ ledger, gateway, now: MONDAY })

    const statuses = Object.fromEntries(ledger.list().map((p) => [p.id, p.status]))
    expect(statuses).toEqual({
      'P-1001': 'paid', 'P-1002': 'paid', 'P-1003': 'failed', 'P-1004': 'paid',
      'P-1005': 'paid', 'P-1006': 'paid', 'P-1007': 'paid', 'P-1008': 'paid',
    })
    expect(bank.statement()).toHaveLength(7)
    expect(reconcilePayouts(ledger.list(), bank.statement()).balanced).toBe(true)
  })

  it('reports the closed account as failed with the bank reason', async () => {
    const { ledger, gateway } = setUp()
    await runPayoutBatch({ ledger, gateway, now: FRIDAY })

    const closed = ledger.get('P-1003')
    expect(closed.status).toBe('failed')
    expect(closed.lastError).toContain('ACCOUNT_CLOSED')
  })
})
