import { type Actor } from '../documents/policy'
import { DocumentError, type DocumentService } from '../documents/documentService'

export type UploadRequest = {
  actor: Actor
  params: { employeeId: string; category: string }
  headers: Record<string, string>
  body: string
}

export type Response = { status: number; body: unknown }

const STATUS = { denied: 403, invalid: 400, missing: 404 } as const

/**
 * The file name comes from the Content-Disposition header. Browsers send it as
 * filename*=UTF-8''<percent-encoded name> when it has non-ASCII characters, which we decode.
 */
export function fileNameFrom(disposition: string | undefined): string | null {
  if (!disposition) return null
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim())
    } catch {
      return null
    }
  }
  const plain = /filename="([^"]*)"/i.exec(disposition)
  return plain ? plain[1]! : null
}

/** POST /employees/:employeeId/documents/:category */
export function handleUpload(documents: DocumentService, request: UploadRequest): Response {
  const fileName = fileNameFrom(request.headers['content-disposition'])
  if (!fileName) return { status: 400, body: { error: 'missing file name' } }
  try {
    const stored = documents.upload(request.actor, request.params.employeeId, request.params.category, fileName, request.body)
    return { status: 201, body: { category: stored.category, fileName: stored.fileName } }
  } catch (error) {
    if (error instanceof DocumentError) return { status: STATUS[error.kind], body: { error: error.message } }
    throw error
  }
}
