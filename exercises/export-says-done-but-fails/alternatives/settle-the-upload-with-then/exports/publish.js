function slug(text) {
  return String(text).trim().toLowerCase().replace(/[^a-z0-9._-]+/g, '-')
}

export function objectKeyFor(job, now) {
  const day = now.toISOString().slice(0, 10)
  return `exports/${slug(job.requestedBy)}/${job.reportType}-${day}-${job.id}.csv`
}

function describeFailure(err) {
  if (err && err.code) return `${err.code}: ${err.message}`
  return err instanceof Error ? err.message : String(err)
}

/**
 * Uploads a finished report to the export bucket.
 * Resolves with { ok: true, location, bytes } or { ok: false, reason }; it never throws,
 * so the worker can record the outcome and move on to the next job.
 */
export function publishReport(storage, job, csv, now) {
  const key = objectKeyFor(job, now)
  let upload
  try {
    upload = storage.putObject(key, csv, { contentType: 'text/csv; charset=utf-8' })
  } catch (err) {
    return Promise.resolve({ ok: false, reason: describeFailure(err) })
  }
  return upload.then(
    (stored) => ({ ok: true, location: `${storage.bucket}/${stored.key}`, bytes: stored.size }),
    (err) => ({ ok: false, reason: describeFailure(err) }),
  )
}
