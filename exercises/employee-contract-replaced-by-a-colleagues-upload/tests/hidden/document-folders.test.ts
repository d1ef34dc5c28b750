import { describe, it, expect } from 'vitest'
import { BlobStore } from '../../src/storage/blobStore'
import { AuditTrail } from '../../src/documents/audit'
import { DocumentService } from '../../src/documents/documentService'
import { handleUpload } from '../../src/http/documentRoutes'

const hr = { id: 'hr-002', role: 'hr' as const }
const mia = { id: 'e-2001', role: 'employee' as const }
const leo = { id: 'e-2002', role: 'employee' as const }

const CONTRACT = '%PDF contract of Mia'
const PAYSLIP = '%PDF payslip of Mia'

function setup() {
  const store = new BlobStore()
  const documents = new DocumentService(store, new AuditTrail())
  documents.upload(hr, 'e-2001', 'contracts', 'contract.pdf', CONTRACT)
  documents.upload(hr, 'e-2001', 'payslips', '2026-01.pdf', PAYSLIP)
  return { store, documents }
}

function attempt(fn: () => unknown): void {
  try {
    fn()
  } catch {
    // refusing the upload is one acceptable outcome; what matters is where things end up
  }
}

function everyKey(store: BlobStore): string[] {
  return store.list('employees')
}

function expectContained(store: BlobStore, allowedFolder: string) {
  const before = ['employees/e-2001/contracts/contract.pdf', 'employees/e-2001/payslips/2026-01.pdf']
  for (const key of everyKey(store)) {
    if (before.includes(key)) continue
    expect(key.startsWith(`${allowedFolder}/`) && !key.slice(allowedFolder.length + 1).includes('/')).toBe(true)
  }
}

describe("uploads stay in the employee's folder for their category", () => {
  // Stated in src/documents/documentService.ts: "Every document lives in its employee's folder for its category"
  it("cannot reach a colleague's folder with a path in the file name", () => {
    const { store, documents } = setup()
    for (const name of ['../../e-2001/contracts/contract.pdf', '../../../employees/e-2001/contracts/contract.pdf', 'x/../../../e-2001/contracts/contract.pdf']) {
      attempt(() => documents.upload(leo, 'e-2002', 'receipts', name, '%PDF forged'))
    }
    expect(documents.download(mia, 'e-2001', 'contracts', 'contract.pdf').bytes).toBe(CONTRACT)
    expectContained(store, 'employees/e-2002/receipts')
  })

  // Stated in src/storage/blobStore.ts: "Windows clients' backslashes count as separators"
  it('cannot reach it with backslashes either', () => {
    const { store, documents } = setup()
    attempt(() => documents.upload(leo, 'e-2002', 'receipts', '..\\..\\e-2001\\contracts\\contract.pdf', '%PDF forged'))
    attempt(() => documents.upload(leo, 'e-2002', 'receipts', '..\\../e-2001/payslips\\2026-01.pdf', '%PDF forged'))
    expect(documents.download(mia, 'e-2001', 'contracts', 'contract.pdf').bytes).toBe(CONTRACT)
    expect(documents.download(mia, 'e-2001', 'payslips', '2026-01.pdf').bytes).toBe(PAYSLIP)
    expectContained(store, 'employees/e-2002/receipts')
  })

  // Stated in src/documents/documentService.ts: "as long as they are a single name, not a path"
  it('cannot reach it with doubled dots and slashes', () => {
    const { store, documents } = setup()
    attempt(() => documents.upload(leo, 'e-2002', 'receipts', '....//....//e-2001/contracts/contract.pdf', '%PDF forged'))
    attempt(() => documents.upload(leo, 'e-2002', 'receipts', '.././.././e-2001/contracts/contract.pdf', '%PDF forged'))
    expect(documents.download(mia, 'e-2001', 'contracts', 'contract.pdf').bytes).toBe(CONTRACT)
    expectContained(store, 'employees/e-2002/receipts')
  })

  // Stated in src/documents/policy.ts: "employees may read their own folders and upload where the category allows it"
  it('cannot move an upload into a category the uploader may not write', () => {
    const { store, documents } = setup()
    attempt(() => documents.upload(mia, 'e-2001', 'receipts', '../contracts/contract.pdf', '%PDF forged by Mia'))
    attempt(() => documents.upload(hr, 'e-2001', 'certificates', '../payslips/2026-01.pdf', '%PDF misplaced'))
    expect(documents.download(mia, 'e-2001', 'contracts', 'contract.pdf').bytes).toBe(CONTRACT)
    expect(documents.download(mia, 'e-2001', 'payslips', '2026-01.pdf').bytes).toBe(PAYSLIP)
    expect(everyKey(store).filter((key) => !key.startsWith('employees/e-2001/receipts/') && !key.startsWith('employees/e-2001/certificates/'))).toEqual([
      'employees/e-2001/contracts/contract.pdf',
      'employees/e-2001/payslips/2026-01.pdf',
    ])
  })

  // Stated in src/documents/documentService.ts: "Every document lives in its employee's folder for its category"
  it('is not fooled by a plain file name header', () => {
    const { store, documents } = setup()
    handleUpload(documents, {
      actor: leo,
      params: { employeeId: 'e-2002', category: 'certificates' },
      headers: { 'content-disposition': 'attachment; filename="../../e-2001/contracts/contract.pdf"' },
      body: '%PDF forged',
    })
    expect(documents.download(mia, 'e-2001', 'contracts', 'contract.pdf').bytes).toBe(CONTRACT)
    expectContained(store, 'employees/e-2002/certificates')
  })

  // Stated in src/documents/documentService.ts: "them (spaces, accents and dots included), as long as they are a single name"
  it('keeps ordinary file names exactly as given', () => {
    const { documents } = setup()
    const names = ['Reisekosten Januar 2026.pdf', 'Arztbescheinigung – Müller.pdf', 'v2..final.pdf', 'scan.2026.01.14.jpg', "O'Brien receipt (1).png"]
    for (const name of names) documents.upload(leo, 'e-2002', 'receipts', name, `%PDF ${name}`)
    const response = handleUpload(documents, {
      actor: leo,
      params: { employeeId: 'e-2002', category: 'receipts' },
      headers: { 'content-disposition': "attachment; filename*=UTF-8''Quittung%20B%C3%A4ckerei.pdf" },
      body: '%PDF bakery',
    })

    expect(response.status).toBe(201)
    expect(documents.list(leo, 'e-2002').map((doc) => doc.fileName).sort()).toEqual([...names, 'Quittung Bäckerei.pdf'].sort())
    for (const name of names) expect(documents.download(leo, 'e-2002', 'receipts', name).bytes).toBe(`%PDF ${name}`)
  })
})
