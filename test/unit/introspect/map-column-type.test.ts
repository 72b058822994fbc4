import type { DataTypeIR } from '../../../generator/ir.js';
import type { TypeRef } from '../../../runtime/catalog/catalog-rows.js';
import { resolveColumnType, typeCatalog } from '../../../generator/introspect/map-column-type.js';
import { typeModifiers } from '../../../runtime/sql/type-text.js';
import {
  COLOR_DOMAIN,
  MPAA_RATING,
  NAME_DOMAIN,
  RECENT_YEAR_DOMAIN,
  YEAR_DOMAIN,
} from './catalog-fixtures.js';

const catalog = typeCatalog([MPAA_RATING], [YEAR_DOMAIN, NAME_DOMAIN, RECENT_YEAR_DOMAIN, COLOR_DOMAIN]);

function base(name: string, format: string, extra: Partial<TypeRef> = {}): TypeRef {
  return { oid: `oid-${name}`, name, schema: 'pg_catalog', kind: 'b', category: 'X', format, ...extra };
}

const map = (ref: TypeRef, dimensions = 0): DataTypeIR => resolveColumnType(ref, catalog, dimensions).type;

describe('the type mapping table', () => {
  it.each<[string, string, DataTypeIR]>([
    ['varchar', 'character varying(50)', { kind: 'STRING', length: 50 }],
    ['varchar', 'character varying(255)', { kind: 'STRING' }],
    ['varchar', 'character varying', { kind: 'CUSTOM', sql: 'character varying' }],
    ['text', 'text', { kind: 'TEXT' }],
    ['bpchar', 'character(3)', { kind: 'CHAR', length: 3 }],
    ['int2', 'smallint', { kind: 'SMALLINT' }],
    ['int4', 'integer', { kind: 'INTEGER' }],
    ['int8', 'bigint', { kind: 'BIGINT' }],
    ['numeric', 'numeric(10,2)', { kind: 'DECIMAL', precision: 10, scale: 2 }],
    ['numeric', 'numeric', { kind: 'DECIMAL' }],
    ['numeric', 'numeric(5,-2)', { kind: 'CUSTOM', sql: 'numeric(5,-2)' }],
    ['float4', 'real', { kind: 'REAL' }],
    ['float8', 'double precision', { kind: 'DOUBLE' }],
    ['bool', 'boolean', { kind: 'BOOLEAN' }],
    ['timestamptz', 'timestamp with time zone', { kind: 'DATE' }],
    ['timestamptz', 'timestamp(3) with time zone', { kind: 'DATE', precision: 3 }],
    ['timestamp', 'timestamp without time zone', { kind: 'DATE', withoutTimeZone: true }],
    ['date', 'date', { kind: 'DATEONLY' }],
    ['time', 'time without time zone', { kind: 'TIME' }],
    ['time', 'time(3) without time zone', { kind: 'CUSTOM', sql: 'time(3) without time zone' }],
    ['timetz', 'time with time zone', { kind: 'CUSTOM', sql: 'time with time zone' }],
    ['uuid', 'uuid', { kind: 'UUID' }],
    ['json', 'json', { kind: 'JSON' }],
    ['jsonb', 'jsonb', { kind: 'JSONB' }],
    ['bytea', 'bytea', { kind: 'BLOB' }],
    ['inet', 'inet', { kind: 'INET' }],
    ['cidr', 'cidr', { kind: 'CIDR' }],
    ['macaddr', 'macaddr', { kind: 'MACADDR' }],
    ['tsvector', 'tsvector', { kind: 'TSVECTOR' }],
    ['interval', 'interval', { kind: 'CUSTOM', sql: 'interval' }],
    ['xml', 'xml', { kind: 'CUSTOM', sql: 'xml' }],
    ['money', 'money', { kind: 'CUSTOM', sql: 'money' }],
    ['int4range', 'int4range', { kind: 'CUSTOM', sql: 'int4range' }],
    ['varbit', 'bit varying(5)', { kind: 'CUSTOM', sql: 'bit varying(5)' }],
    ['interval', 'interval day to second(3)', { kind: 'CUSTOM', sql: 'interval day to second(3)' }],
  ])('%s (%s)', (name, format, expected) => {
    expect(map(base(name, format))).toEqual(expected);
  });

  it('maps citext from the extension schema', () => {
    expect(map(base('citext', 'citext', { schema: 'public' }))).toEqual({ kind: 'CITEXT' });
  });

  it('keeps extension types verbatim, with their schema and modifiers as format_type() printed them', () => {
    for (const format of [
      'extensions.geometry(Polygon,4326)',
      'geography(Point,4326)',
      'vector(3)',
      'hstore',
    ]) {
      const name = format.replace(/^.*\./, '').replace(/\(.*/, '');
      expect(map(base(name, format, { schema: 'extensions' }))).toEqual({ kind: 'CUSTOM', sql: format });
    }
    const geometries = base('_geometry', 'extensions.geometry(LineString,4326)[]', {
      schema: 'extensions',
      category: 'A',
      element: base('geometry', 'extensions.geometry(LineString,4326)', {
        schema: 'extensions',
        category: 'U',
      }),
    });
    expect(map(geometries)).toEqual({
      kind: 'ARRAY',
      element: { kind: 'CUSTOM', sql: 'extensions.geometry(LineString,4326)' },
    });
  });

  it('does not take a user type named like a built-in for it', () => {
    expect(map(base('text', 'myschema.text', { schema: 'myschema' }))).toEqual({
      kind: 'CUSTOM',
      sql: 'myschema.text',
    });
  });

  it('reads modifiers from format_type text', () => {
    expect(typeModifiers('numeric(10,2)')).toEqual([10, 2]);
    expect(typeModifiers('text')).toEqual([]);
  });
});

describe('enums, arrays and domains', () => {
  const rating: TypeRef = {
    oid: MPAA_RATING.oid,
    name: 'mpaa_rating',
    schema: 'public',
    kind: 'e',
    category: 'E',
    format: 'mpaa_rating',
  };

  it('maps an enum with its labels in order and its type name', () => {
    expect(map(rating)).toEqual({
      kind: 'ENUM',
      values: ['G', 'PG', 'PG-13', 'R', 'NC-17'],
      typeName: 'mpaa_rating',
      typeSchema: 'public',
    });
  });

  it('maps text[] to ARRAY(TEXT) and honours attndims', () => {
    const textArray = base('_text', 'text[]', { category: 'A', element: base('text', 'text') });
    expect(map(textArray)).toEqual({ kind: 'ARRAY', element: { kind: 'TEXT' } });
    expect(map(textArray, 2)).toEqual({
      kind: 'ARRAY',
      element: { kind: 'ARRAY', element: { kind: 'TEXT' } },
    });
  });

  it('maps arrays of enums and of domains', () => {
    expect(map(base('_mpaa_rating', 'mpaa_rating[]', { category: 'A', element: rating }))).toMatchObject({
      kind: 'ARRAY',
      element: { kind: 'ENUM', typeName: 'mpaa_rating' },
    });
    const yearRef: TypeRef = {
      oid: YEAR_DOMAIN.oid,
      name: 'year',
      schema: 'public',
      kind: 'd',
      category: 'N',
      format: 'year',
    };
    expect(map(base('_year', 'year[]', { category: 'A', element: yearRef }))).toEqual({
      kind: 'ARRAY',
      element: { kind: 'INTEGER' },
    });
  });

  it('resolves a domain to its base type, keeping its name and CHECK', () => {
    const resolved = resolveColumnType(
      { oid: YEAR_DOMAIN.oid, name: 'year', schema: 'public', kind: 'd', category: 'N', format: 'year' },
      catalog,
    );
    expect(resolved.type).toEqual({ kind: 'INTEGER' });
    expect(resolved.domain).toEqual({
      name: 'year',
      schema: 'public',
      check: 'CHECK (((VALUE >= 1901) AND (VALUE <= 2155)))',
    });
  });

  it('resolves the typmod of a domain ("Name" is varchar(50))', () => {
    const resolved = resolveColumnType(
      { oid: NAME_DOMAIN.oid, name: 'Name', schema: 'public', kind: 'd', category: 'S', format: '"Name"' },
      catalog,
    );
    expect(resolved.type).toEqual({ kind: 'STRING', length: 50 });
    expect(resolved.domain).toEqual({ name: 'Name', schema: 'public' });
  });

  it('follows a chain of domains; the outer one is named, every CHECK kept', () => {
    const resolved = resolveColumnType(
      {
        oid: RECENT_YEAR_DOMAIN.oid,
        name: 'recent_year',
        schema: 'public',
        kind: 'd',
        category: 'N',
        format: 'recent_year',
      },
      catalog,
    );
    expect(resolved.type).toEqual({ kind: 'INTEGER' });
    expect(resolved.domain?.name).toBe('recent_year');
    expect(resolved.domain?.check).toContain('VALUE >= 2000');
    expect(resolved.domain?.check).toContain('VALUE <= 2155');
    expect(resolved.domainChain.map((d) => d.name)).toEqual(['recent_year', 'year']);
  });

  it('falls back to CUSTOM for an unknown domain or enum', () => {
    expect(map({ oid: '1', name: 'd', schema: 's', kind: 'd', category: 'S', format: 's.d' })).toEqual({
      kind: 'CUSTOM',
      sql: 's.d',
    });
    expect(map({ oid: '2', name: 'e', schema: 's', kind: 'e', category: 'E', format: 's.e' })).toEqual({
      kind: 'CUSTOM',
      sql: 's.e',
    });
  });
});
