/**
 * A model's `defaultScope:` and `scopes:`, as data: `where` (attribute → value; a list is IN,
 * null is IS NULL), `order` ([attribute, ASC|DESC] or an attribute), `attributes`, `limit`. The
 * attribute names are kept with their nodes, so check-scopes.ts can point at an unknown one.
 */
import type { Node } from 'yaml';
import type { JsonValue, ScopeIR } from '../ir.js';
import { SCOPE_KEYS } from './schema-keys.js';
import { findEntry, type Entry, type YamlReader } from './yaml-reader.js';

export interface ScopeDraft {
  readonly scope: ScopeIR;
  /** Every attribute name the scope mentions, with where it stands. */
  readonly names: readonly { readonly name: string; readonly node: Node }[];
}

export function readScopes(
  entries: readonly Entry[],
  model: string,
  reader: YamlReader,
): { defaultScope?: ScopeDraft; scopes: Record<string, ScopeDraft> } {
  const defaultEntry = findEntry(entries, 'defaultScope');
  const defaultScope = defaultEntry && readScope(defaultEntry, `defaultScope of model ${model}`, reader);
  const scopes: Record<string, ScopeDraft> = {};
  const scopesEntry = findEntry(entries, 'scopes');
  for (const entry of (scopesEntry && reader.mappingEntries(scopesEntry, `scopes of model ${model}`)) ?? []) {
    const scope = readScope(entry, `scope ${entry.key} of model ${model}`, reader);
    if (scope) scopes[entry.key] = scope;
  }
  return { ...(defaultScope && { defaultScope }), scopes };
}

function readScope(entry: Entry, where: string, reader: YamlReader): ScopeDraft | undefined {
  const entries = reader.mappingEntries(entry, where);
  if (entries === undefined) return undefined;
  reader.reportUnknownKeys(entries, SCOPE_KEYS, `in ${where}`);
  const names: { name: string; node: Node }[] = [];
  const scope: { -readonly [K in keyof ScopeIR]: ScopeIR[K] } = {};
  const whereEntry = findEntry(entries, 'where');
  if (whereEntry) {
    const conditions = reader.mappingEntries(whereEntry, `where in ${where}`) ?? [];
    scope.where = Object.fromEntries(
      conditions.map((condition) => {
        names.push({ name: condition.key, node: condition.keyNode });
        return [condition.key, reader.toJs(condition.value) as JsonValue];
      }),
    );
  }
  const order = findEntry(entries, 'order');
  if (order) scope.order = readOrder(order, where, names, reader);
  const attributes = findEntry(entries, 'attributes');
  if (attributes) scope.attributes = readNames(attributes, where, names, reader);
  const limit = findEntry(entries, 'limit');
  if (limit) {
    const value = reader.scalarValue(limit.value);
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) scope.limit = value;
    else reader.problems.add(limit.value ?? limit.keyNode, `limit in ${where} must be a positive integer`);
  }
  return { scope, names };
}

function readNames(
  entry: Entry,
  where: string,
  names: { name: string; node: Node }[],
  reader: YamlReader,
): string[] {
  const items = reader.sequenceItems(entry.value);
  if (!reader.isSequence(entry.value))
    reader.problems.add(
      entry.value ?? entry.keyNode,
      `attributes in ${where} must be a list of attribute names`,
    );
  return items.flatMap((item) => {
    const name = reader.scalarValue(item);
    if (typeof name === 'string' && name !== '') {
      names.push({ name, node: item! });
      return [name];
    }
    reader.problems.add(item, `attributes in ${where} must be a list of attribute names`);
    return [];
  });
}

function readOrder(
  entry: Entry,
  where: string,
  names: { name: string; node: Node }[],
  reader: YamlReader,
): [string, 'ASC' | 'DESC'][] {
  const message = `order in ${where} must be a list of attribute names or [attribute, ASC|DESC] pairs`;
  if (!reader.isSequence(entry.value)) {
    reader.problems.add(entry.value ?? entry.keyNode, message);
    return [];
  }
  return reader.sequenceItems(entry.value).flatMap((item): [string, 'ASC' | 'DESC'][] => {
    const pair = reader.isSequence(item) ? reader.sequenceItems(item) : [item];
    const name = reader.scalarValue(pair[0] ?? null);
    const direction = pair.length > 1 ? reader.scalarValue(pair[1] ?? null) : 'ASC';
    if (typeof name !== 'string' || (direction !== 'ASC' && direction !== 'DESC') || pair.length > 2) {
      reader.problems.add(item, message);
      return [];
    }
    names.push({ name, node: pair[0]! });
    return [[name, direction]];
  });
}
