/** The pure rules behind alter's decisions: type normalisation, type-change classes, default comparison. No database. */
import { formatTypeOf, sameColumnType } from '../../../runtime/alter/column-type.js';
import { compareDefaults } from '../../../runtime/alter/default-comparison.js';
import { planTypeChange } from '../../../runtime/alter/type-change.js';

test('DDL type text is normalised to what format_type() prints', () => {
  expect(
    [
      'VARCHAR(255)',
      'CHAR(3)',
      'TEXT',
      'INTEGER',
      'BIGINT',
      'SMALLINT',
      'DECIMAL',
      'DECIMAL(10)',
      'DECIMAL(10,2)',
      'FLOAT',
      'FLOAT(10)',
      'FLOAT(30)',
      'REAL',
      'DOUBLE PRECISION',
      'BOOLEAN',
      'TIMESTAMP WITH TIME ZONE',
      'DATE',
      'TIME',
      'UUID',
      'JSONB',
      'BYTEA',
      'TEXT[]',
      'INTEGER[][]',
      'int4',
      'varchar',
      'timestamptz',
      'timestamp',
      'interval',
      'Timestamp(3)',
      'timestamptz(2)',
      'TIMESTAMP(6) WITH TIME ZONE',
      '"MyType"',
    ].map(formatTypeOf),
  ).toEqual([
    'character varying(255)',
    'character(3)',
    'text',
    'integer',
    'bigint',
    'smallint',
    'numeric',
    'numeric(10,0)',
    'numeric(10,2)',
    'double precision',
    'real',
    'double precision',
    'real',
    'double precision',
    'boolean',
    'timestamp with time zone',
    'date',
    'time without time zone',
    'uuid',
    'jsonb',
    'bytea',
    'text[]',
    'integer[][]',
    'integer',
    'character varying',
    'timestamp with time zone',
    'timestamp without time zone',
    'interval',
    'timestamp(3) without time zone',
    'timestamp(2) with time zone',
    'timestamp(6) with time zone',
    '"MyType"',
  ]);
});

test('type text compares as PostgreSQL reads it: extension types exactly, unquoted words in any case, any array dimensions', () => {
  expect(
    [
      'geometry(Polygon,4326)',
      'extensions.geometry( LineString , 4326 )[]',
      '"Ext"."Geometry"(Point,4326)',
      'varbit',
      'VARBIT(5)',
      'bit',
      'time(3)',
      'timetz(3)',
      'DECIMAL(5,-2)',
      'interval day to second(3)',
      'vector(3)',
    ].map(formatTypeOf),
  ).toEqual([
    'geometry(Polygon,4326)',
    'extensions.geometry(LineString,4326)[]',
    '"Ext"."Geometry"(Point,4326)',
    'bit varying',
    'bit varying(5)',
    'bit(1)',
    'time(3) without time zone',
    'time(3) with time zone',
    'numeric(5,-2)',
    'interval day to second(3)',
    'vector(3)',
  ]);
  const same = (model: string, live: string) => sameColumnType(plain(formatTypeOf(model)), plain(live));
  expect(same('geometry(POLYGON, 4326)', 'geometry(Polygon,4326)')).toBe(true);
  expect(same('EXTENSIONS.geometry(Polygon,4326)', 'extensions.geometry(Polygon,4326)')).toBe(true);
  expect(same('INTEGER[][]', 'integer[]')).toBe(true);
  expect(same('geometry(Point,4326)', 'geometry(Polygon,4326)')).toBe(false);
  expect(same('geometry(Polygon,4326)', 'geometry(Polygon,3857)')).toBe(false);
  expect(same('geometry(Polygon,4326)', 'extensions.geometry(Polygon,4326)')).toBe(false);
  expect(same('"Geometry"(Polygon,4326)', 'geometry(Polygon,4326)')).toBe(false);
  expect(same('geometry(Polygon,4326)', 'geometry(Polygon,4326)[]')).toBe(false);
});

const plain = (format: string) => ({ kind: 'plain' as const, format });
const enumType = (array = false) => ({ kind: 'enum' as const, schema: 'public', name: 'e', array });
const classify = (
  from: ReturnType<typeof plain> | ReturnType<typeof enumType>,
  to: ReturnType<typeof plain> | ReturnType<typeof enumType>,
  sql = 'X',
) => {
  const change = planTypeChange(from, to, sql, ['a']);
  return [change.kind, change.how, change.using ?? null, change.check ? change.check.problem : null];
};

test('type changes: widening is safe without a cast; casts are checked; narrowing and unknown casts are destructive', () => {
  expect(classify(plain('character varying(5)'), plain('character varying(10)'))).toEqual([
    'safe',
    'widen',
    null,
    null,
  ]);
  expect(classify(plain('character varying(10)'), plain('text'))).toEqual(['safe', 'widen', null, null]);
  expect(classify(plain('integer'), plain('text'))).toEqual(['safe', 'widen', '{c}::text', null]);
  expect(classify(plain('integer'), plain('bigint'))).toEqual(['safe', 'widen', null, null]);
  expect(classify(plain('integer'), plain('numeric'))).toEqual(['safe', 'widen', null, null]);
  expect(classify(plain('numeric(8,2)'), plain('numeric(10,3)'))).toEqual(['safe', 'widen', null, null]);
  expect(classify(plain('real'), plain('double precision'))).toEqual(['safe', 'widen', null, null]);
  expect(classify(plain('text'), plain('integer'))).toEqual([
    'safe',
    'cast numeric strings',
    'trim({c})::integer',
    'values that are not whole numbers within integer',
  ]);
  expect(classify(plain('text'), plain('numeric'))).toEqual([
    'safe',
    'cast numeric strings',
    'trim({c})::numeric',
    'values that are not numbers',
  ]);
  expect(classify(plain('text'), enumType(), '"e"')).toEqual([
    'safe',
    'cast the labels',
    '{c}::text::"e"',
    'values that are not labels of the enum',
  ]);
  expect(classify(plain('text[]'), enumType(true), '"e"[]')).toEqual([
    'safe',
    'cast the labels',
    '{c}::text[]::"e"[]',
    'values that are not labels of the enum',
  ]);
  expect(classify(enumType(), plain('text'))).toEqual(['safe', 'labels become text', '{c}::text', null]);
  expect(classify(enumType(), plain('character varying(3)'))).toEqual([
    'safe',
    'labels become text',
    '{c}::text',
    'values longer than 3 characters',
  ]);
  expect(classify(enumType(true), plain('text[]'))).toEqual([
    'safe',
    'labels become text',
    '{c}::text[]',
    null,
  ]);
  expect(classify(plain('text'), plain('character varying(3)'))).toEqual([
    'destructive',
    'narrow',
    null,
    'values longer than 3 characters',
  ]);
  expect(classify(plain('bigint'), plain('smallint'))).toEqual([
    'destructive',
    'narrow',
    null,
    'values outside smallint (-32768 to 32767)',
  ]);
  expect(classify(plain('numeric'), plain('integer'))).toEqual([
    'destructive',
    'round to whole numbers',
    '{c}::integer',
    null,
  ]);
  expect(classify(plain('double precision'), plain('real'), 'REAL')).toEqual([
    'destructive',
    'explicit cast',
    '{c}::REAL',
    null,
  ]);
  expect(classify(plain('text'), plain('uuid'), 'UUID')).toEqual([
    'destructive',
    'explicit cast',
    '{c}::UUID',
    null,
  ]);
});

test('to varchar(n): values with one text each (integers, numeric, boolean, date, uuid) become text safely, their length checked unless it always fits', () => {
  expect(classify(plain('integer'), plain('character varying(255)'))).toEqual([
    'safe',
    'values become text',
    '{c}::text',
    null,
  ]);
  expect(classify(plain('integer'), plain('character varying(11)'))).toEqual([
    'safe',
    'values become text',
    '{c}::text',
    null,
  ]);
  expect(classify(plain('integer'), plain('character varying(10)'))).toEqual([
    'safe',
    'values become text',
    '{c}::text',
    'values longer than 10 characters',
  ]);
  for (const [from, fits] of [
    ['smallint', 6],
    ['bigint', 20],
    ['boolean', 5],
    ['uuid', 36],
  ] as const) {
    expect(classify(plain(from), plain(`character varying(${fits})`))[3]).toBeNull();
    expect(classify(plain(from), plain(`character varying(${fits - 1})`))).toEqual([
      'safe',
      'values become text',
      '{c}::text',
      `values longer than ${fits - 1} characters`,
    ]);
  }
  for (const from of ['numeric', 'numeric(10,2)', 'date']) {
    expect(classify(plain(from), plain('character varying(255)'))).toEqual([
      'safe',
      'values become text',
      '{c}::text',
      'values longer than 255 characters',
    ]);
  }
  // Not every value has one text (timestamps follow the session's time zone; floats may round);
  // char(n) pads with spaces: still narrowing.
  expect(classify(plain('timestamp with time zone'), plain('character varying(255)'))[0]).toBe('destructive');
  expect(classify(plain('double precision'), plain('character varying(255)'))[0]).toBe('destructive');
  expect(classify(plain('integer'), plain('character(20)'))[0]).toBe('destructive');
  expect(classify(plain('integer[]'), plain('character varying(255)[]'))[0]).toBe('destructive');
});

test('defaults: casts PostgreSQL adds are ignored; differing constants are left to the database; expressions compare as text', () => {
  expect(compareDefaults(undefined, null)).toBe('same');
  expect(compareDefaults('NULL', 'NULL::text')).toBe('same');
  expect(compareDefaults("'m'", `'m'::"enum_Shirts_size"`)).toBe('same');
  expect(compareDefaults('-1', `'-1'::integer`)).toBe('same');
  expect(compareDefaults('1.5', '1.5')).toBe('same');
  expect(compareDefaults('true', 'true')).toBe('same');
  expect(compareDefaults("'it''s'", `'it''s'::text`)).toBe('same');
  expect(compareDefaults("E'C:\\\\dir'", `'C:\\dir'::text`)).toBe('same');
  expect(compareDefaults(`'{"a":[1]}'`, `'{"a": [1]}'::jsonb`)).toBe('ask');
  expect(compareDefaults('2', '1')).toBe('ask');
  expect(compareDefaults('NOW()', 'now()')).toBe('same');
  expect(compareDefaults('CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP')).toBe('same');
  expect(compareDefaults('now()', `nextval('x_seq'::regclass)`)).toBe('different');
  expect(compareDefaults(undefined, `'x'::text`)).toBe('different');
  expect(compareDefaults("'x'", null)).toBe('different');
});
