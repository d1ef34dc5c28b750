// Rules for @handles: what a handle may contain, which ones are reserved, and how two
// handles are compared. Product rule: handles are case-insensitive, but accents are
// significant ("josé" and "jose" are different people).

export const MIN_HANDLE_LENGTH = 3;
export const MAX_HANDLE_LENGTH = 24;

// Letters (any script), combining marks, digits, and . _ - inside the handle.
const HANDLE_CHARACTERS = /^[\p{L}\p{M}\p{N}._-]+$/u;

export const RESERVED_HANDLES: ReadonlySet<string> = new Set([
  'admin',
  'administrator',
  'channel',
  'everyone',
  'here',
  'moderator',
  'security',
  'support',
  'system',
]);

export type HandleProblem = 'too-short' | 'too-long' | 'invalid-characters' | 'reserved';

/** The key two handles are compared by: equal keys mean "the same handle". */
export function handleKey(handle: string): string {
  return handle.trim().normalize('NFC').toLowerCase();
}

export function checkHandle(handle: string): HandleProblem | null {
  const trimmed = handle.trim();
  const length = [...trimmed].length;
  if (length < MIN_HANDLE_LENGTH) return 'too-short';
  if (length > MAX_HANDLE_LENGTH) return 'too-long';
  if (!HANDLE_CHARACTERS.test(trimmed)) return 'invalid-characters';
  if (/^[._-]|[._-]$/.test(trimmed)) return 'invalid-characters';
  if (RESERVED_HANDLES.has(handleKey(trimmed))) return 'reserved';
  return null;
}
