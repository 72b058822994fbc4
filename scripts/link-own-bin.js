/**
 * Makes `npx gen-models` work inside this repository, as it does in a project that installed
 * the package: npm links the bins of dependencies into node_modules/.bin, never a package's own
 * bin, and a self-dependency (`"gen-models": "file:."`) breaks `npm ci`. Run by `prepare`,
 * after the build, so a fresh clone's `npm install` is enough.
 */
'use strict';
const { existsSync, mkdirSync, rmSync, symlinkSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
const target = path.join(root, 'dist', 'generator', 'cli.js');

if (existsSync(path.join(root, 'node_modules')) && existsSync(target)) {
  mkdirSync(binDir, { recursive: true });
  const link = path.join(binDir, 'gen-models');
  rmSync(link, { force: true });
  symlinkSync(path.relative(binDir, target), link);
}
