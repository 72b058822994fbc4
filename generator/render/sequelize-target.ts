/**
 * What `--runtime sequelize` writes differently (docs/sequelize-runtime.md): column types as
 * Sequelize 6's DataTypes take them, and the shared file that declares the types our runtime
 * exports but Sequelize does not.
 */
import type { DataTypeIR, ModelIR } from '../ir.js';
import { call, id, member, str, type Expression } from '../layout/expression.js';
import { quoteIdentifier } from '../../runtime/sql/quote.js';
import { dataTypeExpression } from './type-map.js';
import { PARSED_TYPE_NAMES, PARSED_TYPE_SOURCE } from './sequelize-value-types.js';

/** The generated file (in the output folder) that declares JsonValue and NumericString. */
export const SEQUELIZE_TYPES_MODULE = 'sequelize-types';

/** The names it exports, as the models import them. */
export const SEQUELIZE_LOCAL_TYPES = ['JsonValue', 'NumericString', ...PARSED_TYPE_NAMES] as const;

/** Its declarations: the same shapes as the runtime's, so that models type their values alike. */
export const SEQUELIZE_TYPES_SOURCE = [
  '/** A JSON value as pg hands back a json or jsonb column (Sequelize has no such type). */',
  'export type JsonValue =',
  '  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };',
  '',
  '/** An int8 or numeric value: pg hands it back as text, exact (Sequelize types it string too). */',
  'export type NumericString = string;',
  ...PARSED_TYPE_SOURCE,
];

/**
 * The `type:` of an attribute for Sequelize: its DataTypes where Sequelize has the type, else the
 * PostgreSQL type as text, which Sequelize 6 passes to CREATE TABLE as it is and whose values it
 * passes through untouched (interval, geometry, ltree, ranges, ...: the attribute is a string, as
 * pg hands it back; Sequelize's own GEOMETRY or RANGE would parse values into other shapes).
 */
export function sequelizeDataTypeExpression(type: DataTypeIR): Expression {
  const raw = rawTypeText(type);
  if (raw !== undefined) return str(raw);
  if (type.kind === 'ARRAY')
    return call(member(id('DataTypes'), 'ARRAY'), [sequelizeDataTypeExpression(type.element)]);
  // PostgreSQL's int8 has no display width; Sequelize's types refuse BIGINT(11) (and its
  // PostgreSQL dialect would drop the width with a warning).
  if (type.kind === 'BIGINT') return member(id('DataTypes'), 'BIGINT');
  return dataTypeExpression(type);
}

/**
 * Types Sequelize's DataTypes cannot say: CUSTOM types; timestamp without time zone (Sequelize's
 * DATE is timestamptz); an enum type named otherwise than Sequelize's `enum_<table>_<column>`
 * (its ENUM cannot take a name, and would create a type of its own on sync).
 */
function rawTypeText(type: DataTypeIR): string | undefined {
  switch (type.kind) {
    case 'CUSTOM':
      return type.sql;
    case 'DATE':
      if (!type.withoutTimeZone) return undefined;
      return `timestamp${type.precision === undefined ? '' : `(${type.precision})`} without time zone`;
    case 'ENUM':
      if (type.typeName === undefined) return undefined;
      return type.typeSchema === undefined
        ? quoteIdentifier(type.typeName)
        : `${quoteIdentifier(type.typeSchema)}.${quoteIdentifier(type.typeName)}`;
    case 'ARRAY': {
      const element = rawTypeText(type.element);
      return element === undefined ? undefined : `${element}[]`;
    }
    default:
      return undefined;
  }
}

/** Why a view or a table without a primary key is a plain Model here. */
export const SEQUELIZE_READ_ONLY_NOTE =
  'Read-only in the database (a view, or a table without a primary key), but Sequelize has no read-only model: this is a plain Model. Only create through it: a view refuses writes unless it is updatable, and without a key an instance update or destroy cannot single out its row (docs/sequelize-runtime.md).';

/**
 * A model without a primary key but with an attribute named `id`: Sequelize refuses such an
 * `id` ("A column called 'id' was added ... but not marked with 'primaryKey: true'"), so it is
 * declared the primary key to Sequelize (pagila's customer_list view has one). Any other model
 * without a key has Sequelize's invented `id` removed instead.
 */
export function keylessWithId(model: ModelIR): boolean {
  return (
    !model.attributes.some((attribute) => attribute.primaryKey) &&
    model.attributes.some((attribute) => attribute.name === 'id')
  );
}

export const SEQUELIZE_ID_KEY_NOTE =
  'The database has no primary key here, but Sequelize refuses an `id` attribute that is not one: `id` is declared the primary key to Sequelize, so findByPk and instance writes match rows by `id` alone.';

/** --runtime sequelize, a model without a key (and no `id`): initModel removes the `id` Sequelize invents. */
export function removesSequelizeId(model: ModelIR, target: 'sequelize' | undefined): boolean {
  return (
    target === 'sequelize' &&
    !model.attributes.some((attribute) => attribute.primaryKey) &&
    !keylessWithId(model)
  );
}
