import type { DataTypeIR } from '../../../generator/ir.js';
import { mapDefault, parseArrayLiteral, parseDefault } from '../../../generator/introspect/map-default.js';

const INTEGER: DataTypeIR = { kind: 'INTEGER' };
const TEXT: DataTypeIR = { kind: 'TEXT' };

describe('column defaults', () => {
  it('turns nextval() into autoIncrement with no default', () => {
    expect(
      mapDefault({
        defaultSql: "nextval('public.actor_actor_id_seq'::regclass)",
        identity: '',
        generated: '',
        type: INTEGER,
      }),
    ).toEqual({
      autoIncrement: true,
    });
  });

  it('turns identity columns into `generated`, with no default', () => {
    expect(mapDefault({ defaultSql: null, identity: 'a', generated: '', type: INTEGER })).toEqual({
      autoIncrement: false,
      generated: 'identity-always',
    });
    expect(mapDefault({ defaultSql: null, identity: 'd', generated: '', type: INTEGER }).generated).toBe(
      'identity-by-default',
    );
  });

  it('turns a generated column into `computed` and drops its expression', () => {
    expect(
      mapDefault({
        defaultSql: "to_tsvector('english'::regconfig, title)",
        identity: '',
        generated: 's',
        type: TEXT,
      }),
    ).toEqual({
      autoIncrement: false,
      generated: 'computed',
    });
  });

  it('has nothing for a column without a default or with DEFAULT NULL', () => {
    expect(mapDefault({ defaultSql: null, identity: '', generated: '', type: TEXT })).toEqual({
      autoIncrement: false,
    });
    expect(parseDefault('NULL::character varying', TEXT)).toBeUndefined();
  });

  it.each<[string, DataTypeIR, unknown]>([
    ['now()', { kind: 'DATE' }, { kind: 'sql', sql: 'now()' }],
    ['CURRENT_TIMESTAMP', { kind: 'DATE' }, { kind: 'sql', sql: 'CURRENT_TIMESTAMP' }],
    ['gen_random_uuid()', { kind: 'UUID' }, { kind: 'sql', sql: 'gen_random_uuid()' }],
    ["('now'::text)::date", { kind: 'DATEONLY' }, { kind: 'sql', sql: "('now'::text)::date" }],
    [
      "'2020-01-01 00:00:00'::timestamp without time zone",
      { kind: 'DATE' },
      { kind: 'sql', sql: "'2020-01-01 00:00:00'::timestamp without time zone" },
    ],
    ["'abc'::character varying", { kind: 'STRING' }, { kind: 'literal', value: 'abc' }],
    ["'it''s'::text", TEXT, { kind: 'literal', value: "it's" }],
    ["'G'::public.mpaa_rating", { kind: 'ENUM', values: ['G'] }, { kind: 'literal', value: 'G' }],
    ['\'x\'::"Name"', { kind: 'STRING' }, { kind: 'literal', value: 'x' }],
    ['0', INTEGER, { kind: 'literal', value: 0 }],
    ['4.99', { kind: 'DECIMAL' }, { kind: 'literal', value: '4.99' }],
    ['0', { kind: 'BIGINT' }, { kind: 'literal', value: '0' }],
    ['1.5', { kind: 'DOUBLE' }, { kind: 'literal', value: 1.5 }],
    ["'-1'::integer", INTEGER, { kind: 'literal', value: -1 }],
    ['1.50', { kind: 'DECIMAL' }, { kind: 'literal', value: '1.50' }],
    ['1.50', { kind: 'REAL' }, { kind: 'literal', value: 1.5 }],
    ['true', { kind: 'BOOLEAN' }, { kind: 'literal', value: true }],
    ['false', { kind: 'BOOLEAN' }, { kind: 'literal', value: false }],
    ["'{}'::text[]", { kind: 'ARRAY', element: TEXT }, { kind: 'literal', value: [] }],
    ['\'{a,"b c"}\'::text[]', { kind: 'ARRAY', element: TEXT }, { kind: 'literal', value: ['a', 'b c'] }],
    ["'{1,2}'::integer[]", { kind: 'ARRAY', element: INTEGER }, { kind: 'literal', value: [1, 2] }],
    ['\'{"a": 1}\'::jsonb', { kind: 'JSONB' }, { kind: 'literal', value: { a: 1 } }],
    ["'\\x00'::bytea", { kind: 'BLOB' }, { kind: 'sql', sql: "'\\x00'::bytea" }],
    ["('a'::text || 'b'::text)", TEXT, { kind: 'sql', sql: "('a'::text || 'b'::text)" }],
    ["'1 day'::interval", { kind: 'CUSTOM', sql: 'interval' }, { kind: 'literal', value: '1 day' }],
  ])('%s', (sql, type, expected) => {
    expect(parseDefault(sql, type)).toEqual(expected);
  });

  it('leaves array literals with NULLs or nesting to the database', () => {
    expect(parseArrayLiteral('{a,NULL}', TEXT)).toBeUndefined();
    expect(parseArrayLiteral('{{1,2}}', INTEGER)).toBeUndefined();
  });
});

describe('defaults the YAML loader must accept', () => {
  it('keeps bare constants of another kind as SQL', () => {
    expect(parseDefault('0', { kind: 'CUSTOM', sql: 'money' })).toEqual({ kind: 'sql', sql: '0' });
    expect(parseDefault('true', TEXT)).toEqual({ kind: 'sql', sql: 'true' });
  });

  it('takes nextval() for a serial only on an integer column', () => {
    const sql = "nextval('t_code_seq'::regclass)";
    expect(
      mapDefault({ defaultSql: sql, identity: '', generated: '', type: { kind: 'BIGINT' } }).autoIncrement,
    ).toBe(true);
    expect(mapDefault({ defaultSql: sql, identity: '', generated: '', type: TEXT })).toEqual({
      autoIncrement: false,
      defaultValue: { kind: 'sql', sql },
    });
  });
});
