/**
 * Is the model's DEFAULT the live one? PostgreSQL stores defaults re-printed (`'m'::"enum_t_c"`,
 * `'{x,"y z"}'::text[]`, `'{"a": [1]}'::jsonb`), so texts are compared after removing the casts
 * it adds; two constants whose texts still differ are compared by the database (one query per
 * table, constants only: nothing volatile such as nextval() is ever evaluated). Expression
 * defaults (`literal('now()')`) are compared as text, ignoring case and spaces outside quotes.
 */

export type DefaultVerdict = 'same' | 'different' | 'ask';

const QUOTED = /^E?'((?:[^']|'')*)'$/;
const CAST_SUFFIX =
  /::(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_ ]*(?:\([\d,\s]+\))?)(?:\.(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_]*))?(?:\[\])*$/i;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;

export function compareDefaults(model: string | undefined, live: string | null): DefaultVerdict {
  if (model === undefined || model === 'NULL')
    return live === null || /^NULL(::.*)?$/i.test(live) ? 'same' : 'different';
  if (live === null) return 'different';
  const a = constantText(model);
  const b = constantText(live);
  if (a !== undefined && b !== undefined) return a === b ? 'same' : 'ask';
  return normaliseExpression(model) === normaliseExpression(live) ? 'same' : 'different';
}

/** The text of a constant (`'m'::"enum"` → `m`, `'-1'::integer` → `-1`, `true` → `true`); undefined for expressions. */
function constantText(sql: string): string | undefined {
  let text = sql.trim();
  while (/^\(.*\)$/.test(text)) text = text.slice(1, -1).trim();
  for (let cast = CAST_SUFFIX.exec(text); cast; cast = CAST_SUFFIX.exec(text))
    text = text.slice(0, cast.index).trim();
  const quoted = QUOTED.exec(text);
  if (quoted) return unescape(quoted[1], text.startsWith('E'));
  if (NUMBER.test(text)) return String(Number(text)) === text ? text : text.replace(/^\+/, '');
  if (BOOLEAN.test(text)) return text.toLowerCase();
  return undefined;
}

function unescape(body: string, escaped: boolean): string {
  const text = body.replace(/''/g, "'");
  return escaped ? text.replace(/\\(.)/g, '$1') : text;
}

/** Lower case and no spaces outside string literals; outer parentheses removed. */
function normaliseExpression(sql: string): string {
  let text = sql.trim();
  while (/^\(.*\)$/.test(text)) text = text.slice(1, -1).trim();
  return text
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, '').toLowerCase()))
    .join('');
}
