/**
 * --runtime sequelize: the TypeScript type of values pg and Sequelize hand back parsed rather
 * than as text. Our runtime reads every type it has no DataType for as text; a Sequelize
 * connection keeps pg's parsers (interval, point, circle) and adds its own for every range type
 * and, where the extensions exist, hstore and PostGIS: an attribute typed `string` would lie.
 */
import type { AttributeIR, DataTypeIR, ModelIR, SchemaIR } from '../ir.js';

/** By the type's name (format_type()'s text without modifiers): the type of a parsed value. */
const PARSED: Readonly<Record<string, string>> = {
  interval: 'PgInterval',
  point: 'PgPoint',
  circle: 'PgCircle',
  int4range: 'SequelizeRange<number>',
  int8range: 'SequelizeRange<string>',
  numrange: 'SequelizeRange<string>',
  daterange: 'SequelizeRange<string>',
  tsrange: 'SequelizeRange<Date>',
  tstzrange: 'SequelizeRange<Date>',
  hstore: 'Record<string, string | null>',
  geometry: 'GeoJson',
  geography: 'GeoJson',
};

/** The declarations these types need, in the shared generated file (sequelize-target.ts). */
export const PARSED_TYPE_SOURCE = [
  '',
  '/** An interval as pg parses it (postgres-interval); toPostgres() gives the text back. */',
  'export interface PgInterval {',
  '  years?: number;',
  '  months?: number;',
  '  days?: number;',
  '  hours?: number;',
  '  minutes?: number;',
  '  seconds?: number;',
  '  milliseconds?: number;',
  '  toPostgres(): string;',
  '  toISOString(): string;',
  '}',
  '',
  '/** A point as pg parses it. */',
  'export interface PgPoint {',
  '  x: number;',
  '  y: number;',
  '}',
  '',
  '/** A circle as pg parses it. */',
  'export interface PgCircle {',
  '  x: number;',
  '  y: number;',
  '  radius: number;',
  '}',
  '',
  '/** A range as Sequelize parses every range type: its bounds, or [] when empty; an unbounded end is null. */',
  'export type SequelizeRange<T> =',
  '  | []',
  '  | [',
  '      lower: { value: T | null; inclusive: boolean },',
  '      upper: { value: T | null; inclusive: boolean },',
  '    ];',
  '',
  '/** A PostGIS geometry or geography as Sequelize parses it: GeoJSON. */',
  'export interface GeoJson {',
  '  type: string;',
  '  coordinates?: unknown;',
  '  crs?: unknown;',
  '  [key: string]: unknown;',
  '}',
];

/** Every name PARSED_TYPE_SOURCE exports. */
export const PARSED_TYPE_NAMES = ['PgInterval', 'PgPoint', 'PgCircle', 'SequelizeRange', 'GeoJson'] as const;

/** The schema with these attributes typed as their parsed values (a configured override wins). */
export function withSequelizeValueTypes(schema: SchemaIR): SchemaIR {
  return { ...schema, models: schema.models.map(modelWithValueTypes) };
}

function modelWithValueTypes(model: ModelIR): ModelIR {
  if (!model.attributes.some((attribute) => parsedType(attribute.type) !== undefined)) return model;
  return { ...model, attributes: model.attributes.map(attributeWithValueType) };
}

function attributeWithValueType(attribute: AttributeIR): AttributeIR {
  if (attribute.tsType !== undefined) return attribute;
  const type = parsedType(attribute.type);
  return type === undefined ? attribute : { ...attribute, tsType: { type, imports: [] } };
}

function parsedType(type: DataTypeIR): string | undefined {
  // pg knows no array type of an enum it has no parser for, and Sequelize parses only its own
  // ARRAY(ENUM): an array of a named enum (sequelize-target.ts) comes back as its literal text.
  if (type.kind === 'ARRAY' && type.element.kind === 'ENUM' && type.element.typeName !== undefined)
    return 'string';
  if (type.kind === 'ARRAY') {
    const element = parsedType(type.element);
    return element === undefined ? undefined : `(${element})[]`;
  }
  if (type.kind !== 'CUSTOM') return undefined;
  // `interval day to second(3)`, `geometry(Point,4326)`, `extensions.geometry`: the bare name.
  const name = /^(?:[\w$]+\.)?"?([a-z0-9_]+)/i.exec(type.sql)?.[1]?.toLowerCase();
  const parsed = name === undefined ? undefined : PARSED[name];
  if (parsed === undefined || !type.sql.trim().endsWith('[]')) return parsed;
  return `(${parsed})[]`;
}

/** An attribute typed here as a parsed value: it may be written as its text too. */
export function parsedValueType(attribute: AttributeIR): boolean {
  return attribute.tsType !== undefined && attribute.tsType.type === parsedType(attribute.type);
}

/** For attributeSignatures: with Sequelize, parsed values may be created from their text. */
export function textOnCreate(target: 'sequelize' | undefined): (attribute: AttributeIR) => boolean {
  return target === 'sequelize' ? parsedValueType : () => false;
}
