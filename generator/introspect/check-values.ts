/**
 * CHECK constraints that list the values a column may take, as pg_get_constraintdef() prints
 * them (`CHECK ((rating = ANY (ARRAY['G'::text, 'PG'::text])))`, with `(col)::text` and
 * `(ARRAY[...])::text[]` around varchar columns) or as a person writes them
 * (`CHECK (status IN ('a', 'b'))`). Domains use the same forms with `VALUE` for the column.
 * Anything else (ranges, several columns, OR chains) is not a list of values: undefined.
 */

/** A column reference, optionally quoted and cast: `status`, `"Status"`, `(status)::text`. */
const COLUMN = String.raw`\(?\s*("(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)\s*\)?(?:::[\w\s."]+?)?`;
/** `'a'`, `'it''s'`, optionally cast: `'a'::character varying`. */
const VALUE = String.raw`'((?:[^']|'')*)'(?:::[\w\s."]+?)?`;

const ANY_FORM = new RegExp(
  String.raw`^${COLUMN}\s*=\s*ANY\s*\(\s*\(?\s*ARRAY\s*\[(.*?)\]\s*\)?(?:::[\w\s."]+\[\])?\s*\)$`,
  'su',
);
const IN_FORM = new RegExp(String.raw`^${COLUMN}\s+IN\s*\((.*)\)$`, 'isu');
const LIST_ITEM = new RegExp(String.raw`\s*${VALUE}\s*(,|$)`, 'gyu');

/** Removes `CHECK`, `NOT VALID` and redundant outer parentheses. */
export function checkBody(definition: string): string {
  let body = definition
    .trim()
    .replace(/^CHECK\s*/i, '')
    .replace(/\s+NOT VALID$/i, '')
    .trim();
  while (body.startsWith('(') && body.endsWith(')') && balanced(body.slice(1, -1)))
    body = body.slice(1, -1).trim();
  return body;
}

/** True when the parentheses of `text` (outside quotes) balance without going negative. */
export function balanced(text: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

export function unquoteIdentifier(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase();
}

function listValues(list: string): string[] | undefined {
  const values: string[] = [];
  LIST_ITEM.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (LIST_ITEM.lastIndex < list.length && (match = LIST_ITEM.exec(list))) {
    values.push(match[1].replace(/''/g, "'"));
    if (match[2] === '') break;
  }
  return LIST_ITEM.lastIndex === list.length && values.length > 0 ? values : undefined;
}

export interface CheckValues {
  /** The column the CHECK is about (`VALUE` for a domain), unquoted. */
  readonly column: string;
  readonly values: string[];
}

/** Parses a CHECK definition that lists allowed values. */
export function parseCheckValues(definition: string): CheckValues | undefined {
  const body = checkBody(definition);
  const match = ANY_FORM.exec(body) ?? IN_FORM.exec(body);
  if (!match) return undefined;
  const values = listValues(match[2]);
  return values ? { column: unquoteIdentifier(match[1]), values } : undefined;
}
