/**
 * rejectOnEmpty (Sequelize v6 findAll): true rejects with EmptyResultError, an Error instance is
 * thrown as given, an Error class is instantiated; the same with and without hooks registered. The
 * finders give the same outcome for the same options whether some hook is registered or not.
 */
import { DataTypes, EmptyResultError, Model, Op, type NonAttribute } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;

class Item extends Model {
  declare id: number;
  declare name: string;
  declare rank: number;
  declare deletedAt: Date | null;
  declare parts?: NonAttribute<Part[]>;
}
class Part extends Model {
  declare id: number;
  declare label: string;
  declare itemId: number;
}
class Other extends Model {
  declare id: number;
}
class Gone extends Error {}

beforeAll(async () => {
  conn = await openTestConnection();
  const sequelize = conn.sequelize;
  Item.init({ name: DataTypes.STRING, rank: DataTypes.INTEGER }, { sequelize, paranoid: true });
  Part.init({ label: DataTypes.STRING }, { sequelize, timestamps: false });
  Other.init({}, { sequelize, timestamps: false });
  Item.hasMany(Part, { as: 'parts', foreignKey: 'itemId' });
  await sequelize.sync();
  const [a, b] = await Item.bulkCreate([
    { name: 'a', rank: 1 },
    { name: 'b', rank: 2 },
    { name: 'c', rank: 3 },
  ]);
  await Part.bulkCreate([
    { label: 'a1', itemId: a.id },
    { label: 'a2', itemId: a.id },
    { label: 'b1', itemId: b.id },
  ]);
  await Item.destroy({ where: { name: 'c' } });
});

afterAll(async () => conn.close());

type Outcome = unknown;

/** A finder call's result as plain data, or its error's class and message. */
async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return JSON.parse(JSON.stringify(await call()));
  } catch (error) {
    const e = error as Error;
    return { threw: e.constructor.name, name: e.name, message: e.message };
  }
}

const gone = new Gone('item gone');

const CASES: [string, () => Promise<unknown>][] = [
  [
    'findAll where/order/limit/offset',
    () =>
      Item.findAll({
        where: { rank: { [Op.gt]: 0 } },
        order: [['rank', 'DESC']],
        limit: 1,
        offset: 1,
        attributes: ['name'],
      }),
  ],
  ['findAll raw', () => Item.findAll({ raw: true, attributes: ['name', 'rank'], order: [['rank', 'ASC']] })],
  [
    'findAll paranoid false',
    () => Item.findAll({ paranoid: false, attributes: ['name'], order: [['name', 'ASC']] }),
  ],
  [
    'findAll include',
    () =>
      Item.findAll({
        include: [{ model: Part, as: 'parts', attributes: ['label'] }],
        attributes: ['name'],
        order: [['name', 'ASC'], ['parts', 'label', 'ASC'] as never],
      }),
  ],
  ['findOne found', () => Item.findOne({ where: { name: 'b' }, attributes: ['name'] })],
  ['findOne null', () => Item.findOne({ where: { name: 'zz' } })],
  ['findOne soft-deleted', () => Item.findOne({ where: { name: 'c' } })],
  [
    'findOne soft-deleted paranoid false',
    () => Item.findOne({ where: { name: 'c' }, paranoid: false, attributes: ['name'] }),
  ],
  ['findOne rejectOnEmpty true', () => Item.findOne({ where: { name: 'zz' }, rejectOnEmpty: true })],
  ['findOne rejectOnEmpty false', () => Item.findOne({ where: { name: 'zz' }, rejectOnEmpty: false })],
  ['findOne rejectOnEmpty Error', () => Item.findOne({ where: { name: 'zz' }, rejectOnEmpty: gone })],
  [
    'findOne rejectOnEmpty Error class',
    () => Item.findOne({ where: { name: 'zz' }, rejectOnEmpty: Gone as never }),
  ],
  [
    'findOne rejectOnEmpty found',
    () => Item.findOne({ where: { name: 'a' }, rejectOnEmpty: true, attributes: ['name'] }),
  ],
  [
    'findOne rejectOnEmpty with include',
    () =>
      Item.findOne({ where: { name: 'zz' }, include: [{ model: Part, as: 'parts' }], rejectOnEmpty: true }),
  ],
  [
    'findOne raw rejectOnEmpty',
    () => Item.findOne({ where: { name: 'zz' }, raw: true, rejectOnEmpty: true }),
  ],
  [
    'findOne rejectOnEmpty string refused',
    () => Item.findOne({ where: { name: 'a' }, rejectOnEmpty: 'gone' as never }),
  ],
  ['findByPk found', () => Item.findByPk(1, { attributes: ['name'] })],
  ['findByPk null', () => Item.findByPk(999)],
  ['findByPk rejectOnEmpty true', () => Item.findByPk(999, { rejectOnEmpty: true })],
  ['findByPk rejectOnEmpty Error', () => Item.findByPk(999, { rejectOnEmpty: gone })],
  ['findByPk null key rejectOnEmpty', () => Item.findByPk(null, { rejectOnEmpty: true })],
  [
    'findAndCountAll',
    () =>
      Item.findAndCountAll({
        where: { rank: { [Op.lt]: 3 } },
        attributes: ['name'],
        order: [['name', 'ASC']],
        limit: 1,
      }),
  ],
  [
    'findAndCountAll include',
    () =>
      Item.findAndCountAll({
        include: [{ model: Part, as: 'parts', where: { label: 'b1' }, attributes: ['label'] }],
        attributes: ['name'],
      }),
  ],
  [
    'findAndCountAll paranoid false',
    () => Item.findAndCountAll({ paranoid: false, attributes: ['name'], order: [['name', 'ASC']] }),
  ],
  ['count', () => Item.count({ where: { rank: { [Op.gte]: 1 } } })],
  ['count paranoid false', () => Item.count({ paranoid: false })],
  ['count include', () => Item.count({ include: [{ model: Part, as: 'parts', required: true }] })],
  ['count group', () => Item.count({ group: ['name'], order: [['name', 'ASC']] } as never)],
];

async function runAll(): Promise<Record<string, Outcome>> {
  const out: Record<string, Outcome> = {};
  for (const [name, call] of CASES) out[name] = await outcome(call);
  return out;
}

let unhooked: Record<string, Outcome>;

test('without hooks: rejectOnEmpty throws EmptyResultError, the given Error, or an instance of the given class', async () => {
  unhooked = await runAll();
  const empty = { threw: 'EmptyResultError', name: 'SequelizeEmptyResultError', message: 'Empty result' };
  expect(unhooked['findOne rejectOnEmpty true']).toEqual(empty);
  expect(unhooked['findOne rejectOnEmpty with include']).toEqual(empty);
  expect(unhooked['findOne raw rejectOnEmpty']).toEqual(empty);
  expect(unhooked['findByPk rejectOnEmpty true']).toEqual(empty);
  expect(unhooked['findByPk null key rejectOnEmpty']).toEqual(empty);
  expect(unhooked['findOne rejectOnEmpty false']).toBeNull();
  expect(unhooked['findOne rejectOnEmpty Error']).toEqual({
    threw: 'Gone',
    name: 'Error',
    message: 'item gone',
  });
  expect(unhooked['findByPk rejectOnEmpty Error']).toEqual({
    threw: 'Gone',
    name: 'Error',
    message: 'item gone',
  });
  expect(unhooked['findOne rejectOnEmpty Error class']).toEqual({
    threw: 'Gone',
    name: 'Error',
    message: '',
  });
  expect(unhooked['findOne rejectOnEmpty found']).toEqual({ name: 'a' });
  expect(unhooked['findOne rejectOnEmpty string refused']).toMatchObject({
    threw: 'TypeError',
    message: 'rejectOnEmpty must be true, false or an Error (thrown when nothing is found), got "gone"',
  });
  expect(unhooked['findOne soft-deleted']).toBeNull();
  expect(unhooked['findOne soft-deleted paranoid false']).toEqual({ name: 'c' });
  expect(unhooked['findAll include']).toEqual([
    { name: 'a', parts: [{ label: 'a1' }, { label: 'a2' }] },
    { name: 'b', parts: [{ label: 'b1' }] },
  ]);
  expect(unhooked['findAndCountAll']).toEqual({ rows: [{ name: 'a' }], count: 2 });
  expect(unhooked['count include']).toBe(2);
  await expect(Item.findOne({ where: { name: 'zz' }, rejectOnEmpty: gone })).rejects.toBe(gone);
  await expect(Item.findByPk(999, { rejectOnEmpty: true })).rejects.toBeInstanceOf(EmptyResultError);
});

test('with a hook registered on another model: every finder gives the same outcome', async () => {
  Other.addHook('beforeCreate', () => undefined);
  expect(await runAll()).toEqual(unhooked);
  await expect(Item.findOne({ where: { name: 'zz' }, rejectOnEmpty: gone })).rejects.toBe(gone);
});

test("with the model's own find hooks: the same outcome, and rejectOnEmpty follows afterFind", async () => {
  const seen: string[] = [];
  Item.addHook('beforeFind', () => void seen.push('beforeFind'));
  Item.addHook('afterFind', () => void seen.push('afterFind'));
  Item.addHook('beforeCount', () => void seen.push('beforeCount'));
  expect(await runAll()).toEqual(unhooked);
  expect(seen).toContain('afterFind');
  expect(seen).toContain('beforeCount');
  seen.length = 0;
  await expect(Item.findByPk(999, { rejectOnEmpty: true })).rejects.toBeInstanceOf(EmptyResultError);
  expect(seen).toEqual(['beforeFind', 'afterFind']);
});

test('hooks: false and a beforeFind hook setting rejectOnEmpty (Sequelize reads it after the hooks)', async () => {
  await expect(
    Item.findOne({ where: { name: 'zz' }, rejectOnEmpty: true, hooks: false }),
  ).rejects.toBeInstanceOf(EmptyResultError);
  Item.addHook('beforeFind', 'reject', (options: { rejectOnEmpty?: unknown }) => {
    options.rejectOnEmpty = gone;
  });
  await expect(Item.findOne({ where: { name: 'zz' } })).rejects.toBe(gone);
  Item.removeHook('beforeFind', 'reject');
  expect(await Item.findOne({ where: { name: 'zz' } })).toBeNull();
});
