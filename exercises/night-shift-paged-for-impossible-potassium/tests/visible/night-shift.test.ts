import { describe, it, expect } from 'vitest'
import { createResultService } from '../../src/app'

function ward4b() {
  return createResultService({
    'PAT-00831': { ward: '4B', bed: 12 },
    'PAT-00907': { ward: '4B', bed: 14 },
    'PAT-01122': { ward: '5A', bed: 3 },
  })
}

describe('ward 4B at night', () => {
  it('pages the ward for a critically low potassium', () => {
    const service = ward4b()
    service.receive(['RES|ACC-26-004498|PAT-00907|K|2.4|mmol/L|F|2026-01-07T01:05:00Z'])

    expect(service.pages).toEqual([{ ward: '4B', bed: 14, patientId: 'PAT-00907', text: 'CRITICAL K 2.4 mmol/L LOW bed 14' }])
  })

  it('does not page anyone about a sample that is still in the analyser', () => {
    const service = ward4b()
    // 02:14: the sample reached the analyser; 02:51: the final result.
    service.receive(['RES|ACC-26-004512|PAT-00831|K||mmol/L|P|2026-01-07T02:14:00Z'])
    service.receive(['RES|ACC-26-004512|PAT-00831|K|4.1|mmol/L|F|2026-01-07T02:51:00Z'])

    expect(service.pages).toEqual([])
  })

  it('shows the final value on the board once it arrives', () => {
    const service = ward4b()
    service.receive([
      'RES|ACC-26-004512|PAT-00831|K||mmol/L|P|2026-01-07T02:14:00Z',
      'RES|ACC-26-004512|PAT-00831|K|4.1|mmol/L|F|2026-01-07T02:51:00Z',
      'RES|ACC-26-004512|PAT-00831|NA|139|mmol/L|F|2026-01-07T02:51:00Z',
    ])

    const row = service.board('4B').find((r) => r.bed === 12)
    expect(row?.results).toEqual([
      { test: 'K', shown: '4.1 mmol/L', flag: null, status: 'F' },
      { test: 'NA', shown: '139 mmol/L', flag: null, status: 'F' },
    ])
  })

  it('sends messages it cannot read to the error queue', () => {
    const service = ward4b()
    const report = service.receive([
      'RES|ACC-26-004530|PAT-00831|K|4,1|mmol/L|F|2026-01-07T03:00:00Z',
      'RES|ACC-26-004531|PAT-00831|CRP|12|mg/L|F|2026-01-07T03:00:00Z',
    ])

    expect(report.accepted).toBe(0)
    expect(service.errorQueue.map((r) => r.error)).toEqual(['value "4,1" is not a number', 'unknown test "CRP"'])
  })

  it('shows a cancelled test as cancelled', () => {
    const service = ward4b()
    service.receive(['RES|ACC-26-004540|PAT-00907|HB||g/L|X|2026-01-07T03:30:00Z'])

    expect(service.board('4B').find((r) => r.bed === 14)?.results).toEqual([{ test: 'HB', shown: 'cancelled', flag: null, status: 'X' }])
    expect(service.pages).toEqual([])
  })
})
