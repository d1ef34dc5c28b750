import { type Filter, type Value } from './parser'

export type Row = Record<string, string | number>
export type Params = Record<string, string | number>

function resolve(value: Value, params: Params): string | number {
  if (value.kind !== 'param') return value.value
  const bound = params[value.name]
  if (bound === undefined) throw new Error(`no value bound for :${value.name}`)
  return bound
}

/** Whether a row matches. "~" is a case-insensitive "contains"; the other operators compare. */
export function matches(filter: Filter, row: Row, params: Params = {}): boolean {
  switch (filter.kind) {
    case 'and':
      return matches(filter.left, row, params) && matches(filter.right, row, params)
    case 'or':
      return matches(filter.left, row, params) || matches(filter.right, row, params)
    case 'not':
      return !matches(filter.inner, row, params)
    case 'compare': {
      const actual = row[filter.field]
      if (actual === undefined) throw new Error(`unknown field ${filter.field}`)
      const expected = resolve(filter.value, params)
      switch (filter.op) {
        case '~':
          return String(actual).toLowerCase().includes(String(expected).toLowerCase())
        case '=':
          return actual === expected
        case '!=':
          return actual !== expected
        case '<':
          return actual < expected
        case '<=':
          return actual <= expected
        case '>':
          return actual > expected
        case '>=':
          return actual >= expected
      }
    }
  }
}
