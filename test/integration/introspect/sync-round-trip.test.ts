/**
 * The round trip of the issue: example-schema.yaml → generate → sync() into an empty database →
 * introspect → the same tables, columns and types, up to what a database cannot know:
 * - runtime-filled defaults (UUIDV1, UUIDV4, NOW) are not in the database;
 * - composite unique keys get PostgreSQL's constraint name (<table>_<columns>_key), as Sequelize's sync makes them;
 * - property names are made from column names (`team` with field `team_code` comes back as `teamCode`);
 * - model names and options: introspected models are frozen with explicit table names;
 * - renamed timestamps (`updatedAt: updatedTimeStamp`) come back as declared DATE columns;
 * - FLOAT(p,s), DOUBLE(p,s), BIGINT(n), TEXT('medium') are MySQL's: PostgreSQL keeps double
 *   precision, bigint, text; STRING.BINARY is bytea (BLOB);
 * - what only the runtime does (virtual attributes, validators, get/set) has no column or constraint.
 * On a throwaway server database with DATABASE_URL, on a PGlite data directory otherwise.
 */
import { PGlite } from '@electric-sql/pglite';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { generate } from '../../../generator/generate.js';
import type { AttributeIR, DataTypeIR, ModelIR, SchemaIR } from '../../../generator/ir.js';
import { introspectDatabase } from '../../../generator/introspect/introspect.js';
import { loadSchemaFile, loadSchemaText } from '../../../generator/schema/load-schema.js';
import { schemaToYaml } from '../../../generator/schema/to-yaml.js';
import { comparableModels } from '../../unit/introspect/comparable-ir.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { compileWithTsc } from '../../support/tsc.js';
import { nodeProgram } from '../../support/node-program.js';

const ROOT = path.resolve(__dirname, '../../..');

const SYNC = nodeProgram(
  "import { Sequelize, initModels } from './models/index.js';",
  `  const sequelize = new Sequelize(process.env.DB_URL!, { logging: false });
  initModels(sequelize);
  await sequelize.sync();
  await sequelize.close();`,
);

let work: string;
let database: TestDatabase;
let fromYaml: SchemaIR;
let fromDb: SchemaIR;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'gm-sync-round-trip-'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
  fromYaml = await loadSchemaFile(path.join(ROOT, 'example-schema.yaml'));
  await generate({ schema: fromYaml, outDir: path.join(work, 'models') });
  writeFileSync(path.join(work, 'sync.ts'), SYNC);
  const compiled = compileWithTsc(
    work,
    'commonjs',
    { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' },
    ['models', 'sync.ts'],
  );
  if (compiled.code !== 0) throw new Error(`the generated models do not compile:\n${compiled.output}`);

  database = await createTestDatabase('gm_sync_rt');
  const dataDir = path.join(work, 'pgdata');
  const url = database.engine === 'pglite' ? `pglite://${dataDir}` : database.url;
  const run = spawnSync(process.execPath, [path.join(work, 'out/sync.js')], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, DB_URL: url, NODE_OPTIONS: '' },
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`sync failed:\n${run.stderr}`);

  if (database.engine === 'pglite') {
    const db = new PGlite(dataDir);
    try {
      fromDb = await introspectDatabase((sql, params) => db.query(sql, params), {});
    } finally {
      await db.close();
    }
  } else {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      fromDb = await introspectDatabase((sql, params) => client.query(sql, params), {});
    } finally {
      await client.end();
    }
  }
}, 300_000);

afterAll(async () => {
  await database?.drop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** An attribute as the database can know it. */
function columnFacts(
  a: AttributeIR,
  model: ModelIR,
  typeOf: (type: DataTypeIR) => DataTypeIR,
): Record<string, unknown> {
  const runtimeDefault = a.defaultValue && ['UUIDV1', 'UUIDV4', 'NOW'].includes(a.defaultValue.kind);
  const {
    name: _name,
    origin: _origin,
    comment,
    references,
    validate: _validate,
    get: _get,
    set: _set,
    ...facts
  } = a;
  return {
    ...facts,
    type: typeOf(a.type),
    ...(runtimeDefault ? { defaultValue: undefined } : {}),
    unique: typeof a.unique === 'string' ? 'composite' : a.unique,
    comment,
    // A reference to a model names the table; the model name is the introspected class name.
    references: references && {
      table: references.table,
      key: references.key,
      onDelete: references.onDelete,
      onUpdate: references.onUpdate,
    },
    timestamp: a.origin === 'timestamp' && ['createdAt', 'updatedAt'].includes(a.name) ? a.name : undefined,
    model: model.tableName,
  };
}

/**
 * A type as PostgreSQL keeps it: FLOAT and DOUBLE are double precision (their (p,s) are MySQL's),
 * BIGINT(n) is bigint, TEXT('medium') is text, STRING(n).BINARY is bytea.
 */
function databaseType(type: DataTypeIR): DataTypeIR {
  if (type.kind === 'FLOAT' || type.kind === 'DOUBLE') return { kind: 'DOUBLE' };
  if (type.kind === 'BIGINT') return { kind: 'BIGINT' };
  if (type.kind === 'TEXT') return { kind: 'TEXT' };
  if ((type.kind === 'STRING' || type.kind === 'CHAR') && type.binary) return { kind: 'BLOB' };
  if (type.kind === 'ARRAY') return { kind: 'ARRAY', element: databaseType(type.element) };
  return type;
}

function tableFacts(
  ir: SchemaIR,
  tableName: string,
  typeOf: (type: DataTypeIR) => DataTypeIR,
): Record<string, unknown>[] {
  const model = ir.models.find((m) => m.tableName === tableName);
  if (!model) throw new Error(`no table ${tableName} in ${ir.source.kind}`);
  return model.attributes
    .filter((a) => a.virtual === undefined)
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
    .map((a) => JSON.parse(JSON.stringify(columnFacts(a, model, typeOf))) as Record<string, unknown>);
}

describe('example-schema.yaml → sync() → introspection', () => {
  it('finds every table the schema describes, and nothing else', () => {
    expect(fromDb.models.map((m) => m.tableName).sort()).toEqual(
      fromYaml.models.map((m) => m.tableName).sort(),
    );
  });

  it('finds the same columns, types, keys, nullability and SQL defaults', () => {
    for (const model of fromYaml.models) {
      const expected = tableFacts(fromYaml, model.tableName, databaseType);
      const actual = tableFacts(fromDb, model.tableName, databaseType);
      expect({ table: model.tableName, columns: actual }).toEqual({
        table: model.tableName,
        columns: expected,
      });
    }
  });

  it('writes --schema-out YAML that loads back to the introspected IR', () => {
    expect(comparableModels(loadSchemaText(schemaToYaml(fromDb), 'schema.yaml'))).toEqual(
      comparableModels(fromDb),
    );
  });

  it('keeps table comments', () => {
    for (const model of fromYaml.models) {
      expect(fromDb.models.find((m) => m.tableName === model.tableName)?.comment).toBe(model.comment);
    }
  });
});
