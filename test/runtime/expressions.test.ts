/** fn, col, literal, cast, where in where/attributes/order/group/having; lock and skipLocked; rows read back by alias. */
import { cast, col, DataTypes, fn, literal, Op, Sequelize, Transaction, where } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let User: any;
beforeAll(async () => {
  conn = await openTestConnection();
  User = conn.sequelize.define(
    'User',
    { name: DataTypes.STRING, age: DataTypes.INTEGER, team: { type: DataTypes.STRING, field: 'team_name' } },
    { timestamps: false },
  );
  await User.sync({ force: true });
  await User.bulkCreate([
    { name: 'Ann', age: 30, team: 'red' },
    { name: 'bob', age: 20, team: 'blue' },
    { name: 'Cy', age: null, team: 'red' },
    { name: 'dee', age: 40, team: 'red' },
  ]);
});
afterAll(() => conn.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const names = (rows: any[]) => rows.map((r) => r.get('name'));

test('statics, instance methods and exports are the same helpers', () => {
  expect(Sequelize.fn).toBe(fn);
  expect(Sequelize.col).toBe(col);
  expect(Sequelize.where).toBe(where);
  expect(Sequelize.cast).toBe(cast);
  expect(conn.sequelize.fn('lower', 'x')).toEqual(fn('lower', 'x'));
  expect(Transaction.LOCK.UPDATE).toBe('UPDATE');
});

test('expressions in where', async () => {
  const q = (w: unknown) => User.findAll({ where: w, order: [['id', 'ASC']] }).then(names);
  expect(await q(Sequelize.where(fn('lower', col('name')), 'ann'))).toEqual(['Ann']);
  expect(await q(conn.sequelize.where(fn('char_length', col('name')), { [Op.gt]: 2 }))).toEqual([
    'Ann',
    'bob',
    'dee',
  ]);
  expect(await q(where(col('age'), Op.gte, 30))).toEqual(['Ann', 'dee']);
  expect(await q({ name: fn('upper', 'cy') })).toEqual([]);
  expect(await q({ name: { [Op.eq]: fn('initcap', col('name')) } })).toEqual(['Ann', 'Cy']);
  expect(await q({ age: { [Op.gt]: literal('25') } })).toEqual(['Ann', 'dee']);
  expect(await q({ [Op.and]: [{ team: 'red' }, where(cast(col('age'), 'text'), '40')] })).toEqual(['dee']);
  expect(await q({ [Op.not]: literal('age > 25') })).toEqual(['bob']);
  expect(await q({ [Op.not]: where(col('team'), 'red') })).toEqual(['bob']);
  expect(await q({ age: { [Op.in]: literal('(SELECT 20 UNION SELECT 40)') } })).toEqual(['bob', 'dee']);
  expect(await q(literal('age < 25'))).toEqual(['bob']);
});

test('attributes with aliased fn, include/exclude; values readable via get() and raw', async () => {
  const rows = await User.findAll({
    attributes: ['name', ['age', 'years'], [fn('upper', col('name')), 'up']],
    order: [['id', 'ASC']],
  });
  expect(rows[0].get('up')).toBe('ANN');
  expect(rows[0].get('years')).toBe(30);
  const raw = await User.findAll({
    attributes: { include: [[literal('age * 2'), 'dbl']], exclude: ['team'] },
    order: [['id', 'ASC']],
    raw: true,
  });
  expect(raw[1]).toEqual({ id: 2, name: 'bob', age: 20, dbl: 40 });
});

test('order: every Sequelize form', async () => {
  const o = (order: unknown) => User.findAll({ order }).then(names);
  expect(await o(['age'])).toEqual(['bob', 'Ann', 'dee', 'Cy']);
  expect(await o([['age', 'DESC']])).toEqual(['Cy', 'dee', 'Ann', 'bob']);
  expect(await o([['age', 'DESC NULLS LAST']])).toEqual(['dee', 'Ann', 'bob', 'Cy']);
  expect(await o([[fn('lower', col('name')), 'DESC']])).toEqual(['dee', 'Cy', 'bob', 'Ann']);
  expect(await o([[literal('age'), 'ASC NULLS FIRST']])).toEqual(['Cy', 'bob', 'Ann', 'dee']);
  expect(await o(literal('age DESC NULLS LAST'))).toEqual(['dee', 'Ann', 'bob', 'Cy']);
  expect(
    await o([
      [col('team'), 'ASC'],
      ['name', 'ASC'],
    ]),
  ).toEqual(['bob', 'Ann', 'Cy', 'dee']);
  expect((await o([conn.sequelize.random()])).sort()).toEqual(['Ann', 'Cy', 'bob', 'dee']);
  await expect(o([['age', 'sideways']])).rejects.toThrow('Invalid order direction "sideways" for User.age');
});

test('group and having (where syntax, aggregates through sequelize.where)', async () => {
  const rows = await User.findAll({
    attributes: ['team', [fn('count', col('id')), 'n'], [fn('max', col('age')), 'oldest']],
    group: 'team',
    having: where(fn('count', col('id')), Op.gt, 1),
    raw: true,
  });
  expect(rows).toEqual([{ team: 'red', n: '3', oldest: 40 }]);
  const byGroup = await User.findAll({
    attributes: ['team', [fn('count', col('id')), 'n']],
    group: [col('team')],
    having: { team: { [Op.ne]: 'red' } },
    order: [['team', 'ASC']],
  });
  expect(byGroup.map((r: { get(k: string): unknown }) => [r.get('team'), r.get('n')])).toEqual([
    ['blue', '1'],
  ]);
});

test('lock and skipLocked inside a transaction', async () => {
  await conn.sequelize.transaction(async (transaction) => {
    for (const lock of [
      true,
      'UPDATE',
      'SHARE',
      'KEY SHARE',
      'NO KEY UPDATE',
      Transaction.LOCK.NO_KEY_UPDATE,
    ]) {
      expect(await User.count({ transaction })).toBe(4);
      expect(names(await User.findAll({ where: { team: 'blue' }, lock, transaction }))).toEqual(['bob']);
    }
    expect(
      names(await User.findAll({ where: { age: 20 }, lock: true, skipLocked: true, transaction })),
    ).toEqual(['bob']);
  });
  await expect(User.findAll({ lock: 'EVERYTHING' })).rejects.toThrow(
    `lock of User.findAll() must be true, 'UPDATE', 'SHARE', 'KEY SHARE' or 'NO KEY UPDATE'`,
  );
  await expect(User.findAll({ skipLocked: true })).rejects.toThrow('skipLocked of User.findAll() needs lock');
  expect(() => fn('lower(x); DROP TABLE x; --')).toThrow('fn() needs a function name');
  expect(() => cast(col('age'), 'int; drop')).toThrow('cast() needs a type name');
});
