/** Attribute validators (validator.js names, args, msg), custom and model validators, as Sequelize v6. */
import { DataTypes, ValidationError, ValidationErrorItem } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;
let User: ReturnType<TestConnection['sequelize']['define']>;

beforeAll(async () => {
  conn = await openTestConnection();
  User = conn.sequelize.define(
    'User',
    {
      email: {
        type: DataTypes.STRING,
        allowNull: false,
        validate: { isEmail: true, notNull: { msg: 'email please' } },
      },
      name: { type: DataTypes.STRING, validate: { len: [2, 10], notEmpty: true } },
      nick: { type: DataTypes.STRING, validate: { is: ['^[a-z]+$', 'i'], not: /admin/ } },
      site: { type: DataTypes.STRING, validate: { isUrl: { msg: 'bad site' } } },
      age: {
        type: DataTypes.INTEGER,
        validate: { isInt: true, min: 0, max: { args: [150], msg: 'too old' } },
      },
      role: {
        type: DataTypes.STRING,
        validate: { isIn: [['a', 'b']], notIn: { args: [['root']], msg: 'no root' } },
      },
      ip: { type: DataTypes.STRING, validate: { isIP: true, isIPv4: true } },
      code: { type: DataTypes.STRING, validate: { isUUID: 4 } },
      born: {
        type: DataTypes.STRING,
        validate: { isDate: true, isAfter: '1900-01-01', isBefore: '2100-01-01' },
      },
      tag: { type: DataTypes.STRING, validate: { contains: 'x', notContains: 'bad', isLowercase: true } },
      even: {
        type: DataTypes.INTEGER,
        validate: {
          isEven(value: unknown) {
            // Custom validators also run for null when allowNull (Sequelize #9134).
            if (value !== null && value !== undefined && Number(value) % 2 !== 0)
              throw new Error('Only even values are allowed!');
          },
        },
      },
      slow: {
        type: DataTypes.STRING,
        validate: {
          async notTaken(this: { get(k: string): unknown }, value: unknown) {
            await new Promise((r) => setTimeout(r, 1));
            if (value !== undefined && value === this.get('nick')) throw new Error('slow equals nick');
          },
        },
      },
    },
    {
      validate: {
        nickOrName(this: { get(k: string): unknown }) {
          if (this.get('nick') === 'both' && this.get('name') === 'both') throw new Error('not both');
        },
      },
    },
  );
  await conn.sequelize.sync({ force: true });
});
afterAll(() => conn.close());
beforeEach(() => {
  conn.statements.length = 0;
});

async function failures(values: Record<string, unknown>): Promise<ValidationError> {
  const error = await User.create(values).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect(conn.statements).toEqual([]);
  return error as ValidationError;
}

test('valid values pass and are inserted', async () => {
  const user = await User.create({
    email: 'a@b.io',
    name: 'Ann',
    nick: 'Ann',
    site: 'https://x.io',
    age: 40,
    role: 'a',
    ip: '10.0.0.1',
    code: '0d5b7d7b-4a2a-4a8f-9c6e-8b8b0b6f7a11',
    born: '1990-05-01',
    tag: 'xyz',
    even: 4,
    slow: 'other',
  });
  expect(user.get('id')).toBeGreaterThan(0);
  const [rows] = await conn.sequelize.query('SELECT email FROM "Users"');
  expect(rows).toEqual([{ email: 'a@b.io' }]);
});

test('a built-in failure is shaped like Sequelize: default message, validatorName, args, instance', async () => {
  const error = await failures({ email: 'nope', name: 'A' });
  expect(error.message).toBe(
    'Validation error: Validation isEmail on email failed,\nValidation error: Validation len on name failed',
  );
  const [email, name] = error.errors;
  expect(email).toBeInstanceOf(ValidationErrorItem);
  expect({ ...email, instance: undefined }).toEqual({
    message: 'Validation isEmail on email failed',
    type: 'Validation error',
    path: 'email',
    value: 'nope',
    origin: 'FUNCTION',
    instance: undefined,
    validatorKey: 'isEmail',
    validatorName: 'isEmail',
    // validator.js fills the options object with its defaults, as Sequelize shows it.
    validatorArgs: [expect.objectContaining({ require_tld: true })],
  });
  expect(email.instance).toBeInstanceOf(User);
  expect([name.validatorKey, name.validatorArgs]).toEqual(['len', [2, 10]]);
});

test('msg replaces the message; notNull.msg replaces the null message', async () => {
  const error = await failures({ site: 'not a url', age: 200, role: 'root' });
  expect(error.errors.map((e) => [e.path, e.validatorKey, e.message])).toEqual([
    ['email', 'is_null', 'email please'],
    ['site', 'isUrl', 'bad site'],
    ['age', 'max', 'too old'],
    ['role', 'isIn', 'Validation isIn on role failed'],
    ['role', 'notIn', 'no root'],
  ]);
  expect(error.errors[0]).toMatchObject({ type: 'notNull Violation', origin: 'CORE', validatorName: null });
});

test.each([
  ['nick', 'has space', 'is'],
  ['nick', 'theadmin', 'not'],
  ['name', '   ', 'notEmpty'],
  ['age', -1, 'min'],
  ['ip', '::1', 'isIPv4'],
  ['ip', 'x', 'isIP'],
  ['code', 'x', 'isUUID'],
  ['born', 'never', 'isDate'],
  ['born', '1800-01-01', 'isAfter'],
  ['tag', 'abc', 'contains'],
  ['tag', 'xbad', 'notContains'],
  ['tag', 'X', 'isLowercase'],
])('%s = %p fails %s', async (path, value, key) => {
  const error = await failures({ email: 'a@b.io', [path]: value });
  expect(error.errors.map((e) => [e.path, e.validatorKey])).toContainEqual([path, key]);
});

test('custom validators (sync and async, this = instance) and model validators', async () => {
  const error = await failures({ email: 'a@b.io', even: 3, nick: 'both', name: 'both', slow: 'both' });
  expect(error.errors.map((e) => [e.path, e.validatorKey, e.validatorName, e.message])).toEqual([
    ['even', 'isEven', null, 'Only even values are allowed!'],
    ['slow', 'notTaken', null, 'slow equals nick'],
    ['nickOrName', 'nickOrName', null, 'not both'],
  ]);
});

test('null skips built-in validators when allowNull; validate: false and fields skip validation', async () => {
  await expect(User.create({ email: 'n@b.io', name: null, age: null })).resolves.toBeDefined();
  const user = User.build({ email: 'bad', name: 'A' });
  await expect(user.validate({ fields: ['nick'] })).resolves.toBeUndefined();
  await expect(user.validate()).rejects.toBeInstanceOf(ValidationError);
  await user.save({ validate: false });
  expect(user.get('id')).toBeGreaterThan(0);
  user.set('name', 'ok name');
  user.set('age', 'abc');
  await expect(user.save({ fields: ['name'] })).resolves.toBe(user);
});

test('static update runs the validators of the updated attributes', async () => {
  const error = await User.update({ age: 500 }, { where: { email: 'a@b.io' } }).catch((e: unknown) => e);
  expect((error as ValidationError).errors.map((e) => e.message)).toEqual(['too old']);
});

test('an unknown validator name is refused at definition, with a did-you-mean', () => {
  expect(() =>
    conn.sequelize.define('Bad', { email: { type: DataTypes.STRING, validate: { isEmial: true } } }),
  ).toThrow('Attribute "Bad.email": unknown validator "isEmial"; did you mean isEmail?');
  expect(() =>
    conn.sequelize.define('Bad', { email: { type: DataTypes.STRING, validate: { notNull: true } } }),
  ).toThrow('"notNull" validator is only allowed with "allowNull:false"');
  expect(() =>
    // @ts-expect-error a validator is turned off by removing it, not with false
    conn.sequelize.define('Bad', { email: { type: DataTypes.STRING, validate: { isEmail: false } } }),
  ).toThrow('remove the key to turn it off');
  expect(() =>
    conn.sequelize.define('Bad', { email: DataTypes.STRING }, { validate: { email: () => undefined } }),
  ).toThrow('must not have the same name as a field');
});
