/**
 * --runtime sequelize's choices, one by one: the type Sequelize 6 takes for each column type, the
 * TypeScript type of values pg and Sequelize parse, and a custom template that would leave
 * Sequelize's invented `id` on a model without a key, refused by name.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataTypeIR, SchemaIR } from '../../../generator/ir';
import { flatExpression } from '../../../generator/layout/expression';
import { sequelizeDataTypeExpression } from '../../../generator/render/sequelize-target';
import { withSequelizeValueTypes } from '../../../generator/render/sequelize-value-types';
import { generate } from '../../../generator/generate';
import { loadSchemaText } from '../../../generator/schema/load-schema';
import { useTempDir } from '../../support/temp-dir';

const typeText = (type: DataTypeIR) => flatExpression(sequelizeDataTypeExpression(type));

describe('sequelizeDataTypeExpression', () => {
  it.each<[DataTypeIR, string]>([
    [{ kind: 'STRING', length: 50, binary: true }, 'DataTypes.STRING(50).BINARY'],
    [{ kind: 'BIGINT', length: 11 }, 'DataTypes.BIGINT'],
    [{ kind: 'CUSTOM', sql: 'geometry(Point,4326)' }, '"geometry(Point,4326)"'],
    [{ kind: 'ARRAY', element: { kind: 'CUSTOM', sql: 'int4range' } }, '"int4range[]"'],
    [{ kind: 'DATE', precision: 3, withoutTimeZone: true }, '"timestamp(3) without time zone"'],
    [{ kind: 'ENUM', values: ['a', 'b'] }, 'DataTypes.ENUM("a", "b")'],
    [{ kind: 'ENUM', values: ['a'], typeName: 'mood', typeSchema: 'app' }, `'"app"."mood"'`],
    [{ kind: 'ARRAY', element: { kind: 'ENUM', values: ['a'], typeName: 'mood' } }, `'"mood"[]'`],
    [{ kind: 'ARRAY', element: { kind: 'TEXT' } }, 'DataTypes.ARRAY(DataTypes.TEXT)'],
  ])('%j → %s', (type, expected) => {
    expect(typeText(type)).toBe(expected);
  });
});

describe('withSequelizeValueTypes', () => {
  const schemaOf = (types: DataTypeIR[]): SchemaIR =>
    ({
      source: { kind: 'yaml', path: 's.yaml' },
      models: [
        {
          name: 'Thing',
          attributes: types.map((type, index) => ({ name: `a${index}`, type })),
        },
      ],
    }) as unknown as SchemaIR;

  it('types parsed values as they come back, and leaves text types alone', () => {
    const types: DataTypeIR[] = [
      { kind: 'CUSTOM', sql: 'interval day to second(3)' },
      { kind: 'CUSTOM', sql: 'extensions.geometry(Polygon,4326)' },
      { kind: 'CUSTOM', sql: 'tstzrange' },
      { kind: 'CUSTOM', sql: 'point[]' },
      { kind: 'ARRAY', element: { kind: 'CUSTOM', sql: 'int4range' } },
      { kind: 'ARRAY', element: { kind: 'ENUM', values: ['a'], typeName: 'mood' } },
      { kind: 'CUSTOM', sql: 'ltree' },
      { kind: 'TEXT' },
    ];
    const [model] = withSequelizeValueTypes(schemaOf(types)).models;
    expect(model!.attributes.map((attribute) => attribute.tsType?.type)).toEqual([
      'PgInterval',
      'GeoJson',
      'SequelizeRange<Date>',
      '(PgPoint)[]',
      '(SequelizeRange<number>)[]',
      'string',
      undefined,
      undefined,
    ]);
  });
});

describe('a custom template with --runtime sequelize', () => {
  const tempDir = useTempDir('gm-sequelize-template');

  it('is refused when it leaves Sequelize`s invented id on a model without a key', async () => {
    const templates = path.join(tempDir(), 'templates');
    cpSync(path.resolve(__dirname, '../../../templates'), templates, { recursive: true });
    writeFileSync(path.join(templates, 'index.ts.hbs'), '');
    const schema = await loadSchemaText(
      'models:\n  Total:\n    readOnly: true\n    attributes:\n      sum: INTEGER\n',
      'schema.yaml',
    );
    await expect(
      generate({
        schema,
        outDir: path.join(tempDir(), 'models'),
        runtime: 'sequelize',
        templatesDir: templates,
      }),
    ).rejects.toThrow(
      'the --templates model template renders Total, which has no primary key, without Total.removeAttribute("id")',
    );
  });
});
