/**
 * The three tools compared on the same database, each run as its own process into a fresh temp
 * folder: gen-models `--from-db` (the whole CLI: introspection, files laid out as prettier would
 * and written, the runtime copied next to them), sequelize-auto `-l ts` (postgres dialect, one model
 * file per table plus init-models.ts) and kysely-codegen (postgres dialect, one db.d.ts).
 */
'use strict';
const { readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const BENCH_MODULES = path.join(ROOT, 'bench', 'node_modules');

/** The bin script and version of an installed bench dependency (read from its package.json). */
function installedBin(name) {
  const directory = path.join(BENCH_MODULES, name);
  const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return { script: path.join(directory, bin), version: manifest.version };
}

function tools() {
  const ours = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const sequelizeAuto = installedBin('sequelize-auto');
  const kyselyCodegen = installedBin('kysely-codegen');
  return [
    {
      name: `gen-models ${ours.version} \`--from-db\``,
      script: path.join(ROOT, 'dist', 'generator', 'cli.js'),
      args: (url, out) => ['--from-db', url, '--out', out, '--quiet'],
    },
    {
      name: `sequelize-auto ${sequelizeAuto.version} \`-l ts\``,
      script: sequelizeAuto.script,
      args: (url, out) => {
        const u = new URL(url);
        return [
          '-h',
          u.hostname,
          '-p',
          u.port || '5432',
          '-d',
          decodeURIComponent(u.pathname.slice(1)),
          '-u',
          decodeURIComponent(u.username) || 'postgres',
          ...(u.password ? ['-x', decodeURIComponent(u.password)] : []),
          '-e',
          'postgres',
          '-l',
          'ts',
          '-o',
          out,
        ];
      },
    },
    {
      name: `kysely-codegen ${kyselyCodegen.version}`,
      script: kyselyCodegen.script,
      args: (url, out) => [
        '--dialect',
        'postgres',
        '--url',
        url,
        '--out-file',
        path.join(out, 'db.d.ts'),
        '--log-level',
        'error',
      ],
    },
  ];
}

/** Files and bytes a tool wrote under `directory` (a check that it did the work, and a hint of how much). */
function outputSize(directory) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return { files, bytes };
}

module.exports = { tools, outputSize };
