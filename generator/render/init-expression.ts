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
import type { RenderOptions } from './render-options.js';
import { sequelizeDataTypeExpression } from './sequelize-target.js';

type Target = RenderOptions['target'];

export function initEntriesExpression(
  entries: readonly InitEntry[],
  expanded = false,
  target?: Target,
): Expression {
  return object(
    entries.map((entry) => initProperty(entry, target)),
    expanded,
  );
}

export function initProperty([key, value]: InitEntry, target?: Target): Property {
  if (value.kind === 'function')
    return { key, value: { kind: 'source', text: value.source.trim() }, method: true };
  return { key, value: initValueExpression(value, target) };
}

function initValueExpression(value: InitValue, target: Target): Expression {
  const typeExpression = target === 'sequelize' ? sequelizeDataTypeExpression : dataTypeExpression;
  switch (value.kind) {
    case 'dataType':
      return typeExpression(value.type);
    case 'default':
      return defaultValueExpression(value.value, value.type);
    case 'string':
      return str(value.value);
    case 'boolean':
      return { kind: 'keyword', text: value.value ? 'true' : 'false' };
    case 'object':
      return initEntriesExpression(value.entries, false, target);
    case 'array':
      return { kind: 'array', items: value.items.map((item) => initValueExpression(item, target)) };
    case 'literal':
      return call(id('literal'), [str(value.sql)]);
    case 'json':
      return jsonExpression(value.value);
    case 'function':
      return { kind: 'source', text: value.source.trim() };
    case 'virtual':
      return call(member(id('DataTypes'), 'VIRTUAL'), [
        typeExpression(value.type),
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
