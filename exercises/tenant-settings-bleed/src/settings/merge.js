export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges `source` into `target`, section by section: nested objects are merged key by
 * key, anything else (strings, numbers, booleans, arrays, null) replaces the value in
 * `target`. Returns `target`.
 */
export function mergeSettings(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (isPlainObject(value) && isPlainObject(target[key])) {
      mergeSettings(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}
