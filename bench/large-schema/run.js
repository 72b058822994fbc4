/**
 * Issue 13 item 12: speed on a realistic large schema, measured as a user runs the CLI (its own
 * process, wall time from spawn to exit, median of several runs with min–max).
 *
 * 1. A scratch database of 1,000 tables × 20 columns of mixed types (./database.js) is loaded once.
 * 2. `--from-db <url> --schema-out schema.yaml` writes the YAML: the schema measured below.
 * 3. YAML generation `node dist/generator/cli.js schema.yaml --out <dir> --quiet`: cold (empty
 *    folder), nothing changed, one model changed (one table comment edited in the YAML).
 * 4. `--from-db` of the same database against kysely-codegen, interleaved round by round.
 *
 *   npm run build && node bench/large-schema/run.js [--tables 1000] [--runs 5]
 *
 * `npm run bench` calls benchLargeSchema({ serverUrl }), which returns markdown with the targets.
 */
'use strict';
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { formatMs, formatStat } = require('../stats.js');
const { runNodeScript } = require('../from-db/child-process.js');
const { tools } = require('../from-db/peers.js');
const { withScratchDatabase } = require('../from-db/synthetic-database.js');
const { COLUMNS_PER_TABLE, createLargeDatabase } = require('./database.js');

const SERVER = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const CLI = path.resolve(__dirname, '../../dist/generator/cli.js');
const log = (message) => process.stderr.write(`bench/large-schema: ${message}\n`);

function statOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

async function timeCli(args) {
  return (await runNodeScript(CLI, args)).wallMs;
}

/** The YAML with the comment of the first model edited (variant 1) or as written (variant 0). */
function withVariant(yaml, variant) {
  const from = 'comment: "Realistic table number 0: orders of one kind."';
  if (!yaml.includes(from)) throw new Error('bench/large-schema: the first model comment moved');
  return variant
    ? yaml.replace(from, 'comment: "Realistic table number 0: orders of one kind, edited."')
    : yaml;
}

async function benchYaml(work, yaml, runs) {
  const schemaPath = path.join(work, 'schema.yaml');
  const outDir = path.join(work, 'models');
  const args = [schemaPath, '--out', outDir, '--quiet'];
  writeFileSync(schemaPath, yaml);
  const cold = [];
  for (let i = 0; i < runs; i++) {
    rmSync(outDir, { recursive: true, force: true });
    cold.push(await timeCli(args));
  }
  const unchanged = [];
  for (let i = 0; i < runs; i++) unchanged.push(await timeCli(args));
  const oneChanged = [];
  for (let i = 0; i < runs; i++) {
    writeFileSync(schemaPath, withVariant(yaml, (i + 1) % 2));
    oneChanged.push(await timeCli(args));
  }
  return { cold: statOf(cold), unchanged: statOf(unchanged), oneChanged: statOf(oneChanged) };
}

async function benchFromDbPeers(url, runs) {
  const [ours, , kysely] = tools();
  const times = { ours: [], kysely: [] };
  for (let i = 0; i < runs; i++) {
    for (const [key, tool] of [
      ['ours', ours],
      ['kysely', kysely],
    ]) {
      const out = mkdtempSync(path.join(os.tmpdir(), 'gm-bench-large-'));
      try {
        times[key].push((await runNodeScript(tool.script, tool.args(url, out))).wallMs);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
  }
  return { ours: statOf(times.ours), kysely: statOf(times.kysely), kyselyName: kysely.name };
}

async function measureLargeSchema({ serverUrl = SERVER, tables = 1000, runs = 5 } = {}) {
  return withScratchDatabase(serverUrl, `gm_bench_large_${tables}`, async (url) => {
    await createLargeDatabase(url, tables);
    const work = mkdtempSync(path.join(os.tmpdir(), 'gm-bench-large-'));
    try {
      const schemaPath = path.join(work, 'written.yaml');
      await timeCli([
        '--from-db',
        url,
        '--schema-out',
        schemaPath,
        '--out',
        path.join(work, 'db'),
        '--quiet',
      ]);
      const yaml = readFileSync(schemaPath, 'utf8');
      log(`${tables} tables loaded; --schema-out wrote ${(yaml.length / 1024 / 1024).toFixed(1)} MB`);
      const generation = await benchYaml(work, yaml, runs);
      log(
        `YAML: cold ${formatMs(generation.cold.median)}, unchanged ${formatMs(generation.unchanged.median)}`,
      );
      const fromDb = await benchFromDbPeers(url, Math.min(runs, 3));
      return { tables, yamlBytes: yaml.length, ...generation, fromDb };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}

const verdict = (ms, target) => (ms <= target ? 'met' : 'not met');

function toMarkdown(r) {
  const ratio = r.fromDb.ours.median / r.fromDb.kysely.median;
  return [
    `${r.tables} tables × ${COLUMNS_PER_TABLE} columns (enums, arrays, JSONB, numeric, comments, CHECK unions);`,
    `the YAML is what \`--schema-out\` writes for it (${(r.yamlBytes / 1024 / 1024).toFixed(1)} MB).`,
    'Each figure: `node dist/generator/cli.js ... --quiet` as its own process, wall time, median (min–max).',
    '',
    '| run | time | target | |',
    '|---|---:|---:|---|',
    `| YAML, cold (empty folder) | ${formatStat(r.cold)} | ≤ 1.5 s | ${verdict(r.cold.median, 1500)} |`,
    `| YAML, nothing changed | ${formatStat(r.unchanged)} | ≤ 0.3 s | ${verdict(r.unchanged.median, 300)} |`,
    `| YAML, one model changed | ${formatStat(r.oneChanged)} | ≤ 0.3 s | ${verdict(r.oneChanged.median, 300)} |`,
    `| \`--from-db\` | ${formatStat(r.fromDb.ours)} | ≤ 1.0× kysely-codegen | ${ratio.toFixed(2)}× (${verdict(ratio, 1)}) |`,
    `| ${r.fromDb.kyselyName} (one db.d.ts) | ${formatStat(r.fromDb.kysely)} | | |`,
  ].join('\n');
}

async function benchLargeSchema(options) {
  return toMarkdown(await measureLargeSchema(options));
}

module.exports = { benchLargeSchema, measureLargeSchema };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? Number(argv[at + 1]) : fallback;
  };
  benchLargeSchema({ tables: option('tables', 1000), runs: option('runs', 5) }).then(
    (text) => console.log(text),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
