/**
 * Where gen-models' own `--from-db` time goes, measured inside one fresh process (so its peak RSS
 * is only this work): introspectDatabase (with the queries it sends) + schemaToYaml, then the
 * whole generate() (render, lay out as prettier would, write) into a temp folder. Needs `npm run build`.
 *
 *   node bench/from-db/split.js <database-url>   prints one JSON line
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const DIST = path.resolve(__dirname, '../../dist/generator');

async function measureInThisProcess(url) {
  const { Client } = require('pg');
  const { introspectDatabase } = require(path.join(DIST, 'introspect/introspect.js'));
  const { schemaToYaml } = require(path.join(DIST, 'schema/to-yaml.js'));
  const { generate } = require(path.join(DIST, 'index.js'));
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
  const yamlDone = performance.now();
  const out = mkdtempSync(path.join(os.tmpdir(), 'gm-bench-from-db-'));
  let filesWritten;
  try {
    filesWritten = (await generate({ schema: ir, outDir: out })).written.length;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const generated = performance.now();
  return {
    models: ir.models.length,
    attributes: ir.models.reduce((n, m) => n + m.attributes.length, 0),
    queries,
    introspectMs: introspected - started,
    yamlMs: yamlDone - introspected,
    yamlBytes: Buffer.byteLength(yaml),
    generateMs: generated - yamlDone,
    filesWritten,
    totalMs: generated - started,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Runs the split in a fresh child process and returns its figures. */
function measureSplit(url) {
  const output = execFileSync(process.execPath, [__filename, url], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').pop());
}

module.exports = { measureSplit };

if (require.main === module) {
  measureInThisProcess(process.argv[2]).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
