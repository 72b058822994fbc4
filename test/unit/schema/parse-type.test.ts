import type { DataTypeIR } from '../../../generator/ir.js';
import { parseType } from '../../../generator/schema/parse-type.js';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import { fixtureText } from './schema-test-helpers.js';

/** Every row of the format's data type table, as written in all-types.yaml. */
const EXPECTED: Record<string, DataTypeIR> = {
  string: { kind: 'STRING' },
  string100: { kind: 'STRING', length: 100 },
  stringBinary: { kind: 'STRING', binary: true },
  string100Binary: { kind: 'STRING', length: 100, binary: true },
  char: { kind: 'CHAR' },
  char10: { kind: 'CHAR', length: 10 },
  text: { kind: 'TEXT' },
  textTiny: { kind: 'TEXT', variant: 'tiny' },
  textLong: { kind: 'TEXT', variant: 'long' },
  citext: { kind: 'CITEXT' },
  smallint: { kind: 'SMALLINT' },
  integer: { kind: 'INTEGER' },
  bigint: { kind: 'BIGINT' },
  bigint11: { kind: 'BIGINT', length: 11 },
  float: { kind: 'FLOAT' },
  float11: { kind: 'FLOAT', precision: 11 },
  float11x10: { kind: 'FLOAT', precision: 11, scale: 10 },
  real: { kind: 'REAL' },
  double: { kind: 'DOUBLE' },
  double11x10: { kind: 'DOUBLE', precision: 11, scale: 10 },
  decimal: { kind: 'DECIMAL' },
  decimal10: { kind: 'DECIMAL', precision: 10 },
  decimal10x2: { kind: 'DECIMAL', precision: 10, scale: 2 },
  boolean: { kind: 'BOOLEAN' },
  date: { kind: 'DATE' },
  date6: { kind: 'DATE', precision: 6 },
  dateonly: { kind: 'DATEONLY' },
  time: { kind: 'TIME' },
  uuid: { kind: 'UUID' },
  json: { kind: 'JSON' },
  jsonb: { kind: 'JSONB' },
  blob: { kind: 'BLOB' },
  inet: { kind: 'INET' },
  cidr: { kind: 'CIDR' },
  macaddr: { kind: 'MACADDR' },
  tsvector: { kind: 'TSVECTOR' },
  enumInline: { kind: 'ENUM', values: ['a', 'b'] },
  enumValues: { kind: 'ENUM', values: ['x', 'y'] },
  arrayText: { kind: 'ARRAY', element: { kind: 'TEXT' } },
  arrayEnum: { kind: 'ARRAY', element: { kind: 'ENUM', values: ['p', 'q'] } },
  arrayArray: { kind: 'ARRAY', element: { kind: 'ARRAY', element: { kind: 'INTEGER' } } },
  custom: { kind: 'CUSTOM', sql: 'interval' },
};

describe('every type of the format becomes its DataTypeIR', () => {
  const allTypes = loadSchemaText(fixtureText('all-types.yaml'), 'all-types.yaml').models[0]!;

  test.each(Object.entries(EXPECTED))('%s', (name, type) => {
    expect(allTypes.attributes.find((a) => a.name === name)?.type).toEqual(type);
  });

  test('and nothing else is in the fixture', () => {
    expect(allTypes.attributes.map((a) => a.name)).toEqual(['id', ...Object.keys(EXPECTED)]);
  });
});

describe('parseType', () => {
  test.each([
    ['STRING ( 100 ) . BINARY', { kind: 'STRING', length: 100, binary: true }],
    ["ENUM(\"it's\", 'a''b')", { kind: 'ENUM', values: ["it's", "a'b"] }],
    ["ARRAY( ENUM('a') )", { kind: 'ARRAY', element: { kind: 'ENUM', values: ['a'] } }],
    // Timestamps are DATEs (their values are Dates); CUSTOM is how the format says "without time zone".
    ["CUSTOM('timestamp(3) without time zone')", { kind: 'DATE', precision: 3, withoutTimeZone: true }],
    ["CUSTOM('timestamp')", { kind: 'DATE', withoutTimeZone: true }],
    ["CUSTOM('TIMESTAMP ( 0 ) WITH TIME ZONE')", { kind: 'DATE', precision: 0 }],
    ["CUSTOM('timestamptz(6)')", { kind: 'DATE', precision: 6 }],
    ["CUSTOM('time(3) without time zone')", { kind: 'CUSTOM', sql: 'time(3) without time zone' }],
    ["CUSTOM('geometry(Point,4326)')", { kind: 'CUSTOM', sql: 'geometry(Point,4326)' }],
    [
      `CUSTOM('"extensions".geometry(LineString, 4326)[]')`,
      { kind: 'CUSTOM', sql: '"extensions".geometry(LineString, 4326)[]' },
    ],
    ["ARRAY(CUSTOM('ltree'))", { kind: 'ARRAY', element: { kind: 'CUSTOM', sql: 'ltree' } }],
    ['DATE(0)', { kind: 'DATE', precision: 0 }],
    ['DECIMAL(10, 0)', { kind: 'DECIMAL', precision: 10, scale: 0 }],
  ])('reads %s', (text, type) => {
    expect(parseType(text)).toEqual({ ok: true, type });
  });

  test.each([
    ['', 0, /^the type is empty; write one of STRING, /],
    ['STRING(0)', 7, /^STRING takes whole numbers from 1, got 0/],
    ['DECIMAL(2, 5)', 11, /^DECIMAL scale 5 is larger than its precision 2/],
    ['INTEGER.UNSIGNED', 8, /^unknown modifier ".UNSIGNED" on INTEGER; INTEGER has no modifiers$/],
    ['STRING)', 6, /^unexpected "\)" after the type in "STRING\)"$/],
    ["ENUM('a", 5, /^unterminated string 'a; close it with '$/],
    ['ENUM()', 5, /^ENUM\(\) needs at least one value/],
    ['ENUM(a)', 5, /^ENUM values are quoted strings, got a/],
    ['ARRAY(3)', 6, /^ARRAY takes a type, got 3/],
    ['CUSTOM', 6, /^CUSTOM needs the PostgreSQL type/],
    ["CUSTOM('')", 7, /^CUSTOM takes the PostgreSQL type as a quoted string, got ''/],
    [
      "CUSTOM('geometry(Point;4326)')",
      7,
      /^CUSTOM\('geometry\(Point;4326\)'\) is not a PostgreSQL type name/,
    ],
    ['TIMESTAMP', 0, /^unknown type "TIMESTAMP"; did you mean DATE\?$/],
    ['serial', 0, /^unknown type "serial"; did you mean INTEGER with autoIncrement: true\?$/],
    ['STRING#', 6, /^unexpected "#" in type "STRING#"$/],
  ])('refuses %j at offset %d', (text, offset, message) => {
    const parsed = parseType(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.offset).toBe(offset);
    expect(parsed.message).toMatch(message);
  });
});
