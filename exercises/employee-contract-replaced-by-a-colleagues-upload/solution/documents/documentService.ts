import { type BlobStore } from '../storage/blobStore'
import { type AuditTrail } from './audit'
import { type Actor, type Category, isCategory, mayRead, mayUpload } from './policy'

export const MAX_BYTES = 10 * 1024 * 1024
const CONTENT_TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' }

/**
 * The name is pasted into the storage key, where "/", "\\", "." and ".." mean folders to the
 * store. A file name may contain dots, but none of those as separators or whole segments.
 */
function isSingleName(fileName: string): boolean {
  if (fileName === '.' || fileName === '..') return false
  return !/[/\\\u0000-\u001f]/.test(fileName)
}

export class DocumentError extends Error {
  readonly kind: 'denied' | 'invalid' | 'missing'
  constructor(kind: 'denied' | 'invalid' | 'missing', message: string) {
    super(message)
    this.name = 'DocumentError'
    this.kind = kind
  }
}

export type StoredDocument = { category: Category; fileName: string; key: string }

/**
 * Employee documents. Every document lives in its employee's folder for its category,
 * employees/<employee id>/<category>/<file name>. File names are kept as the uploader gave
 * them (spaces, accents and dots included), as long as they are a single name, not a path.
 */
export class DocumentService {
  private readonly store: BlobStore
  private readonly audit: AuditTrail

  constructor(store: BlobStore, audit: AuditTrail) {
    this.store = store
    this.audit = audit
  }

  upload(actor: Actor, employeeId: string, category: string, fileName: string, bytes: string): StoredDocument {
    const detail = `${category}/${fileName}`
    if (!isCategory(category)) return this.refuse(actor, employeeId, detail, 'invalid', `unknown category "${category}"`)
    if (!mayUpload(actor, employeeId, category)) return this.refuse(actor, employeeId, detail, 'denied', 'not allowed to upload here')
    if (!isSingleName(fileName)) return this.refuse(actor, employeeId, detail, 'invalid', 'the file name must be a name, not a path')
    const extension = fileName.split('.').pop()?.toLowerCase() ?? ''
    const contentType = CONTENT_TYPES[extension]
    if (!contentType) return this.refuse(actor, employeeId, detail, 'invalid', 'only PDF, PNG and JPEG files are accepted')
    if (bytes.length === 0 || bytes.length > MAX_BYTES) return this.refuse(actor, employeeId, detail, 'invalid', 'file is empty or larger than 10 MB')

    const key = this.store.put(`employees/${employeeId}/${category}/${fileName}`, {
      bytes,
      contentType,
      storedAt: new Date().toISOString(),
      storedBy: actor.id,
    })
    this.audit.record({ actor: actor.id, action: 'upload', employeeId, detail, outcome: 'ok' })
    return { category, fileName, key }
  }

  download(actor: Actor, employeeId: string, category: Category, fileName: string): { bytes: string; contentType: string } {
    if (!mayRead(actor, employeeId)) return this.refuse(actor, employeeId, `${category}/${fileName}`, 'denied', 'not allowed to read this folder')
    const blob = this.store.get(`employees/${employeeId}/${category}/${fileName}`)
    if (!blob) throw new DocumentError('missing', `no document ${category}/${fileName}`)
    this.audit.record({ actor: actor.id, action: 'download', employeeId, detail: `${category}/${fileName}`, outcome: 'ok' })
    return { bytes: blob.bytes, contentType: blob.contentType }
  }

  list(actor: Actor, employeeId: string): StoredDocument[] {
    if (!mayRead(actor, employeeId)) return this.refuse(actor, employeeId, '*', 'denied', 'not allowed to read this folder')
    const folder = `employees/${employeeId}`
    return this.store.list(folder).map((key) => {
      const [category, ...rest] = key.slice(folder.length + 1).split('/')
      return { category: category as Category, fileName: rest.join('/'), key }
    })
  }

  private refuse(actor: Actor, employeeId: string, detail: string, outcome: 'denied' | 'invalid', message: string): never {
    this.audit.record({ actor: actor.id, action: 'upload', employeeId, detail, outcome })
    throw new DocumentError(outcome, message)
  }
}
