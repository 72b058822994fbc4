/**
 * Hand-written init/define accepts an attribute named like a Model method (`update`, `save`,
 * `changed`), as Sequelize 6 does: the method keeps its name, the attribute gets no accessor and
 * says so once through the logging option, and get/set/create/where/order reach it by name.
 */
import { DataTypes, Model } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;
class Release extends Model {
  declare id: number;
}

beforeAll(async () => {
  conn = await openTestConnection();
  Release.init(
    { update: DataTypes.STRING, changed: DataTypes.BOOLEAN, name: DataTypes.STRING },
    { sequelize: conn.sequelize, timestamps: false },
  );
  await conn.sequelize.sync();
});
afterAll(() => conn.close());

test('init logs each such attribute as Sequelize does, and keeps the methods', () => {
  expect(conn.statements).toEqual(
    expect.arrayContaining([
      'Not overriding built-in method from model attribute: update',
      'Not overriding built-in method from model attribute: changed',
    ]),
  );
  expect(typeof Release.prototype.update).toBe('function');
  expect(typeof Release.prototype.changed).toBe('function');
});

test('create, get, set, save, where and order reach the attribute by name', async () => {
  const release = await Release.create({ update: '6.1', changed: true, name: 'first' });
  expect(release.get('update')).toBe('6.1');
  expect(release.get('changed')).toBe(true);
  release.set('update', '6.2');
  expect(release.changed()).toEqual(['update']);
  await release.save();
  const found = await Release.findAll({ where: { update: '6.2' }, order: [['update', 'DESC']] });
  expect(found.map((r) => [r.get('update'), r.get('name')])).toEqual([['6.2', 'first']]);
  await release.update({ name: 'renamed' });
  await release.reload();
  expect(release.get('name')).toBe('renamed');
  expect(release.get({ plain: true })).toMatchObject({ update: '6.2', changed: true, name: 'renamed' });
});
