import type { Node, YAMLMap } from 'yaml';
import type { DefaultValueIR, JsonValue } from '../ir.js';
import { findEntry, type YamlReader } from './yaml-reader.js';

/** Names that mean "filled in by the runtime when an instance is built", as Sequelize's DataTypes. */
const RUNTIME_DEFAULTS = ['UUIDV1', 'UUIDV4', 'NOW'] as const;

/**
 * Reads `defaultValue:` — a literal, `UUIDV1`/`UUIDV4`/`NOW`, `{ sql: "expr" }`, or `{ value: x }`
 * for a literal that would otherwise read as one of those (`{ value: NOW }`, a JSON object).
 * Returns undefined (after reporting) when the shape is wrong; fit with the type is checked later.
 */
export function parseDefaultValue(node: Node | null, reader: YamlReader): DefaultValueIR | undefined {
  if (reader.isMapping(node)) return parseWrappedDefault(node, reader);
  const value = reader.toJs(node) as JsonValue;
  if (typeof value === 'string' && (RUNTIME_DEFAULTS as readonly string[]).includes(value)) {
    return { kind: value as (typeof RUNTIME_DEFAULTS)[number] };
  }
  return { kind: 'literal', value };
}

function parseWrappedDefault(node: YAMLMap, reader: YamlReader): DefaultValueIR | undefined {
  const entries = reader.entries(node);
  const [first] = entries;
  if (entries.length !== 1 || (first!.key !== 'sql' && first!.key !== 'value')) {
    reader.problems.add(
      node,
      'a defaultValue mapping must be { sql: "<expression>" } or { value: <literal> }; write a JSON object default as { value: { ... } }',
    );
    return undefined;
  }
  const sql = findEntry(entries, 'sql');
  if (sql !== undefined) {
    const expression = reader.string(sql, 'defaultValue.sql');
    return expression === undefined ? undefined : { kind: 'sql', sql: expression };
  }
  return { kind: 'literal', value: reader.toJs(first!.value) as JsonValue };
}
