/**
 * sequelize.query()'s `replacements` (`:name`, `?`) and named `bind` (`$name`), turned into $n
 * parameters. Sequelize inlines replacements as escaped literals; here every value is a bind
 * parameter, so no value is ever part of the SQL text. The scanner skips what PostgreSQL does not
 * read as code: '...' and E'...' strings, "..." identifiers, $tag$...$tag$ bodies, -- and nested
 * /* comments, and `::` casts (`:a::int` replaces `:a` only).
 */
import { placeholder } from './sql/params.js';

type Replacements = readonly unknown[] | Readonly<Record<string, unknown>>;

/** Where the scanner is: code, or a part of the text it copies unchanged. */
function skipQuoted(sql: string, i: number): number {
  const c = sql[i];
  if (c === "'" || c === '"') {
    // E'...' strings escape with backslashes as well as doubling.
    const backslash = c === "'" && i > 0 && /[eE]/.test(sql[i - 1]) && !/\w/.test(sql[i - 2] ?? '');
    let j = i + 1;
    while (j < sql.length) {
      if (backslash && sql[j] === '\\') j += 2;
      else if (sql[j] === c && sql[j + 1] === c) j += 2;
      else if (sql[j] === c) return j + 1;
      else j++;
    }
    return sql.length;
  }
  if (c === '-' && sql[i + 1] === '-') {
    const end = sql.indexOf('\n', i);
    return end === -1 ? sql.length : end + 1;
  }
  if (c === '/' && sql[i + 1] === '*') {
    let depth = 1;
    let j = i + 2;
    while (j < sql.length && depth > 0) {
      if (sql[j] === '/' && sql[j + 1] === '*') {
        depth++;
        j += 2;
      } else if (sql[j] === '*' && sql[j + 1] === '/') {
        depth--;
        j += 2;
      } else j++;
    }
    return j;
  }
  if (c === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
    if (tag) {
      const end = sql.indexOf(tag[0], i + tag[0].length);
      return end === -1 ? sql.length : end + tag[0].length;
    }
  }
  return i;
}

/**
 * Walks the code parts of `sql`, calling `token` at each `:name`, `?` or `$name`/`$n`; `token`
 * returns the replacement text, or undefined to keep the token.
 */
function rewrite(sql: string, token: (kind: ':' | '?' | '$', name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const skipped = skipQuoted(sql, i);
    if (skipped !== i) {
      out += sql.slice(i, skipped);
      i = skipped;
      continue;
    }
    const c = sql[i];
    if (c === ':' && sql[i + 1] === ':') {
      out += '::';
      i += 2;
      continue;
    }
    const prev = sql[i - 1] ?? '';
    if ((c === ':' || c === '$') && !/[\w$]/.test(prev)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9]+/.exec(sql.slice(i + 1));
      if (name) {
        const text = token(c, name[0]);
        if (text !== undefined) {
          out += text;
          i += 1 + name[0].length;
          continue;
        }
      }
    }
    if (c === '?') {
      const text = token('?', '');
      if (text !== undefined) {
        out += text;
        i++;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** One value as parameters: arrays become lists (`$1, $2`), nested arrays tuples (`($1, $2)`). */
function valueSql(value: unknown, params: unknown[], what: string, nested = false): string {
  if (Array.isArray(value)) {
    if (value.length === 0)
      throw new Error(
        `${what} is an empty array, which would make \`IN ()\`, a syntax error: test for the empty list before the query`,
      );
    const list = value.map((v) => valueSql(v, params, what, true)).join(', ');
    return nested ? `(${list})` : list;
  }
  if (value === undefined) throw new Error(`${what} is undefined`);
  if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  )
    throw new Error(
      `Invalid value ${JSON.stringify(value)} for ${what}: pass a string, number, boolean, bigint, Date, Buffer, null or an array of them (JSON.stringify an object yourself)`,
    );
  return placeholder(params, value);
}

/** `replacements` → SQL with $n and its parameters. */
export function applyReplacements(
  sql: string,
  replacements: Replacements,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  if (Array.isArray(replacements)) {
    let next = 0;
    const text = rewrite(sql, (kind) => {
      if (kind !== '?') return undefined;
      const index = next++;
      if (index >= replacements.length)
        throw new Error(
          `Positional replacement (?) ${index} has no entry in the replacement map (replacements[${index}] is undefined).`,
        );
      return valueSql(replacements[index], params, `Positional replacement (?) ${index}`);
    });
    if (next < replacements.length)
      throw new Error(
        `sequelize.query(): ${replacements.length} positional replacements given, but the SQL has ${next} \`?\``,
      );
    return { sql: text, params };
  }
  const map = replacements as Readonly<Record<string, unknown>>;
  const text = rewrite(sql, (kind, name) => {
    if (kind !== ':' || /^[0-9]/.test(name)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(map, name) || map[name] === undefined)
      throw new Error(`Named replacement ":${name}" has no entry in the replacement map.`);
    return valueSql(map[name], params, `Named replacement ":${name}"`);
  });
  return { sql: text, params };
}

/** Named `bind` (`$name`) → `$n`, each name one parameter however often it appears. */
export function applyNamedBind(
  sql: string,
  bind: Readonly<Record<string, unknown>>,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const numbers = new Map<string, string>();
  const text = rewrite(sql, (kind, name) => {
    if (kind !== '$') return undefined;
    if (/^[0-9]/.test(name))
      throw new Error(
        `Bind parameter "$${name}" is positional, but bind is an object: use $name with an object, or an array for $1, $2`,
      );
    if (!Object.prototype.hasOwnProperty.call(bind, name) || bind[name] === undefined)
      throw new Error(`Named bind parameter "$${name}" has no value in the given object.`);
    let number = numbers.get(name);
    if (number === undefined) numbers.set(name, (number = placeholder(params, bind[name])));
    return number;
  });
  return { sql: text, params };
}
