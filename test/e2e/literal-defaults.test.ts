/**
 * Literal defaults the schema allows, written as the attribute's type holds them: generated code
 * that compiles under tsc --strict, and instances whose values are what their types say (from a
 * new-user review: `BIGINT` with `defaultValue: 5` and a `DATE` string did not compile).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../../generator/generate.js';
import { loadSchemaText } from '../../generator/schema/load-schema.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { nodeProgram } from '../support/node-program.js';
import { compileWithTsc } from '../support/tsc.js';

const ROOT = path.resolve(__dirname, '../..');

const SCHEMA = `
models:
  Thing:
    attributes:
      big: { type: BIGINT, allowNull: false, defaultValue: 5 }
      amount: { type: 'DECIMAL(8,2)', allowNull: false, defaultValue: 3 }
      startsAt: { type: DATE, allowNull: false, defaultValue: '2024-01-31T12:00:00Z' }
      bigs: { type: ARRAY(BIGINT), allowNull: false, defaultValue: [1, 2] }
      amounts: { type: 'ARRAY(DECIMAL(5,2))', allowNull: false, defaultValue: [1, '2.50'] }
      days: { type: ARRAY(DATE), allowNull: false, defaultValue: ['2024-01-01T00:00:00Z'] }
`;

const USE = nodeProgram(
  "import { Sequelize, initModels } from './models/index.js';\nimport { planSync } from './models/runtime/index.js';",
  `  const sequelize = new Sequelize(process.env.DB_URL!, { logging: false });
  const { Thing } = initModels(sequelize);
  await sequelize.sync({ force: true });
  const built = Thing.build();
  const big: string = built.big;
  const startsAt: Date = built.startsAt;
  const saved = await Thing.create();
  const read = await Thing.findByPk(saved.id);
  const plan = await planSync(sequelize);
  console.log(JSON.stringify({
    built: { big, amount: built.amount, startsAt: startsAt.toISOString(), isDate: startsAt instanceof Date, bigs: built.bigs, amounts: built.amounts, days: built.days.map((d) => d.toISOString()) },
    read: { big: read!.big, amount: read!.amount, startsAt: read!.startsAt.toISOString(), bigs: read!.bigs, amounts: read!.amounts },
    steps: plan.steps.map((step) => step.sql),
  }));
  await sequelize.close();`,
);

let work: string;
let database: TestDatabase;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'gm-literal-defaults-'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
  database = await createTestDatabase('gm_literal_defaults');
}, 60_000);

afterAll(async () => {
  await database?.drop();
  if (work) rmSync(work, { recursive: true, force: true });
});

it('compiles, and builds, saves and reads back values of the attribute types; sync leaves nothing to alter', async () => {
  await generate({ schema: await loadSchemaText(SCHEMA, 'schema.yaml'), outDir: path.join(work, 'models') });
  writeFileSync(path.join(work, 'use.ts'), USE);
  const compiled = compileWithTsc(
    work,
    'commonjs',
    { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' },
    ['models', 'use.ts'],
  );
  expect(compiled.output).toBe('');
  const url = database.engine === 'pglite' ? `pglite://${path.join(work, 'pgdata')}` : database.url;
  const run = spawnSync(process.execPath, [path.join(work, 'out/use.js')], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, DB_URL: url, NODE_OPTIONS: '' },
    timeout: 120_000,
  });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual({
    built: {
      big: '5',
      amount: '3',
      startsAt: '2024-01-31T12:00:00.000Z',
      isDate: true,
      bigs: ['1', '2'],
      amounts: ['1', '2.50'],
      days: ['2024-01-01T00:00:00.000Z'],
    },
    read: {
      big: '5',
      amount: '3.00',
      startsAt: '2024-01-31T12:00:00.000Z',
      bigs: ['1', '2'],
      amounts: ['1.00', '2.50'],
    },
    steps: [],
  });
}, 300_000);
