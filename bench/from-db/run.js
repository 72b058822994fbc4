/**
 * `--from-db` at scale: a synthetic database of N tables (default 1000) × 13 columns, each with
 * a table comment and column comments, an enum, a text[] and a foreign key, in a scratch
 * database on the server; then, in a fresh child process (so peak RSS is only the measured
 * work), introspectDatabase + schemaToYaml, and the whole generate() run into a temp folder.
 *
 *   npm run build && node bench/from-db/run.js [--tables 1000] [--no-generate]
 *
 * Reports queries sent, wall times and peak RSS. Needs a PostgreSQL server (DATABASE_URL,
 * default the local one). Figures are printed, never asserted.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

const SERVER = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DIST = path.resolve(__dirname, '../../dist/generator');

function argument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

/** DDL of table i: 13 columns, comments, the shared enum, a text[], a foreign key to table i-1. */
function tableDdl(i) {
  const t = `t${String(i).padStart(5, '0')}_item`;
  const parent = i > 0 ? `REFERENCES t${String(i - 1).padStart(5, '0')}_item (id)` : '';
  return `
CREATE TABLE ${t} (
  id serial PRIMARY KEY,
  name varchar(100) NOT NULL,
  description text,
  status bench_status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  price numeric(10,2) DEFAULT 0,
  quantity integer,
  active boolean DEFAULT true,
  available_on date,
  data jsonb,
  uid uuid DEFAULT gen_random_uuid(),
  parent_id integer ${parent},
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE ${t} IS 'Synthetic table ${i}';
COMMENT ON COLUMN ${t}.name IS 'The name of item ${i}';
COMMENT ON COLUMN ${t}.status IS 'Where it is in its life';`;
}

async function createSyntheticDatabase(url, tables) {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TYPE bench_status AS ENUM ('draft', 'active', 'retired')`);
  for (let start = 0; start < tables; start += 100) {
    const batch = [];
    for (let i = start; i < Math.min(tables, start + 100); i++) batch.push(tableDdl(i));
    await client.query(batch.join('\n'));
  }
  await client.end();
}

/** The measured part, in its own process: prints one JSON line. */
async function measure(url, withGenerate) {
  const { introspectDatabase } = require(path.join(DIST, 'introspect/introspect.js'));
  const { schemaToYaml } = require(path.join(DIST, 'schema/to-yaml.js'));
  const client = new Client({ connectionString: url });
  const started = performance.now();
  await client.connect();
  let queries = 0;
  const ir = await introspectDatabase((sql, params) => {
    queries++;
    return client.query(sql, params);
  }, {});
  await client.end();
  const introspected = performance.now();
  const yaml = schemaToYaml(ir);
  const written = performance.now();
  const result = {
    models: ir.models.length,
    attributes: ir.models.reduce((n, m) => n + m.attributes.length, 0),
    queries,
    introspectMs: Math.round(introspected - started),
    yamlMs: Math.round(written - introspected),
    yamlBytes: Buffer.byteLength(yaml),
  };
  if (withGenerate) {
    const { generate } = require(path.join(DIST, 'index.js'));
    const out = mkdtempSync(path.join(os.tmpdir(), 'gm-bench-from-db-'));
    try {
      const generateStarted = performance.now();
      const generated = await generate({ schema: ir, outDir: out });
      result.generateMs = Math.round(performance.now() - generateStarted);
      result.filesWritten = generated.written.length;
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  result.totalMs = Math.round(performance.now() - started);
  result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function withScratchDatabase(body) {
  const name = `gm_bench_from_db_${process.pid}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  try {
    return await body(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** Builds the database, measures in a child process, returns the figures. */
async function benchFromDb({ tables = 1000, generate = true } = {}) {
  return withScratchDatabase(async (url) => {
    const createStarted = Date.now();
    await createSyntheticDatabase(url, tables);
    process.stderr.write(`bench/from-db: ${tables} tables created in ${((Date.now() - createStarted) / 1000).toFixed(1)} s\n`);
    const args = [__filename, '--measure', url, ...(generate ? [] : ['--no-generate'])];
    const output = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    return { tables, columnsPerTable: 13, ...JSON.parse(output.trim().split('\n').pop()) };
  });
}

module.exports = { benchFromDb };

if (require.main === module) {
  const generate = !process.argv.includes('--no-generate');
  const run = process.argv.includes('--measure')
    ? measure(argument('measure'), generate)
    : benchFromDb({ tables: Number(argument('tables', '1000')), generate }).then((r) => console.log(JSON.stringify(r, null, 2)));
  run.catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
