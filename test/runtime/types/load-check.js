// Run by bundled-compilation.test.ts with plain node on the CommonJS build of the runtime:
// PGlite must stay unloaded until a pglite:// connection is used, and then load and work; the
// runtime's rarely used modules (PGlite driver, sync/DDL, error mapping) load only when used.
const path = require('node:path');
const runtime = require(path.join(process.argv[2], 'runtime/index.js'));
const pgliteLoaded = () => Object.keys(require.cache).some((file) => file.includes('@electric-sql'));
const LAZY = [
  'drivers/pglite-driver.js',
  'drivers/pglite-image.js',
  'sync.js',
  'sql/ddl.js',
  'error-mapping.js',
  'sql/array-literal.js',
  'alter/index.js',
];
const lazyLoaded = () =>
  LAZY.filter((name) => Object.keys(require.cache).some((file) => file.endsWith(path.join('runtime', name))));

async function main() {
  const result = { afterImport: pgliteLoaded(), lazyAfterImport: lazyLoaded() };
  const server = new runtime.Sequelize(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:1/none', {
    logging: false,
  });
  result.postgres = await server.authenticate().then(
    () => 'ok',
    (error) => error.name,
  );
  await server.close();
  result.afterPostgres = pgliteLoaded();
  const embedded = new runtime.Sequelize('pglite://', { logging: false });
  const [rows] = await embedded.query('SELECT 1+1 AS two, 9007199254740993::int8 AS big');
  result.pglite = rows[0];
  result.lazyAfterPgliteQuery = lazyLoaded();
  result.afterPglite = pgliteLoaded();
  await embedded.close();
  // A data directory keeps its tables across connections.
  const dir = require('node:fs').mkdtempSync(path.join(require('node:os').tmpdir(), 'gm-pglite-'));
  const first = new runtime.Sequelize(`pglite://${dir}`, { logging: false });
  const Kept = first.define('Kept', { label: runtime.DataTypes.STRING });
  await Kept.sync();
  await Kept.create({ label: 'persisted' });
  await first.close();
  const second = new runtime.Sequelize({ dialect: 'pglite', storage: dir, logging: false });
  const Again = second.define('Kept', { label: runtime.DataTypes.STRING });
  result.persisted = (await Again.findAll()).map((row) => row.get('label'));
  await second.close();
  require('node:fs').rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(result));
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
