/**
 * The one grammar for verbatim PostgreSQL type text (`DataTypes.CUSTOM('...')`, the schema
 * loader's CUSTOM), which is spliced into CREATE TABLE and so must be a type and nothing else:
 *
 *   name words    letters, digits, `_`, separated by spaces or `.`; double-quoted identifiers
 *                 (`""` for a quote): `character varying`, `double precision`, `"MySchema"."my type"`
 *   modifiers     optional `(n)` or `(n, m)` of whole numbers: `numeric(10,2)`, `timestamp(3)`
 *   time zone     after the modifiers, optional `with time zone` / `without time zone`
 *   array         any number of `[]` or `[n]`
 *
 * Anything else fails: `;`, `'`, comments, `,` outside the parentheses, unbalanced parentheses,
 * other text after `)`, and unquoted column-constraint keywords among the words (`int NOT NULL`,
 * `int GENERATED ALWAYS AS IDENTITY`, `text COLLATE ...`), which would be column definition, not type.
 * Dependency-free: the generator imports it too.
 */
const WORD = String.raw`(?:[\p{L}\p{N}_]+|"(?:[^"\0]|"")+")`;
const NAME = String.raw`${WORD}(?:\s*\.\s*${WORD}|\s+${WORD})*`;
const MODIFIERS = String.raw`\(\s*\d+\s*(?:,\s*\d+\s*)?\)`;
const TIME_ZONE = String.raw`\s+with(?:out)?\s+time\s+zone`;
const ARRAY = String.raw`\s*\[\s*\d*\s*\]`;
const TYPE_TEXT = new RegExp(
  String.raw`^\s*${NAME}(?:\s*${MODIFIERS}(?:${TIME_ZONE})?)?(?:${ARRAY})*\s*$`,
  'iu',
);

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

export function isValidCustomTypeText(text: string): boolean {
  if (typeof text !== 'string' || text.length > 1000 || !TYPE_TEXT.test(text)) return false;
  const unquotedWords =
    text
      .replace(/"(?:[^"]|"")*"/g, ' ')
      .toLowerCase()
      .match(/[\p{L}\p{N}_]+/gu) ?? [];
  return !unquotedWords.some((word) => CONSTRAINT_WORDS.has(word));
}
