/**
 * Types beyond the mapping table (issue 13 item 4): PostgreSQL's own (`int4range`, `box`,
 * `bit(8)`, `interval day to second(3)`, `numeric(5,-2)`, arrays of them) on both engines, and
 * extension types (PostGIS `geometry(Polygon,4326)` in schema `extensions`, `geography`, `hstore`,
 * `ltree`) on a server that has PostGIS. For each: `--from-db` reads them as CUSTOM with
 * format_type()'s exact text, the YAML schema round-trips them, the generated models compile
 * under `tsc --strict` and write and read every value back as text (a real program on the real
 * database), `sync()` creates them as written, and `sync({ alter })` compares them exactly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import type { DataTypeIR, SchemaIR } from '../../../generator/ir.js';
import { generate } from '../../../generator/generate.js';
import { introspectDatabase, type QueryFunction } from '../../../generator/introspect/introspect.js';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import { schemaToYaml } from '../../../generator/schema/to-yaml.js';
import { DataTypes, planSync, Sequelize } from '../../../runtime/index.js';
import { createTestDatabase, serverUrl, type TestDatabase } from '../../support/test-database.js';
import { compileWithTsc } from '../../support/tsc.js';

const ROOT = path.resolve(__dirname, '../../..');
type DefineAttributes = Parameters<Sequelize['define']>[1];

/** A column under test: its type as written in CREATE TABLE, and a value to write as text. */
interface Column {
  readonly name: string;
  readonly property: string;
  readonly type: string;
  /** What format_type() prints, and so the CUSTOM text. */
  readonly format: string;
  readonly value: string | string[];
}

const BUILT_IN: readonly Column[] = [
  { name: 'span', property: 'span', type: 'interval', format: 'interval', value: '1 day 02:03:04' },
  {
    name: 'precise',
    property: 'precise',
    type: 'interval day to second(3)',
    format: 'interval day to second(3)',
    value: '1 day 00:00:01.12345',
  },
  { name: 'cash', property: 'cash', type: 'money', format: 'money', value: '1234.5' },
  { name: 'doc', property: 'doc', type: 'xml', format: 'xml', value: '<a b="1">x</a>' },
  { name: 'ints', property: 'ints', type: 'int4range', format: 'int4range', value: '[1,5)' },
  {
    name: 'times',
    property: 'times',
    type: 'tsrange',
    format: 'tsrange',
    value: '[2024-01-01 10:00,2024-01-02)',
  },
  { name: 'b', property: 'b', type: 'box', format: 'box', value: '(0,0),(1,1)' },
  { name: 'p', property: 'p', type: 'point', format: 'point', value: '(1.5,2)' },
  { name: 'bits', property: 'bits', type: 'bit(8)', format: 'bit(8)', value: '10101010' },
  { name: 'vbits', property: 'vbits', type: 'varbit', format: 'bit varying', value: '101' },
  {
    name: 'at_time',
    property: 'atTime',
    type: 'time(3) with time zone',
    format: 'time(3) with time zone',
    value: '10:00:00.1234+02',
  },
  { name: 'hundreds', property: 'hundreds', type: 'numeric(5,-2)', format: 'numeric(5,-2)', value: '12345' },
  { name: 'boxes', property: 'boxes', type: 'box[]', format: 'box', value: ['(0,0),(1,1)', '(2,2),(3,3)'] },
  { name: 'ranges', property: 'ranges', type: 'int4range[]', format: 'int4range', value: ['[1,2)', 'empty'] },
  { name: 'points', property: 'points', type: 'point[]', format: 'point', value: ['(1,2)', '(3,4)'] },
];

const CREATE_EXTENSIONS = [
  'CREATE SCHEMA extensions',
  'CREATE EXTENSION postgis SCHEMA extensions',
  'CREATE EXTENSION hstore',
  'CREATE EXTENSION ltree',
];

const POSTGIS: readonly Column[] = [
  {
    name: 'area',
    property: 'area',
    type: 'extensions.geometry(Polygon,4326)',
    format: 'extensions.geometry(Polygon,4326)',
    value: 'SRID=4326;POLYGON((0 0,1 0,1 1,0 1,0 0))',
  },
  {
    name: 'route',
    property: 'route',
    type: 'extensions.geometry(LineString,4326)',
    format: 'extensions.geometry(LineString,4326)',
    value: 'SRID=4326;LINESTRING(0 0,1 1)',
  },
  {
    name: 'spot',
    property: 'spot',
    type: 'extensions.geography(Point,4326)',
    format: 'extensions.geography(Point,4326)',
    value: 'SRID=4326;POINT(13.4 52.5)',
  },
  {
    name: 'shape',
    property: 'shape',
    type: 'extensions.geometry',
    format: 'extensions.geometry',
    value: 'POINT(1 2)',
  },
  {
    name: 'spots',
    property: 'spots',
    type: 'extensions.geometry(Point,4326)[]',
    format: 'extensions.geometry(Point,4326)',
    value: ['SRID=4326;POINT(1 2)', 'SRID=4326;POINT(3 4)'],
  },
  { name: 'attrs', property: 'attrs', type: 'hstore', format: 'hstore', value: '"a"=>"1", "b c"=>NULL' },
  { name: 'tree', property: 'tree', type: 'ltree', format: 'ltree', value: 'top.science.astronomy' },
  { name: 'trees', property: 'trees', type: 'ltree[]', format: 'ltree', value: ['a.b', 'a.c'] },
];

/** A place to create tables: a throwaway server database, or a PGlite data directory. */
interface Place {
  readonly url: string;
  /** Runs SQL in the place, with a connection that is closed again (PGlite allows one process at a time). */
  withQuery<T>(body: (query: QueryFunction) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

async function openPlace(): Promise<Place> {
  const database: TestDatabase = await createTestDatabase('gm_types');
  if (database.engine === 'postgres') {
    return {
      url: database.url,
      withQuery: async (body) => {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        try {
          return await body((sql, params) => client.query(sql, params));
        } finally {
          await client.end();
        }
      },
      drop: () => database.drop(),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gm-types-pglite-'));
  return {
    url: `pglite://${dir}`,
    withQuery: async (body) => {
      const db = new PGlite(dir);
      try {
        return await body((sql, params) => db.query(sql, params));
      } finally {
        await db.close();
      }
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Why the PostGIS, hstore and ltree tests cannot run here, or undefined when they can: asked
 * before the tests are declared (jest declares tests synchronously), by a child process.
 */
function extensionsMissing(): string | undefined {
  if (!serverUrl) return 'PGlite has no PostGIS, hstore or ltree (run with DATABASE_URL)';
  const script = `
    const { Client } = require('pg');
    const client = new Client({ connectionString: process.env.DB_URL });
    client.connect()
      .then(() => client.query("SELECT name FROM pg_available_extensions WHERE name IN ('postgis', 'hstore', 'ltree')"))
      .then((r) => console.log(JSON.stringify(r.rows.map((row) => row.name))))
      .catch((e) => console.log(JSON.stringify(String(e.message))))
      .finally(() => client.end());`;
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DB_URL: serverUrl, NODE_OPTIONS: '' },
  });
  const found = JSON.parse(run.stdout.trim() || '"no answer"') as string[] | string;
  if (typeof found === 'string') return `cannot ask the server for its extensions: ${found}`;
  const missing = ['hstore', 'ltree', 'postgis'].filter((name) => !found.includes(name));
  return missing.length
    ? `the server lacks ${missing.join(', ')} (apt-get install postgresql-15-postgis-3, as .ci/run does)`
    : undefined;
}

const EXTENSIONS_MISSING = extensionsMissing();

function createTable(table: string, columns: readonly Column[]): string {
  return `CREATE TABLE ${table} (id serial PRIMARY KEY, ${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;
}

/** What PostgreSQL itself makes of each written value, as text: what reading it back must give. */
async function expectedTexts(
  query: QueryFunction,
  columns: readonly Column[],
): Promise<Record<string, unknown>> {
  const expected: Record<string, unknown> = {};
  for (const column of columns) {
    const scalar = column.type.replace(/\[\]$/, '');
    const texts = [];
    for (const value of [column.value].flat()) {
      const { rows } = await query(`SELECT ($1::text)::${scalar}::text AS t`, [value]);
      texts.push(rows[0].t);
    }
    expected[column.property] = Array.isArray(column.value) ? texts : texts[0];
  }
  return expected;
}

/** A program using the generated model: typed create, read back, write what was read, read again. */
function program(model: string, columns: readonly Column[]): string {
  const values = columns.map((c) => `    ${c.property}: ${JSON.stringify(c.value)},`).join('\n');
  const typed = columns
    .map(
      (c) =>
        `  const ${c.property}: ${Array.isArray(c.value) ? 'string[]' : 'string'} | null = row.${c.property};`,
    )
    .join('\n');
  return `
import { Sequelize, initModels } from './models/index.js';

async function main(): Promise<void> {
  const sequelize = new Sequelize(process.env.DB_URL!, { logging: false });
  const models = initModels(sequelize);
  const created = await models.${model}.create({
${values}
  });
  const row = (await models.${model}.findByPk(created.id))!;
${typed}
  void [${columns.map((c) => c.property).join(', ')}];
  const read = row.get({ plain: true });
  await models.${model}.create({ ...read, id: undefined });
  const again = (await models.${model}.findAll({ order: [['id', 'ASC']] }))[1].get({ plain: true });
  console.log(JSON.stringify({ created: created.get({ plain: true }), read, again }));
  await sequelize.close();
}

main().catch((error) => {
  console.log(JSON.stringify({ error: String(error.message) }));
});
`;
}

/** The types the columns must be read as: CUSTOM with format_type()'s text, in an ARRAY for arrays. */
function expectedIrTypes(columns: readonly Column[]): Record<string, DataTypeIR> {
  return Object.fromEntries(
    columns.map((c) => {
      const custom: DataTypeIR = { kind: 'CUSTOM', sql: c.format };
      return [c.property, c.type.endsWith('[]') ? { kind: 'ARRAY', element: custom } : custom];
    }),
  );
}

/** Generates models from `ir`, compiles them with a program under tsc --strict, runs it. */
async function generateCompileAndRun(ir: SchemaIR, model: string, columns: readonly Column[], url: string) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'gm-types-'));
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
    await generate({ schema: ir, outDir: path.join(work, 'models') });
    writeFileSync(path.join(work, 'use-models.ts'), program(model, columns));
    const compiled = compileWithTsc(
      work,
      'commonjs',
      { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' },
      ['models', 'use-models.ts'],
    );
    const run = spawnSync(process.execPath, [path.join(work, 'out/use-models.js')], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, DB_URL: url, NODE_OPTIONS: '' },
      timeout: 120_000,
    });
    return { compiled, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function attributesOf(columns: readonly Column[], rename: Record<string, string> = {}): DefineAttributes {
  return Object.fromEntries(
    columns.map((c) => {
      const text = rename[c.name] ?? c.type;
      const type = text.endsWith('[]')
        ? DataTypes.ARRAY(DataTypes.CUSTOM(text.slice(0, -2)))
        : DataTypes.CUSTOM(text);
      return [c.property, { type, field: c.name }];
    }),
  ) as DefineAttributes;
}

/** sync() creates the columns as written; a second sync({ alter }) sends nothing; a real change is planned. */
async function syncAndAlter(
  url: string,
  columns: readonly Column[],
  change: { column: string; to: string; sameAs: string },
) {
  const statements: string[] = [];
  const sequelize = new Sequelize(url, { logging: (sql: string) => statements.push(sql) });
  try {
    const define = (rename: Record<string, string> = {}) =>
      sequelize.define('Copy', attributesOf(columns, rename), { tableName: 'copies', timestamps: false });
    const Copy = define();
    await Copy.sync();
    const created = (await sequelize.query(
      `SELECT attname::text AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'copies'::regclass AND attnum > 1 ORDER BY attnum`,
      { type: 'SELECT' },
    )) as { name: string; type: string }[];
    statements.length = 0;
    await Copy.sync({ alter: true });
    const alterChanges = statements.filter((s) => !/^Executing \([^)]*\): \s*SELECT\b/i.test(s));
    // Another spelling of the same type (PostgreSQL folds the unquoted modifier) changes nothing.
    const sameSpelling = await planSync(define({ [change.column]: change.sameAs }));
    const changed = await planSync(define({ [change.column]: change.to }));
    return { created, alterChanges, sameSpelling: sameSpelling.steps, changed: changed.steps };
  } finally {
    await sequelize.close();
  }
}

describe.each([
  ['built-in types', 'shapes', 'Shape', BUILT_IN, false],
  [
    EXTENSIONS_MISSING
      ? `PostGIS, hstore and ltree [skipped: ${EXTENSIONS_MISSING}]`
      : 'PostGIS, hstore and ltree',
    'places',
    'Place',
    POSTGIS,
    true,
  ],
] as const)('%s', (_label, table, model, columns, needsExtensions) => {
  let place: Place;
  let ir: SchemaIR;
  let expected: Record<string, unknown>;
  const check = needsExtensions && EXTENSIONS_MISSING ? it.skip : it;

  beforeAll(async () => {
    if (needsExtensions && EXTENSIONS_MISSING) return;
    place = await openPlace();
    await place.withQuery(async (query) => {
      if (needsExtensions) for (const sql of CREATE_EXTENSIONS) await query(sql, []);
      await query(createTable(table, columns), []);
      ir = await introspectDatabase(query, {});
      expected = await expectedTexts(query, columns);
    });
  }, 120_000);

  afterAll(async () => {
    await place?.drop();
  });

  check('--from-db reads each column as CUSTOM with the exact text format_type() prints', () => {
    const types = Object.fromEntries(ir.models[0].attributes.map((a) => [a.name, a.type]));
    expect(ir.models.map((m) => m.tableName)).toEqual([table]);
    const { id, ...rest } = types;
    expect(id).toEqual({ kind: 'INTEGER' });
    expect(rest).toEqual(expectedIrTypes(columns));
  });

  check('the YAML schema (--schema-out) writes and reads them back unchanged', () => {
    const yaml = schemaToYaml(ir);
    for (const column of columns) expect(yaml).toContain(`CUSTOM('${column.format.replace(/'/g, "''")}')`);
    const back = loadSchemaText(yaml, 'schema.yaml');
    expect(back.models[0].attributes.map((a) => [a.name, a.type])).toEqual(
      ir.models[0].attributes.map((a) => [a.name, a.type]),
    );
  });

  check(
    'the generated models compile under tsc --strict, and write and read every value as text',
    async () => {
      const result = await generateCompileAndRun(ir, model, columns, place.url);
      expect(result.compiled.output).toBe('');
      expect(result.stderr).toBe('');
      const out = JSON.parse(result.stdout.trim()) as Record<string, Record<string, unknown>>;
      expect(out.error).toBeUndefined();
      const withId = (id: number) => ({ id, ...expected });
      expect(out.read).toEqual(withId(1));
      expect(out.created).toEqual(withId(1));
      // What was read, written again, reads the same.
      expect(out.again).toEqual(withId(2));
    },
    300_000,
  );

  check(
    'sync() creates them as written; sync({ alter }) then sends nothing, and plans a real change',
    async () => {
      const [first] = columns;
      const change = needsExtensions
        ? {
            column: 'area',
            to: 'extensions.geometry(MultiPolygon,4326)',
            sameAs: 'extensions.geometry(POLYGON, 4326)',
          }
        : { column: first.name, to: 'interval day', sameAs: 'INTERVAL' };
      const result = await syncAndAlter(await freshUrl(), columns, change);
      expect(result.created).toEqual(
        columns.map((c) => ({ name: c.name, type: `${c.format}${c.type.endsWith('[]') ? '[]' : ''}` })),
      );
      expect(result.alterChanges).toEqual([]);
      expect(result.sameSpelling).toEqual([]);
      expect(result.changed.map((s) => [s.kind, s.reason])).toEqual([
        ['destructive', expect.stringContaining(`change "${change.column}" from`)],
      ]);
      expect(result.changed[0].sql).toContain(`TYPE ${change.to} USING`);

      async function freshUrl(): Promise<string> {
        const fresh = await openPlace();
        cleanups.push(() => fresh.drop());
        if (needsExtensions)
          await fresh.withQuery(async (query) => {
            for (const sql of CREATE_EXTENSIONS) await query(sql, []);
          });
        return fresh.url;
      }
    },
  );

  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
});
