/**
 * Junction tables: a model whose two foreign keys together are its primary key or a unique key,
 * with no other attributes than those and timestamps (its own createdAt/updatedAt, or any other
 * timestamp column, as pagila's `last_update`). Such a model gets belongsToMany both ways, in
 * addition to its own associations.
 */
import { isTimestamp, type ModelIR } from '../ir.js';
import type { ForeignKeyFact } from './foreign-keys.js';

export interface Junction {
  readonly model: string;
  /** The two keys, in the model's attribute order. */
  readonly keys: readonly [ForeignKeyFact, ForeignKeyFact];
}

export function junctionOf(model: ModelIR, keys: readonly ForeignKeyFact[]): Junction | undefined {
  if (model.kind !== 'table' || keys.length !== 2) return undefined;
  if (keys.some((key) => key.attributes.length !== 1 || key.target === undefined)) return undefined;
  const pair = keys.map((key) => key.attributes[0]!);
  if (pair[0] === pair[1]) return undefined;
  const others = model.attributes.filter((a) => !pair.includes(a.name));
  if (!others.every((a) => isTimestamp(model, a) || a.type.kind === 'DATE')) return undefined;
  if (!isKey(model, pair)) return undefined;
  const order = (key: ForeignKeyFact) => model.attributes.findIndex((a) => a.name === key.attributes[0]);
  const sorted = [...keys].sort((a, b) => order(a) - order(b));
  return { model: model.name, keys: [sorted[0]!, sorted[1]!] };
}

/** Whether exactly these two attributes are the primary key or a composite unique key. */
function isKey(model: ModelIR, pair: readonly string[]): boolean {
  const same = (names: readonly string[]) => names.length === 2 && pair.every((name) => names.includes(name));
  const primary = model.attributes.filter((a) => a.primaryKey).map((a) => a.name);
  if (same(primary)) return true;
  const uniqueKeys = new Set(
    model.attributes.map((a) => a.unique).filter((u): u is string => typeof u === 'string'),
  );
  return [...uniqueKeys].some((key) =>
    same(model.attributes.filter((a) => a.unique === key).map((a) => a.name)),
  );
}
