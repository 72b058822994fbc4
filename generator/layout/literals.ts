/**
 * String and number literals exactly as prettier prints them with its default options: double
 * quotes unless the text holds more double than single quotes, and numbers normalised.
 */

/** A string literal for `value` (the decoded text), quoted and escaped as prettier would print it. */
export function stringLiteral(value: string): string {
  if (!/[\\\n\r\u2028\u2029"']/.test(value)) return `"${value}"`;
  // The raw text between the quotes, in the one escaped form the generator writes: only what a
  // literal cannot hold raw is escaped; prettier keeps such escapes as they are.
  const raw = value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const quote = preferredQuote(raw);
  return quote + raw.replaceAll(quote, `\\${quote}`) + quote;
}

/** prettier's choice: double quotes, unless that would need more escapes than single quotes. */
function preferredQuote(raw: string): '"' | "'" {
  let doubles = 0;
  let singles = 0;
  for (const char of raw) {
    if (char === '"') doubles += 1;
    else if (char === "'") singles += 1;
  }
  return doubles > singles ? "'" : '"';
}

/** A number literal as prettier normalises it (lower-case exponent, no `+`, no trailing zeros). */
export function numberLiteral(value: number): string {
  // The schema check refuses these; a literal would read as an undefined identifier (`infinity`).
  if (!Number.isFinite(value)) throw new Error(`Internal error: cannot write ${value} as a number literal`);
  const text = String(Math.abs(value));
  const normalised =
    text.length === 1
      ? text
      : text
          .toLowerCase()
          .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, '$1$2')
          .replace(/^([+-]?[\d.]+)e[+-]?0+$/, '$1')
          .replace(/^([+-])?\./, '$10.')
          .replace(/(\.\d+?)0+(?=e|$)/, '$1')
          .replace(/\.(?=e|$)/, '');
  return value < 0 || Object.is(value, -0) ? `-${normalised}` : normalised;
}
