/** ReadOnlyModel, for views: finders, get, toJSON, reload; writes reject clearly; sync/drop leave the view alone. */
import { DataTypes, Model, ReadOnlyModel } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

interface ActiveUserAttributes {
  id: number;
  name: string;
}
class ActiveUser extends ReadOnlyModel<ActiveUserAttributes> {
  declare id: number;
  declare name: string;
}

let conn: TestConnection;
beforeAll(async () => {
  conn = await openTestConnection();
  const Member = conn.sequelize.define('Member', { name: DataTypes.STRING, active: DataTypes.BOOLEAN });
  await Member.sync({ force: true });
  await Member.bulkCreate([
    { name: 'on', active: true },
    { name: 'off', active: false },
    { name: 'also on', active: true },
  ]);
  await conn.sequelize.query('CREATE VIEW active_users AS SELECT id, name FROM "Members" WHERE active');
  ActiveUser.init(
    { id: { type: DataTypes.INTEGER, primaryKey: true }, name: DataTypes.STRING },
    { sequelize: conn.sequelize, tableName: 'active_users', timestamps: false },
  );
});
afterAll(() => conn.close());

test('finders, count, get, toJSON and reload work', async () => {
  const all = await ActiveUser.findAll({ order: [['id', 'ASC']] });
  expect(all.map((u) => u.name)).toEqual(['on', 'also on']);
  expect(all[0]).toBeInstanceOf(ActiveUser);
  expect(await ActiveUser.count()).toBe(2);
  const one = await ActiveUser.findByPk(all[1].id);
  expect(one!.get('name')).toBe('also on');
  expect(one!.toJSON()).toEqual({ id: all[1].id, name: 'also on' });
  expect(await ActiveUser.findOne({ where: { name: 'off' } })).toBeNull();
  await expect(one!.reload()).resolves.toBe(one);
});

test('write methods reject with a clear error and send nothing', async () => {
  conn.statements.length = 0;
  const View = ActiveUser as unknown as typeof Model;
  await expect(View.create({ name: 'x' })).rejects.toThrow(
    'ActiveUser is read-only (a view): create() is not available',
  );
  await expect(View.bulkCreate([])).rejects.toThrow('bulkCreate() is not available');
  await expect(View.update({ name: 'x' }, { where: {} })).rejects.toThrow('update() is not available');
  await expect(View.destroy({ where: {} })).rejects.toThrow('destroy() is not available');
  await expect(View.increment('id', { where: {} })).rejects.toThrow('increment() is not available');
  expect(() => View.build({})).toThrow('build() is not available');
  const row = (await ActiveUser.findOne()) as unknown as Model;
  conn.statements.length = 0;
  await expect(row.save()).rejects.toThrow('ActiveUser is read-only (a view): save() is not available');
  await expect(row.update({ name: 'y' })).rejects.toThrow('update() is not available');
  await expect(row.destroy()).rejects.toThrow('destroy() is not available');
  await expect(row.increment('id' as never)).rejects.toThrow('increment() is not available');
  expect(() => row.set('name', 'z')).toThrow('set() is not available');
  expect(() => ((row as unknown as { name: string }).name = 'z')).toThrow('set() is not available');
  expect(conn.statements).toEqual([]);
});

test('a view without a declared primary key gets no automatic id; findByPk says why it cannot work', async () => {
  class ActiveName extends ReadOnlyModel<{ name: string }> {}
  ActiveName.init(
    { name: DataTypes.STRING },
    { sequelize: conn.sequelize, tableName: 'active_users', timestamps: false },
  );
  expect(Object.keys(ActiveName.rawAttributes)).toEqual(['name']);
  expect((await ActiveName.findAll({ order: ['name'] })).map((r) => r.get('name'))).toEqual([
    'also on',
    'on',
  ]);
  await expect(ActiveName.findByPk(1)).rejects.toThrow(
    'findByPk needs a model with one primary key; ActiveName has 0',
  );
});

test('sync() and drop() leave views alone, also through sequelize.sync/drop', async () => {
  conn.statements.length = 0;
  await ActiveUser.sync({ force: true });
  await ActiveUser.drop();
  expect(conn.statements).toEqual([]);
  await conn.sequelize.sync();
  expect(conn.statements.join('\n')).not.toContain('active_users');
  expect(await ActiveUser.count()).toBe(2);
});
