/** The tokens of a type expression such as `STRING(100).BINARY` or `ENUM('a', 'b')`. */
export type TypeToken =
  | { readonly kind: 'name'; readonly text: string; readonly offset: number }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly offset: number }
  | { readonly kind: 'string'; readonly value: string; readonly text: string; readonly offset: number }
  | { readonly kind: 'punctuation'; readonly text: '(' | ')' | ',' | '.'; readonly offset: number }
  | { readonly kind: 'end'; readonly text: ''; readonly offset: number };

export class TypeSyntaxError extends Error {
  constructor(
    message: string,
    /** Where in the type text the problem is, so the position can point inside the value. */
    readonly offset: number,
    /** True when the message already says how to fix it (no usage line is appended). */
    readonly complete = false,
  ) {
    super(message);
  }
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?\d+(\.\d+)?/y;

/** Splits a type expression into tokens; spaces between tokens are allowed. */
export function tokenizeType(text: string): TypeToken[] {
  const tokens: TypeToken[] = [];
  let offset = 0;
  while (offset < text.length) {
    const char = text[offset]!;
    if (/\s/.test(char)) {
      offset++;
    } else if (char === '(' || char === ')' || char === ',' || char === '.') {
      tokens.push({ kind: 'punctuation', text: char, offset });
      offset++;
    } else if (char === "'" || char === '"') {
      const token = readQuoted(text, offset);
      tokens.push(token);
      offset += token.text.length;
    } else {
      const token = readWord(text, offset);
      tokens.push(token);
      offset += token.text.length;
    }
  }
  tokens.push({ kind: 'end', text: '', offset: text.length });
  return tokens;
}

/** A quoted string argument; a doubled quote stands for the quote itself, as in SQL. */
function readQuoted(text: string, start: number): TypeToken {
  const quote = text[start]!;
  let value = '';
  let offset = start + 1;
  while (offset < text.length) {
    if (text[offset] === quote) {
      if (text[offset + 1] !== quote) {
        return { kind: 'string', value, text: text.slice(start, offset + 1), offset: start };
      }
      offset++;
    }
    value += text[offset];
    offset++;
  }
  throw new TypeSyntaxError(`unterminated string ${text.slice(start)}; close it with ${quote}`, start);
}

function readWord(text: string, offset: number): TypeToken {
  for (const [pattern, kind] of [
    [NAME, 'name'],
    [NUMBER, 'number'],
  ] as const) {
    pattern.lastIndex = offset;
    const match = pattern.exec(text);
    if (match) {
      return kind === 'name'
        ? { kind, text: match[0], offset }
        : { kind, value: Number(match[0]), text: match[0], offset };
    }
  }
  throw new TypeSyntaxError(`unexpected "${text[offset]}" in type "${text}"`, offset);
}
