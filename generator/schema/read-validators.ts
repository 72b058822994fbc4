/**
 * An attribute's `validate:` mapping: a runtime built-in by name (`isEmail: true`, `len: [2, 50]`,
 * `isIn: { args: [[a, b]], msg: ... }`) or a custom validator as its TypeScript source, written
 * like a method (`isEven(value: number) { ... }`). The built-in names are the runtime's own list,
 * so the schema refuses exactly what `init` would.
 */
import type { JsonValue, ValidatorIR } from '../ir.js';
import { BUILTIN_VALIDATOR_NAMES } from '../../runtime/validators/builtin-validators.js';
import { didYouMean } from '../../runtime/did-you-mean.js';
import { readMemberHead } from './check-members.js';
import { findEntry, type Entry, type YamlReader } from './yaml-reader.js';

const SETTING_KEYS = ['args', 'msg'];

export function readValidators(entry: Entry | undefined, where: string, reader: YamlReader): ValidatorIR[] {
  if (entry === undefined) return [];
  const entries = reader.mappingEntries(entry, `validate ${where}`) ?? [];
  return entries.flatMap((validator) => {
    const read = BUILTIN_VALIDATOR_NAMES.includes(validator.key)
      ? readBuiltin(validator, reader)
      : readCustom(validator, where, reader);
    return read === undefined ? [] : [read];
  });
}

function readBuiltin(entry: Entry, reader: YamlReader): ValidatorIR | undefined {
  const value = reader.toJs(entry.value) as JsonValue;
  if (isFunctionSource(value, entry.key)) {
    reader.problems.add(
      entry.keyNode,
      `${entry.key} is a built-in validator; give the custom one another name (its source must declare that name)`,
    );
    return undefined;
  }
  if (value === false || value === null) {
    reader.problems.add(
      entry.value ?? entry.keyNode,
      `validator ${entry.key} is ${String(value)}; Sequelize would still run it, so remove the key to turn it off`,
    );
    return undefined;
  }
  if (reader.isMapping(entry.value) && !Array.isArray(value)) {
    const entries = reader.entries(entry.value);
    reader.reportUnknownKeys(entries, SETTING_KEYS, `in validator ${entry.key}`);
    const msg = findEntry(entries, 'msg');
    const text = msg && reader.string(msg, 'msg');
    const args = findEntry(entries, 'args');
    return {
      name: entry.key,
      args: args === undefined ? true : (reader.toJs(args.value) as JsonValue),
      ...(text !== undefined && { msg: text }),
    };
  }
  return { name: entry.key, args: value };
}

function readCustom(entry: Entry, where: string, reader: YamlReader): ValidatorIR | undefined {
  const source = reader.scalarValue(entry.value);
  if (!isFunctionSource(source, entry.key)) {
    const hint = didYouMean(entry.key, BUILTIN_VALIDATOR_NAMES);
    reader.problems.add(
      hint === '' ? (entry.value ?? entry.keyNode) : entry.keyNode,
      hint === ''
        ? `custom validator ${entry.key} ${where} must be its TypeScript source, starting ${entry.key}(value) { ... } (written as a block, ${entry.key}: |)`
        : `unknown validator "${entry.key}" ${where}${hint} (a custom validator is its TypeScript source, ${entry.key}(value) { ... })`,
    );
    return undefined;
  }
  return { name: entry.key, source: source as string };
}

/** `name(...) {`, `async name<T>(...) {`: a method an object literal can hold (no static, no accessor). */
export function isFunctionSource(source: unknown, name: string): boolean {
  const head = typeof source === 'string' ? readMemberHead(source) : undefined;
  return (
    head !== undefined &&
    head.name === name &&
    head.accessor === undefined &&
    (head.next === '(' || head.next === '<') &&
    head.modifiers.every((modifier) => modifier === 'async')
  );
}

/** A `get:`/`set:` (or hook) source: a function declared like a method, named `name`. */
export function readFunctionSource(
  entry: Entry | undefined,
  name: string,
  example: string,
  reader: YamlReader,
): string | undefined {
  if (entry === undefined) return undefined;
  const source = reader.scalarValue(entry.value);
  if (isFunctionSource(source, name)) return source as string;
  reader.problems.add(
    entry.value ?? entry.keyNode,
    `${entry.key} must be its TypeScript source, declared like a method: ${example} (written as a block, ${entry.key}: |)`,
  );
  return undefined;
}
