/**
 * How long an embedded PGlite takes to be ready for its first query, each start in a fresh node
 * process (what a program, a demo or a test file meets): `pglite://` from the cached cluster image,
 * `pglite://` with the image turned off (initdb, as before the image), a plain `new PGlite()`, and
 * PGlite's own `loadDataDir` from a `dumpDataDir()` tarball. The variants take turns round by
 * round; the ratio to `new PGlite()` is the median of the per-round ratios. The image is built
 * once first, into a scratch cache folder (also timed), so the user's cache is left alone.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { formatMs } = require('./stats.js');
const { printTable } = require('./standalone.js');

const ROOT = path.resolve(__dirname, '..');
const RUNTIME = JSON.stringify(path.join(ROOT, 'dist/runtime/index.js'));

/** Each program prints the milliseconds from its first line to the first query's result. */
const PROGRAMS = {
  image: `const t = performance.now();
const { Sequelize } = require(${RUNTIME});
const sequelize = new Sequelize('pglite://', { logging: false });
sequelize.query('SELECT 1').then(async () => { process.stdout.write(String(performance.now() - t)); await sequelize.close(); });`,
  plain: `const t = performance.now();
import('@electric-sql/pglite').then(async ({ PGlite }) => {
  const db = new PGlite();
  await db.query('SELECT 1');
  process.stdout.write(String(performance.now() - t));
  await db.close();
});`,
  dump: `const t = performance.now();
import('@electric-sql/pglite').then(async ({ PGlite }) => {
  const db = new PGlite({ loadDataDir: new Blob([require('node:fs').readFileSync(process.env.BENCH_DUMP)]) });
  await db.query('SELECT 1');
  process.stdout.write(String(performance.now() - t));
  await db.close();
});`,
  makeDump: `import('@electric-sql/pglite').then(async ({ PGlite }) => {
  const db = new PGlite();
  await db.waitReady;
  const dump = await db.dumpDataDir('none');
  require('node:fs').writeFileSync(process.env.BENCH_DUMP, Buffer.from(await dump.arrayBuffer()));
  await db.close();
});`,
};

function runProgram(name, env) {
  const out = execFileSync(process.execPath, ['-e', PROGRAMS[name]], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return Number(out);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function benchPgliteStartup({ rounds = 7 } = {}) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gm-bench-pglite-'));
  try {
    const cache = { GEN_MODELS_CACHE_DIR: path.join(scratch, 'cache') };
    const dump = { BENCH_DUMP: path.join(scratch, 'pgdata.tar') };
    const firstUse = runProgram('image', cache);
    runProgram('makeDump', dump);
    const variants = [
      { label: 'plain `new PGlite()` (initdb)', run: () => runProgram('plain', {}) },
      {
        label: '`pglite://` with `GEN_MODELS_PGLITE_IMAGE=off` (initdb: the figure before the image)',
        run: () => runProgram('image', { ...cache, GEN_MODELS_PGLITE_IMAGE: 'off' }),
      },
      {
        label: "PGlite's `new PGlite({ loadDataDir })` from a `dumpDataDir()` tarball",
        run: () => runProgram('dump', dump),
      },
      { label: '`pglite://` from the cached image', run: () => runProgram('image', cache) },
    ];
    const times = variants.map(() => []);
    for (let round = 0; round < rounds; round += 1) {
      for (const [index, variant] of variants.entries()) times[index].push(variant.run());
    }
    const lines = [
      `Ready for the first query, each start in a fresh node process (from the program's first line, loading included), ${rounds} rounds, the variants taking turns (median, min–max; ×: median of the per-round ratios to plain \`new PGlite()\`):`,
      '',
      '| start | ready for the first query | × new PGlite() |',
      '|---|---:|---:|',
    ];
    for (const [index, variant] of variants.entries()) {
      const ms = times[index];
      const ratio = median(ms.map((value, round) => value / times[0][round]));
      lines.push(
        `| ${variant.label} | ${formatMs(median(ms))} (${formatMs(Math.min(...ms))}–${formatMs(Math.max(...ms))}) | ×${ratio.toFixed(2)} |`,
      );
    }
    lines.push(
      '',
      `First use of \`pglite://\` with an empty cache (initdb, then the image written and loaded): ${formatMs(firstUse)}, once.`,
    );
    return lines.join('\n');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

module.exports = { benchPgliteStartup };

if (require.main === module) printTable(benchPgliteStartup());
