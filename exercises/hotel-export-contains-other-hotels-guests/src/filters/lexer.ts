/**
 * The filter language of the bookings store, shared with the ops console:
 *
 *   status = 'confirmed' and (guest ~ 'smith' or ref = 'BK-10442') and nights >= 2
 *
 * Tokens: field names (letters and "_"), numbers, strings, parameters (:name), the
 * operators = != ~ < <= > >=, parentheses, and the words and / or / not (any case).
 * A string is written in single quotes. Inside it, '' stands for one quote, and a
 * backslash takes the next character literally (\' or \\), as the ops console has
 * always accepted. "--" starts a comment that runs to the end of the line.
 */
export type Token =
  | { type: 'field'; name: string }
  | { type: 'word'; word: 'and' | 'or' | 'not' }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'param'; name: string }
  | { type: 'op'; op: '=' | '!=' | '~' | '<' | '<=' | '>' | '>=' }
  | { type: 'paren'; paren: '(' | ')' }

export class FilterSyntaxError extends Error {
  constructor(message: string, position: number) {
    super(`${message} at ${position}`)
    this.name = 'FilterSyntaxError'
  }
}

const WORDS = new Set(['and', 'or', 'not'])
const OPERATORS = ['!=', '<=', '>=', '=', '~', '<', '>'] as const

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const char = text[i]!
    if (/\s/.test(char)) {
      i++
    } else if (text.startsWith('--', i)) {
      while (i < text.length && text[i] !== '\n') i++
    } else if (char === "'") {
      const start = i
      let value = ''
      i++
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError('unterminated string', start)
        const c = text[i]!
        if (c === '\\' && i + 1 < text.length) {
          value += text[i + 1]
          i += 2
        } else if (c === "'" && text[i + 1] === "'") {
          value += "'"
          i += 2
        } else if (c === "'") {
          i++
          break
        } else {
          value += c
          i++
        }
      }
      tokens.push({ type: 'string', value })
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!
      tokens.push({ type: 'number', value: Number(match[0]) })
      i += match[0].length
    } else if (char === ':' || /[A-Za-z_]/.test(char)) {
      const match = /^:?[A-Za-z_][A-Za-z_0-9]*/.exec(text.slice(i))
      if (!match) throw new FilterSyntaxError(`unexpected "${char}"`, i)
      const word = match[0].toLowerCase()
      if (match[0].startsWith(':')) tokens.push({ type: 'param', name: match[0].slice(1) })
      else if (WORDS.has(word)) tokens.push({ type: 'word', word: word as 'and' | 'or' | 'not' })
      else tokens.push({ type: 'field', name: match[0] })
      i += match[0].length
    } else if (char === '(' || char === ')') {
      tokens.push({ type: 'paren', paren: char })
      i++
    } else {
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, i))
      if (!op) throw new FilterSyntaxError(`unexpected "${char}"`, i)
      tokens.push({ type: 'op', op })
      i += op.length
    }
  }
  return tokens
}
