/**
 * Sequelize API that used to crash with "is not a function": transaction.afterCommit, Model.truncate,
 * and()/or(), sequelize.databaseVersion() work; the rest is refused by name with what to use.
 */
import { DataTypes, Op, Sequelize, Transaction, and, json, or } from '../../runtime/index.js';
import { openTestConnection, sqlOf, type TestConnection } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped models made with define(), refused members
type Loose = any;

let conn: TestConnection;
let User: Loose, Post: Loose;

beforeAll(async () => {
  conn = await openTestConnection();
  User = conn.sequelize.define(
    'User',
    { name: DataTypes.STRING, age: DataTypes.INTEGER },
    { timestamps: false },
  );
  Post = conn.sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
  User.hasMany(Post);
  await conn.sequelize.sync({ force: true });
});
afterAll(() => conn.close());

describe('transaction.afterCommit', () => {
  test('runs after COMMIT (managed), in order, each awaited, with the transaction; the rows are visible', async () => {
    const seen: string[] = [];
    let committed: Transaction | undefined;
    await conn.sequelize.transaction(async (t) => {
      await User.create({ name: 'ac1' }, { transaction: t });
      t.afterCommit(async (tx) => {
        committed = tx;
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(`first: ${await User.count({ where: { name: 'ac1' } })}`);
      }).afterCommit(() => {
        seen.push('second');
      });
      seen.push('body');
    });
    expect(seen).toEqual(['body', 'first: 1', 'second']);
    expect(committed?.finished).toBe('commit');
  });

  test('unmanaged: runs on commit(), never after rollback(); a hook that throws rejects commit()', async () => {
    const seen: string[] = [];
    const t1 = await conn.sequelize.transaction();
    t1.afterCommit(() => seen.push('t1'));
    await t1.rollback();
    const t2 = await conn.sequelize.transaction();
    t2.afterCommit(() => seen.push('t2'));
    expect(seen).toEqual([]);
    await t2.commit();
    expect(seen).toEqual(['t2']);
    await expect(
      conn.sequelize.transaction(async (t) => {
        t.afterCommit(() => {
          throw new Error('queue down');
        });
        throw new Error('body failed');
      }),
    ).rejects.toThrow('body failed');
    const t3 = await conn.sequelize.transaction();
    t3.afterCommit(() => {
      throw new Error('queue down');
    });
    await expect(t3.commit()).rejects.toThrow('queue down');
    expect(t3.finished).toBe('commit');
    expect(() => t3.afterCommit('x' as Loose)).toThrow(
      'transaction.afterCommit(fn): "fn" must be a function',
    );
  });
});

describe('Model.truncate', () => {
  test('on a paranoid model soft-deletes every live row, as Sequelize; force: true is a real TRUNCATE', async () => {
    const Note = conn.sequelize.define('Note', { body: DataTypes.STRING }, { paranoid: true });
    await Note.sync({ force: true });
    await Note.bulkCreate([{ body: 'a' }, { body: 'b' }]);
    expect(await Note.truncate()).toBe(2);
    expect(await Note.count()).toBe(0);
    expect(await Note.count({ paranoid: false })).toBe(2);
    await Note.truncate({ force: true });
    expect(await Note.count({ paranoid: false })).toBe(0);
  });

  test('empties the table; restartIdentity restarts the ids; cascade empties the referencing table', async () => {
    await User.destroy({ where: {} });
    const ann = await User.create({ name: 'ann' });
    await Post.create({ title: 'p', UserId: ann.id });
    await expect(User.truncate()).rejects.toThrow(/truncate|foreign key/i);
    conn.statements.length = 0;
    await User.truncate({ cascade: true, restartIdentity: true });
    expect(sqlOf(conn.statements[0])).toBe('TRUNCATE "Users" RESTART IDENTITY CASCADE');
    expect(await User.count()).toBe(0);
    expect(await Post.count()).toBe(0);
    expect((await User.create({ name: 'first' })).id).toBe(1);
    await Post.truncate();
    await expect(User.truncate({ where: { id: 1 } })).rejects.toThrow(/unknown option "where"/);
    await expect(User.truncate({ individualHooks: true })).rejects.toThrow(
      /option "individualHooks" \(per-row hooks of a TRUNCATE\) is not supported/,
    );
  });
});

test('and()/or(): the top-level, static and instance forms build Op.and/Op.or where objects', async () => {
  await User.destroy({ where: {} });
  await User.bulkCreate([
    { name: 'a', age: 10 },
    { name: 'b', age: 20 },
    { name: 'c', age: 30 },
  ]);
  expect(or({ a: 1 }, { b: 2 })).toEqual({ [Op.or]: [{ a: 1 }, { b: 2 }] });
  expect(Sequelize.and({ a: 1 })).toEqual({ [Op.and]: [{ a: 1 }] });
  const names = async (where: Loose): Promise<string[]> =>
    (await User.findAll({ where, order: [['name', 'ASC']] })).map((u: Loose) => u.name);
  expect(await names(or({ name: 'a' }, { age: { [Op.gte]: 30 } }))).toEqual(['a', 'c']);
  expect(await names(and({ age: { [Op.gt]: 10 } }, conn.sequelize.or({ name: 'b' }, { name: 'c' })))).toEqual(
    ['b', 'c'],
  );
  expect(await names({ [Op.and]: [Sequelize.or({ name: 'a' }, { name: 'b' }), { age: 20 }] })).toEqual(['b']);
  expect(await names(conn.sequelize.and())).toEqual(['a', 'b', 'c']);
});

test('sequelize.databaseVersion() is the server version; validate() checks the connection; Model.hasAlias', async () => {
  expect(await conn.sequelize.databaseVersion()).toMatch(/^\d+\.\d+/);
  await expect(conn.sequelize.validate()).resolves.toBeUndefined();
  expect([User.hasAlias('Posts'), User.hasAlias('posts'), User.hasAlias('toString')]).toEqual([
    true,
    false,
    false,
  ]);
});

test('Sequelize API the runtime does not have is refused by name with the fix, not "is not a function"', () => {
  const s: Loose = conn.sequelize;
  const refusals: [() => unknown, RegExp][] = [
    [
      () => s.getQueryInterface(),
      /^sequelize\.getQueryInterface\(\) is not supported by the gen-models runtime: .*sequelize\.query/,
    ],
    [() => (Sequelize as Loose).useCLS({}), /^Sequelize\.useCLS\(\) is not supported .*transaction: t/],
    [() => (json as Loose)('meta.a'), /^json\(\) is not supported .*where key/],
    [() => (Sequelize as Loose).json('meta.a'), /^json\(\) is not supported/],
    [() => s.json('meta.a'), /^json\(\) is not supported/],
    [() => s.escape('x'), /^sequelize\.escape\(\) is not supported .*replacements or bind/],
    [() => s.truncate(), /^sequelize\.truncate\(\) is not supported .*Model\.truncate/],
    [() => s.createSchema('x'), /^sequelize\.createSchema\(\) is not supported/],
    [() => User.describe(), /^Model\.describe\(\) is not supported .*information_schema\.columns/],
    [() => User.findOrBuild({ where: {} }), /^Model\.findOrBuild\(\) is not supported .*findOne, then build/],
    [() => User.schema('x'), /^Model\.schema\(\) is not supported/],
  ];
  for (const [call, message] of refusals) expect(call).toThrow(message);
});
