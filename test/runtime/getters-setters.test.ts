/** Attribute get()/set(value) options, as Sequelize v6 runs them. */
import { DataTypes } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

interface Self {
  getDataValue(key: string): unknown;
  setDataValue(key: string, value: unknown): void;
}

let conn: TestConnection;
let User: ReturnType<TestConnection['sequelize']['define']>;

beforeAll(async () => {
  conn = await openTestConnection();
  User = conn.sequelize.define('User', {
    username: {
      type: DataTypes.STRING,
      get(this: Self) {
        const raw = this.getDataValue('username');
        return raw ? (raw as string).toUpperCase() : null;
      },
    },
    password: {
      type: DataTypes.STRING,
      set(this: Self, value: unknown) {
        this.setDataValue('password', `hashed:${String(value)}`);
      },
    },
  });
  await conn.sequelize.sync({ force: true });
});
afterAll(() => conn.close());

test('a getter shapes get(key), the property, get() and toJSON(); raw bypasses it', () => {
  const user = User.build({ username: 'ann' });
  expect(user.get('username')).toBe('ANN');
  expect((user as unknown as { username: string }).username).toBe('ANN');
  expect(user.get('username', { raw: true })).toBe('ann');
  expect(user.getDataValue('username')).toBe('ann');
  expect(user.get()).toMatchObject({ username: 'ANN' });
  expect(user.get({ raw: true })).toMatchObject({ username: 'ann' });
  expect(user.toJSON()).toMatchObject({ username: 'ANN' });
  expect(JSON.parse(JSON.stringify(user))).toMatchObject({ username: 'ANN' });
});

test('a setter runs in build, set and the property; set with raw bypasses it; the stored value is saved', async () => {
  const user = User.build({ password: 'a' });
  expect(user.getDataValue('password')).toBe('hashed:a');
  user.set('password', 'b');
  expect(user.getDataValue('password')).toBe('hashed:b');
  (user as unknown as { password: string }).password = 'c';
  expect(user.getDataValue('password')).toBe('hashed:c');
  expect(user.changed('password')).toBe(true);
  await user.save();
  const [rows] = await conn.sequelize.query('SELECT password FROM "Users"');
  expect(rows).toEqual([{ password: 'hashed:c' }]);
  const created = await User.create({ username: 'bob', password: 'd' });
  expect(created.getDataValue('password')).toBe('hashed:d');
  const found = await User.findByPk(created.get('id') as number);
  // Rows read back are stored as they are: no setter runs on them.
  expect(found!.getDataValue('password')).toBe('hashed:d');
  expect(found!.get('username')).toBe('BOB');
  user.set('password', 'plain', { raw: true });
  expect(user.getDataValue('password')).toBe('plain');
});

test('get and set must be functions', () => {
  expect(() => conn.sequelize.define('Bad', { a: { type: DataTypes.STRING, get: 'x' } } as never)).toThrow(
    'Attribute "Bad.a": option "get" must be a function, got string',
  );
});
