import { describe, it, expect } from 'vitest'
import { createFakeBank } from '../../src/bank/client'
import { createPayoutGateway } from '../../src/payouts/gateway'
import { createPayoutLedger } from '../../src/payouts/ledger'
import { runPayoutBatch } from '../../src/payouts/batch'
import { reconcilePayouts } from '../../src/payouts/reconcile'

const T0 = new Date('2026-02-06T15:00:00Z')
const later = (days: number) => new Date(T0.getTime() + days * 86_400_000)

const IBANS = [
  'DE89370400440532013000',
  'DE02120300000000202051',
  'NL91ABNA0417164300',
  'AT611904300234573201',
  'DE44500105175407324931',
]

function setUp(balanceCents: number, amounts: number[], extra: { closedAccounts?: string[] } = {}) {
  const bank = createFakeBank({ balanceCents, ...extra })
  const ledger = createPayoutLedger()
  ledger.add(
    amounts.map((amountCents, i) => ({ id: `Q-${i + 1}`, sellerId: `S-${i + 1}`, iban: IBANS[i]!, amountCents, period: '2026-W05' })),
  )
  const gateway = createPayoutGateway(bank, { retryDelayMs: 1 })
  const run = (now: Date) => runPayoutBatch({ ledger, gateway, now })
  return { bank, ledger, run }
}

describe('a payout the platform balance cannot cover', () => {
  // Stated in README.md: "If the platform account cannot cover a payout, that is normal at the end of a busy week: the payout stays due and goes out with the next batch after Treasury tops the account up."
  // Stated in README.md: "A payout that is not paid keeps the bank's reason, so Support can tell the seller what happened."
  it('is not marked paid and keeps the bank reason', async () => {
    const { bank, ledger, run } = setUp(5000, [7500])
    const summary = await run(T0)

    const payout = ledger.get('Q-1')
    expect(payout.status).not.toBe('paid')
    expect(payout.status).toBe('retry')
    expect(payout.transferId).toBeNull()
    expect(payout.paidAt).toBeNull()
    expect(payout.lastError).toContain('INSUFFICIENT_FUNDS')
    expect(summary).toMatchObject({ paid: 0, paidCents: 0, retrying: 1, failed: 0 })
    expect(bank.statement()).toEqual([])
  })

  // Stated in README.md: "If the platform account cannot cover a payout, that is normal at the end of a busy week: the payout stays due and goes out with the next batch after Treasury tops the account up."
  // Stated in README.md: "A transfer the bank books is paid, with the bank's transfer ID."
  it('is sent again by a later batch once the balance is topped up', async () => {
    const { bank, ledger, run } = setUp(5000, [7500])
    await run(T0)
    bank.topUp(10000)
    const summary = await run(later(1))

    const payout = ledger.get('Q-1')
    expect(summary).toMatchObject({ attempted: 1, paid: 1, paidCents: 7500 })
    expect(payout.status).toBe('paid')
    expect(payout.transferId).toBe(bank.statement()[0]!.transferId)
    expect(bank.balance()).toBe(7500)
  })

  // Stated in src/payouts/gateway.ts: "retry  - not booked this time; the ledger schedules another attempt"
  // Stated in README.md: "A payout still not paid after five batches is failed too"
  // Stated in README.md: "A transfer the bank books is paid, with the bank's transfer ID."
  // Stated in README.md: "A payout that is not paid keeps the bank's reason, so Support can tell the seller what happened."
  it('eventually gives up and is reported as failed, never as paid', async () => {
    const { bank, ledger, run } = setUp(100, [7500])
    for (let day = 0; day < 8; day++) await run(later(day))

    const payout = ledger.get('Q-1')
    expect(payout.status).toBe('failed')
    expect(payout.transferId).toBeNull()
    expect(payout.lastError).toContain('INSUFFICIENT_FUNDS')
    expect(bank.statement()).toEqual([])
  })

  // Stated in README.md: "Every morning Finance reconciles our payouts ledger against the bank statement."
  // Stated in README.md: "If the platform account cannot cover a payout, that is normal at the end of a busy week: the payout stays due and goes out with the next batch after Treasury tops the account up."
  it('leaves the reconciliation balanced in a mixed batch', async () => {
    const { bank, ledger, run } = setUp(20000, [9000, 6000, 8000, 4000, 1500])
    const summary = await run(T0)

    expect(summary).toMatchObject({ attempted: 5, paid: 3, paidCents: 19000, retrying: 2 })
    const report = reconcilePayouts(ledger.list(), bank.statement())
    expect(report.paidWithoutTransfer).toEqual([])
    expect(report.transferWithoutPaid).toEqual([])
    expect(report.ledgerPaidCents).toBe(19000)
    expect(report.bankDebitedCents).toBe(19000)
    expect(report.balanced).toBe(true)
  })
})

describe('the other bank answers keep their meaning', () => {
  // Stated in src/bank/client.ts: "a transfer with this idempotency key is already booked;"
  // Stated in src/payouts/gateway.ts: "One key per payout, so a repeated request can never pay a seller twice."
  // Stated in README.md: "A transfer the bank books is paid, with the bank's transfer ID."
  it('a booked transfer whose response was lost is paid exactly once', async () => {
    const { bank, ledger, run } = setUp(50000, [12000])
    bank.injectFaults(IBANS[0]!, 'lost-response')
    await run(T0)

    const statement = bank.statement()
    expect(statement).toHaveLength(1)
    expect(ledger.get('Q-1')).toMatchObject({ status: 'paid', transferId: statement[0]!.transferId })
    expect(reconcilePayouts(ledger.list(), statement).balanced).toBe(true)
  })

  // Stated in README.md: "Bank hiccups (rate limiting, timeouts) are retried a few times within the batch, then the payout is left for the next batch."
  it('a rate-limited request is retried within the batch', async () => {
    const { bank, ledger, run } = setUp(50000, [12000, 3000])
    bank.injectFaults(IBANS[1]!, 'rate-limited')
    const summary = await run(T0)

    expect(summary).toMatchObject({ paid: 2, retrying: 0, failed: 0 })
    expect(ledger.get('Q-2').status).toBe('paid')
  })

  // Stated in README.md: "Bank hiccups (rate limiting, timeouts) are retried a few times within the batch, then the payout is left for the next batch."
  it('a bank outage leaves the payout for the next batch', async () => {
    const { bank, ledger, run } = setUp(50000, [12000])
    bank.injectFaults(IBANS[0]!, 'unavailable', 'unavailable', 'unavailable')
    await run(T0)
    expect(ledger.get('Q-1')).toMatchObject({ status: 'retry', transferId: null })

    await run(later(1))
    expect(ledger.get('Q-1').status).toBe('paid')
    expect(bank.statement()).toHaveLength(1)
  })

  // Stated in README.md: "A payout the bank refuses for good (closed account, malformed IBAN) is failed, and Support contacts the seller."
  it('a closed account fails for good and is not retried', async () => {
    const { bank, ledger, run } = setUp(50000, [12000, 3000], { closedAccounts: [IBANS[1]!] })
    await run(T0)
    const next = await run(later(2))

    expect(ledger.get('Q-2')).toMatchObject({ status: 'failed', transferId: null })
    expect(next.attempted).toBe(0)
    expect(bank.statement()).toHaveLength(1)
  })

  // Stated in src/payouts/gateway.ts: "One key per payout, so a repeated request can never pay a seller twice."
  // Stated in README.md: "If the platform account cannot cover a payout, that is normal at the end of a busy week: the payout stays due and goes out with the next batch after Treasury tops the account up."
  it('never pays a seller twice across repeated batches', async () => {
    const { bank, ledger, run } = setUp(10000, [6000, 6000, 6000])
    await run(T0)
    bank.topUp(6000)
    await run(later(1))
    bank.topUp(6000)
    await run(later(2))
    await run(later(3))

    const keys = bank.statement().map((line) => line.idempotencyKey)
    expect(new Set(keys).size).toBe(keys.length)
    expect(ledger.list().map((p) => p.status)).toEqual(['paid', 'paid', 'paid'])
    expect(reconcilePayouts(ledger.list(), bank.statement()).balanced).toBe(true)
  })
})
