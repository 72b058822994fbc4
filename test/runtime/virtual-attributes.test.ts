/** DataTypes.VIRTUAL: attributes without a column, reached through get/set. */
import { DataTypes } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

interface Self {
  getDataValue(key: string): unknown;
  setDataValue(key: string, value: unknown): void;
}

let conn: TestConnection;
let Person: ReturnType<TestConnection['sequelize']['define']>;

beforeAll(async () => {
  conn = await openTestConnection();
  Person = conn.sequelize.define('Person', {
    firstName: DataTypes.STRING,
    lastName: DataTypes.STRING,
    fullName: {
      type: DataTypes.VIRTUAL(DataTypes.STRING, ['firstName', 'lastName']),
      get(this: Self) {
        return `${String(this.getDataValue('firstName'))} ${String(this.getDataValue('lastName'))}`;
      },
      set(this: Self, value: unknown) {
        const [first, last] = String(value).split(' ');
        this.setDataValue('firstName', first);
        this.setDataValue('lastName', last);
      },
    },
    note: DataTypes.VIRTUAL,
  });
  await conn.sequelize.sync({ force: true });
});
afterAll(() => conn.close());

test('sync makes no column for a VIRTUAL attribute', async () => {
  const [columns] = await conn.sequelize.query(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'People' ORDER BY ordinal_position`,
  );
  expect(columns).toEqual([
    { column_name: 'id' },
    { column_name: 'firstName' },
    { column_name: 'lastName' },
    { column_name: 'createdAt' },
    { column_name: 'updatedAt' },
  ]);
});

test('get and set go through the VIRTUAL getter/setter; create and find never name it in SQL', async () => {
  const person = await Person.create({ fullName: 'Ada Lovelace', note: 'kept in memory' });
  expect(person.get('firstName')).toBe('Ada');
  expect(person.get('fullName')).toBe('Ada Lovelace');
  expect((person as unknown as { fullName: string }).fullName).toBe('Ada Lovelace');
  expect(person.get('note')).toBe('kept in memory');
  expect(person.toJSON()).toMatchObject({ firstName: 'Ada', fullName: 'Ada Lovelace' });
  const found = await Person.findByPk(person.get('id') as number);
  expect(found!.get('fullName')).toBe('Ada Lovelace');
  expect(found!.get('note')).toBeUndefined();
  await found!.update({ fullName: 'Grace Hopper' });
  const [rows] = await conn.sequelize.query('SELECT "firstName", "lastName" FROM "People"');
  expect(rows).toEqual([{ firstName: 'Grace', lastName: 'Hopper' }]);
});

test('column options on a VIRTUAL are refused', () => {
  expect(() => conn.sequelize.define('Bad', { v: { type: DataTypes.VIRTUAL, defaultValue: 1 } })).toThrow(
    'Attribute "Bad.v" is VIRTUAL (no column): option "defaultValue" is not supported on it',
  );
  expect(() => conn.sequelize.define('Bad', { v: { type: DataTypes.VIRTUAL, allowNull: false } })).toThrow(
    'allowNull: false are not supported',
  );
});

describe('VIRTUAL in attributes lists, rawAttributes and validation', () => {
  test('a VIRTUAL named in attributes reads the attributes it depends on instead', async () => {
    await Person.create({ fullName: 'Alan Turing' });
    const [found] = await Person.findAll({ attributes: ['id', 'fullName'], where: { lastName: 'Turing' } });
    expect(Object.keys(found.get({ raw: true }) as object).sort()).toEqual(['firstName', 'id', 'lastName']);
    expect(found.get('fullName')).toBe('Alan Turing');
    const [other] = await Person.findAll({
      attributes: { exclude: ['note', 'createdAt'] },
      where: { lastName: 'Turing' },
    });
    expect(other.get('createdAt')).toBeUndefined();
    expect(other.get('fullName')).toBe('Alan Turing');
  });

  test('toJSON of a row read with attributes leaves out the getters of attributes not selected, as Sequelize', async () => {
    await Person.create({ fullName: 'Edsger Dijkstra' });
    const [found] = await Person.findAll({ attributes: ['id', 'lastName'], where: { lastName: 'Dijkstra' } });
    expect(Object.keys(found.toJSON() as object).sort()).toEqual(['id', 'lastName']);
    const [other] = await Person.findAll({
      attributes: { exclude: ['fullName'] },
      where: { lastName: 'Dijkstra' },
    });
    expect(other.toJSON()).not.toHaveProperty('fullName');
    const [all] = await Person.findAll({ where: { lastName: 'Dijkstra' } });
    expect(all.toJSON()).toHaveProperty('fullName', 'Edsger Dijkstra');
  });

  test('rawAttributes lists VIRTUAL attributes in declaration order, as Sequelize', () => {
    expect(Object.keys(Person.rawAttributes)).toEqual([
      'id',
      'firstName',
      'lastName',
      'fullName',
      'note',
      'createdAt',
      'updatedAt',
    ]);
    expect(Person.rawAttributes.fullName.type.key).toBe('VIRTUAL');
  });

  test('validators on a VIRTUAL run on create and validate(); the row is not written when they fail', async () => {
    const Account = conn.sequelize.define('Account', {
      passwordHash: DataTypes.STRING,
      password: {
        type: DataTypes.VIRTUAL,
        validate: { len: { args: [8, 64], msg: 'too short' } },
        set(this: Self, value: unknown) {
          this.setDataValue('password', value);
          this.setDataValue('passwordHash', `hash:${String(value)}`);
        },
      },
    });
    await Account.sync();
    const error = await Account.create({ password: 'short' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SequelizeValidationError' });
    expect((error as { errors: unknown[] }).errors[0]).toMatchObject({
      path: 'password',
      message: 'too short',
    });
    expect(await Account.count()).toBe(0);
    const ok = await Account.create({ password: 'long enough' });
    expect(ok.get('passwordHash')).toBe('hash:long enough');
    await expect(Account.build({ password: 'x' }).validate()).rejects.toMatchObject({
      name: 'SequelizeValidationError',
    });
  });
});
