/**
 * Issue 17's size rule, held on the compiled runtime: a program that reads and writes rows loads
 * none of the code of hooks, scopes, soft deletes, validators or include (its require.cache after
 * create, findAll, save and destroy); a program that uses them loads each on first use.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { childProgram, compileRuntime, type CompiledRuntime } from './child-runtime.js';
import { openTestConnection, type TestConnection } from './helpers.js';

const run = promisify(execFile);

/** Loaded on first use only (runtime/ paths, compiled). */
const FIRST_USE = [
  'hooks/run-hooks.js',
  'hooks/hooked-operations.js',
  'scope-merge.js',
  'paranoid.js',
  'validators/run-validators.js',
  'associations/find-with-include.js',
  'associations/include-tree.js',
  'associations/include-sql.js',
  'associations/include-order.js',
];

let conn: TestConnection;
let compiled: CompiledRuntime;

beforeAll(async () => {
  conn = await openTestConnection();
  compiled = await compileRuntime();
}, 180_000);
afterAll(async () => {
  await compiled?.remove();
  await conn.close();
});

/** Runs `body` (it sees `runtime`, `sequelize`) in a fresh process; the runtime files it loaded. */
async function loadedBy(table: string, options: string, body: string, validate = '{}'): Promise<string[]> {
  const script = `
    const sequelize = new runtime.Sequelize(url, { logging: false });
    class Note extends runtime.Model {}
    class Tag extends runtime.Model {}
    Note.init({ title: { type: runtime.DataTypes.STRING, allowNull: false, validate: ${validate} }, rank: runtime.DataTypes.INTEGER }, { sequelize, tableName: '${table}', ${options} });
    Tag.init({ name: runtime.DataTypes.STRING }, { sequelize, tableName: '${table}_tags', timestamps: false });
    Note.hasMany(Tag, { as: 'tags', foreignKey: 'noteId' });
    // Tables by hand: sync() is itself loaded on first use, with the hooks it runs.
    await sequelize.query('CREATE TABLE "${table}" ("id" SERIAL PRIMARY KEY, "title" TEXT NOT NULL, "rank" INTEGER, "deletedAt" TIMESTAMPTZ)');
    await sequelize.query('CREATE TABLE "${table}_tags" ("id" SERIAL PRIMARY KEY, "name" TEXT, "noteId" INTEGER)');
    try {
      ${body}
    } finally {
      await sequelize.query('DROP TABLE "${table}_tags", "${table}"');
      await sequelize.close();
    }
    const dir = require('node:path').dirname(${JSON.stringify(compiled.index)});
    return Object.keys(require.cache).filter((f) => f.startsWith(dir + require('node:path').sep)).map((f) => f.slice(dir.length + 1).split(require('node:path').sep).join('/'));
  `;
  const { stdout } = await run(process.execPath, ['-e', childProgram(compiled, script), conn.db.url]);
  return JSON.parse(stdout) as string[];
}

const CRUD = `
  const note = await Note.create({ title: 'a', rank: 1 });
  await Note.findAll({ where: { title: 'a' } });
  note.rank = 2;
  await note.save();
  await Note.count();
  await Note.findOrCreate({ where: { title: 'b' }, defaults: { rank: 3 } });
  await note.destroy();`;

test('reading and writing rows loads none of the code loaded on first use', async () => {
  const loaded = await loadedBy('gm_lazy_plain', 'timestamps: false', CRUD);
  expect(loaded).not.toContain('sync.js');
  expect(loaded).toContain('readable-model.js');
  expect(FIRST_USE.filter((file) => loaded.includes(file))).toEqual([]);
  // Of hooks and scopes only the synchronous stub: addHook, addScope and scope() are synchronous
  // (as in Sequelize) and refuse unknown names at once.
  expect(loaded.filter((file) => /^hooks\/|scope/.test(file)).sort()).toEqual([
    'hooks/hook-names.js',
    'hooks/hook-registry.js',
    'scopes.js',
  ]);
});

test('hooks, a scope, a paranoid model, a validator and an include load their code when used', async () => {
  const loaded = await loadedBy(
    'gm_lazy_lifecycle',
    `timestamps: false, paranoid: true, defaultScope: { where: { rank: { [runtime.Op.gte]: 0 } } },
     hooks: { beforeCreate: (note) => { note.rank = note.rank ?? 0; } }`,
    `${CRUD.replace("title: 'a', rank: 1", "title: 'a'")}
     await Note.findAll({ include: ['tags'], paranoid: false });`,
    '{ len: [1, 20] }',
  );
  expect(FIRST_USE.filter((file) => !loaded.includes(file))).toEqual([]);
});
