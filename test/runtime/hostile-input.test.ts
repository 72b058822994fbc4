/** Hostile strings in values and identifiers: each is a correct result or a clear error, never a broken statement. */
import { DataTypes, Sequelize } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

const HOSTILE = [
  `"; DROP TABLE x; --`,
  `'; DROP TABLE x; --`,
  `a"b'c`,
  'semi;colon',
  'ünïcødé ☃ 𝄞',
  'back\\slash',
  '$1',
  'new\nline',
];

let conn: TestConnection;
const tableCount = async () =>
  (
    (await conn.sequelize.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
      { type: 'SELECT', logging: false },
    )) as { n: number }[]
  )[0].n;
beforeAll(async () => {
  conn = await openTestConnection({ logging: false });
});
afterAll(() => conn.close());

test('hostile strings as values are stored and matched exactly', async () => {
  const Note = conn.sequelize.define('Note', {
    body: DataTypes.TEXT,
    tags: DataTypes.ARRAY(DataTypes.TEXT),
    doc: DataTypes.JSONB,
  });
  await Note.sync({ force: true });
  for (const value of HOSTILE) {
    const note = await Note.create({ body: value, tags: [value, value], doc: { [value]: value } });
    const found = await Note.findOne({ where: { body: value } });
    expect(found?.get({ plain: true })).toMatchObject({
      body: value,
      tags: [value, value],
      doc: { [value]: value },
    });
    await note.update({ body: `${value}!` });
    expect(await Note.count({ where: { body: [`${value}!`] } })).toBe(1);
  }
  expect(await Note.count()).toBe(HOSTILE.length);
});

test('hostile table and column names are quoted and work end to end', async () => {
  const before = await tableCount();
  const Evil = conn.sequelize.define(
    'Evil',
    {
      [`"; DROP TABLE x; --`]: { type: DataTypes.TEXT, field: `col"; DROP TABLE x; --` },
      ünïcødé: { type: DataTypes.INTEGER, defaultValue: 1, comment: `it's "quoted"; -- not a comment` },
      kind: { type: DataTypes.ENUM(`a'b`, `c"d`, 'e;f'), defaultValue: `a'b` },
    },
    { tableName: `table"; DROP TABLE x; --`, timestamps: false },
  );
  await Evil.sync({ force: true });
  expect(await tableCount()).toBe(before + 1);
  const row = await Evil.create({ [`"; DROP TABLE x; --`]: 'v', kind: 'e;f' });
  await row.increment('ünïcødé', { by: 2 });
  const back = await Evil.findAll({ where: { kind: ['e;f'] }, order: [['ünïcødé', 'DESC']] });
  expect(back.map((r) => r.get({ plain: true }))).toEqual([
    { id: row.get('id'), [`"; DROP TABLE x; --`]: 'v', ünïcødé: 3, kind: 'e;f' },
  ]);
  await Evil.drop();
  expect(await tableCount()).toBe(before);
});

test('identifiers PostgreSQL would truncate or cannot hold are refused clearly', () => {
  const s = new Sequelize('postgres://postgres@127.0.0.1:1/unused', { logging: false });
  expect(() => s.define('Long', { a: DataTypes.TEXT }, { tableName: 'x'.repeat(64) })).toThrow(
    `SQL identifier "${'x'.repeat(64)}" is longer than 63 bytes; PostgreSQL would truncate it`,
  );
  expect(() => s.define('Nul', { a: { type: DataTypes.TEXT, field: 'a\0b' } })).toThrow(
    'contains a NUL character',
  );
  expect(s.define('Empty', { a: DataTypes.TEXT }, { tableName: '' }).getTableName()).toBe('Empties');
  void s.close();
});

test('hostile where keys, order directions and attribute lists are errors, not SQL', async () => {
  const Plain = conn.sequelize.define('Plain', { name: DataTypes.TEXT });
  await Plain.sync();
  await expect(Plain.findAll({ where: { "name\" = 'x' OR 1=1 --": 'y' } as never })).rejects.toThrow(
    'Unknown attribute',
  );
  await expect(Plain.findAll({ order: [['name', 'DESC; DROP TABLE x']] as never })).rejects.toThrow(
    'Invalid order direction',
  );
  await expect(Plain.findAll({ attributes: ['name", now() AS "x'] as never })).rejects.toThrow(
    'Unknown attribute',
  );
  await expect(Plain.findAll({ limit: '1; DROP TABLE x' as never })).rejects.toThrow(
    'limit must be a non-negative integer',
  );
  expect(await Plain.count()).toBe(0);
});
