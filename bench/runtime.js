/**
 * The runtime against raw `pg` and Sequelize v6, on the same table and the same server, in one
 * run (ratios, not absolute times, are what hold on a noisy machine):
 *   sequential create (INSERT ... RETURNING), save (UPDATE of two fields), increment, by raw pg
 *   (hand-written SQL, unnamed statements), our runtime with its prepared statements and without
 *   (prepareStatements: false), and Sequelize;
 *   `build` of 100,000 instances in memory; 50 concurrent increments on one row;
 *   node CPU per operation (process.cpuUsage); import time in a fresh process; the size of the
 *   runtime's JavaScript, as loaded by a typical program and in all.
 * Also on embedded PGlite (our runtime and raw PGlite; Sequelize cannot use it).
 */
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { formatMs } = require('./stats.js');
const { runtimeSize } = require('./runtime-size.js');

const ROOT = path.resolve(__dirname, '..');
const runtime = require('../dist/runtime/index.js');
const requireBench = (name) => require(require.resolve(name, { paths: [__dirname] }));
const { DATABASE_URL, printTable } = require('./standalone.js');

/** Runs `body` `count` times one after the other; returns wall ms and node CPU µs per operation. */
async function sequential(count, body) {
  for (let i = 0; i < Math.min(50, count); i += 1) await body(i); // warm-up
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < count; i += 1) await body(i);
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { opsPerSecond: (count / wall) * 1000, cpuMicros: (cpu.user + cpu.system) / count };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const CREATE_TABLE = `CREATE TABLE "BenchUsers" ("id" SERIAL PRIMARY KEY, "firstName" VARCHAR(255) NOT NULL, "lastName" VARCHAR(255),
  "age" INTEGER NOT NULL DEFAULT 0, "cash" INTEGER NOT NULL DEFAULT 0, "createdAt" TIMESTAMPTZ NOT NULL, "updatedAt" TIMESTAMPTZ NOT NULL)`;

/**
 * Every engine's sessions commit without waiting for the WAL flush (a session setting, so the
 * database is left as it was): the flush costs every engine the same (milliseconds on a loaded
 * disk, more with a streaming replica) and would hide what differs between them, the client's
 * work and the server's parsing and planning.
 */
const NO_COMMIT_FLUSH = '-c synchronous_commit=off';

/** The same model on our runtime and on Sequelize: both take the same init call. */
function defineBenchUser({ DataTypes, Model }, sequelize) {
  class BenchUser extends Model {}
  BenchUser.init(
    {
      firstName: { type: DataTypes.STRING, allowNull: false },
      lastName: DataTypes.STRING,
      age: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      cash: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    },
    { sequelize, modelName: 'BenchUser', tableName: 'BenchUsers' },
  );
  return BenchUser;
}

const defineOurs = (sequelize) => defineBenchUser(runtime, sequelize);
const defineSequelize = (sequelize) => defineBenchUser(requireBench('sequelize'), sequelize);

/** The three ways of doing the same work: raw SQL through a query function, our models, Sequelize's. */
function rawOperations(query) {
  let id = 0;
  return {
    create: async (i) => {
      const now = new Date();
      const { rows } = await query(
        'INSERT INTO "BenchUsers" ("firstName","lastName","createdAt","updatedAt") VALUES ($1,$2,$3,$4) RETURNING *',
        [`First${i}`, `Last${i}`, now, now],
      );
      id = rows[0].id;
    },
    save: (i) =>
      query('UPDATE "BenchUsers" SET "lastName"=$1,"age"=$2,"updatedAt"=$3 WHERE "id"=$4', [
        `L${i}`,
        i,
        new Date(),
        id,
      ]),
    increment: () =>
      query('UPDATE "BenchUsers" SET "age"="age"+$1,"updatedAt"=$2 WHERE "id"=$3 RETURNING *', [
        1,
        new Date(),
        id,
      ]),
  };
}

function modelOperations(User) {
  let user;
  return {
    create: async (i) => {
      user = await User.create({ firstName: `First${i}`, lastName: `Last${i}` });
    },
    save: async (i) => {
      user.lastName = `L${i}`;
      user.age = i;
      await user.save();
    },
    increment: () => user.increment('age'),
    build: (i) => User.build({ firstName: `First${i}`, lastName: 'Doe' }),
    concurrentIncrement: async (clients) => {
      const target = await User.create({ firstName: 'Target' });
      await Promise.all(Array.from({ length: clients }, () => target.increment('cash')));
      await target.reload();
      return target.cash;
    },
  };
}

const OPERATIONS = ['create', 'save', 'increment'];

/**
 * Measures every engine's operations round by round, the engines taking turns on each operation,
 * so that load spikes and warm-up hit them all alike; returns per engine the medians over the
 * rounds, and the median of its per-round ratios to the first engine (each ratio pairs two runs
 * made one after the other, which a drifting machine disturbs least).
 */
async function measureEngines(engines, count, rounds) {
  const samples = engines.map(() => Object.fromEntries(OPERATIONS.map((name) => [name, []])));
  for (let round = 0; round < rounds; round += 1) {
    for (const name of OPERATIONS) {
      for (const [index, engine] of engines.entries())
        samples[index][name].push(await sequential(count, engine.operations[name]));
    }
  }
  return engines.map((engine, index) => {
    const row = { label: engine.label };
    for (const name of OPERATIONS) {
      const results = samples[index][name];
      const baseline = samples[0][name];
      row[name] = {
        opsPerSecond: median(results.map((x) => x.opsPerSecond)),
        minOps: Math.min(...results.map((x) => x.opsPerSecond)),
        maxOps: Math.max(...results.map((x) => x.opsPerSecond)),
        cpuMicros: median(results.map((x) => x.cpuMicros)),
        opsRatio: median(results.map((x, round) => x.opsPerSecond / baseline[round].opsPerSecond)),
        cpuRatio: median(results.map((x, round) => x.cpuMicros / baseline[round].cpuMicros)),
      };
    }
    return row;
  });
}

function importMillis(expression) {
  const runs = [];
  for (let i = 0; i < 5; i += 1) {
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        `const t=process.hrtime.bigint();${expression};process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`,
      ],
      { cwd: __dirname, encoding: 'utf8' },
    );
    runs.push(Number(out));
  }
  return median(runs);
}

function buildMicros(User, count) {
  for (let i = 0; i < 10_000; i += 1) User.build({ firstName: 'Warm', lastName: 'Up' });
  const start = performance.now();
  for (let i = 0; i < count; i += 1) User.build({ firstName: `First${i}`, lastName: 'Doe' });
  return ((performance.now() - start) * 1000) / count;
}

/**
 * Many short rounds rather than a few long ones: on a shared machine the load drifts within
 * seconds, and a ratio is only as good as the two back-to-back runs it pairs.
 */
async function benchRuntime({ databaseUrl, count = 500, rounds = 15, buildCount = 100_000 } = {}) {
  const pg = require('pg');
  const lines = [];
  const rows = [];

  // Raw pg: the floor everything is compared with.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5, options: NO_COMMIT_FLUSH });
  await pool.query('DROP TABLE IF EXISTS "BenchUsers"');
  await pool.query(CREATE_TABLE);
  const session = { dialectOptions: { options: NO_COMMIT_FLUSH } };
  const ours = new runtime.Sequelize(databaseUrl, { logging: false, ...session });
  const OurUser = defineOurs(ours);
  const ourOps = modelOperations(OurUser);
  // The same runtime sending every statement unnamed, as behind PgBouncer in transaction mode.
  const unprepared = new runtime.Sequelize(databaseUrl, {
    logging: false,
    prepareStatements: false,
    ...session,
  });
  const unpreparedOps = modelOperations(defineOurs(unprepared));
  const { Sequelize } = requireBench('sequelize');
  const theirs = new Sequelize(databaseUrl, {
    logging: false,
    dialectModule: requireBench('pg'),
    ...session,
  });
  const TheirUser = defineSequelize(theirs);
  const theirOps = modelOperations(TheirUser);
  // Each engine's session really has it (a dropped option would skew the comparison).
  for (const query of [
    () => pool.query('SHOW synchronous_commit').then((r) => r.rows),
    () => ours.query('SHOW synchronous_commit', { type: 'SELECT' }),
    () => unprepared.query('SHOW synchronous_commit', { type: 'SELECT' }),
    () => theirs.query('SHOW synchronous_commit', { type: 'SELECT' }),
  ]) {
    const [row] = await query();
    if (row.synchronous_commit !== 'off') throw new Error(`synchronous_commit is ${row.synchronous_commit}`);
  }
  rows.push(
    ...(await measureEngines(
      [
        { label: 'raw pg', operations: rawOperations((sql, params) => pool.query(sql, params)) },
        { label: 'gen-models runtime (prepared statements, the default)', operations: ourOps },
        { label: 'gen-models runtime, prepareStatements: false', operations: unpreparedOps },
        { label: 'Sequelize 6', operations: theirOps },
      ],
      count,
      rounds,
    )),
  );

  lines.push(
    `PostgreSQL, ${count} sequential operations × ${rounds} rounds (median ops/s, min–max; node CPU µs per op; ×: median of the per-round ratios to raw pg):`,
    '',
  );
  lines.push(
    '| engine | create ops/s | save ops/s | increment ops/s | create CPU µs | save CPU µs | increment CPU µs |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const cell = (name) =>
      `${row[name].opsPerSecond.toFixed(0)} (${row[name].minOps.toFixed(0)}–${row[name].maxOps.toFixed(0)}) ×${row[name].opsRatio.toFixed(2)}`;
    const cpu = (name) => `${row[name].cpuMicros.toFixed(0)} ×${row[name].cpuRatio.toFixed(2)}`;
    lines.push(
      `| ${row.label} | ${cell('create')} | ${cell('save')} | ${cell('increment')} | ${cpu('create')} | ${cpu('save')} | ${cpu('increment')} |`,
    );
  }

  const oursConcurrent = await ourOps.concurrentIncrement(50);
  const theirsConcurrent = await theirOps.concurrentIncrement(50);
  const buildOurs = buildMicros(OurUser, buildCount);
  const buildTheirs = buildMicros(TheirUser, buildCount);
  lines.push('');
  lines.push('| | gen-models runtime | Sequelize 6 | raw pg |');
  lines.push('|---|---:|---:|---:|');
  lines.push(
    `| build, µs per instance (${buildCount.toLocaleString('en')}) | ${buildOurs.toFixed(2)} | ${buildTheirs.toFixed(2)} | |`,
  );
  lines.push(
    `| 50 concurrent increments on one row, final value | ${oursConcurrent} | ${theirsConcurrent} | |`,
  );
  lines.push(
    `| import time (fresh process) | ${formatMs(importMillis(`require(${JSON.stringify(path.join(ROOT, 'dist/runtime/index.js'))})`))} ` +
      `| ${formatMs(importMillis("require('sequelize')"))} | ${formatMs(importMillis("require('pg')"))} |`,
  );
  const size = await runtimeSize(databaseUrl);
  const sizes = (measured) =>
    `${kb(measured.raw)} / ${kb(measured.minified)} / ${kb(measured.bundled)} (${measured.files} files)`;
  lines.push(
    `| runtime's JavaScript loaded by a typical program¹: compiled / minified / one minified bundle | ${sizes(size.loaded)} | | |`,
    `| the same program with a hook, a scope, a paranoid model and a validator³ | ${sizes(size.lifecycle)} | | |`,
    `| runtime's JavaScript in all²: compiled / minified / one minified bundle | ${sizes(size.all)} | ${kb(size.sequelize.raw)} compiled (${size.sequelize.files} files) | |`,
  );

  await ours.close();
  await unprepared.close();
  await theirs.close();
  await pool.query('DROP TABLE IF EXISTS "BenchUsers"');
  await pool.end();

  lines.push(
    '',
    '¹ The dist/runtime files in require.cache of a fresh process that requires the runtime, connects with pg, defines a model with a tableName ' +
      'and runs create, findAll and save; the rest (PGlite driver, sync/drop and DDL, sync({ alter }), error mapping, array literal parsing) loads on first use. ' +
      '² Every .js file under dist/runtime (Sequelize: every .js file under sequelize/lib). ' +
      '³ ¹ with the model paranoid, a beforeCreate hook, a defaultScope and a len validator, and a destroy: the hooked operations, scope merging, soft deletes and the validators load on first use (node bench/runtime-size.js prints both lists). ' +
      "Compiled: tsc's CommonJS output, comments included. Minified: each file on its own by esbuild (whitespace, comments, local names). " +
      'One minified bundle: the same modules bundled from the TypeScript sources by esbuild (ESM, minified, pg external), as an application bundler ships them.',
  );
  lines.push('', await benchPglite(Math.min(count, 1000), Math.min(rounds, 5)));
  return lines.join('\n');
}

/** The same operations on embedded PGlite: raw PGlite queries against our runtime on PGlite. */
async function benchPglite(count, rounds) {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  await db.exec(CREATE_TABLE);
  const ours = new runtime.Sequelize('pglite://', { logging: false });
  const User = defineOurs(ours);
  await User.sync();
  const [raw, mine] = await measureEngines(
    [
      { label: 'raw PGlite', operations: rawOperations((sql, params) => db.query(sql, params)) },
      { label: 'gen-models runtime on PGlite', operations: modelOperations(User) },
    ],
    count,
    rounds,
  );
  await db.close();
  await ours.close();
  const lines = [
    `Embedded PGlite, ${count} sequential operations × ${rounds} rounds (median ops/s; ×: median of the per-round ratios to raw PGlite):`,
    '',
  ];
  lines.push('| engine | create ops/s | save ops/s | increment ops/s |', '|---|---:|---:|---:|');
  for (const row of [raw, mine]) {
    const cell = (name) => `${row[name].opsPerSecond.toFixed(0)} ×${row[name].opsRatio.toFixed(2)}`;
    lines.push(`| ${row.label} | ${cell('create')} | ${cell('save')} | ${cell('increment')} |`);
  }
  return lines.join('\n');
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

module.exports = { benchRuntime, CREATE_TABLE, defineBenchUser, median, sequential };

if (require.main === module) printTable(benchRuntime({ databaseUrl: DATABASE_URL }));
