/**
 * The query half of the runtime (issue 15's speed lines) against raw `pg` and Sequelize v6, in one
 * run on one table:
 *   - findAll with a five-condition where (or / and / gt / like / in): node CPU per call, the
 *     runtime against `pg` sending the very SQL the runtime sends (captured from its log);
 *   - bulkCreate of 10,000 rows against one hand-written parameterised multi-row INSERT, and
 *     against 10,000 create calls;
 *   - findOrCreate and upsert: statements sent per call (round trips), counted from the log.
 * Ratios within one run are what hold on a noisy machine.
 */
'use strict';
const { performance } = require('node:perf_hooks');
const runtime = require('../dist/runtime/index.js');
const { CREATE_TABLE, defineBenchUser, median, sequential } = require('./runtime.js');

const requireBench = (name) => require(require.resolve(name, { paths: [__dirname] }));
const { DATABASE_URL, printTable } = require('./standalone.js');
const BULK_ROWS = 10_000;
const SEED_ROWS = 2_000;

/** The five-condition where, written once with each library's own `Op`. */
function fiveConditionWhere(Op) {
  return {
    [Op.or]: [{ age: { [Op.gt]: 60 } }, { firstName: { [Op.like]: 'First1%' } }],
    [Op.and]: [{ lastName: { [Op.in]: ['Last1', 'Last2', 'Last3', 'Last10', 'Last100'] } }, { cash: 0 }],
  };
}

function seedRows(count) {
  return Array.from({ length: count }, (_, i) => ({
    firstName: `First${i}`,
    lastName: `Last${i % 200}`,
    age: i % 90,
  }));
}

/** Statements a library sends while `body` runs, from its `logging` callback. */
async function countStatements(log, body) {
  const before = log.length;
  await body();
  return log.length - before;
}

/** The SQL text our runtime logged last, without the `Executing (...): ` prefix. */
const lastSql = (log) => log[log.length - 1].replace(/^Executing \([^)]*\): /, '');

async function benchWhere({ pool, OurUser, TheirUser, ourLog, count, rounds }) {
  const where = fiveConditionWhere(runtime.Op);
  const theirWhere = fiveConditionWhere(requireBench('sequelize').Op);
  await OurUser.findAll({ where });
  const sql = lastSql(ourLog);
  const params = [60, 'First1%', 'Last1', 'Last2', 'Last3', 'Last10', 'Last100', 0];
  const [ours, raw] = await Promise.all([OurUser.findAll({ where }), pool.query(sql, params)]);
  if (ours.length !== raw.rows.length || ours.length === 0)
    throw new Error(`the five-condition where matched ${ours.length} rows, raw pg ${raw.rows.length}`);
  const samples = { raw: [], ours: [], theirs: [] };
  for (let round = 0; round < rounds; round += 1) {
    samples.raw.push(await sequential(count, () => pool.query(sql, params)));
    samples.ours.push(await sequential(count, () => OurUser.findAll({ where })));
    samples.theirs.push(await sequential(count, () => TheirUser.findAll({ where: theirWhere })));
  }
  return { sql, matched: ours.length, samples };
}

/** One multi-row INSERT of all rows through pg: the floor for bulkCreate. */
async function rawBulkInsert(pool, rows) {
  const now = new Date();
  const params = [];
  const tuples = rows.map((row) => {
    params.push(row.firstName, row.lastName, row.age, now, now);
    const n = params.length;
    return `($${n - 4},$${n - 3},$${n - 2},$${n - 1},$${n})`;
  });
  await pool.query(
    `INSERT INTO "BenchUsers" ("firstName","lastName","age","createdAt","updatedAt") VALUES ${tuples.join(',')} RETURNING *`,
    params,
  );
}

async function timed(body) {
  const start = performance.now();
  await body();
  return performance.now() - start;
}

async function benchBulk({ pool, OurUser, TheirUser, rounds }) {
  const rows = seedRows(BULK_ROWS);
  const truncate = () => pool.query('TRUNCATE "BenchUsers"');
  const samples = { raw: [], ours: [], theirs: [], creates: [] };
  for (let round = 0; round < rounds; round += 1) {
    await truncate();
    samples.raw.push(await timed(() => rawBulkInsert(pool, rows)));
    await truncate();
    samples.ours.push(await timed(() => OurUser.bulkCreate(rows)));
    await truncate();
    samples.theirs.push(await timed(() => TheirUser.bulkCreate(rows)));
  }
  // 10,000 single creates are slow: timed once, the ratio is what matters.
  await truncate();
  samples.creates.push(
    await timed(async () => {
      for (const row of rows) await OurUser.create(row);
    }),
  );
  const written = Number((await pool.query('SELECT count(*) AS n FROM "BenchUsers"')).rows[0].n);
  if (written !== BULK_ROWS)
    throw new Error(`expected ${BULK_ROWS} rows after the creates, found ${written}`);
  return samples;
}

/** Round trips and speed of findOrCreate (found, created) and upsert (insert, update). */
async function benchRoundTrips({ OurUser, TheirUser, ourLog, theirLog, count }) {
  const result = {};
  for (const [label, User, log] of [
    ['ours', OurUser, ourLog],
    ['theirs', TheirUser, theirLog],
  ]) {
    let key = 0;
    const name = () => `Unique${label}${(key += 1)}`;
    result[label] = {
      findOrCreateCreated: await countStatements(log, () =>
        User.findOrCreate({ where: { firstName: name() }, defaults: { lastName: 'x' } }),
      ),
      findOrCreateFound: await countStatements(log, () =>
        User.findOrCreate({ where: { firstName: `Unique${label}1` }, defaults: { lastName: 'x' } }),
      ),
      upsertInsert: await countStatements(log, () => User.upsert({ id: 1_000_000 + key, firstName: name() })),
      upsertUpdate: await countStatements(log, () =>
        User.upsert({ id: 1_000_000 + key, firstName: 'Updated' }),
      ),
      findOrCreateSpeed: await sequential(count, () =>
        User.findOrCreate({ where: { firstName: name() }, defaults: { lastName: 'x' } }),
      ),
      upsertSpeed: await sequential(count, (i) =>
        User.upsert({ id: 2_000_000 + (i % 50), firstName: `U${i}` }),
      ),
    };
  }
  return result;
}

const ratio = (values, baseline) => median(values.map((value, i) => value / baseline[i]));
const perCall = (samples, key) => median(samples.map((sample) => sample[key]));

function whereLines({ sql, matched, samples }, count, rounds) {
  const cpu = (name) => samples[name].map((sample) => sample.cpuMicros);
  const ops = (name) => samples[name].map((sample) => sample.opsPerSecond);
  const row = (label, name) =>
    `| ${label} | ${perCall(samples[name], 'cpuMicros').toFixed(0)} ×${ratio(cpu(name), cpu('raw')).toFixed(2)} | ${perCall(samples[name], 'opsPerSecond').toFixed(0)} ×${ratio(ops(name), ops('raw')).toFixed(2)} |`;
  return [
    `findAll with a five-condition where (or / and / gt / like / in; ${matched} of ${SEED_ROWS} rows match), ${count} sequential calls × ${rounds} rounds. ` +
      "Target: the runtime's node CPU per call within 1.15× of raw pg sending the same SQL.",
    '',
    '| engine | node CPU µs per call (× raw pg) | calls/s (× raw pg) |',
    '|---|---:|---:|',
    row('raw pg, same SQL', 'raw'),
    row('gen-models runtime', 'ours'),
    row('Sequelize 6', 'theirs'),
    '',
    `The SQL both send: \`${sql.replace(/`/g, "'")}\``,
  ];
}

function bulkLines(samples, rounds) {
  const ms = (values) => `${median(values).toFixed(0)} ms`;
  return [
    `bulkCreate of ${BULK_ROWS.toLocaleString('en')} rows (median of ${rounds}; ×: median of per-round ratios to raw pg). ` +
      'Targets: within 1.25× of one hand-written multi-row INSERT; ≥ 10× faster than as many create calls.',
    '',
    '| engine | time | × raw pg |',
    '|---|---:|---:|',
    `| raw pg, one multi-row INSERT | ${ms(samples.raw)} | ×1.00 |`,
    `| gen-models runtime bulkCreate | ${ms(samples.ours)} | ×${ratio(samples.ours, samples.raw).toFixed(2)} |`,
    `| Sequelize 6 bulkCreate | ${ms(samples.theirs)} | ×${ratio(samples.theirs, samples.raw).toFixed(2)} |`,
    `| gen-models runtime, ${BULK_ROWS.toLocaleString('en')} create calls | ${ms(samples.creates)} | ` +
      `×${(samples.creates[0] / median(samples.raw)).toFixed(2)} (bulkCreate is ${(samples.creates[0] / median(samples.ours)).toFixed(1)}× faster) |`,
  ];
}

function roundTripLines(result, count) {
  const row = (label, r) =>
    `| ${label} | ${r.findOrCreateFound} | ${r.findOrCreateCreated} | ${r.upsertInsert} | ${r.upsertUpdate} | ` +
    `${r.findOrCreateSpeed.opsPerSecond.toFixed(0)} | ${r.upsertSpeed.opsPerSecond.toFixed(0)} |`;
  return [
    `findOrCreate and upsert: statements sent per call (round trips), and ${count} sequential calls. ` +
      'Target: one round trip where PostgreSQL allows it (ON CONFLICT).',
    '',
    '| engine | findOrCreate, found | findOrCreate, created | upsert, inserting | upsert, updating | findOrCreate (new) calls/s | upsert calls/s |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('gen-models runtime', result.ours),
    row('Sequelize 6', result.theirs),
    '',
    "Counted from each library's `logging` callback. Sequelize 6 wraps findOrCreate in START TRANSACTION … COMMIT and, when it creates, " +
      'sends its INSERT inside a temporary plpgsql function that catches unique_violation; the runtime sends SELECT, then (only when nothing ' +
      'was found) INSERT ... ON CONFLICT DO NOTHING RETURNING, race-safe without a transaction. upsert is one INSERT ... ON CONFLICT DO UPDATE in both.',
  ];
}

async function benchQueries({ databaseUrl, count = 500, rounds = 5 } = {}) {
  const pg = require('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  await pool.query('DROP TABLE IF EXISTS "BenchUsers"');
  await pool.query(CREATE_TABLE);
  const ourLog = [];
  const theirLog = [];
  const ours = new runtime.Sequelize(databaseUrl, { logging: (sql) => ourLog.push(sql) });
  const { Sequelize } = requireBench('sequelize');
  const theirs = new Sequelize(databaseUrl, {
    logging: (sql) => theirLog.push(sql),
    dialectModule: requireBench('pg'),
  });
  const OurUser = defineBenchUser(runtime, ours);
  const TheirUser = defineBenchUser(requireBench('sequelize'), theirs);
  try {
    await OurUser.bulkCreate(seedRows(SEED_ROWS));
    const context = { pool, OurUser, TheirUser, ourLog, theirLog, count, rounds };
    const where = await benchWhere(context);
    const bulk = await benchBulk(context);
    await pool.query('TRUNCATE "BenchUsers"');
    const trips = await benchRoundTrips(context);
    return [
      ...whereLines(where, count, rounds),
      '',
      ...bulkLines(bulk, rounds),
      '',
      ...roundTripLines(trips, count),
    ].join('\n');
  } finally {
    await ours.close();
    await theirs.close();
    await pool.query('DROP TABLE IF EXISTS "BenchUsers"');
    await pool.end();
  }
}

module.exports = { benchQueries };

if (require.main === module) printTable(benchQueries({ databaseUrl: DATABASE_URL }));
