export type Blob = { bytes: string; contentType: string; storedAt: string; storedBy: string }

/**
 * In-memory stand-in for the document bucket. Keys behave like file paths, the way the
 * storage gateway treats them: "a/./b", "a//b" and "a/x/../b" all name "a/b", and
 * Windows clients' backslashes count as separators.
 */
export function normalizeKey(key: string): string {
  const parts: string[] = []
  for (const part of key.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

export class BlobStore {
  private readonly blobs = new Map<string, Blob>()

  put(key: string, blob: Blob): string {
    const normalized = normalizeKey(key)
    if (normalized === '') throw new Error('empty key')
    this.blobs.set(normalized, { ...blob })
    return normalized
  }

  get(key: string): Blob | undefined {
    const blob = this.blobs.get(normalizeKey(key))
    return blob ? { ...blob } : undefined
  }

  /** Keys directly or indirectly under a folder, sorted. */
  list(folder: string): string[] {
    const prefix = normalizeKey(folder) + '/'
    return [...this.blobs.keys()].filter((key) => key.startsWith(prefix)).sort()
  }
}
