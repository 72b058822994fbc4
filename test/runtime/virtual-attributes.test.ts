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
