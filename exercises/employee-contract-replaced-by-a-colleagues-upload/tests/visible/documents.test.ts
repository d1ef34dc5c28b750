import { describe, it, expect } from 'vitest'
import { BlobStore } from '../../src/storage/blobStore'
import { AuditTrail } from '../../src/documents/audit'
import { DocumentService, DocumentError } from '../../src/documents/documentService'
import { handleUpload } from '../../src/http/documentRoutes'

const hr = { id: 'hr-007', role: 'hr' as const }
const ana = { id: 'e-1043', role: 'employee' as const }
const bob = { id: 'e-1071', role: 'employee' as const }

function setup() {
  const store = new BlobStore()
  const documents = new DocumentService(store, new AuditTrail())
  documents.upload(hr, 'e-1043', 'contracts', 'employment-contract.pdf', '%PDF-1.7 Ana Costa, signed 2026-01-02')
  return { store, documents }
}

describe('employee documents', () => {
  it('lets an employee upload a receipt and read it back', () => {
    const { documents } = setup()
    documents.upload(bob, 'e-1071', 'receipts', 'taxi 14 Jan.pdf', '%PDF-1.7 taxi receipt')

    expect(documents.download(bob, 'e-1071', 'receipts', 'taxi 14 Jan.pdf').bytes).toBe('%PDF-1.7 taxi receipt')
    expect(documents.list(bob, 'e-1071').map((doc) => `${doc.category}/${doc.fileName}`)).toEqual(['receipts/taxi 14 Jan.pdf'])
  })

  it('gives an employee the contract HR uploaded for them', () => {
    const { documents } = setup()
    expect(documents.download(ana, 'e-1043', 'contracts', 'employment-contract.pdf').bytes).toBe('%PDF-1.7 Ana Costa, signed 2026-01-02')
  })

  it("refuses an upload into a colleague's folder", () => {
    const { documents } = setup()
    expect(() => documents.upload(bob, 'e-1043', 'receipts', 'lunch.pdf', '%PDF lunch')).toThrow(DocumentError)
  })

  it('refuses file types other than PDF and images', () => {
    const { documents } = setup()
    const response = handleUpload(documents, {
      actor: bob,
      params: { employeeId: 'e-1071', category: 'receipts' },
      headers: { 'content-disposition': 'attachment; filename="macro.docm"' },
      body: 'PK...',
    })
    expect(response).toEqual({ status: 400, body: { error: 'only PDF, PNG and JPEG files are accepted' } })
  })

  it("keeps Ana's contract when a colleague uploads a receipt", () => {
    const { documents } = setup()
    // Replays the upload from the proxy log of 14 January, 09:14:02.
    handleUpload(documents, {
      actor: bob,
      params: { employeeId: 'e-1071', category: 'receipts' },
      headers: { 'content-disposition': "attachment; filename*=UTF-8''..%2F..%2Fe-1043%2Fcontracts%2Femployment-contract.pdf" },
      body: '%PDF-1.7 <a picture of a cat>',
    })

    expect(documents.download(ana, 'e-1043', 'contracts', 'employment-contract.pdf').bytes).toBe('%PDF-1.7 Ana Costa, signed 2026-01-02')
  })
})
