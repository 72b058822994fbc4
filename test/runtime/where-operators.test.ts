/** A where the runtime cannot read (operator symbol keys, class instances) is refused, never "every row". */
import { DataTypes } from '../../runtime/index.js';
import { openTestConnection, sqlOf, type TestConnection } from './helpers.js';

const Op = { or: Symbol.for('or'), and: Symbol.for('and') }; // what sequelize's Op.or, Op.and are

let conn: TestConnection;
beforeAll(async () => {
  conn = await openTestConnection();
});
afterAll(() => conn.close());

test('operator (symbol) keys and non-plain where objects are refused by destroy, update, increment, findAll and count', async () => {
  const Account = conn.sequelize.define('Account', { name: DataTypes.TEXT, score: DataTypes.INTEGER });
  await Account.sync({ force: true });
  await Account.bulkCreate([
    { name: 'a', score: 1 },
    { name: 'b', score: 2 },
    { name: 'c', score: 3 },
  ]);
  conn.statements.length = 0;
  const orWhere = { [Op.or]: [{ id: 1 }, { id: 2 }] } as never;
  const andWhere = { name: 'a', [Op.and]: [{ score: 1 }] } as never;
  class Criteria {
    constructor(readonly name: string) {}
  }
  const instanceWhere = new Criteria('a') as never;
  for (const where of [orWhere, andWhere]) {
    await expect(Account.destroy({ where })).rejects.toThrow(
      /where of model Account has the operator key Symbol\((or|and)\): operators .* are not supported/,
    );
    await expect(Account.update({ name: 'z' }, { where })).rejects.toThrow(
      'operators (Op.or, Op.and, ...) are not supported',
    );
    await expect(Account.increment('score', { where })).rejects.toThrow(
      'operators (Op.or, Op.and, ...) are not supported',
    );
    await expect(Account.findAll({ where })).rejects.toThrow(
      'operators (Op.or, Op.and, ...) are not supported',
    );
    await expect(Account.count({ where })).rejects.toThrow(
      'operators (Op.or, Op.and, ...) are not supported',
    );
  }
  await expect(Account.destroy({ where: instanceWhere })).rejects.toThrow(
    'where of model Account must be a plain object of attribute values (got a Criteria); operators and where builders are not supported',
  );
  await expect(Account.update({ name: 'z' }, { where: instanceWhere })).rejects.toThrow(
    'must be a plain object',
  );
  await expect(Account.findAll({ where: new Map([['name', 'a']]) as never })).rejects.toThrow('(got a Map)');
  const row = (await Account.findOne({ where: { name: 'a' } }))!;
  await expect(row.increment('score', { where: { [Op.or]: [{ score: 5 }] } as never })).rejects.toThrow(
    'operators (Op.or, Op.and, ...) are not supported',
  );
  expect(conn.statements.map(sqlOf).filter((s) => /^(DELETE|UPDATE)/.test(s))).toEqual([]);
  expect(
    (await Account.findAll({ order: [['id', 'ASC']] })).map((r) => [r.get('name'), r.get('score')]),
  ).toEqual([
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);
  // A where of a null prototype is still a plain object; where: {} still means every row where documented.
  const bare = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'b' });
  expect(await Account.count({ where: bare as never })).toBe(1);
  expect(await Account.update({ score: 0 }, { where: {} })).toEqual([3]);
  expect(await Account.destroy({ where: {} })).toBe(3);
});
