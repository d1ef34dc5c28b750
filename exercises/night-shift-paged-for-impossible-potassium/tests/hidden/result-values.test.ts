import { describe, it, expect } from 'vitest'
import { createResultService } from '../../src/app'

function ward() {
  return createResultService({
    'PAT-02001': { ward: '7C', bed: 1 },
    'PAT-02002': { ward: '7C', bed: 2 },
  })
}

const msg = (accession: string, patient: string, test: string, value: string, unit: string, status: string, at: string) =>
  `RES|${accession}|${patient}|${test}|${value}|${unit}|${status}|${at}`

describe('results without a value', () => {
  // Stated in src/lis/resultMessage.ts: "empty when there is no value"
  // Stated in src/lis/resultMessage.ts: "the LIS announces a preliminary result when the sample reaches the"
  it('shows announced samples as pending, without a page or a point on the chart', () => {
    const service = ward()
    service.receive([
      msg('ACC-26-100001', 'PAT-02001', 'K', '', 'mmol/L', 'P', '2026-02-01T04:00:00Z'),
      msg('ACC-26-100001', 'PAT-02001', 'GLU', '', 'mmol/L', 'P', '2026-02-01T04:00:00Z'),
      msg('ACC-26-100001', 'PAT-02001', 'NA', '', 'mmol/L', 'P', '2026-02-01T04:00:00Z'),
    ])

    expect(service.pages).toEqual([])
    expect(service.board('7C')[0]?.results.map((cell) => [cell.test, cell.shown, cell.flag])).toEqual([
      ['GLU', 'pending', null],
      ['K', 'pending', null],
      ['NA', 'pending', null],
    ])
    expect(service.board('7C')[0]?.critical).toEqual([])
    expect(service.trend('PAT-02001', 'K')).toEqual([])
  })

  // Stated in src/lis/intake.ts: "value is paged as soon as it is known, on a preliminary result just as on a final one"
  it('pages once for a pending sample whose final value is critical', () => {
    const service = ward()
    service.receive([msg('ACC-26-100002', 'PAT-02002', 'K', '', 'mmol/L', 'P', '2026-02-01T04:10:00Z')])
    service.receive([msg('ACC-26-100002', 'PAT-02002', 'K', '6.8', 'mmol/L', 'F', '2026-02-01T04:40:00Z')])

    expect(service.pages.map((page) => page.text)).toEqual(['CRITICAL K 6.8 mmol/L HIGH bed 2'])
    expect(service.trend('PAT-02002', 'K').map((point) => point.value)).toEqual([6.8])
  })

  // Stated in src/lis/intake.ts: "value is paged as soon as it is known, on a preliminary result just as on a final one"
  it('still pages a critical value on a preliminary result', () => {
    const service = ward()
    service.receive([msg('ACC-26-100003', 'PAT-02001', 'GLU', '1.9', 'mmol/L', 'P', '2026-02-01T05:00:00Z')])

    expect(service.pages.map((page) => page.text)).toEqual(['CRITICAL GLU 1.9 mmol/L (prelim) LOW bed 1'])
  })

  // Stated in src/lis/resultMessage.ts: "F and C always carry a value."
  it('refuses a final or corrected result without a value', () => {
    const service = ward()
    const report = service.receive([
      msg('ACC-26-100004', 'PAT-02001', 'K', '', 'mmol/L', 'F', '2026-02-01T05:10:00Z'),
      msg('ACC-26-100005', 'PAT-02001', 'NA', '', 'mmol/L', 'C', '2026-02-01T05:10:00Z'),
    ])

    expect(report.accepted).toBe(0)
    expect(service.errorQueue).toHaveLength(2)
    expect(service.pages).toEqual([])
    expect(service.board('7C')[0]?.results).toEqual([])
  })
})

describe('values that are numbers', () => {
  // Stated in src/lis/resultMessage.ts: "a decimal number, e.g. "4.1" or "-0.4""
  it('keeps a measured zero and negative values', () => {
    const service = ward()
    service.receive([
      msg('ACC-26-100010', 'PAT-02001', 'BE', '0.0', 'mmol/L', 'F', '2026-02-01T06:00:00Z'),
      msg('ACC-26-100011', 'PAT-02001', 'BE', '-0.4', 'mmol/L', 'F', '2026-02-01T07:00:00Z'),
      msg('ACC-26-100012', 'PAT-02001', 'BE', '-11.5', 'mmol/L', 'F', '2026-02-01T08:00:00Z'),
    ])

    expect(service.trend('PAT-02001', 'BE').map((point) => point.value)).toEqual([0, -0.4, -11.5])
    expect(service.pages.map((page) => page.text)).toEqual(['CRITICAL BE -11.5 mmol/L LOW bed 1'])
  })

  // Stated in src/lis/resultMessage.ts: "a decimal number, e.g. "4.1" or "-0.4""
  it('sends values in any other notation to the error queue', () => {
    const service = ward()
    const values = ['0x10', '1e1', 'Infinity', '4,1', '4.1.2', '.', '-', ' ']
    const report = service.receive(values.map((value, i) => msg(`ACC-26-10002${i}`, 'PAT-02002', 'K', value, 'mmol/L', 'F', '2026-02-01T09:00:00Z')))

    expect(report.accepted).toBe(0)
    expect(service.errorQueue).toHaveLength(values.length)
    expect(service.pages).toEqual([])
  })

  // Stated in src/lis/resultMessage.ts: "C corrected (replaces an earlier result)"
  it('replaces a critical value by its correction on the board', () => {
    const service = ward()
    service.receive([msg('ACC-26-100030', 'PAT-02002', 'K', '2.2', 'mmol/L', 'F', '2026-02-01T10:00:00Z')])
    service.receive([msg('ACC-26-100030', 'PAT-02002', 'K', '4.2', 'mmol/L', 'C', '2026-02-01T10:00:00Z')])

    expect(service.board('7C').find((row) => row.bed === 2)?.results).toEqual([{ test: 'K', shown: '4.2 mmol/L', flag: null, status: 'C' }])
    expect(service.trend('PAT-02002', 'K').map((point) => point.value)).toEqual([4.2])
  })
})
