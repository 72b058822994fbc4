/**
 * The large-schema YAML runs of two builds of gen-models, interleaved run by run so that both see
 * the same machine load, in wall time and in CPU time (user + system, from /usr/bin/time): on a
 * shared machine CPU time is the steadier figure. Used to measure a branch against main.
 *
 *   node bench/large-schema/compare-builds.js --base /path/to/main/dist/generator/cli.js [--runs 3]
 *
 * Needs /usr/bin/time and PostgreSQL (the schema is written by --from-db --schema-out, as run.js does).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { withScratchDatabase } = require('../from-db/synthetic-database.js');
const { createLargeDatabase } = require('./database.js');

const SERVER = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const BRANCH = path.resolve(__dirname, '../../dist/generator/cli.js');
const FROM = 'comment: "Realistic table number 0: orders of one kind."';
const TO = 'comment: "Realistic table number 0: orders of one kind, edited."';

function timed(cli, args, env = process.env) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, cli, ...args], {
    encoding: 'utf8',
    env,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(run.stderr);
  const [user, system] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: (user + system) * 1000 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function compare(yaml, builds, runs, work) {
  const results = {};
  const off = { ...process.env, GEN_MODELS_RUN_CACHE: 'off' };
  for (let i = 0; i < runs; i++) {
    for (const [name, cli] of Object.entries(builds)) {
      const dir = path.join(work, name);
      mkdirSync(dir, { recursive: true });
      const schema = path.join(dir, 'schema.yaml');
      const out = path.join(dir, 'models');
      const args = [schema, '--out', out, '--quiet'];
      const r = (results[name] ??= { 'true cold': [], cold: [], unchanged: [], 'one changed': [] });
      writeFileSync(schema, yaml);
      rmSync(out, { recursive: true, force: true });
      r['true cold'].push(timed(cli, args, off));
      rmSync(out, { recursive: true, force: true });
      r.cold.push(timed(cli, args));
      r.unchanged.push(timed(cli, args));
      writeFileSync(schema, yaml.replace(FROM, TO));
      r['one changed'].push(timed(cli, args));
      writeFileSync(schema, yaml);
      r['one changed'].push(timed(cli, args));
    }
  }
  const lines = ['| run | build | wall | CPU |', '|---|---|---:|---:|'];
  for (const run of ['true cold', 'cold', 'unchanged', 'one changed']) {
    for (const [name, r] of Object.entries(results)) {
      const wall = median(r[run].map((x) => x.wall));
      const cpu = median(r[run].map((x) => x.cpu));
      lines.push(`| ${run} | ${name} | ${(wall / 1000).toFixed(2)} s | ${(cpu / 1000).toFixed(2)} s |`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : fallback;
  };
  const base = option('base');
  if (base === undefined) throw new Error('give --base <the other build>/dist/generator/cli.js');
  const runs = Number(option('runs', 3));
  const text = await withScratchDatabase(SERVER, 'gm_bench_large_compare', async (url) => {
    await createLargeDatabase(url, 1000);
    const work = mkdtempSync(path.join(os.tmpdir(), 'gm-compare-'));
    try {
      const schema = path.join(work, 'written.yaml');
      const args = ['--from-db', url, '--schema-out', schema, '--out', path.join(work, 'db'), '--quiet'];
      timed(BRANCH, args);
      return compare(readFileSync(schema, 'utf8'), { base, branch: BRANCH }, runs, work);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
  console.log(text);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
