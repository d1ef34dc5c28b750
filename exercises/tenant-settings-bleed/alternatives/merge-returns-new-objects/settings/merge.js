export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges `source` over `base`, section by section: nested objects are merged key by key,
 * anything else (strings, numbers, booleans, arrays, null) replaces the value of `base`.
 * Returns a new object; neither argument is changed, and no nested object of either is
 * shared with the result.
 */
export function mergeSettings(base, source) {
  const result = {};
  for (const [key, value] of Object.entries(base)) {
    result[key] = isPlainObject(value) ? mergeSettings(value, {}) : value;
  }
  for (const [key, value] of Object.entries(source)) {
    if (isPlainObject(value)) {
      result[key] = mergeSettings(isPlainObject(result[key]) ? result[key] : {}, value);
    } else {
      result[key] = value;
    }
  }
  return result;
}
