/**
 * `--from-db` against the peers: for each size (200 and 1,000 tables by default) a synthetic
 * database is built in a scratch database, then gen-models `--from-db`, sequelize-auto `-l ts`
 * and kysely-codegen are run on it, each as its own process, interleaved round by round so that
 * the machine's noise falls on all of them alike. Per tool: wall time (median, min–max), ratio to
 * gen-models in the same run, peak RSS, SQL statements sent (server log, first round), output.
 * Then gen-models' own split (introspection + YAML vs generate) in one process.
 *
 *   npm run build && node bench/from-db/run.js [--tables 200,1000] [--runs 5]
 *
 * `npm run bench` calls benchFromDb({ serverUrl }), which returns markdown. Needs a PostgreSQL
 * server (DATABASE_URL, default the local one); the scratch databases and the per-database
 * log_statement setting are dropped with them.
 */
'use strict';
const { mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { formatMs, formatStat } = require('../stats.js');
const { runNodeScript, peakRssMethod } = require('./child-process.js');
const { tools, outputSize } = require('./peers.js');
const { openStatementLog } = require('./statement-count.js');
const { measureSplit } = require('./split.js');
const {
  COLUMNS_PER_TABLE,
  createSyntheticDatabase,
  withScratchDatabase,
} = require('./synthetic-database.js');

const SERVER = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * How many runs a tool gets at a size: `runs` below 1,000 tables, at most 3 from 1,000 tables on,
 * and sequelize-auto, which takes most of a minute at 1,000 tables, once there.
 */
function runsFor(tool, tables, runs) {
  if (tables < 1000) return runs;
  return tool.name.startsWith('sequelize-auto') ? 1 : Math.min(runs, 3);
}

function statOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: sorted.length,
  };
}

const formatMb = (mb) => `${Math.round(mb)} MB`;
const formatKb = (bytes) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
const log = (message) => process.stderr.write(`bench/from-db: ${message}\n`);

/** One run of one tool into a fresh temp folder. */
async function runOnce(tool, url) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'gm-bench-peer-'));
  try {
    const measured = await runNodeScript(tool.script, tool.args(url, out));
    return { ...measured, output: outputSize(out) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Every tool on a database of `tables` tables; returns the figures of each. */
async function benchSize({ serverUrl, tables, runs, statementLog }) {
  // A fixed name: a database left by an interrupted run is dropped by the next one.
  const database = `gm_bench_from_db_${tables}`;
  return withScratchDatabase(serverUrl, database, async (url) => {
    const createStarted = Date.now();
    await createSyntheticDatabase(url, tables);
    log(`${tables} tables created in ${((Date.now() - createStarted) / 1000).toFixed(1)} s`);

    // First, in one process, our own split; it also warms the server's caches for every tool.
    const split = measureSplit(url);
    log(`${tables} tables: gen-models split ${formatMs(split.totalMs)}`);

    const list = tools().map((tool) => ({ ...tool, runs: [], statements: undefined, error: undefined }));
    const rounds = Math.max(...list.map((tool) => runsFor(tool, tables, runs)));
    for (let round = 0; round < rounds; round += 1) {
      const counting = round === 0 && statementLog.available;
      if (counting) await statementLog.enable(database);
      for (const tool of list) {
        if (tool.error || tool.runs.length >= runsFor(tool, tables, runs)) continue;
        try {
          if (counting) {
            const { result, statements } = await statementLog.count(database, url, () => runOnce(tool, url));
            tool.runs.push(result);
            tool.statements = statements;
          } else {
            tool.runs.push(await runOnce(tool, url));
          }
          log(`${tables} tables: ${tool.name} ${formatMs(tool.runs[tool.runs.length - 1].wallMs)}`);
        } catch (error) {
          tool.error = String(error.message).split('\n')[0];
          log(`${tables} tables: ${tool.name} failed: ${error.message}`);
        }
      }
      if (counting) await statementLog.disable(database);
    }
    return { tables, split, tools: list };
  });
}

function sizeTable({ tables, tools: list }) {
  const ours = list[0].runs.length ? statOf(list[0].runs.map((r) => r.wallMs)).median : undefined;
  const rows = list.map((tool) => {
    if (!tool.runs.length) return `| ${tool.name} | failed: ${tool.error} | | | | | |`;
    const wall = statOf(tool.runs.map((r) => r.wallMs));
    const rss = statOf(tool.runs.map((r) => r.peakRssMb));
    const ratio = ours ? `×${(wall.median / ours).toFixed(2)}` : 'n/a';
    const { files, bytes } = tool.runs[0].output;
    const statements = tool.statements === undefined ? 'n/a' : String(tool.statements);
    return `| ${tool.name} | ${formatStat(wall)} | ${wall.runs} | ${ratio} | ${formatMb(rss.median)} | ${statements} | ${files} file${files === 1 ? '' : 's'}, ${formatKb(bytes)} |`;
  });
  return [
    `### ${tables.toLocaleString('en-US')} tables × ${COLUMNS_PER_TABLE} columns`,
    '',
    '| tool | wall time, median (min–max) | runs | time ÷ gen-models | peak RSS (median) | SQL statements | output |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

function splitTable(results) {
  return [
    "### Where gen-models' `--from-db` time goes (one run, one process)",
    '',
    '| tables | introspection (connect + queries) | schema → YAML | generate (render, lay out, write) | total | peak RSS |',
    '|---:|---:|---:|---:|---:|---:|',
    ...results.map(({ tables, split: s }) => {
      const share = (ms) => `${Math.round((100 * ms) / s.totalMs)} %`;
      return (
        `| ${tables.toLocaleString('en-US')} | ${formatMs(s.introspectMs)} (${s.queries} queries), ${share(s.introspectMs)} ` +
        `| ${formatMs(s.yamlMs)} (${formatKb(s.yamlBytes)}), ${share(s.yamlMs)} ` +
        `| ${formatMs(s.generateMs)} (${s.filesWritten} files), ${share(s.generateMs)} | ${formatMs(s.totalMs)} | ${formatMb(s.peakRssMb)} |`
      );
    }),
  ].join('\n');
}

/** Runs the comparison at every size and returns it as markdown (for bench/run.js and RESULTS.md). */
async function benchFromDb({ serverUrl = SERVER, sizes = [200, 1000], runs = 5 } = {}) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const results = [];
  let statementLog;
  try {
    statementLog = await openStatementLog(admin);
    if (!statementLog.available) log(`statements not counted: ${statementLog.reason}`);
    for (const tables of sizes) results.push(await benchSize({ serverUrl, tables, runs, statementLog }));
  } finally {
    await admin.end();
  }
  const notes = [
    `Synthetic database per size, in a scratch database: ${COLUMNS_PER_TABLE} columns a table (serial key, varchar, text, a shared enum, \`text[]\`, numeric, integer, boolean, date, jsonb, uuid, a foreign key to the previous table, timestamptz), a table comment and two column comments.`,
    'Each tool runs as its own process (`node <bin>`) into a fresh temp folder, on the same database, the tools interleaved round by round; gen-models is the whole CLI run (introspection, files rendered, laid out as prettier lays them out (prettier itself runs only where the project has a prettier config) and written, runtime copied).',
    `Wall time: spawn to exit, node start-up included. Time ÷ gen-models: median over gen-models' median in this run (above 1: slower than gen-models). Peak RSS: ${peakRssMethod()}.`,
    statementLog.available
      ? "SQL statements: sent in the first round, counted in the server log (`log_statement = 'all'` set on the scratch database only; one simple query or one extended-protocol execute counts once)."
      : `SQL statements: not counted (${statementLog.reason}).`,
  ];
  return [
    ...notes.map((n) => `- ${n}`),
    '',
    ...results.map(sizeTable).flatMap((t) => [t, '']),
    splitTable(results),
    '',
  ].join('\n');
}

module.exports = { benchFromDb };

if (require.main === module) {
  const argument = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : fallback;
  };
  benchFromDb({
    sizes: argument('tables', '200,1000').split(',').map(Number),
    runs: Number(argument('runs', '5')),
  }).then(
    (markdown) => process.stdout.write(markdown),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
