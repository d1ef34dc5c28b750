import { FilterSyntaxError, type Token, tokenize } from './lexer'

export type Value = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'param'; name: string }

export type Filter =
  | { kind: 'and' | 'or'; left: Filter; right: Filter }
  | { kind: 'not'; inner: Filter }
  | { kind: 'compare'; field: string; op: '=' | '!=' | '~' | '<' | '<=' | '>' | '>='; value: Value }

/**
 * Parses filter text. "not" binds tighter than "and", which binds tighter than "or":
 * a or b and c means a or (b and c).
 */
export function parseFilter(text: string): Filter {
  const tokens = tokenize(text)
  let position = 0
  const peek = (): Token | undefined => tokens[position]
  const fail = (message: string): never => {
    throw new FilterSyntaxError(message, position)
  }

  function orExpression(): Filter {
    let left = andExpression()
    for (let t = peek(); t?.type === 'word' && t.word === 'or'; t = peek()) {
      position++
      left = { kind: 'or', left, right: andExpression() }
    }
    return left
  }

  function andExpression(): Filter {
    let left = notExpression()
    for (let t = peek(); t?.type === 'word' && t.word === 'and'; t = peek()) {
      position++
      left = { kind: 'and', left, right: notExpression() }
    }
    return left
  }

  function notExpression(): Filter {
    const t = peek()
    if (t?.type === 'word' && t.word === 'not') {
      position++
      return { kind: 'not', inner: notExpression() }
    }
    if (t?.type === 'paren' && t.paren === '(') {
      position++
      const inner = orExpression()
      const close = peek()
      if (close?.type !== 'paren' || close.paren !== ')') fail('expected ")"')
      position++
      return inner
    }
    return comparison()
  }

  function comparison(): Filter {
    const field = peek()
    if (field?.type !== 'field') return fail('expected a field name')
    position++
    const op = peek()
    if (op?.type !== 'op') return fail(`expected an operator after ${field.name}`)
    position++
    const value = peek()
    position++
    if (value?.type === 'string') return { kind: 'compare', field: field.name, op: op.op, value: { kind: 'string', value: value.value } }
    if (value?.type === 'number') return { kind: 'compare', field: field.name, op: op.op, value: { kind: 'number', value: value.value } }
    if (value?.type === 'param') return { kind: 'compare', field: field.name, op: op.op, value: { kind: 'param', name: value.name } }
    return fail('expected a value')
  }

  if (tokens.length === 0) fail('empty filter')
  const filter = orExpression()
  if (position < tokens.length) fail('unexpected text after the filter')
  return filter
}
