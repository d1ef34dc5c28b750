export class StorageError extends Error {
  constructor(code, message) {
    super(message)
    this.name = 'StorageError'
    this.code = code
  }
}

const KEY_PATTERN = /^[A-Za-z0-9._\-/]+$/

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function etagOf(body) {
  let hash = 2166136261
  for (let i = 0; i < body.length; i++) {
    hash ^= body.charCodeAt(i)
    hash = Math.imul(hash, 16777619) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/**
 * In-memory stand-in for the report bucket. Same contract as the production client:
 * putObject resolves with { key, etag, size } once the object is stored, and rejects
 * with a StorageError (code: InvalidKey, EntityTooLarge, ...) when the bucket refuses it.
 */
export function createObjectStore({ bucket = 'reports', maxObjectBytes = 5 * 1024 * 1024, latencyMs = 0 } = {}) {
  const objects = new Map()
  const inFlight = new Set()

  // Refuses a bad request straight away, before any network round trip.
  function check(key, body) {
    if (!KEY_PATTERN.test(key)) {
      throw new StorageError('InvalidKey', `Object key "${key}" contains characters the bucket does not allow`)
    }
    if (body.length > maxObjectBytes) {
      throw new StorageError('EntityTooLarge', `Object ${key} is ${body.length} bytes; bucket ${bucket} accepts at most ${maxObjectBytes}`)
    }
  }

  async function write(key, body, contentType) {
    if (latencyMs > 0) await sleep(latencyMs)
    const size = body.length
    const etag = etagOf(body)
    objects.set(key, { body, contentType, size, etag })
    return { key, etag, size }
  }

  return {
    bucket,

    putObject(key, body, { contentType = 'application/octet-stream' } = {}) {
      check(key, body)
      const request = write(key, body, contentType)
      // Track uploads that are still running so shutdown can wait for them.
      inFlight.add(request)
      const settle = () => inFlight.delete(request)
      request.then(settle, settle)
      return request
    },

    async getObject(key) {
      const object = objects.get(key)
      if (!object) throw new StorageError('NoSuchKey', `No object ${key} in bucket ${bucket}`)
      return { ...object }
    },

    listKeys(prefix = '') {
      return [...objects.keys()].filter((key) => key.startsWith(prefix)).sort()
    },

    async drain() {
      await Promise.allSettled([...inFlight])
    },
  }
}
