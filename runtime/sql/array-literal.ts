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
