/**
 * The PGlite cluster image (runtime/drivers/pglite-image.ts) when things go wrong: a damaged or
 * mismatched image, or one postgres refuses, is rebuilt with one warning, an unusable cache
 * folder falls back to initdb with one warning, and two processes starting together on an empty
 * cache both succeed.
 * On PGlite whatever DATABASE_URL says.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataTypes, Sequelize } from '../../runtime/index.js';
import { childProgram, compileRuntime } from './child-runtime.js';

const run = promisify(execFile);
const PGLITE_VERSION = (
  JSON.parse(
    readFileSync(path.join(__dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string }
).version;
const IMAGE = `pglite-${PGLITE_VERSION}-image1`;

let tempDir: string;
let pristine: string;
const savedEnv = { ...process.env };
let warn: jest.SpyInstance;

/** Starts pglite://, writes and reads a row; returns shared_buffers (16MB: from the image, 128MB: initdb's). */
async function useDatabase(): Promise<string> {
  const sequelize = new Sequelize('pglite://', { logging: false });
  try {
    const Note = sequelize.define('Note', { text: DataTypes.STRING });
    await Note.sync();
    await Note.create({ text: 'kept' });
    expect((await Note.findAll()).map((note) => note.get('text'))).toEqual(['kept']);
    const [rows] = await sequelize.query("SELECT current_setting('shared_buffers') AS value");
    return (rows as { value: string }[])[0].value;
  } finally {
    await sequelize.close();
  }
}

beforeAll(async () => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'gm-pglite-rebuild-'));
  pristine = path.join(tempDir, 'pristine');
  process.env.GEN_MODELS_CACHE_DIR = pristine;
  delete process.env.GEN_MODELS_PGLITE_IMAGE;
  await useDatabase();
}, 300_000);
afterAll(() => {
  process.env = savedEnv;
  rmSync(tempDir, { recursive: true, force: true });
});
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

/** A copy of the built image, damaged, as the cache of the next pglite://; returns the image folder. */
function damagedCache(name: string, damage: (imageDir: string) => void): string {
  const cache = path.join(tempDir, name);
  cpSync(pristine, cache, { recursive: true });
  damage(path.join(cache, IMAGE));
  process.env.GEN_MODELS_CACHE_DIR = cache;
  return path.join(cache, IMAGE);
}

/** The image's checksum as its manifest states it: every directory, then every file's path, size and bytes, in name order. */
function clusterDigest(root: string): string {
  const hash = createHash('sha256');
  const directories: string[] = [];
  const files: string[] = [];
  const walk = (relative: string): void => {
    for (const name of readdirSync(path.join(root, relative)).sort()) {
      const entry = relative ? `${relative}/${name}` : name;
      if (statSync(path.join(root, entry)).isDirectory()) {
        directories.push(entry);
        walk(entry);
      } else files.push(entry);
    }
  };
  walk('');
  for (const directory of directories) hash.update(`d ${directory}\n`);
  for (const file of files) {
    const data = readFileSync(path.join(root, file));
    hash.update(`f ${file} ${data.length}\n`);
    hash.update(data);
  }
  return hash.digest('hex');
}

const catalogFile = (imageDir: string): string => path.join(imageDir, 'data/base/5/1259'); // pg_class of "postgres"

const rebuilding = (problem: string) => (imageDir: string) =>
  `gen-models: the PGlite image in ${imageDir} ${problem}; rebuilding it`;

test.each([
  [
    'a flipped byte in a catalog file',
    (imageDir: string) => {
      const data = readFileSync(catalogFile(imageDir));
      data[100] ^= 0xff;
      writeFileSync(catalogFile(imageDir), data);
    },
    rebuilding('does not match its checksum'),
  ],
  [
    'a manifest of another PGlite version',
    (imageDir: string) => {
      const file = path.join(imageDir, 'manifest.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(`"${PGLITE_VERSION}"`, '"0.0.1"'));
    },
    rebuilding(`was made for PGlite 0.0.1 (image format 1), not ${PGLITE_VERSION} (format 1)`),
  ],
  [
    'no manifest',
    (imageDir: string) => unlinkSync(path.join(imageDir, 'manifest.json')),
    rebuilding('has no manifest'),
  ],
  [
    'a matching checksum but a cluster postgres refuses (as from a PGlite whose version was misread)',
    (imageDir: string) => {
      writeFileSync(path.join(imageDir, 'data/PG_VERSION'), '99\n');
      const file = path.join(imageDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(
        file,
        JSON.stringify({ ...manifest, sha256: clusterDigest(path.join(imageDir, 'data')) }),
      );
    },
    (imageDir: string) =>
      `gen-models: PGlite could not start from the image in ${imageDir} (PGlite failed to initialize properly); rebuilding it`,
  ],
])(
  'an image with %s is rebuilt, with one warning',
  async (name, damage, expected) => {
    const imageDir = damagedCache(name.replace(/\W+/g, '-'), damage);
    expect(await useDatabase()).toBe('16MB');
    expect(warn.mock.calls).toEqual([[expected(imageDir)]]);
    expect(readdirSync(path.dirname(imageDir))).toEqual([IMAGE]); // nothing left aside or half-built
    // The rebuilt image is sound: the next start uses it without a word.
    expect(await useDatabase()).toBe('16MB');
    expect(warn).toHaveBeenCalledTimes(1);
  },
  300_000,
);

test('a cache folder that cannot be created: one warning, then PGlite starts with initdb', async () => {
  const file = path.join(tempDir, 'a-file');
  writeFileSync(file, '');
  process.env.GEN_MODELS_CACHE_DIR = path.join(file, 'cache');
  expect(await useDatabase()).toBe('128MB');
  expect(warn).toHaveBeenCalledTimes(1);
  expect(warn.mock.calls[0][0]).toMatch(
    new RegExp(
      `^gen-models: cannot use a PGlite image in ${path.join(file, 'cache', IMAGE)} \\(.*ENOTDIR.*\\); starting PGlite with initdb instead \\(GEN_MODELS_CACHE_DIR chooses the cache folder, GEN_MODELS_PGLITE_IMAGE=off turns the image off\\)$`,
    ),
  );
}, 300_000);

test('two processes starting together on an empty cache both succeed, and leave one image', async () => {
  const compiled = await compileRuntime();
  try {
    const cache = path.join(tempDir, 'shared');
    const program = childProgram(
      compiled,
      `const sequelize = new runtime.Sequelize(url, { logging: false });
       const Note = sequelize.define('Note', { text: runtime.DataTypes.STRING });
       await Note.sync();
       await Note.create({ text: String(process.pid) });
       const [rows] = await sequelize.query("SELECT count(*)::int AS notes, current_setting('shared_buffers') AS buffers FROM \\"Notes\\"");
       await sequelize.close();
       return rows[0];`,
    );
    const env = { ...process.env, GEN_MODELS_CACHE_DIR: cache };
    const children = await Promise.all(
      [1, 2].map(() => run(process.execPath, ['-e', program, 'pglite://'], { env, timeout: 280_000 })),
    );
    for (const child of children) {
      expect(JSON.parse(child.stdout)).toEqual({ notes: 1, buffers: '16MB' });
      expect(child.stderr).toBe('');
    }
    expect(readdirSync(cache)).toEqual([IMAGE]);
  } finally {
    await compiled.remove();
  }
}, 300_000);
