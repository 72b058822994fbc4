/**
 * `npm run bench`: every benchmark in one run on one machine, printed as markdown and written to
 * bench/RESULTS.md. Needs a PostgreSQL server (DATABASE_URL, default the local one as in .ci/run);
 * scratch databases are created and dropped here.
 */
'use strict';
const { writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { benchGeneration } = require('./generation.js');
const { benchInclude } = require('./include.js');
const { benchPgliteStartup } = require('./pglite-startup.js');
const { benchQueries } = require('./queries.js');
const { benchRuntime } = require('./runtime.js');

const SERVER = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function withScratchDatabase(name, body) {
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

async function section(title, body) {
  process.stderr.write(`bench: ${title}...\n`);
  const started = Date.now();
  const text = await body();
  process.stderr.write(`bench: ${title} done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return `## ${title}\n\n${text}\n`;
}

async function main() {
  const sections = [];
  sections.push(await section('Generation from YAML (median of runs, min–max)', () => benchGeneration()));
  sections.push(
    await section('Realistic large schema (issue 13 item 12)', () =>
      require('./large-schema/run.js').benchLargeSchema({ serverUrl: SERVER }),
    ),
  );
  const fromDb = optional('./from-db/run.js');
  if (fromDb)
    sections.push(
      await section('--from-db against the peers', () => fromDb.benchFromDb({ serverUrl: SERVER })),
    );
  sections.push(
    await section('Runtime against raw pg and Sequelize 6', () =>
      withScratchDatabase('gm_bench_runtime', (databaseUrl) => benchRuntime({ databaseUrl })),
    ),
  );
  sections.push(
    await section('Queries: operators, bulkCreate, findOrCreate and upsert (issue 15)', () =>
      withScratchDatabase('gm_bench_queries', (databaseUrl) => benchQueries({ databaseUrl })),
    ),
  );
  sections.push(
    await section('Include: two-level findAll against a hand-written JOIN (issue 16)', () =>
      withScratchDatabase('gm_bench_include', (databaseUrl) => benchInclude({ databaseUrl })),
    ),
  );
  sections.push(await section('Embedded PGlite start-up', () => benchPgliteStartup()));
  const header = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    'Timings on this machine are noisy: compare the ratios within one run, not absolute times across runs.',
    '',
  ].join('\n');
  const text = `${header}\n${sections.join('\n')}`;
  writeFileSync(path.join(__dirname, 'RESULTS.md'), text);
  process.stdout.write(text);
}

function optional(module) {
  try {
    return require(module);
  } catch (error) {
    if (error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(module.slice(2)))
      return undefined;
    throw error;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
