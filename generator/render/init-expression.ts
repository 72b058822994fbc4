/**
 * The init spec (what `init` is called with, as data) as code: expressions the layout prints.
 */
import type { DefaultValueIR, JsonValue } from '../ir.js';
import { call, id, member, object, str, type Expression, type Property } from '../layout/expression.js';
import type { InitEntry, InitValue } from './init-spec.js';
import { dataTypeExpression } from './type-map.js';

export function initEntriesExpression(entries: readonly InitEntry[], expanded = false): Expression {
  return object(entries.map(initProperty), expanded);
}

export function initProperty([key, value]: InitEntry): Property {
  return { key, value: initValueExpression(value) };
}

function initValueExpression(value: InitValue): Expression {
  switch (value.kind) {
    case 'dataType':
      return dataTypeExpression(value.type);
    case 'default':
      return defaultValueExpression(value.value);
    case 'string':
      return str(value.value);
    case 'boolean':
      return { kind: 'keyword', text: value.value ? 'true' : 'false' };
    case 'object':
      return initEntriesExpression(value.entries);
  }
}

export function defaultValueExpression(value: DefaultValueIR): Expression {
  switch (value.kind) {
    case 'UUIDV1':
    case 'UUIDV4':
    case 'NOW':
      return member(id('DataTypes'), value.kind);
    case 'sql':
      return call(id('literal'), [str(value.sql)]);
    case 'literal':
      return jsonExpression(value.value);
  }
}

function jsonExpression(value: JsonValue): Expression {
  if (value === null) return { kind: 'keyword', text: 'null' };
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'keyword', text: value ? 'true' : 'false' };
  if (Array.isArray(value)) return { kind: 'array', items: value.map(jsonExpression) };
  return object(Object.entries(value).map(([key, item]) => ({ key, value: jsonExpression(item) })));
}
