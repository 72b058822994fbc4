/**
 * findOrCreate/findCreateFind: SELECT, then INSERT ... ON CONFLICT DO NOTHING, then SELECT only
 * after a lost race. Two concurrent calls for one unique key yield one row and one created: true.
 */
import { DataTypes, Model, Sequelize, UniqueConstraintError, ValidationError } from '../../runtime/index.js';
import { needsServer } from '../support/test-database.js';
import { openTestConnection, type TestConnection } from './helpers.js';

interface UserAttributes {
  id: number;
  email: string;
  name: string | null;
  age: number;
  createdAt: Date;
  updatedAt: Date;
}
type UserCreation = Partial<UserAttributes> & { email: string };
class User extends Model<UserAttributes, UserCreation> {
  declare id: number;
  declare email: string;
  declare name: string | null;
  declare age: number;
}

let conn: TestConnection;
const define = (sequelize: Sequelize) =>
  User.init(
    {
      email: { type: DataTypes.STRING, allowNull: false, unique: true },
      name: DataTypes.STRING,
      age: { type: DataTypes.INTEGER, defaultValue: 1 },
    },
    { sequelize },
  );
beforeAll(async () => {
  conn = await openTestConnection();
  define(conn.sequelize);
  await User.sync({ force: true });
});
afterAll(() => conn.close());
beforeEach(() => User.destroy({ truncate: true }));

test('miss: creates { ...where, ...defaults } → [instance, true]; hit: [found, false] with one statement', async () => {
  const [made, created] = await User.findOrCreate({ where: { email: 'a@x' }, defaults: { name: 'Ann' } });
  expect(created).toBe(true);
  expect(made).toBeInstanceOf(User);
  expect([made.email, made.name, made.age, made.isNewRecord, typeof made.id]).toEqual([
    'a@x',
    'Ann',
    1,
    false,
    'number',
  ]);
  conn.statements.length = 0;
  const [found, again] = await User.findOrCreate({ where: { email: 'a@x' }, defaults: { name: 'Other' } });
  expect([found.id, found.name, again]).toEqual([made.id, 'Ann', false]);
  expect(conn.statements).toHaveLength(1);
  expect(await User.count()).toBe(1);
});

test('findCreateFind resolves the same shapes', async () => {
  expect((await User.findCreateFind({ where: { email: 'b@x' } }))[1]).toBe(true);
  const [row, created] = await User.findCreateFind({ where: { email: 'b@x' } });
  expect([row.email, created]).toEqual(['b@x', false]);
});

test('inside a transaction: a created row rolls back with it', async () => {
  await conn.sequelize
    .transaction(async (transaction) => {
      const [, created] = await User.findOrCreate({ where: { email: 't@x' }, transaction });
      expect(created).toBe(true);
      throw new Error('roll back');
    })
    .catch(() => undefined);
  expect(await User.count()).toBe(0);
});

test('refusals: no where, an operator in where, an unknown option, invalid values, a conflict outside the where', async () => {
  await expect(User.findOrCreate({} as never)).rejects.toThrow('Missing where attribute');
  await expect(
    User.findOrCreate({ where: { email: { [Symbol.for('like')]: 'a%' } } as never }),
  ).rejects.toThrow('where.email is not a plain value');
  await expect(User.findOrCreate({ where: { email: 'c@x' }, defualts: {} } as never)).rejects.toThrow(
    'did you mean "defaults"',
  );
  await expect(User.findOrCreate({ where: { name: 'n' } } as never)).rejects.toBeInstanceOf(ValidationError);
  await User.create({ email: 'taken@x', name: 'T' });
  // The key comes from defaults: the INSERT's own UniqueConstraintError, as Sequelize rethrows it.
  const error = await User.findOrCreate({ where: { name: 'New' }, defaults: { email: 'taken@x' } }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UniqueConstraintError);
  expect((error as UniqueConstraintError).fields).toEqual({ email: 'taken@x' });
  expect(await User.count({ where: { email: 'taken@x' } })).toBe(1);
});

class Widget extends Model {
  declare id: number;
  declare name: string;
  declare deletedAt: Date | null;
}

test('paranoid model whose unique row is soft-deleted: the UniqueConstraintError, as Sequelize; paranoid false finds it', async () => {
  Widget.init(
    { name: { type: DataTypes.STRING, allowNull: false, unique: true } },
    { sequelize: conn.sequelize, paranoid: true },
  );
  await Widget.sync({ force: true });
  const w = await Widget.create({ name: 'w' });
  await w.destroy();
  await expect(Widget.findOrCreate({ where: { name: 'w' } })).rejects.toBeInstanceOf(UniqueConstraintError);
  await expect(Widget.findCreateFind({ where: { name: 'w' } })).rejects.toBeInstanceOf(UniqueConstraintError);
  expect(await Widget.count({ paranoid: false })).toBe(1);
  const [created, isNew] = await Widget.findOrCreate({ where: { name: 'v' } });
  expect([created.name, isNew]).toEqual(['v', true]);
  // Inside the caller's transaction the failing INSERT runs in a savepoint (as Sequelize's
  // findOrCreate): the error leaves the transaction usable, and what it did before and after commits.
  await conn.sequelize.transaction(async (transaction) => {
    await Widget.create({ name: 'before' }, { transaction });
    await expect(Widget.findOrCreate({ where: { name: 'w' }, transaction })).rejects.toBeInstanceOf(
      UniqueConstraintError,
    );
    await Widget.create({ name: 'after' }, { transaction });
  });
  expect((await Widget.findAll({ order: [['name', 'ASC']] })).map((row) => row.name)).toEqual([
    'after',
    'before',
    'v',
  ]);
});

test(
  needsServer('two concurrent calls on two connections for one key: one row, exactly one created: true'),
  async () => {
    if (conn.db.engine !== 'postgres') return;
    const other = new Sequelize(conn.db.url, { logging: false });
    try {
      class User2 extends User {}
      User2.init(
        {
          email: { type: DataTypes.STRING, allowNull: false, unique: true },
          name: DataTypes.STRING,
          age: { type: DataTypes.INTEGER, defaultValue: 1 },
        },
        { sequelize: other, tableName: 'Users' },
      );
      for (let round = 0; round < 20; round++) {
        const email = `race${round}@x`;
        const results = await Promise.all([
          User.findOrCreate({ where: { email }, defaults: { name: 'one' } }),
          User2.findOrCreate({ where: { email }, defaults: { name: 'two' } }),
        ]);
        expect(results.map(([, created]) => created).sort()).toEqual([false, true]);
        expect(results[0][0].id).toBe(results[1][0].id);
        expect(await User.count({ where: { email } })).toBe(1);
      }
    } finally {
      await other.close();
    }
  },
);
