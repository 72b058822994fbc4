import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildSchemaIR } from '../../../generator/introspect/build-schema-ir.js';
import type { SchemaIR } from '../../../generator/ir.js';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import { schemaToYaml, typeToYaml } from '../../../generator/schema/to-yaml.js';
import { ROWS } from './catalog-fixtures.js';
import { comparableModels } from './comparable-ir.js';

const EVERY_TYPE = `
models:
  Everything:
    tableName: everything
    schema: app
    freezeTableName: true
    underscored: true
    createdAt: created
    updatedAt: false
    comment: "Every type: with a colon"
    attributes:
      code: { type: STRING(20), primaryKey: true }
      name: STRING
      bin: STRING(16).BINARY
      letter: CHAR(1)
      body: TEXT
      medium: TEXT('medium')
      ci: CITEXT
      small: { type: SMALLINT, defaultValue: -1 }
      count: { type: INTEGER, allowNull: false, defaultValue: 0 }
      big: { type: BIGINT, defaultValue: '9007199254740993' }
      ratio: FLOAT(8,2)
      real: REAL
      double: DOUBLE
      price: { type: 'DECIMAL(10,2)', defaultValue: '0.00' }
      flag: { type: BOOLEAN, defaultValue: true }
      at: { type: DATE(3), defaultValue: NOW }
      day: DATEONLY
      time: TIME
      uuid: { type: UUID, defaultValue: UUIDV4, unique: true }
      json: { type: JSON, defaultValue: { value: { a: [1, 2] } } }
      jsonb: JSONB
      blob: BLOB
      ip: INET
      net: CIDR
      mac: MACADDR
      search: TSVECTOR
      color: { type: ENUM, values: [red, 'yes', 'NOW', 'a b'], defaultValue: { value: NOW } }
      colors: { type: ARRAY(ENUM), values: [x, y] }
      tags: { type: ARRAY(TEXT), defaultValue: [] }
      grid: ARRAY(ARRAY(INTEGER))
      span: { type: "CUSTOM('interval')", defaultValue: { sql: "'1 day'::interval" } }
      quoted: CUSTOM('"it''s"')
      ownerId: { type: INTEGER, references: { table: owners, schema: auth, key: owner_id }, onDelete: CASCADE }
      parentCode: { type: STRING(20), references: { model: Everything }, onUpdate: SET NULL }
      pairA: { type: INTEGER, unique: pair }
      pairB: { type: INTEGER, unique: pair, field: pair_b_column }
  Plain:
    attributes:
      title: TEXT
    methods:
      shout: |
        shout(): string {
          return this.title?.toUpperCase() ?? '';
        }
`;

function roundTrip(ir: SchemaIR): SchemaIR {
  return loadSchemaText(schemaToYaml(ir), 'schema.yaml');
}

describe('schemaToYaml', () => {
  it('YAML → IR → YAML is the identity for what it writes (a schema with every type)', () => {
    const first = schemaToYaml(loadSchemaText(EVERY_TYPE, 'schema.yaml'));
    const again = schemaToYaml(loadSchemaText(first, 'schema.yaml'));
    expect(again).toBe(first);
  });

  it('writes an IR the loader reads back equal (every type, the example schema)', () => {
    for (const text of [
      EVERY_TYPE,
      readFileSync(path.join(__dirname, '../../../example-schema.yaml'), 'utf8'),
    ]) {
      const ir = loadSchemaText(text, 'schema.yaml');
      expect(roundTrip(ir).models).toEqual(ir.models);
    }
  });

  it('gives back an introspected IR up to what YAML cannot say', () => {
    const ir = buildSchemaIR(ROWS);
    expect(comparableModels(roundTrip(ir))).toEqual(comparableModels(ir));
  });

  it('keeps table, schema and frozen options for introspected models, and leaves out inferred keys', () => {
    const doc = parse(schemaToYaml(buildSchemaIR(ROWS)));
    expect(doc.models.Film).toMatchObject({
      tableName: 'film',
      schema: 'public',
      freezeTableName: true,
      timestamps: false,
      comment: 'A film',
    });
    expect(doc.models.Film.attributes.filmId).toEqual({
      type: 'INTEGER',
      primaryKey: true,
      autoIncrement: true,
      field: 'film_id',
    });
    expect(doc.models.Film.attributes.specialFeatures).toEqual({
      type: 'ARRAY(TEXT)',
      field: 'special_features',
    });
    expect(doc.models.Film.attributes.rating).toEqual({
      type: 'ENUM',
      values: ['G', 'PG', 'PG-13', 'R', 'NC-17'],
      defaultValue: 'G',
    });
    expect(doc.models.FilmActor.attributes.actorId.references).toEqual({ model: 'Actor' });
    expect(doc.models.CustomerList.readOnly).toBe(true);
    expect(doc.models.CustomerList.attributes.zipCode).toEqual({ type: 'TEXT', field: 'zip code' });
  });

  it('notes what the format cannot say as comments', () => {
    const text = schemaToYaml(buildSchemaIR(ROWS));
    expect(text).toContain('# Schema written by gen-models from database "fixture"');
    expect(text).toContain('# GENERATED ALWAYS AS IDENTITY');
    expect(text).toContain('# domain public.year CHECK');
    expect(text).toContain('# enum type public.mpaa_rating');
    expect(text).toContain('# a materialized view (read-only)');
  });

  it('writes shared values out in full, without YAML anchors', () => {
    const values = ['a', 'b'];
    const ir = loadSchemaText(
      'models:\n  T:\n    attributes:\n      x: { type: ENUM, values: [a, b] }\n      y: { type: ENUM, values: [a, b] }\n',
      's.yaml',
    );
    const shared: SchemaIR = {
      ...ir,
      models: ir.models.map((m) => ({
        ...m,
        attributes: m.attributes.map((a) =>
          a.type.kind === 'ENUM' ? { ...a, type: { kind: 'ENUM' as const, values } } : a,
        ),
      })),
    };
    const text = schemaToYaml(shared);
    expect(text).not.toMatch(/[&*]a\d/);
    expect(loadSchemaText(text, 's.yaml').models).toEqual(ir.models);
  });

  it('is deterministic', () => {
    expect(schemaToYaml(buildSchemaIR(ROWS))).toBe(
      schemaToYaml(buildSchemaIR({ ...ROWS, relations: [...ROWS.relations].reverse() })),
    );
  });

  it.each([
    [{ kind: 'STRING', length: 50 }, 'STRING(50)'],
    [{ kind: 'DECIMAL', precision: 10, scale: 2 }, 'DECIMAL(10,2)'],
    [{ kind: 'DATE', precision: 3 }, 'DATE(3)'],
    [{ kind: 'ARRAY', element: { kind: 'ENUM', values: ['a'] } }, 'ARRAY(ENUM)'],
    [{ kind: 'CUSTOM', sql: "it's" }, "CUSTOM('it''s')"],
  ] as const)('writes %j as %s', (type, text) => {
    expect(typeToYaml(type)).toBe(text);
  });
});
