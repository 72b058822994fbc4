/**
 * The init spec (what `init` is called with, as data) as code: expressions the layout prints.
 */
import type { DataTypeIR, DefaultValueIR, JsonValue } from '../ir.js';
import {
  call,
  construct,
  id,
  member,
  object,
  str,
  type Expression,
  type Property,
} from '../layout/expression.js';
import { DateText, typedLiteral, type InitEntry, type InitValue, type TypedLiteral } from './init-spec.js';
import { dataTypeExpression } from './type-map.js';

export function initEntriesExpression(entries: readonly InitEntry[], expanded = false): Expression {
  return object(entries.map(initProperty), expanded);
}

export function initProperty([key, value]: InitEntry): Property {
  if (value.kind === 'function')
    return { key, value: { kind: 'source', text: value.source.trim() }, method: true };
  return { key, value: initValueExpression(value) };
}

function initValueExpression(value: InitValue): Expression {
  switch (value.kind) {
    case 'dataType':
      return dataTypeExpression(value.type);
    case 'default':
      return defaultValueExpression(value.value, value.type);
    case 'string':
      return str(value.value);
    case 'boolean':
      return { kind: 'keyword', text: value.value ? 'true' : 'false' };
    case 'object':
      return initEntriesExpression(value.entries);
    case 'array':
      return { kind: 'array', items: value.items.map(initValueExpression) };
    case 'literal':
      return call(id('literal'), [str(value.sql)]);
    case 'json':
      return jsonExpression(value.value);
    case 'function':
      return { kind: 'source', text: value.source.trim() };
    case 'virtual':
      return call(member(id('DataTypes'), 'VIRTUAL'), [
        dataTypeExpression(value.type),
        ...(value.fields.length > 0 ? [{ kind: 'array' as const, items: value.fields.map(str) }] : []),
      ]);
  }
}

export function defaultValueExpression(value: DefaultValueIR, type: DataTypeIR): Expression {
  switch (value.kind) {
    case 'UUIDV1':
    case 'UUIDV4':
    case 'NOW':
      return member(id('DataTypes'), value.kind);
    case 'sql':
      return call(id('literal'), [str(value.sql)]);
    case 'literal':
      return literalExpression(typedLiteral(value.value, type));
  }
}

function literalExpression(value: TypedLiteral): Expression {
  if (value instanceof DateText) return construct(id('Date'), [str(value.text)]);
  if (Array.isArray(value)) return { kind: 'array', items: value.map(literalExpression) };
  return jsonExpression(value as JsonValue);
}

function jsonExpression(value: JsonValue): Expression {
  if (value === null) return { kind: 'keyword', text: 'null' };
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'keyword', text: value ? 'true' : 'false' };
  if (Array.isArray(value)) return { kind: 'array', items: value.map(jsonExpression) };
  return object(Object.entries(value).map(([key, item]) => ({ key, value: jsonExpression(item) })));
}
