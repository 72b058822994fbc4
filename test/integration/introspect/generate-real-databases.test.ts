/**
 * The end-to-end check of `--from-db` on the real databases: introspect each one,
 * generate the models, compile them under `tsc --strict` (commonjs and NodeNext), and run them:
 * every model's `findAll({ limit: 5 })` returns rows, and a writable table takes a
 * create/update/destroy round trip (chinook_identity: without its identity key).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { generate } from '../../../generator/generate.js';
import { introspectDatabase } from '../../../generator/introspect/introspect.js';
import { describeWithServer, needsServer } from '../../support/test-database.js';
import { compileWithTsc } from '../../support/tsc.js';
import { countingClient } from './catalog-connection.js';
import { ensureRealDatabases, realDatabaseUrl, REAL_DATABASES, type RealDatabase } from './real-databases.js';

const ROOT = path.resolve(__dirname, '../../..');

/** A program that runs findAll on every model and prints `{ Model: rowCount | "error" }`. */
const USE_MODELS = `
import { Sequelize, initModels } from './models/index.js';

interface Findable {
  findAll(options: { limit: number }): Promise<unknown[]>;
}

async function main(): Promise<void> {
  const sequelize = new Sequelize(process.env.DB_URL!, { logging: false });
  const results: Record<string, number | string> = {};
  try {
    const models = initModels(sequelize);
    for (const [name, model] of Object.entries(models)) {
      try {
        results[name] = (await (model as unknown as Findable).findAll({ limit: 5 })).length;
      } catch (error) {
        results[name] = String((error as Error).message).split('\\n')[0];
      }
    }
    try {
      results.roundTrip = await roundTrip(models);
    } catch (error) {
      results.roundTrip = String((error as Error).message).split('\\n')[0];
    }
  } catch (error) {
    results.initModels = String((error as Error).message).split('\\n')[0];
  }
  await sequelize.close();
  console.log(JSON.stringify(results));
}

void main();
`;

/** Per database: a typed use of one model (checked by tsc) and a write round trip. */
const ROUND_TRIPS: Record<RealDatabase, string> = {
  pagila: `
async function roundTrip(models: ReturnType<typeof initModels>): Promise<string> {
  const films = await models.Film.findAll({ limit: 5 });
  const title: string = films[0].title;
  const category = await models.Category.create({ name: 'gm-test' });
  await category.update({ name: 'gm-test-2' });
  await category.destroy();
  return typeof title === 'string' && category.name === 'gm-test-2' ? 'ok' : 'wrong';
}`,
  chinook: `
async function roundTrip(models: ReturnType<typeof initModels>): Promise<string> {
  const albums = await models.Album.findAll({ limit: 5 });
  const title: string = albums[0].title;
  const genre = await models.Genre.create({ genreId: 1000001, name: 'gm-test' });
  await genre.update({ name: 'gm-test-2' });
  await genre.destroy();
  return typeof title === 'string' && genre.name === 'gm-test-2' ? 'ok' : 'wrong';
}`,
  chinook_identity: `
async function roundTrip(models: ReturnType<typeof initModels>): Promise<string> {
  // The identity primary key is not required (nor accepted) on create.
  const genre = await models.Genre.create({ name: 'gm-test' });
  await genre.update({ name: 'gm-test-2' });
  await genre.destroy();
  return typeof genre.genreId === 'number' && genre.name === 'gm-test-2' ? 'ok' : 'wrong';
}`,
  northwind: `
async function roundTrip(models: ReturnType<typeof initModels>): Promise<string> {
  const shipper = await models.Shipper.create({ shipperId: 32001, companyName: 'gm-test' });
  await shipper.update({ companyName: 'gm-test-2' });
  await shipper.destroy();
  return shipper.companyName === 'gm-test-2' ? 'ok' : 'wrong';
}`,
  adventureworks: `
async function roundTrip(models: ReturnType<typeof initModels>): Promise<string> {
  const reason = await models.Scrapreason.create({ name: 'gm-test' });
  await reason.update({ name: 'gm-test-2' });
  await reason.destroy();
  return reason.name === 'gm-test-2' ? 'ok' : 'wrong';
}`,
};

/**
 * Failures owned by other parts of the pipeline, known when this test was written: each such
 * test runs as `it.failing`, so the suite stays green while the gap is open and turns red (the
 * "failing" test passes) the day it closes, to remove the entry.
 */
const KNOWN_GAPS: Partial<Record<RealDatabase, Partial<Record<'commonjs' | 'nodenext' | 'runs', string>>>> =
  {};

function test(database: RealDatabase, which: 'commonjs' | 'nodenext' | 'runs'): jest.It {
  return KNOWN_GAPS[database]?.[which] ? it.failing : it;
}

// Needs the real databases, which only a server can hold (real-databases.test.ts loads them).
describeWithServer.each([...REAL_DATABASES])(needsServer('models generated from real_%s'), (name) => {
  let work: string;
  let modelNames: string[];
  let materializedViews: Set<string>;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), `gm-from-db-${name}-`));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
    await ensureRealDatabases();
    const connection = await countingClient(realDatabaseUrl(name));
    try {
      const schema = await introspectDatabase(connection.query, {});
      modelNames = schema.models.map((m) => m.name);
      materializedViews = new Set(
        schema.models.filter((m) => m.kind === 'materializedView').map((m) => m.name),
      );
      await generate({ schema, outDir: path.join(work, 'models') });
    } finally {
      await connection.close();
    }
    writeFileSync(path.join(work, 'use-models.ts'), `${USE_MODELS}\n${ROUND_TRIPS[name]}\n`);
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes every model file as prettier formats it, though prettier did not run on most of them', async () => {
    const files = readdirSync(path.join(work, 'models')).filter((file) => file.endsWith('.ts'));
    const unformatted: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(work, 'models', file), 'utf8');
      if ((await prettier.format(text, { parser: 'typescript' })) !== text) unformatted.push(file);
    }
    expect(unformatted).toEqual([]);
    expect(files.length).toBe(modelNames.length + 1);
  });

  test(name, 'commonjs')(
    'compiles under tsc --strict with module commonjs',
    () => {
      const result = compileWithTsc(
        work,
        'commonjs',
        { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' },
        ['models', 'use-models.ts'],
      );
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    },
    300_000,
  );

  test(name, 'nodenext')(
    'compiles under tsc --strict as an ES module with module NodeNext',
    () => {
      writeFileSync(path.join(work, 'package.json'), JSON.stringify({ type: 'module' }));
      try {
        const result = compileWithTsc(
          work,
          'nodenext',
          { module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true },
          ['models', 'use-models.ts'],
        );
        expect(result.output).toBe('');
        expect(result.code).toBe(0);
      } finally {
        rmSync(path.join(work, 'package.json'));
      }
    },
    300_000,
  );

  test(name, 'runs')(
    'runs: findAll({ limit: 5 }) on every model, and a create/update/destroy round trip',
    () => {
      const run = spawnSync(process.execPath, [path.join(work, 'out/use-models.js')], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, DB_URL: realDatabaseUrl(name), NODE_OPTIONS: '' },
        timeout: 120_000,
      });
      expect(run.stderr).toBe('');
      const results = JSON.parse(run.stdout.trim()) as Record<string, number | string>;
      // A materialized view created WITH NO DATA (pagila's rental_by_category) cannot be read until
      // refreshed: that is the database's answer, not the model's.
      const unpopulated = (model: string, value: string) =>
        materializedViews.has(model) && /has not been populated/.test(value);
      const failures = Object.entries(results).filter(
        ([model, value]) => typeof value === 'string' && value !== 'ok' && !unpopulated(model, value),
      );
      expect(failures).toEqual([]);
      expect(Object.keys(results).sort()).toEqual([...modelNames, 'roundTrip'].sort());
    },
    180_000,
  );
});
