/**
 * The runtime is copied into users' output folders and compiled there: it must compile under
 * --strict with module commonjs too, and the compiled code must not load PGlite (an optional
 * dependency) nor its cluster image code unless a pglite:// connection is used, nor the runtime's rarely used modules until used.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '../..');
const outDir = join(__dirname, 'types/tmp-cjs');

afterAll(() => rm(outDir, { recursive: true, force: true }));

test('compiles under --strict with module commonjs; PGlite loads only for pglite:// connections; a PGlite data directory persists', async () => {
  const compiled = await run(
    join(root, 'node_modules/.bin/tsc'),
    ['-p', join(__dirname, 'types/tsconfig.commonjs.json')],
    { cwd: root },
  ).catch((error) => error);
  expect(`${compiled.stdout ?? ''}${compiled.stderr ?? ''}`).toBe('');

  const { stdout } = await run(process.execPath, [join(__dirname, 'types/load-check.js'), outDir], {
    cwd: root,
    env: process.env,
  });
  const result = JSON.parse(stdout.trim().split('\n').pop()!);
  expect(result.afterImport).toBe(false);
  expect(result.lazyAfterImport).toEqual([]);
  // Without a server the refused connection has loaded the error mapping before.
  const mapped = process.env.DATABASE_URL ? [] : ['error-mapping.js'];
  expect(result.lazyAfterPgliteQuery).toEqual([
    'drivers/pglite-driver.js',
    'drivers/pglite-image.js',
    ...mapped,
    'sql/array-literal.js',
  ]);
  expect(result.postgres).toBe(process.env.DATABASE_URL ? 'ok' : 'SequelizeConnectionRefusedError');
  expect(result.afterPostgres).toBe(false);
  expect(result.pglite).toEqual({ two: 2, big: '9007199254740993' });
  expect(result.afterPglite).toBe(true);
  expect(result.persisted).toEqual(['persisted']);
}, 120000);
