/** Validation before any SQL (all failures in one ValidationError) and database errors mapped to typed errors. */
import {
  CheckConstraintError,
  DatabaseError,
  DataTypes,
  ExclusionConstraintError,
  ForeignKeyConstraintError,
  TimeoutError,
  UniqueConstraintError,
  ValidationError,
  ValidationErrorItem,
} from '../../runtime/index.js';
import { needsServer, testWithServer } from '../support/test-database.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;
let Person: ReturnType<TestConnection['sequelize']['define']>;
let Post: ReturnType<TestConnection['sequelize']['define']>;
beforeAll(async () => {
  conn = await openTestConnection();
  Person = conn.sequelize.define('U', {
    name: { type: DataTypes.STRING, allowNull: false },
    email: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    role: { type: DataTypes.ENUM('admin', 'member'), defaultValue: 'member' },
    perms: DataTypes.ARRAY(DataTypes.ENUM('read', 'write')),
    code: DataTypes.CHAR(3),
    createdBy: { type: DataTypes.STRING, allowNull: false, defaultValue: 'system' },
  });
  Post = conn.sequelize.define('Post', {
    authorId: { type: DataTypes.INTEGER, references: { model: Person, key: 'id' }, onDelete: 'RESTRICT' },
    title: DataTypes.TEXT,
  });
  await conn.sequelize.sync({ force: true });
  await conn.sequelize.query('ALTER TABLE "Posts" ADD CONSTRAINT "title_not_empty" CHECK ("title" <> \'\')');
});
afterAll(() => conn.close());
beforeEach(() => {
  conn.statements.length = 0;
});

test('every null violation is listed in one ValidationError, before any SQL', async () => {
  const error = await Person.create({}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as Error).name).toBe('SequelizeValidationError');
  expect((error as Error).message).toBe(
    'notNull Violation: U.name cannot be null,\nnotNull Violation: U.email cannot be null',
  );
  const items = (error as ValidationError).errors;
  expect(items[0]).toBeInstanceOf(ValidationErrorItem);
  expect(items.map((i) => [i.type, i.path, i.value, i.message])).toEqual([
    ['notNull Violation', 'name', null, 'U.name cannot be null'],
    ['notNull Violation', 'email', null, 'U.email cannot be null'],
  ]);
  expect((error as ValidationError).get('email')).toHaveLength(1);
  expect(conn.statements).toEqual([]);
});

test('ENUM membership (also inside ARRAY(ENUM)), STRING(n)/CHAR(n) length and objects in string columns', async () => {
  const error = (await Person.create({
    name: 'x',
    email: 'a'.repeat(21),
    role: 'owner',
    perms: ['read', 'fly'],
    code: 'ABCD',
  }).catch((e: unknown) => e)) as ValidationError;
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.errors.map((e) => e.path)).toEqual(['email', 'role', 'perms', 'code']);
  expect(error.get('role')[0].message).toBe('"owner" is not a valid choice for U.role in ["admin","member"]');
  expect(error.get('perms')[0].message).toBe('"fly" is not a valid choice for U.perms in ["read","write"]');
  expect(error.get('email')[0].message).toBe('U.email must be at most 20 characters long (got 21)');
  const objectError = (await Person.create({ name: { a: 1 }, email: 'e' }).catch(
    (e: unknown) => e,
  )) as ValidationError;
  expect(objectError.message).toBe('string violation: name cannot be an array or an object');
  expect(conn.statements).toEqual([]);
});

test('a failed save leaves the invalid value in memory, marked changed', async () => {
  const p = await Person.create({ name: 'ok', email: 'ok@x' });
  p.set('name', null);
  await expect(p.save()).rejects.toThrow('notNull Violation: U.name cannot be null');
  expect(p.get('name')).toBeNull();
  expect(p.changed()).toEqual(['name']);
  await expect(p.validate()).rejects.toBeInstanceOf(ValidationError);
});

test('a unique violation is a UniqueConstraintError with fields parsed from the detail', async () => {
  await Person.create({ name: 'a', email: 'dup@x' });
  const error = (await Person.create({ name: 'b', email: 'dup@x' }).catch(
    (e: unknown) => e,
  )) as UniqueConstraintError;
  expect(error).toBeInstanceOf(UniqueConstraintError);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.name).toBe('SequelizeUniqueConstraintError');
  expect(error.message).toBe('Validation error');
  expect(error.fields).toEqual({ email: 'dup@x' });
  expect(error.errors.map((e) => [e.message, e.type, e.path, e.value])).toEqual([
    ['email must be unique', 'unique violation', 'email', 'dup@x'],
  ]);
  expect(error.sql).toMatch(/^INSERT INTO "Us"/);
  expect(error.parameters).toContain('dup@x');
  expect((error.parent as { code?: string }).code).toBe('23505');
  expect(error.original).toBe(error.parent);
  expect(error.cause).toBe(error.parent);
});

test('foreign-key and check violations are typed; other failures are DatabaseError with sql and parameters', async () => {
  const fk = (await Post.create({ authorId: 424242, title: 't' }).catch(
    (e: unknown) => e,
  )) as ForeignKeyConstraintError;
  expect(fk).toBeInstanceOf(ForeignKeyConstraintError);
  expect(fk.name).toBe('SequelizeForeignKeyConstraintError');
  expect(fk.fields).toEqual({ authorId: '424242' });
  expect(fk.table).toBe('Posts');
  expect(fk.reltype).toBe('child');

  const author = await Person.create({ name: 'Au', email: 'au@x' });
  await Post.create({ authorId: author.get('id'), title: 't' });
  const parent = (await author.destroy().catch((e: unknown) => e)) as ForeignKeyConstraintError;
  expect(parent).toBeInstanceOf(ForeignKeyConstraintError);
  expect(parent.reltype).toBe('parent');

  const check = (await Post.create({ title: '' }).catch((e: unknown) => e)) as CheckConstraintError;
  expect(check).toBeInstanceOf(CheckConstraintError);
  expect(check).toBeInstanceOf(DatabaseError);
  expect(check.constraint).toBe('title_not_empty');

  const wrongType = (await Post.create({ authorId: 'not a number' as never }).catch(
    (e: unknown) => e,
  )) as DatabaseError;
  expect(wrongType).toBeInstanceOf(DatabaseError);
  expect(wrongType.name).toBe('SequelizeDatabaseError');
  expect(wrongType.message).toMatch(/invalid input syntax for type integer/);
  expect(wrongType.parameters).toContain('not a number');

  const bad = (await conn.sequelize
    .query('SELECT * FROM "no_such_table" WHERE a = $1', [1])
    .catch((e: unknown) => e)) as DatabaseError;
  expect(bad).toBeInstanceOf(DatabaseError);
  expect(bad.sql).toBe('SELECT * FROM "no_such_table" WHERE a = $1');
  expect(bad.parameters).toEqual([1]);
  expect(bad.code).toBe('42P01');
});

testWithServer(needsServer('a statement timeout is a TimeoutError'), async () => {
  const error = await conn.sequelize
    .transaction(async (t) => {
      await conn.sequelize.query("SET LOCAL statement_timeout = '50ms'", { transaction: t });
      await conn.sequelize.query('SELECT pg_sleep(2)', { transaction: t });
    })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TimeoutError);
  expect((error as TimeoutError).name).toBe('SequelizeTimeoutError');
  expect((error as TimeoutError).sql).toBe('SELECT pg_sleep(2)');
});

test('an exclusion violation is an ExclusionConstraintError (and CUSTOM types travel as text)', async () => {
  const Booking = conn.sequelize.define(
    'Booking',
    { during: { type: DataTypes.CUSTOM('int4range'), allowNull: false } },
    { timestamps: false },
  );
  await Booking.sync({ force: true });
  await conn.sequelize.query(
    'ALTER TABLE "Bookings" ADD CONSTRAINT "no_overlap" EXCLUDE USING gist ("during" WITH &&)',
  );
  const first = await Booking.create({ during: '[1,5)' });
  expect(first.get('during')).toBe('[1,5)');
  const error = (await Booking.create({ during: '[3,8)' }).catch(
    (e: unknown) => e,
  )) as ExclusionConstraintError;
  expect(error).toBeInstanceOf(ExclusionConstraintError);
  expect(error.name).toBe('SequelizeExclusionConstraintError');
  expect(error.constraint).toBe('no_overlap');
  expect(error.table).toBe('Bookings');
});

test('validate: false skips the checks and the database still refuses', async () => {
  const error = await Person.create({ name: null, email: 'v@x' }, { validate: false }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  expect((error as Error).message).toMatch(/null value in column "name"/);
});
