/**
 * CHECK constraints on one column that say what a runtime validator says, so the generated model
 * refuses a bad value before the database does (with Sequelize's ValidationError, not a
 * constraint violation): `char_length(c)`/`length(c)` bounds → `len`, `c >= n` → `min`,
 * `c <= n` → `max`, `c IN (...)`/`= ANY (ARRAY[...])` → `isIn`, `c ~ 'regex'` → `is`. A CHECK
 * maps whole or not at all (an AND of such comparisons maps; an OR, a function, another column
 * do not), so a validator never claims a rule the database does not have.
 */
import type { JsonValue, ValidatorIR } from '../ir.js';
import { balanced, checkBody, parseCheckValues, unquoteIdentifier } from './check-values.js';

/** A column reference as pg_get_constraintdef prints it: `name`, `"Name"`, `(name)::text`. */
const COLUMN = String.raw`\(?\s*("(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)\s*\)?(?:::[\w\s."]+?)?`;
/** A number, optionally parenthesised, quoted or cast: `0`, `(0)::numeric`, `'-5'::integer`. */
const NUMBER = String.raw`\(?'?(-?\d+(?:\.\d+)?)'?\)?(?:::[\w\s."]+?)?`;
const LENGTH = new RegExp(String.raw`^(?:char_length|length)\(${COLUMN}\)\s*(>=|<=)\s*${NUMBER}$`, 'u');
const COMPARE = new RegExp(String.raw`^${COLUMN}\s*(>=|<=)\s*${NUMBER}$`, 'u');
const REGEX = new RegExp(String.raw`^${COLUMN}\s*(~\*?)\s*'((?:[^']|'')*)'(?:::[\w\s."]+?)?$`, 'u');

export interface CheckValidators {
  readonly column: string;
  readonly validators: ValidatorIR[];
}

export function parseCheckValidators(definition: string): CheckValidators | undefined {
  const listed = parseCheckValues(definition);
  if (listed) return { column: listed.column, validators: [{ name: 'isIn', args: [listed.values] }] };
  const atoms = splitAnd(checkBody(definition));
  let column: string | undefined;
  const bounds: { len: [number?, number?]; min?: number; max?: number; is?: JsonValue } = { len: [] };
  for (const atom of atoms) {
    const read = readAtom(atom);
    if (read === undefined || (column !== undefined && read.column !== column)) return undefined;
    column = read.column;
    if (read.kind === 'len') bounds.len[read.op === '>=' ? 0 : 1] = read.value;
    else if (read.kind === 'is') bounds.is = read.value;
    else bounds[read.op === '>=' ? 'min' : 'max'] = read.value;
  }
  if (column === undefined) return undefined;
  const validators: ValidatorIR[] = [];
  const [low, high] = bounds.len;
  if (low !== undefined || high !== undefined)
    validators.push({ name: 'len', args: high === undefined ? [low!] : [low ?? 0, high] });
  if (bounds.min !== undefined) validators.push({ name: 'min', args: bounds.min });
  if (bounds.max !== undefined) validators.push({ name: 'max', args: bounds.max });
  if (bounds.is !== undefined) validators.push({ name: 'is', args: bounds.is });
  return { column, validators };
}

type Atom =
  | { kind: 'len' | 'compare'; column: string; op: '>=' | '<='; value: number }
  | { kind: 'is'; column: string; value: JsonValue };

function readAtom(atom: string): Atom | undefined {
  const length = LENGTH.exec(atom);
  if (length)
    return {
      kind: 'len',
      column: unquoteIdentifier(length[1]!),
      op: length[2] as '>=' | '<=',
      value: Number(length[3]),
    };
  const compare = COMPARE.exec(atom);
  if (compare)
    return {
      kind: 'compare',
      column: unquoteIdentifier(compare[1]!),
      op: compare[2] as '>=' | '<=',
      value: Number(compare[3]),
    };
  const regex = REGEX.exec(atom);
  if (regex) {
    const pattern = regex[3]!.replace(/''/g, "'");
    return {
      kind: 'is',
      column: unquoteIdentifier(regex[1]!),
      value: regex[2] === '~*' ? [pattern, 'i'] : pattern,
    };
  }
  return undefined;
}

/** `(a) AND (b) AND (c)` → its parts without their parentheses; one part when there is no AND. */
function splitAnd(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "'") quote = !quote;
    if (quote) continue;
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && /^\sAND\s/i.test(body.slice(i, i + 5))) {
      parts.push(body.slice(start, i));
      start = i + 5;
    }
  }
  parts.push(body.slice(start));
  return parts.map(unwrap);
}

function unwrap(part: string): string {
  let text = part.trim();
  while (text.startsWith('(') && text.endsWith(')') && balanced(text.slice(1, -1)))
    text = text.slice(1, -1).trim();
  return text;
}
