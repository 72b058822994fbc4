/**
 * Generation speed from YAML: a cold run into an empty folder, a run with nothing changed, and a
 * run after one model changed (the fingerprints let every other file be skipped). Each figure is
 * the median of several runs, with min and max. Run with `node bench/generation.js` after
 * `npm run build`; `npm run bench` runs it with the other benchmarks.
 */
'use strict';
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('../dist/generator/index.js');
const { syntheticSchemaYaml } = require('./synthetic-schema.js');
const { measure, formatStat } = require('./stats.js');
const { printTable } = require('./standalone.js');

async function benchSize(modelCount, runs) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'gm-bench-gen-'));
  const schemaPath = path.join(work, 'schema.yaml');
  const outDir = path.join(work, 'models');
  const run = () => generate({ schemaPath, outDir });
  try {
    const cold = await measure(runs, async () => {
      rmSync(outDir, { recursive: true, force: true });
      writeFileSync(schemaPath, syntheticSchemaYaml(modelCount));
      return run();
    });
    const unchanged = await measure(runs, run);
    let variant = 0;
    const oneChanged = await measure(runs, async () => {
      variant = 1 - variant;
      writeFileSync(schemaPath, syntheticSchemaYaml(modelCount, { variant }));
      const result = await run();
      const models = result.written.filter((file) => !file.path.startsWith('runtime/'));
      if (models.length !== 1) throw new Error(`expected one model file rewritten, got ${models.length}`);
      return result;
    });
    return { modelCount, cold, unchanged, oneChanged };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function benchGeneration({ sizes = [10, 200, 1000], runs = 5 } = {}) {
  const rows = [];
  for (const size of sizes) rows.push(await benchSize(size, size >= 1000 ? Math.min(runs, 3) : runs));
  return [
    '| models | cold run | nothing changed | one model changed |',
    '|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.modelCount} | ${formatStat(r.cold)} | ${formatStat(r.unchanged)} | ${formatStat(r.oneChanged)} |`,
    ),
  ].join('\n');
}

module.exports = { benchGeneration };

if (require.main === module) printTable(benchGeneration());
