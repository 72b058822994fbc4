/** paranoid: true — soft deletes with deletedAt, restore, force, and finders that skip deleted rows. */
import { DataTypes, Model, Op, Sequelize } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;

class Post extends Model {
  declare id: number;
  declare title: string;
  declare deletedAt: Date | null;
}
class Note extends Model {}

beforeAll(async () => {
  conn = await openTestConnection();
  Post.init({ title: DataTypes.STRING, n: DataTypes.INTEGER }, { sequelize: conn.sequelize, paranoid: true });
  Note.init(
    { text: DataTypes.STRING },
    { sequelize: conn.sequelize, paranoid: true, underscored: true, deletedAt: 'removedAt' },
  );
  await conn.sequelize.sync({ force: true });
});
afterAll(() => conn.close());
beforeEach(async () => {
  await Post.destroy({ truncate: true, force: true });
  await Post.bulkCreate([
    { title: 'a', n: 1 },
    { title: 'b', n: 2 },
    { title: 'c', n: 3 },
  ]);
});

const titles = (rows: Post[]) => rows.map((r) => r.title).sort();

test('sync creates the deletedAt column (nullable), renamed and underscored as asked', async () => {
  const [columns] = await conn.sequelize.query(
    `SELECT table_name, column_name, is_nullable FROM information_schema.columns
     WHERE column_name IN ('deletedAt', 'removed_at') ORDER BY table_name`,
  );
  expect(columns).toEqual([
    { table_name: 'Posts', column_name: 'deletedAt', is_nullable: 'YES' },
    { table_name: 'notes', column_name: 'removed_at', is_nullable: 'YES' },
  ]);
  expect(Post.rawAttributes.deletedAt.allowNull).toBe(true);
  expect(Note.rawAttributes.removedAt.field).toBe('removed_at');
});

test('instance destroy sets deletedAt; finders, count and aggregates skip the row unless paranoid: false', async () => {
  const b = (await Post.findOne({ where: { title: 'b' } }))!;
  expect(b.isSoftDeleted()).toBe(false);
  await b.destroy();
  expect(b.isSoftDeleted()).toBe(true);
  expect(b.deletedAt).toBeInstanceOf(Date);
  const [rows] = await conn.sequelize.query(`SELECT title FROM "Posts" WHERE "deletedAt" IS NOT NULL`);
  expect(rows).toEqual([{ title: 'b' }]);
  expect(titles(await Post.findAll())).toEqual(['a', 'c']);
  expect(titles(await Post.findAll({ paranoid: false }))).toEqual(['a', 'b', 'c']);
  expect(await Post.findByPk(b.id)).toBeNull();
  expect((await Post.findByPk(b.id, { paranoid: false }))!.isSoftDeleted()).toBe(true);
  expect(await Post.findOne({ where: { title: { [Op.like]: 'b%' } } })).toBeNull();
  expect(await Post.count()).toBe(2);
  expect(await Post.count({ paranoid: false })).toBe(3);
  expect(await Post.max('n')).toBe(3);
  expect(await Post.sum('n')).toBe(4);
  expect(await Post.sum('n', { paranoid: false })).toBe(6);
  const { count, rows: found } = await Post.findAndCountAll({ where: { n: { [Op.gt]: 0 } } });
  expect([count, titles(found)]).toEqual([2, ['a', 'c']]);
  await expect(b.reload()).rejects.toThrow('Instance could not be reloaded');
  await expect(b.reload({ paranoid: false })).resolves.toBe(b);
});

test('static destroy soft-deletes the matching rows; force deletes them; update skips deleted rows', async () => {
  expect(await Post.destroy({ where: { n: { [Op.lte]: 2 } } })).toBe(2);
  // Already soft-deleted rows are not counted again (nor is their time moved).
  expect(await Post.destroy({ where: { n: { [Op.lte]: 2 } } })).toBe(0);
  expect(await Post.update({ n: 10 }, { where: {} })).toEqual([1]);
  expect(await Post.update({ n: 20 }, { where: {}, paranoid: false })).toEqual([3]);
  expect(await Post.destroy({ where: { title: 'a' }, force: true })).toBe(1);
  const [rows] = await conn.sequelize.query(`SELECT title FROM "Posts" ORDER BY title`);
  expect(rows).toEqual([{ title: 'b' }, { title: 'c' }]);
  const c = (await Post.findOne({ where: { title: 'c' } }))!;
  await c.destroy({ force: true });
  expect(await Post.count({ paranoid: false })).toBe(1);
});

test('restore: static with where, and on the instance', async () => {
  await Post.destroy({ where: {} });
  expect(await Post.count()).toBe(0);
  await Post.restore({ where: { title: 'a' } });
  expect(titles(await Post.findAll())).toEqual(['a']);
  const b = (await Post.findOne({ where: { title: 'b' }, paranoid: false }))!;
  await b.restore();
  expect(b.isSoftDeleted()).toBe(false);
  expect(b.deletedAt).toBeNull();
  expect(titles(await Post.findAll())).toEqual(['a', 'b']);
  await Post.restore();
  expect(await Post.count()).toBe(3);
});

test('a model that is not paranoid refuses restore and isSoftDeleted, as Sequelize', async () => {
  const Plain = conn.sequelize.define('Plain', { a: DataTypes.STRING });
  await Plain.sync();
  const p = await Plain.create({ a: 'x' });
  expect(() => p.isSoftDeleted()).toThrow('Model is not paranoid');
  await expect(Plain.restore({ where: {} })).rejects.toThrow(
    'Model is not paranoid: Plain.restore() needs a paranoid model (init options { paranoid: true } with timestamps, which adds deletedAt); Plain deletes its rows for good',
  );
  await expect(p.restore()).rejects.toThrow(
    /^Model is not paranoid: Plain\.restore\(\) needs a paranoid model/,
  );
  await p.destroy();
  expect(await Plain.count()).toBe(0);
});

test('paranoid without timestamps has no deletedAt (as Sequelize); a bad deletedAt name is refused', () => {
  const Stampless = conn.sequelize.define(
    'Stampless',
    { a: DataTypes.STRING },
    { paranoid: true, timestamps: false },
  );
  expect(Object.keys(Stampless.rawAttributes)).toEqual(['id', 'a']);
  expect(() =>
    conn.sequelize.define('Bad', { a: DataTypes.STRING }, { paranoid: true, deletedAt: '' }),
  ).toThrow('Value for "deletedAt" option cannot be an empty string');
  expect(Sequelize).toBeDefined();
});
