/**
 * A PostgreSQL array literal (`{"a","b"}`), for DDL defaults and for the PGlite driver's
 * parameters (which it cannot type itself). Buffers and typed arrays become bytea hex input
 * (elements `\x0102ff`, as pg sends them); Dates go through `dateText` (ISO 8601 in UTC unless given:
 * the PGlite driver passes pg's local-time-with-offset format); other objects become JSON.
 */
export function arrayLiteral(
  values: readonly unknown[],
  dateText: (date: Date) => string = (date) => date.toISOString(),
): string {
  const items = values.map((v): string => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayLiteral(v, dateText);
    let text: string;
    if (v instanceof Date) text = dateText(v);
    else if (ArrayBuffer.isView(v))
      text = `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
    else text = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

/**
 * Parses PostgreSQL array text (`{a,"b c",NULL}`). pg parses arrays of built-in types itself;
 * arrays of types created at run time (ENUM, CITEXT, custom types) arrive as text.
 */
export function parseArrayLiteral(text: string): unknown[] {
  let i = 0;
  const parse = (): unknown[] => {
    const out: unknown[] = [];
    i++; // '{'
    while (i < text.length && text[i] !== '}') {
      if (text[i] === '{') out.push(parse());
      else if (text[i] === '"') out.push(quoted());
      else out.push(bare());
      if (text[i] === ',') i++;
    }
    i++; // '}'
    return out;
  };
  const quoted = (): string => {
    let value = '';
    for (i++; i < text.length && text[i] !== '"'; i++) value += text[i] === '\\' ? text[++i] : text[i];
    i++;
    return value;
  };
  const bare = (): string | null => {
    const start = i;
    while (i < text.length && text[i] !== ',' && text[i] !== '}') i++;
    const value = text.slice(start, i);
    return value === 'NULL' ? null : value;
  };
  return text.startsWith('{') ? parse() : [];
}
