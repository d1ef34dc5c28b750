export class BadBranchError extends Error {
  constructor(raw: string, reason: string) {
    super(`not a branch name: ${JSON.stringify(raw)} (${reason})`)
    this.name = 'BadBranchError'
  }
}

const MAX_BRANCH_LENGTH = 200

/**
 * Branch names reach us in several spellings: webhooks send "refs/heads/release/2.4",
 * the CLI sends "release/2.4", and URLs carry it percent-encoded ("release%2F2.4",
 * "release%2f2.4") or as-is. This returns the one name builds are stored under.
 */
export function canonicalBranch(raw: string): string {
  let name: string
  try {
    name = decodeURIComponent(raw.trim())
  } catch {
    throw new BadBranchError(raw, 'broken percent-encoding')
  }
  if (name.startsWith('refs/heads/')) name = name.slice('refs/heads/'.length)
  if (name === '' || name.length > MAX_BRANCH_LENGTH) throw new BadBranchError(raw, 'empty or too long')
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//') || name.includes('..')) {
    throw new BadBranchError(raw, 'malformed path')
  }
  return name
}
