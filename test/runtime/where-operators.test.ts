/** Sequelize's Op operators in where: each operator's rows, nesting, ARRAY columns, field mapping and refusals. */
import { DataTypes, Op, Sequelize } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let Item: any;
beforeAll(async () => {
  conn = await openTestConnection();
  Item = conn.sequelize.define(
    'Item',
    {
      num: DataTypes.INTEGER,
      name: DataTypes.STRING,
      flag: DataTypes.BOOLEAN,
      tags: DataTypes.ARRAY(DataTypes.STRING),
      nums: DataTypes.ARRAY(DataTypes.INTEGER),
      userName: { type: DataTypes.STRING, field: 'user_name' },
    },
    { timestamps: false },
  );
  await Item.sync({ force: true });
  await Item.bulkCreate([
    { num: 1, name: 'apple', flag: true, tags: ['a', 'b'], nums: [1, 2], userName: 'ann' },
    { num: 2, name: 'banana', flag: false, tags: ['b'], nums: [2, 3], userName: 'bob' },
    { num: 3, name: 'cherry', flag: null, tags: [], nums: [5], userName: 'cherry' },
    { num: 4, name: '50%_off', flag: true, tags: ['c'], nums: [], userName: null },
    { num: null, name: 'Apple pie', flag: false, tags: ['a'], nums: [9], userName: 'dan' },
  ]);
});
afterAll(() => conn.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function names(where: any): Promise<string[]> {
  const rows = await Item.findAll({ where, order: [['id', 'ASC']] });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return rows.map((r: any) => r.get('name'));
}

test('Op is Sequelize symbols, also as Sequelize.Op', () => {
  expect(Op.gt).toBe(Symbol.for('gt'));
  expect(Op.in).toBe(Symbol.for('in'));
  expect(Sequelize.Op).toBe(Op);
});

test('comparisons, null, is/not', async () => {
  expect(await names({ num: { [Op.eq]: 2 } })).toEqual(['banana']);
  expect(await names({ num: { [Op.ne]: 2 } })).toEqual(['apple', 'cherry', '50%_off']);
  expect(await names({ num: { [Op.eq]: null } })).toEqual(['Apple pie']);
  expect(await names({ num: { [Op.ne]: null } })).toEqual(['apple', 'banana', 'cherry', '50%_off']);
  expect(await names({ flag: { [Op.is]: null } })).toEqual(['cherry']);
  expect(await names({ flag: { [Op.is]: true } })).toEqual(['apple', '50%_off']);
  expect(await names({ flag: { [Op.not]: true } })).toEqual(['banana', 'cherry', 'Apple pie']);
  expect(await names({ num: { [Op.not]: 2 } })).toEqual(['apple', 'cherry', '50%_off']);
  expect(await names({ num: { [Op.not]: [1, 2] } })).toEqual(['cherry', '50%_off']);
  expect(await names({ num: { [Op.gt]: 2 } })).toEqual(['cherry', '50%_off']);
  expect(await names({ num: { [Op.gte]: 2, [Op.lt]: 4 } })).toEqual(['banana', 'cherry']);
  expect(await names({ num: { [Op.lte]: 1 } })).toEqual(['apple']);
  expect(await names({ num: { [Op.between]: [2, 3] } })).toEqual(['banana', 'cherry']);
  expect(await names({ num: { [Op.notBetween]: [2, 3] } })).toEqual(['apple', '50%_off']);
  expect(await names({ num: { [Op.not]: { [Op.gt]: 2 } } })).toEqual(['apple', 'banana']);
});

test('in / notIn, empty lists as Sequelize (in [] matches nothing, notIn [] everything)', async () => {
  expect(await names({ num: { [Op.in]: [1, 3] } })).toEqual(['apple', 'cherry']);
  expect(await names({ num: { [Op.notIn]: [1, 3] } })).toEqual(['banana', '50%_off']);
  expect(await names({ num: { [Op.in]: [] } })).toEqual([]);
  expect(await names({ num: [] })).toEqual([]);
  expect(await names({ num: { [Op.notIn]: [] } })).toHaveLength(5);
  expect(await names({ num: { [Op.in]: [1, null] } })).toEqual(['apple', 'Apple pie']);
  expect(await names({ num: { [Op.notIn]: [1, null] } })).toEqual(['banana', 'cherry', '50%_off']);
});

test('like family, startsWith/endsWith/substring match their value literally, regexp', async () => {
  expect(await names({ name: { [Op.like]: 'a%' } })).toEqual(['apple']);
  expect(await names({ name: { [Op.notLike]: '%a%' } })).toEqual(['cherry', '50%_off', 'Apple pie']);
  expect(await names({ name: { [Op.iLike]: 'a%' } })).toEqual(['apple', 'Apple pie']);
  expect(await names({ name: { [Op.notILike]: 'a%' } })).toEqual(['banana', 'cherry', '50%_off']);
  expect(await names({ name: { [Op.like]: { [Op.any]: ['a%', 'b%'] } } })).toEqual(['apple', 'banana']);
  expect(await names({ name: { [Op.startsWith]: 'ch' } })).toEqual(['cherry']);
  expect(await names({ name: { [Op.endsWith]: 'ana' } })).toEqual(['banana']);
  expect(await names({ name: { [Op.substring]: 'ppl' } })).toEqual(['apple', 'Apple pie']);
  expect(await names({ name: { [Op.substring]: '%_' } })).toEqual(['50%_off']);
  expect(await names({ name: { [Op.startsWith]: '_' } })).toEqual([]);
  expect(await names({ name: { [Op.endsWith]: '%' } })).toEqual([]);
  expect(await names({ name: { [Op.regexp]: '^[ab]' } })).toEqual(['apple', 'banana']);
  expect(await names({ name: { [Op.notRegexp]: '^[ab]' } })).toEqual(['cherry', '50%_off', 'Apple pie']);
  expect(await names({ name: { [Op.iRegexp]: '^a' } })).toEqual(['apple', 'Apple pie']);
  expect(await names({ name: { [Op.notIRegexp]: '^a' } })).toEqual(['banana', 'cherry', '50%_off']);
});

test('or / and / not, nested to any depth, arrays of where objects', async () => {
  expect(await names({ [Op.or]: [{ num: 1 }, { name: 'banana' }] })).toEqual(['apple', 'banana']);
  expect(await names({ [Op.or]: { num: 1, name: 'banana' } })).toEqual(['apple', 'banana']);
  expect(await names({ num: { [Op.or]: [1, 3] } })).toEqual(['apple', 'cherry']);
  expect(await names({ num: { [Op.or]: { [Op.lt]: 2, [Op.gt]: 3 } } })).toEqual(['apple', '50%_off']);
  expect(await names({ [Op.and]: [{ num: { [Op.gt]: 1 } }, { flag: true }] })).toEqual(['50%_off']);
  expect(await names([{ num: { [Op.gt]: 1 } }, { flag: false }])).toEqual(['banana']);
  expect(await names({ [Op.not]: { num: 1, name: 'apple' } })).toEqual([
    'banana',
    'cherry',
    '50%_off',
    'Apple pie',
  ]);
  expect(
    await names({
      [Op.or]: [
        { [Op.and]: [{ num: { [Op.gte]: 2 } }, { [Op.or]: [{ flag: true }, { flag: null }] }] },
        { [Op.not]: { [Op.or]: [{ num: { [Op.ne]: null } }, { flag: true }] } },
      ],
    }),
  ).toEqual(['cherry', '50%_off', 'Apple pie']);
  expect(await names({ [Op.or]: [] })).toEqual([]);
  expect(await names({ [Op.and]: [] })).toHaveLength(5);
});

test('any / all with one bound array; col compares two columns; field-mapped attributes', async () => {
  expect(await names({ num: { [Op.any]: [1, 4] } })).toEqual(['apple', '50%_off']);
  expect(await names({ num: { [Op.gt]: { [Op.all]: [1, 2] } } })).toEqual(['cherry', '50%_off']);
  expect(await names({ name: { [Op.col]: 'userName' } })).toEqual(['cherry']);
  expect(await names({ name: { [Op.eq]: { [Op.col]: 'user_name' } } })).toEqual(['cherry']);
  expect(await names({ userName: { [Op.like]: 'b%' } })).toEqual(['banana']);
  expect(await names({ userName: { [Op.in]: ['ann', 'dan'] } })).toEqual(['apple', 'Apple pie']);
  expect(await names({ $userName$: 'ann' })).toEqual(['apple']);
});

test('ARRAY columns: equality, contains, contained, overlap, any (holds an element)', async () => {
  expect(await names({ tags: ['a', 'b'] })).toEqual(['apple']);
  expect(await names({ tags: { [Op.contains]: ['b'] } })).toEqual(['apple', 'banana']);
  expect(await names({ tags: { [Op.contained]: ['a', 'b'] } })).toEqual([
    'apple',
    'banana',
    'cherry',
    'Apple pie',
  ]);
  expect(await names({ nums: { [Op.overlap]: [2, 9] } })).toEqual(['apple', 'banana', 'Apple pie']);
  expect(await names({ nums: { [Op.any]: 5 } })).toEqual(['cherry']);
  expect(await names({ tags: { [Op.ne]: ['b'] } })).toEqual(['apple', 'cherry', '50%_off', 'Apple pie']);
});

test('refusals name the model, attribute and operator, with did-you-mean for operator-like string keys', async () => {
  await expect(names({ num: { gt: 1 } })).rejects.toThrow(
    'where on Item.num: "gt" is not an operator: operators are symbol keys ({ [Op.gt]: 1 }), and only JSON columns take nested keys; did you mean [Op.gt]?',
  );
  await expect(names({ num: { $gte: 1 } })).rejects.toThrow('did you mean [Op.gte]?');
  await expect(names({ num: { [Symbol('gt')]: 1 } })).rejects.toThrow(
    "where on Item.num: Symbol(gt) is not one of Sequelize's operators (Op.*)",
  );
  await expect(names({ num: { [Op.match]: 'x' } })).rejects.toThrow(
    'where on Item.num with Op.match: this operator is not supported',
  );
  await expect(names({ num: { [Op.between]: 1 } })).rejects.toThrow(
    'where on Item.num with Op.between: needs an array of two non-null values [from, to], got number 1',
  );
  await expect(names({ num: { [Op.in]: 1 } })).rejects.toThrow(
    'where on Item.num with Op.in: needs an array',
  );
  await expect(names({ num: { [Op.is]: 1 } })).rejects.toThrow('with Op.is: needs null, true or false');
  await expect(names({ name: { [Op.like]: 1 } })).rejects.toThrow(
    'where on Item.name with Op.like: needs a string',
  );
  await expect(names({ name: { [Op.contains]: ['a'] } })).rejects.toThrow(
    'where on Item.name with Op.contains: needs an ARRAY or JSON/JSONB column',
  );
  await expect(names({ tags: { [Op.contains]: 'b' } })).rejects.toThrow(
    'where on Item.tags with Op.contains: on an ARRAY column needs an array',
  );
  await expect(names({ num: { [Op.gt]: null } })).rejects.toThrow('with Op.gt: needs a value, not null');
  await expect(names({ [Op.gt]: 1 })).rejects.toThrow(
    'where on model Item with Op.gt: only Op.and, Op.or and Op.not',
  );
  await expect(names({ nmu: 1 })).rejects.toThrow(
    'Unknown attribute "nmu" in where of model Item; did you mean num?',
  );
  await expect(names({ 'name.x': 1 })).rejects.toThrow('only JSON/JSONB columns take paths');
  await expect(names({ num: undefined })).rejects.toThrow(
    'where.num of model Item is undefined; use null to match NULL',
  );
  class Criteria {}
  await expect(names(new Criteria())).rejects.toThrow(
    'a where must be a plain object of attribute conditions (got a Criteria)',
  );
  // refused before anything is sent: the table is intact
  await expect(Item.destroy({ where: { num: { gt: 1 } } })).rejects.toThrow('is not an operator');
  await expect(Item.update({ name: 'z' }, { where: { num: { [Op.match]: 1 } } })).rejects.toThrow(
    'not supported',
  );
  expect(await Item.count()).toBe(5);
});

test('update, destroy and count take the same where', async () => {
  expect(await Item.count({ where: { num: { [Op.gt]: 2 } } })).toBe(2);
  expect(await Item.update({ flag: true }, { where: { [Op.or]: [{ num: 2 }, { num: null }] } })).toEqual([2]);
  expect(await names({ flag: true })).toEqual(['apple', 'banana', '50%_off', 'Apple pie']);
  await Item.update({ flag: false }, { where: { name: { [Op.in]: ['banana', 'Apple pie'] } } });
});
