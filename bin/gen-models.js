#!/usr/bin/env node
/**
 * The `gen-models` command. In the installed package it only runs the compiled CLI. In a source
 * checkout (a clone: the TypeScript sources and tsconfig.build.json are here, the compiled dist/
 * is not committed) it first builds dist/ when it is missing or older than the sources, so a
 * fresh clone needs only `npm install && npx gen-models ...`: the package itself has no
 * install-time build (no `prepare` script), and the tarball is built by `prepack`.
 */
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'generator', 'cli.js');
const buildConfig = path.join(root, 'tsconfig.build.json');

/** The newest modification time of the sources dist/ is built from. */
function newestSource() {
  let newest = statSync(buildConfig).mtimeMs;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  visit(path.join(root, 'generator'));
  visit(path.join(root, 'runtime'));
  return newest;
}

function buildFromSources() {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    process.stderr.write(
      'gen-models: dist/ needs building, and TypeScript is not installed here: run npm install, then npm run build\n',
    );
    process.exit(1);
  }
  process.stderr.write(
    'gen-models: building dist/ from the sources of this checkout (tsc -p tsconfig.build.json)...\n',
  );
  const build = spawnSync(process.execPath, [tsc, '-p', buildConfig, '--noEmitOnError'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    process.stderr.write(
      'gen-models: the build failed (above); fix it, or run npm run build to see it again\n',
    );
    process.exit(1);
  }
}

const isCheckout = existsSync(buildConfig) && existsSync(path.join(root, 'generator'));
if (isCheckout && (!existsSync(cli) || statSync(cli).mtimeMs < newestSource())) buildFromSources();

require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
