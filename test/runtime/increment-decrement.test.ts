/**
 * increment/decrement: atomic in SQL with $n amounts, RETURNING every column so the instance is
 * fresh (unsaved edits kept); a where is required.
 */
import { DataTypes, Model, Op, type NumericString } from '../../runtime/index.js';
import { openTestConnection, sqlOf, type TestConnection } from './helpers.js';

interface CounterAttributes {
  id: number;
  name: string;
  age: number;
  cash: number;
  score: number | null;
  createdAt: Date;
  updatedAt: Date;
}
class Counter extends Model<CounterAttributes, Partial<CounterAttributes>> {
  declare id: number;
  declare name: string;
  declare age: number;
  declare cash: number;
  declare score: number | null;
  declare updatedAt: Date;
}

let conn: TestConnection;
const sql = () => conn.statements.map(sqlOf);
beforeAll(async () => {
  conn = await openTestConnection();
  Counter.init(
    {
      name: DataTypes.STRING,
      age: { type: DataTypes.INTEGER, defaultValue: 0 },
      cash: { type: DataTypes.INTEGER, defaultValue: 0 },
      score: { type: DataTypes.INTEGER, field: 'score_col' },
    },
    { sequelize: conn.sequelize },
  );
  await Counter.sync({ force: true });
});
afterAll(() => conn.close());
beforeEach(() => {
  conn.statements.length = 0;
});

test('increment({ age: 2, cash: 100 }) is one UPDATE with parameters, refreshing those fields and updatedAt', async () => {
  const c = await Counter.create({ name: 'a', score: 1 });
  const stamp = c.updatedAt.getTime();
  await new Promise((r) => setTimeout(r, 5));
  conn.statements.length = 0;
  const r = await c.increment({ age: 2, cash: 100 });
  expect(r).toBe(c);
  expect(sql()).toEqual([
    'UPDATE "Counters" SET "age"="age"+$1,"cash"="cash"+$2,"updatedAt"=$3 WHERE "id" = $4 RETURNING "id", "name", "age", "cash", "score_col" AS "score", "createdAt", "updatedAt"',
  ]);
  expect([c.age, c.cash]).toEqual([2, 100]);
  expect(c.updatedAt.getTime()).toBeGreaterThan(stamp);
  expect(c.changed()).toBe(false);
});

test("increment('age', { by: 2 }), arrays, decrement, field-mapped attributes", async () => {
  const c = await Counter.create({ name: 'b', score: 10 });
  await c.increment('age', { by: 2 });
  expect(c.age).toBe(2);
  await c.increment(['age', 'cash'], { by: 3 });
  expect([c.age, c.cash]).toEqual([5, 3]);
  await c.decrement('age');
  expect(c.age).toBe(4);
  await c.decrement({ age: 2, cash: -5 });
  expect([c.age, c.cash]).toEqual([2, 8]);
  conn.statements.length = 0;
  await c.increment('score', { by: 5 });
  expect(sql()[0]).toBe(
    'UPDATE "Counters" SET "score_col"="score_col"+$1,"updatedAt"=$2 WHERE "id" = $3 RETURNING "id", "name", "age", "cash", "score_col" AS "score", "createdAt", "updatedAt"',
  );
  expect(c.score).toBe(15);
  const fresh = await Counter.findByPk(c.id);
  expect([fresh!.age, fresh!.cash, fresh!.score]).toEqual([2, 8, 15]);
});

test('unsaved edits to other attributes survive an increment (Sequelize overwrites them)', async () => {
  const c = await Counter.create({ name: 'keep' });
  c.name = 'edited, not saved';
  await c.increment('age');
  expect(c.name).toBe('edited, not saved');
  expect(c.changed()).toEqual(['name']);
  expect(c.age).toBe(1);
});

test('columns another client changed meanwhile are refreshed from the returned row', async () => {
  const c = await Counter.create({ name: 'mine', cash: 5 });
  await conn.sequelize.query('UPDATE "Counters" SET "name" = $1, "cash" = 50 WHERE "id" = $2', {
    bind: ['renamed elsewhere', c.id],
  });
  await c.decrement('age');
  expect([c.name, c.cash, c.age]).toEqual(['renamed elsewhere', 50, -1]);
  expect(c.changed()).toBe(false);
  expect(c.previous('name')).toBe('renamed elsewhere');
});

test('returning: false sends no RETURNING and leaves the instance as it was', async () => {
  const c = await Counter.create({ name: 'blind' });
  conn.statements.length = 0;
  await c.increment('age', { returning: false });
  expect(sql()).toEqual(['UPDATE "Counters" SET "age"="age"+$1,"updatedAt"=$2 WHERE "id" = $3']);
  expect(c.age).toBe(0);
  await c.reload();
  expect(c.age).toBe(1);
});

test("the instance's where option is AND-ed with its primary key", async () => {
  const c = await Counter.create({ name: 'guarded', age: 1 });
  conn.statements.length = 0;
  await c.increment('age', { where: { name: 'someone else' } });
  expect(sql()[0]).toBe(
    'UPDATE "Counters" SET "age"="age"+$1,"updatedAt"=$2 WHERE "name" = $3 AND "id" = $4 RETURNING "id", "name", "age", "cash", "score_col" AS "score", "createdAt", "updatedAt"',
  );
  expect(c.age).toBe(1);
  await c.increment('age', { where: { name: 'guarded' } });
  expect(c.age).toBe(2);
  expect((await Counter.findByPk(c.id))!.age).toBe(2);
});

test('silent: true leaves updatedAt alone', async () => {
  const c = await Counter.create({ name: 'quiet' });
  conn.statements.length = 0;
  await c.increment('age', { silent: true });
  expect(sql()).toEqual([
    'UPDATE "Counters" SET "age"="age"+$1 WHERE "id" = $2 RETURNING "id", "name", "age", "cash", "score_col" AS "score", "createdAt", "updatedAt"',
  ]);
});

test('static increment/decrement need a where and never touch every row', async () => {
  await Counter.create({ name: 'x' });
  conn.statements.length = 0;
  await expect(Counter.increment('age', {} as never)).rejects.toThrow(
    'Missing where attribute in the options parameter',
  );
  await expect(Counter.decrement('age', undefined as never)).rejects.toThrow(
    'Missing where attribute in the options parameter',
  );
  expect(conn.statements).toEqual([]);
  const target = await Counter.create({ name: 'static' });
  const [rows, count] = await Counter.increment({ cash: 7 }, { where: { name: 'static' } });
  expect(count).toBe(1);
  expect(rows[0]).toBeInstanceOf(Counter);
  expect(rows[0].cash).toBe(7);
  const [, down] = await Counter.decrement('cash', { where: { id: target.id }, by: 2 });
  expect(down).toBe(1);
  expect((await Counter.findByPk(target.id))!.cash).toBe(5);
});

test('static increment/decrement with an operator where change exactly the matching rows', async () => {
  const rows = await Counter.bulkCreate([
    { name: 'op-a', age: 10 },
    { name: 'op-b', age: 20 },
    { name: 'op-c', age: 30 },
    { name: 'other', age: 40 },
  ]);
  const [, count] = await Counter.increment('cash', {
    by: 5,
    where: {
      [Op.or]: [{ age: { [Op.gte]: 25 } }, { name: { [Op.like]: 'op-a' } }],
      name: { [Op.startsWith]: 'op-' },
    },
  });
  expect(count).toBe(2);
  const [, down] = await Counter.decrement(
    { cash: 1 },
    { where: { id: { [Op.in]: [rows[0].id, rows[1].id] } } },
  );
  expect(down).toBe(2);
  const after = await Counter.findAll({ where: { id: rows.map((r) => r.id) }, order: [['id', 'ASC']] });
  expect(after.map((r) => [r.name, r.cash])).toEqual([
    ['op-a', 4],
    ['op-b', -1],
    ['op-c', 5],
    ['other', 0],
  ]);
});

interface LedgerAttributes {
  id: number;
  views: NumericString;
  balance: NumericString;
}
class Ledger extends Model<LedgerAttributes, Partial<LedgerAttributes>> {
  declare id: number;
  declare views: NumericString;
  declare balance: NumericString;
}

test('BIGINT and DECIMAL increment exactly beyond a double, by numbers or numeric text', async () => {
  Ledger.init(
    {
      views: { type: DataTypes.BIGINT, defaultValue: '9007199254740993' },
      balance: { type: DataTypes.DECIMAL(30, 2), defaultValue: '0.10' },
    },
    { sequelize: conn.sequelize, timestamps: false },
  );
  await Ledger.sync({ force: true });
  const row = await Ledger.create({});
  await row.increment({ views: 1, balance: '0.20' });
  expect([row.views, row.balance]).toEqual(['9007199254740994', '0.30']);
  await row.decrement('balance', { by: '12345678901234567890.05' });
  expect(row.balance).toBe('-12345678901234567889.75');
  await Ledger.increment('views', { by: '10', where: { id: row.id } });
  expect((await row.reload()).views).toBe('9007199254741004');
  await Ledger.drop();
});

test('bad amounts and unknown attributes are clear errors, before any SQL', async () => {
  const c = await Counter.create({ name: 'bad' });
  conn.statements.length = 0;
  await expect(c.increment('age', { by: 'DROP TABLE' as never })).rejects.toThrow(
    'Invalid increment amount "DROP TABLE" for Counter.age',
  );
  await expect(c.increment('bogus' as never)).rejects.toThrow(
    'Unknown attribute "bogus" in increment of model Counter',
  );
  await expect(Counter.build({ name: 'unsaved' }).increment('age')).rejects.toThrow(/no primary key/);
  expect(conn.statements).toEqual([]);
});

test('50 concurrent increments on one row end exactly at +50', async () => {
  const c = await Counter.create({ name: 'race' });
  const copies = await Promise.all(Array.from({ length: 50 }, () => Counter.findByPk(c.id)));
  await Promise.all(copies.map((copy) => copy!.increment('age')));
  expect((await Counter.findByPk(c.id))!.age).toBe(50);
  await Promise.all(Array.from({ length: 50 }, () => Counter.increment('cash', { where: { id: c.id } })));
  expect((await c.reload()).cash).toBe(50);
}, 60000);
