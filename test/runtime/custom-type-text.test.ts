/** CUSTOM type text: one strict grammar (isValidCustomTypeText), so nothing but a type reaches CREATE TABLE. */
import { DataTypes } from '../../runtime/index.js';
import { isValidCustomTypeText } from '../../runtime/sql/type-text.js';
import { openTestConnection, type TestConnection } from './helpers.js';

const VALID = [
  'interval',
  'timestamp(3) without time zone',
  'character varying',
  'double precision',
  'time(6) with time zone',
  '"MySchema"."my type"',
  'numeric(10,2)[]',
  'numeric( 10 , 2 )',
  'numeric(5, 2)[]',
  '"public"."my-type ☃"[]',
  'text[][]',
  'int[3]',
  'character varying(20)[]',
  'bit varying(5)',
  'timestamp with time zone',
  'timestamp(3) with time zone[]',
  'public.citext',
  '"a""b"',
  '"not null"',
  'int4range',
  'interval year to month',
  'INTEGER',
  ' text ',
  // Modifiers that are not (unsigned) numbers, as extensions and PostgreSQL 15 print them.
  'geometry(Polygon,4326)',
  'extensions.geometry(LineString,4326)',
  'geography(Point,4326)[]',
  '"extensions"."geometry"( PointZ , 4326 )',
  'vector(3)',
  'numeric(5,-2)',
  'interval day to second(3)',
  'bit(8)',
  'varbit',
];
const INVALID = [
  'int, z int GENERATED ALWAYS AS (pg_backend_pid()) STORED',
  'int; DROP TABLE x',
  "text DEFAULT 'x'",
  "text default 'x'",
  'int -- comment',
  'int /* c */',
  '',
  '   ',
  'numeric(10',
  'numeric 10)',
  'numeric(10))',
  'numeric((10))',
  'numeric(10,2,3)',
  'numeric(10,2) NOT NULL',
  'numeric(1.5)',
  'geometry(Point;4326)',
  "geometry('Point')",
  'geometry(Point 4326)',
  'geometry(Point,4326,1)',
  'geometry(Point,4326) NOT NULL',
  'geometry(Point,-)',
  'vector(3) DEFAULT NULL',
  'int, y int',
  'int)',
  '(int)',
  'text[',
  'text[]x',
  'int NOT NULL',
  'timestamp(3) without time zone DEFAULT now()',
  '"unterminated',
  '"a"b"',
  'int\0',
  'a..b',
  '.a',
  'a.',
  'text COLLATE "C"[]x',
  'int[] CHECK (true)',
  'int GENERATED ALWAYS AS IDENTITY',
  'x\\y',
];

test.each(VALID)('%j is valid type text', (text) => {
  expect(isValidCustomTypeText(text)).toBe(true);
  expect(DataTypes.CUSTOM(text).toSql()).toBe(text);
});

test.each(INVALID)('%j is refused', (text) => {
  expect(isValidCustomTypeText(text)).toBe(false);
  expect(() => DataTypes.CUSTOM(text)).toThrow('Invalid custom SQL type');
});

test('a refused CUSTOM never reaches CREATE TABLE; valid ones create their columns', async () => {
  const conn: TestConnection = await openTestConnection({ logging: false });
  try {
    expect(() =>
      conn.sequelize.define('Sneaky', {
        y: DataTypes.CUSTOM('int, z int GENERATED ALWAYS AS (pg_backend_pid()) STORED'),
      }),
    ).toThrow('Invalid custom SQL type');
    await conn.sequelize.query('CREATE SCHEMA "MySchema"');
    await conn.sequelize.query('CREATE TYPE "MySchema"."my type" AS ENUM (\'a\')');
    const Typed = conn.sequelize.define(
      'Typed',
      {
        a: DataTypes.CUSTOM('timestamp(3) without time zone'),
        b: DataTypes.CUSTOM('numeric(10,2)[]'),
        c: DataTypes.CUSTOM('time(6) with time zone'),
        d: DataTypes.CUSTOM('"MySchema"."my type"'),
        e: DataTypes.CUSTOM('character varying(20)[]'),
      },
      { timestamps: false },
    );
    await Typed.sync({ force: true });
    const columns = (await conn.sequelize.query(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = '"Typeds"'::regclass AND attnum > 0 ORDER BY attnum`,
      { type: 'SELECT' },
    )) as { name: string; type: string }[];
    expect(columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'a', type: 'timestamp(3) without time zone' },
      { name: 'b', type: 'numeric(10,2)[]' },
      { name: 'c', type: 'time(6) with time zone' },
      { name: 'd', type: '"MySchema"."my type"' },
      { name: 'e', type: 'character varying(20)[]' },
    ]);
  } finally {
    await conn.close();
  }
});
