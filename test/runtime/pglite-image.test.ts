/**
 * pglite:// starts from a cached, initialised cluster (runtime/drivers/pglite-image.ts) instead of
 * running initdb: the database it gives is empty and fully usable, a new data directory starts
 * from it too, an existing one is left as it was, and GEN_MODELS_PGLITE_IMAGE=off turns it off.
 * On PGlite whatever DATABASE_URL says.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataTypes, Sequelize } from '../../runtime/index.js';

const PGLITE_VERSION = (
  JSON.parse(
    readFileSync(path.join(__dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string }
).version;
/** initdb's choice; the image sets 16MB, so the setting tells which way a cluster was made. */
const INITDB_SHARED_BUFFERS = '128MB';
const IMAGE_SHARED_BUFFERS = '16MB';

let tempDir: string;
let cacheDir: string;
const savedEnv = { ...process.env };
let warn: jest.SpyInstance;

beforeAll(() => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'gm-pglite-image-'));
  cacheDir = path.join(tempDir, 'cache');
  process.env.GEN_MODELS_CACHE_DIR = cacheDir;
  delete process.env.GEN_MODELS_PGLITE_IMAGE;
});
afterAll(() => {
  process.env = savedEnv;
  rmSync(tempDir, { recursive: true, force: true });
});
beforeEach(() => {
  warn = jest.spyOn(console, 'warn');
});
afterEach(() => {
  warn.mockRestore();
  delete process.env.GEN_MODELS_PGLITE_IMAGE;
});

async function withDatabase<T>(url: string, body: (sequelize: Sequelize) => Promise<T>): Promise<T> {
  const sequelize = new Sequelize(url, { logging: false });
  try {
    return await body(sequelize);
  } finally {
    await sequelize.close();
  }
}

async function setting(sequelize: Sequelize, name: string): Promise<string> {
  const [rows] = await sequelize.query(`SELECT current_setting('${name}') AS value`);
  return (rows as { value: string }[])[0].value;
}

test('the first pglite:// builds the image into the cache folder: one folder per PGlite version, with its manifest', async () => {
  await withDatabase('pglite://', async (sequelize) => {
    expect(await setting(sequelize, 'shared_buffers')).toBe(IMAGE_SHARED_BUFFERS);
  });
  const imageDir = `pglite-${PGLITE_VERSION}-image1`;
  expect(readdirSync(cacheDir)).toEqual([imageDir]); // no staging folder left behind
  const manifest = JSON.parse(readFileSync(path.join(cacheDir, imageDir, 'manifest.json'), 'utf8'));
  expect(manifest).toMatchObject({ format: 1, pglite: PGLITE_VERSION, settings: { shared_buffers: '16MB' } });
  expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(existsSync(path.join(cacheDir, imageDir, 'data/PG_VERSION'))).toBe(true);
  expect(warn).not.toHaveBeenCalled();
}, 300_000);

test('a database from the image is empty and fully usable: sync, writes, transactions, alter', async () => {
  await withDatabase('pglite://', async (sequelize) => {
    expect(await setting(sequelize, 'shared_buffers')).toBe(IMAGE_SHARED_BUFFERS);
    const [tables] = await sequelize.query(
      "SELECT count(*)::int AS n FROM pg_class WHERE relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace, 'pg_toast'::regnamespace)",
    );
    expect(tables).toEqual([{ n: 0 }]);
    const [databases] = await sequelize.query('SELECT datname FROM pg_database ORDER BY datname');
    expect(databases).toEqual([{ datname: 'postgres' }, { datname: 'template0' }, { datname: 'template1' }]);

    const Item = sequelize.define('Item', { name: { type: DataTypes.STRING, allowNull: false } });
    await sequelize.sync();
    await Item.bulkCreate([{ name: 'a' }, { name: 'b' }]);
    await sequelize.transaction(async (t) => {
      await Item.create({ name: 'committed' }, { transaction: t });
    });
    await expect(
      sequelize.transaction(async (t) => {
        await Item.create({ name: 'rolled back' }, { transaction: t });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await Item.update({ name: 'B' }, { where: { name: 'b' } });

    const Altered = sequelize.define('Item', {
      name: { type: DataTypes.STRING, allowNull: false },
      price: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    });
    await Altered.sync({ alter: true });
    await Altered.create({ name: 'priced', price: 5 });
    const rows = await Altered.findAll({ order: [['id', 'ASC']] });
    expect(rows.map((row) => [row.get('name'), row.get('price')])).toEqual([
      ['a', 0],
      ['B', 0],
      ['committed', 0],
      ['priced', 5],
    ]);
    // Another in-memory database from the same image shares nothing with this one.
    await withDatabase('pglite://', async (other) => {
      const [found] = await other.query('SELECT to_regclass(\'"Items"\') AS items');
      expect(found).toEqual([{ items: null }]);
    });
  });
  expect(warn).not.toHaveBeenCalled();
}, 300_000);

test('pglite:///path: a new or empty directory starts from the image and keeps its data; an existing one (made with GEN_MODELS_PGLITE_IMAGE=off) is left as it was', async () => {
  const fresh = path.join(tempDir, 'dirs/fresh');
  const empty = path.join(tempDir, 'dirs/empty');
  mkdirSync(empty, { recursive: true });
  for (const dir of [fresh, empty]) {
    await withDatabase(`pglite://${dir}`, async (sequelize) => {
      expect(await setting(sequelize, 'shared_buffers')).toBe(IMAGE_SHARED_BUFFERS);
      const Kept = sequelize.define('Kept', { label: DataTypes.STRING }, { tableName: 'kept' });
      await Kept.sync();
      await Kept.create({ label: path.basename(dir) });
    });
    expect(readdirSync(path.dirname(dir)).filter((name) => name.includes('gen-models'))).toEqual([]);
    await withDatabase(`pglite://${dir}`, async (sequelize) => {
      const [rows] = await sequelize.query('SELECT label FROM "kept"');
      expect(rows).toEqual([{ label: path.basename(dir) }]);
    });
  }

  // Made with GEN_MODELS_PGLITE_IMAGE=off: initdb as before the image, so initdb's shared_buffers.
  const existing = path.join(tempDir, 'dirs/existing');
  process.env.GEN_MODELS_PGLITE_IMAGE = 'off';
  await withDatabase(`pglite://${existing}`, async (sequelize) => {
    expect(await setting(sequelize, 'shared_buffers')).toBe(INITDB_SHARED_BUFFERS);
    await sequelize.query('CREATE TABLE "Old" ("id" int)');
  });
  delete process.env.GEN_MODELS_PGLITE_IMAGE;
  await withDatabase(`pglite://${existing}`, async (sequelize) => {
    expect(await setting(sequelize, 'shared_buffers')).toBe(INITDB_SHARED_BUFFERS);
    const [found] = await sequelize.query(`SELECT to_regclass('"Old"')::text AS old`);
    expect(found).toEqual([{ old: '"Old"' }]);
  });
  expect(warn).not.toHaveBeenCalled();
}, 300_000);

test('a GEN_MODELS_PGLITE_IMAGE value it does not know is refused by name', async () => {
  process.env.GEN_MODELS_PGLITE_IMAGE = 'of';
  await withDatabase('pglite://', async (sequelize) => {
    await expect(sequelize.query('SELECT 1')).rejects.toThrow(
      'GEN_MODELS_PGLITE_IMAGE="of" is not understood: use GEN_MODELS_PGLITE_IMAGE=off to start PGlite without the cached cluster image, or unset it.',
    );
  });
}, 300_000);
