/**
 * The one grammar, and the one parser, of PostgreSQL type text: what `DataTypes.CUSTOM('...')`
 * and the schema loader's CUSTOM accept (it is spliced into CREATE TABLE, so it must be a type
 * and nothing else), and what format_type() prints, read by `--from-db` and by alter:
 *
 *   name words    letters, digits, `_`, separated by spaces or `.`; double-quoted identifiers
 *                 (`""` for a quote): `character varying`, `extensions.geometry`, `"MySchema"."my type"`
 *   modifiers     optional `(a)` or `(a, b)`: whole numbers (a sign allowed: `numeric(5,-2)`), words or
 *                 double-quoted identifiers: `numeric(10,2)`, `geometry(Polygon,4326)`, `vector(3)`
 *   time zone     after the modifiers, optional `with time zone` / `without time zone`
 *   array         any number of `[]` or `[n]`
 *
 * Anything else fails: `;`, `'`, comments, `,` outside the parentheses, unbalanced parentheses,
 * other text after `)`, and unquoted column-constraint keywords among the name words (`int NOT NULL`,
 * `int GENERATED ALWAYS AS IDENTITY`, `text COLLATE ...`), which would be column definition, not type.
 * Dependency-free: the generator imports it too.
 */
const WORD = String.raw`(?:[\p{L}\p{N}_]+|"(?:[^"\0]|"")+")`;
const NAME = String.raw`${WORD}(?:\s*\.\s*${WORD}|\s+${WORD})*`;
const MODIFIER = String.raw`(?:[-+]?\d+|${WORD})`;
const MODIFIERS = String.raw`${MODIFIER}(?:\s*,\s*${MODIFIER})?`;
const TIME_ZONE = String.raw`\s+with(?:out)?\s+time\s+zone`;
const ARRAY = String.raw`\s*\[\s*\d*\s*\]`;
const TYPE_TEXT = new RegExp(
  String.raw`^\s*(${NAME})(?:\s*\(\s*(${MODIFIERS})\s*\)(${TIME_ZONE})?)?((?:${ARRAY})*)\s*$`,
  'iu',
);
const TOKEN = new RegExp(String.raw`${WORD}|\.|[-+]?\d+`, 'gu');
const QUOTED = /"(?:[^"]|"")*"/g;

// Reserved or column-constraint words: never part of a type name unless double-quoted.
const CONSTRAINT_WORDS = new Set([
  'not',
  'null',
  'default',
  'generated',
  'collate',
  'check',
  'references',
  'primary',
  'unique',
  'constraint',
  'compression',
  'storage',
  'identity',
  'as',
  'using',
  'deferrable',
  'initially',
  'exclude',
  'foreign',
  'key',
]);

/** Type text taken apart; every part as written, spaces collapsed. */
export interface TypeText {
  /** `character varying`, `extensions.geometry`, `"MySchema"."my type"`, `interval day to second`. */
  readonly name: string;
  /** What the parentheses hold: `['10', '2']`, `['Polygon', '4326']`; `[]` without parentheses. */
  readonly modifiers: readonly string[];
  /** ` with time zone` or ` without time zone` written after the modifiers; '' otherwise. */
  readonly timeZone: string;
  /** How many `[]` (or `[n]`) follow. */
  readonly arrayDimensions: number;
}

/** The parts of a type text, or undefined when it is not one (see the grammar above). */
export function parseTypeText(text: string): TypeText | undefined {
  if (typeof text !== 'string' || text.length > 1000) return undefined;
  const match = TYPE_TEXT.exec(text);
  if (!match) return undefined;
  const [, name, modifiers, timeZone, arrays] = match;
  const unquotedWords =
    name
      .replace(QUOTED, ' ')
      .toLowerCase()
      .match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (unquotedWords.some((word) => CONSTRAINT_WORDS.has(word))) return undefined;
  return {
    name: joinName(name.match(TOKEN) ?? []),
    modifiers: modifiers === undefined ? [] : (modifiers.match(TOKEN) ?? []),
    timeZone: timeZone === undefined ? '' : ` ${timeZone.trim().toLowerCase().split(/\s+/).join(' ')}`,
    arrayDimensions: arrays.split('[').length - 1,
  };
}

export function isValidCustomTypeText(text: string): boolean {
  return parseTypeText(text) !== undefined;
}

/** Words joined by one space, `.` with none: `extensions . geometry` → `extensions.geometry`. */
function joinName(tokens: readonly string[]): string {
  let out = '';
  tokens.forEach((token, i) => {
    const glued = i === 0 || token === '.' || tokens[i - 1] === '.';
    out += (glued ? '' : ' ') + token;
  });
  return out;
}

/**
 * The whole-number modifiers of a type text (`numeric(10,2)` → [10, 2]); [] when it has none or
 * when they are not all numbers (`geometry(Point,4326)`).
 */
export function typeModifiers(text: string): number[] {
  const modifiers = parseTypeText(text)?.modifiers ?? [];
  return modifiers.every((m) => /^[-+]?\d+$/.test(m)) ? modifiers.map(Number) : [];
}

/**
 * PostgreSQL's array text separates elements by the element type's delimiter (pg_type.typdelim):
 * a comma for every type but `box` (`;`) and PostGIS's `geometry` and `geography` (`:`).
 */
const ARRAY_DELIMITERS: Readonly<Record<string, string>> = { box: ';', geometry: ':', geography: ':' };

/** The delimiter of an array of the type `text` names (its last name part, schema left out). */
export function arrayDelimiterOf(text: string): string {
  const name = parseTypeText(text)?.name.split('.').pop()?.toLowerCase() ?? '';
  return ARRAY_DELIMITERS[name] ?? ',';
}
