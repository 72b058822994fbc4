/**
 * --from-db on CHECK constraints that say what a validator says, and on soft-delete columns: on a
 * throwaway server database when DATABASE_URL is set, on in-memory PGlite otherwise. The
 * constraints are written as people write them; the database prints them its own way
 * (`char_length((name)::text) >= 2`, `(0)::numeric`, `= ANY (ARRAY[...])`), which is what is read.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AttributeIR, SchemaIR } from '../../../generator/ir.js';
import { generate } from '../../../generator/generate.js';
import { introspectDatabase } from '../../../generator/introspect/introspect.js';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import { schemaToYaml } from '../../../generator/schema/to-yaml.js';
import { comparableModels } from '../../unit/introspect/comparable-ir.js';
import { compileWithTsc } from '../../support/tsc.js';
import { openCatalogConnection, type CatalogConnection } from './catalog-connection.js';

const SCHEMA_SQL = `
CREATE TABLE products (
  id serial PRIMARY KEY,
  name varchar(50) NOT NULL CHECK (char_length(name) BETWEEN 2 AND 50),
  note text CHECK (length(note) <= 200),
  qty integer CHECK (qty >= 0 AND qty <= 1000),
  price numeric(10,2) CHECK (price >= 0),
  code text CHECK (code ~ '^[A-Z]{3}$'),
  tag text CHECK (tag ~* '^x'),
  status text CHECK (status IN ('new', 'sold')),
  odd integer CHECK (odd % 2 = 1),
  pair_a integer, pair_b integer, CHECK (pair_a <= pair_b),
  deleted_at timestamptz
);
CREATE TABLE logs (id serial PRIMARY KEY, "deletedAt" timestamp NOT NULL);
`;

let connection: CatalogConnection;
let ir: SchemaIR;

jest.setTimeout(120_000);

beforeAll(async () => {
  connection = await openCatalogConnection();
  await connection.exec(SCHEMA_SQL);
  ir = await introspectDatabase(connection.query, {});
}, 60_000);

afterAll(async () => {
  await connection?.close();
});

function column(table: string, field: string): AttributeIR {
  const model = ir.models.find((m) => m.tableName === table)!;
  return model.attributes.find((a) => a.field === field)!;
}

it('maps length, range, list and regex CHECKs to len, min/max, isIn and is, keeping the CHECK text', () => {
  const validate = (field: string) => column('products', field).validate;
  expect(validate('name')).toEqual([{ name: 'len', args: [2, 50] }]);
  expect(validate('note')).toEqual([{ name: 'len', args: [0, 200] }]);
  expect(validate('qty')).toEqual([
    { name: 'min', args: 0 },
    { name: 'max', args: 1000 },
  ]);
  expect(validate('price')).toEqual([{ name: 'min', args: 0 }]);
  expect(validate('code')).toEqual([{ name: 'is', args: '^[A-Z]{3}$' }]);
  expect(validate('tag')).toEqual([{ name: 'is', args: ['^x', 'i'] }]);
  expect(validate('status')).toEqual([{ name: 'isIn', args: [['new', 'sold']] }]);
  expect(column('products', 'name').checks).toEqual([
    'CHECK (((char_length((name)::text) >= 2) AND (char_length((name)::text) <= 50)))',
  ]);
});

it('leaves alone CHECKs a validator cannot say: arithmetic, two columns', () => {
  for (const field of ['odd', 'pair_a', 'pair_b']) {
    expect(column('products', field).validate).toBeUndefined();
    expect(column('products', field).checks).toBeUndefined();
  }
});

it('flags a nullable deleted_at timestamp as a paranoid candidate, without making the model paranoid', () => {
  expect(column('products', 'deleted_at').paranoidCandidate).toBe(true);
  expect(ir.models.find((m) => m.tableName === 'products')!.options.paranoid).toBeUndefined();
  expect(column('logs', 'deletedAt').paranoidCandidate).toBeUndefined();
});

it('--schema-out writes the validators (with the CHECK as a comment) and they load back', () => {
  const yaml = schemaToYaml(ir);
  expect(yaml).toContain(
    '# CHECK (((char_length((name)::text) >= 2) AND (char_length((name)::text) <= 50))) (validate: below)',
  );
  expect(yaml).toMatch(/# a soft-delete column\? add paranoid: true and deletedAt: deletedAt/);
  expect(comparableModels(loadSchemaText(yaml, 'schema.yaml'))).toEqual(comparableModels(ir));
});

it('generates the validators in init, the CHECK and the paranoid opt-in in the JSDoc; compiles strictly', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'gm-check-validators-'));
  try {
    await generate({ schema: ir, outDir: out });
    const text = readFileSync(path.join(out, 'Product.ts'), 'utf8');
    expect(text).toContain('validate: { len: [2, 50] },');
    expect(text).toContain('status: { type: DataTypes.TEXT, validate: { isIn: [["new", "sold"]] } },');
    expect(text).toMatch(/\* CHECK \(\(code ~ '\^\[A-Z\]\{3\}\$'::text\)\)/);
    expect(text).toContain('A soft-delete column? With paranoid: true and deletedAt: deletedAt');
    symlinkSync(path.resolve(__dirname, '../../../node_modules'), path.join(out, 'node_modules'));
    const compiled = compileWithTsc(
      out,
      'strict',
      { module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true },
      ['*.ts'],
    );
    expect(compiled.output).toBe('');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
