/** Instances: build, create, save, set/get, changed/previous, update, reload, destroy, toJSON, defaults. */
import {
  DataTypes,
  InstanceError,
  literal,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
} from '../../runtime/index.js';
import { openTestConnection, sqlOf, type TestConnection } from './helpers.js';

class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare firstName: string;
  declare lastName: string | null;
  declare age: CreationOptional<number>;
  declare tags: CreationOptional<string[]>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

let conn: TestConnection;
const sql = () => conn.statements.map(sqlOf);
beforeAll(async () => {
  conn = await openTestConnection();
  User.init(
    {
      firstName: { type: DataTypes.STRING, allowNull: false },
      lastName: DataTypes.STRING,
      age: { type: DataTypes.INTEGER, defaultValue: 0 },
      tags: { type: DataTypes.ARRAY(DataTypes.TEXT), defaultValue: ['new'] },
    },
    { sequelize: conn.sequelize },
  );
  await User.sync({ force: true });
});
afterAll(() => conn.close());
beforeEach(() => {
  conn.statements.length = 0;
});

describe('build', () => {
  test('fills defaults, sets the key to null, marks given values changed, sends no query', () => {
    const u = User.build({ firstName: 'Jane', lastName: 'Doe' });
    expect(u.isNewRecord).toBe(true);
    expect(u.dataValues).toEqual({ age: 0, tags: ['new'], id: null, firstName: 'Jane', lastName: 'Doe' });
    expect(u.changed()).toEqual(['firstName', 'lastName']);
    expect(u.get('createdAt')).toBeUndefined();
    expect(conn.statements).toEqual([]);
  });

  test('default objects and arrays are copied per instance', () => {
    const a = User.build({ firstName: 'a' });
    const b = User.build({ firstName: 'b' });
    a.tags.push('mutated');
    expect(b.tags).toEqual(['new']);
  });

  test("a JSON default's own __proto__ key is copied as a key, never as the copy's prototype", async () => {
    class Setting extends Model<{ id: number; value: unknown }, { value?: unknown }> {}
    const value = JSON.parse('{"__proto__": {"admin": true}, "theme": "dark"}');
    Setting.init(
      { value: { type: DataTypes.JSONB, defaultValue: value } },
      { sequelize: conn.sequelize, timestamps: false },
    );
    const plain = Setting.build().get({ plain: true }).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect((plain as { admin?: boolean }).admin).toBeUndefined();
    expect(Object.keys(plain)).toEqual(['__proto__', 'theme']);
    expect(JSON.stringify(plain)).toBe('{"__proto__":{"admin":true},"theme":"dark"}');
    await Setting.sync({ force: true });
    const saved = await Setting.create();
    const read = (await Setting.findByPk(saved.get('id')))!.get('value') as object;
    expect(Object.keys(read).sort()).toEqual(['__proto__', 'theme']);
    expect(Object.getOwnPropertyDescriptor(read, '__proto__')?.value).toEqual({ admin: true });
    await Setting.drop();
  });

  test('unknown attribute names are ignored (the types reject them)', () => {
    const u = User.build({ firstName: 'x', nickname: 'y' } as never);
    expect(u.get({ plain: true })).not.toHaveProperty('nickname');
  });
});

describe('create and save of a new record', () => {
  test('one INSERT ... RETURNING every column; timestamps set; the instance is no longer new', async () => {
    const before = Date.now();
    const u = await User.create({ firstName: 'John' });
    expect(sql()).toEqual([
      'INSERT INTO "Users" ("firstName","age","tags","createdAt","updatedAt") VALUES ($1,$2,$3,$4,$5) RETURNING "id", "firstName", "lastName", "age", "tags", "createdAt", "updatedAt"',
    ]);
    expect(u.isNewRecord).toBe(false);
    expect(typeof u.id).toBe('number');
    expect(u.lastName).toBeNull();
    expect(u.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(u.updatedAt.getTime()).toBe(u.createdAt.getTime());
    expect(u.changed()).toBe(false);
  });

  test('build().save() resolves the same instance; an explicit createdAt is kept', async () => {
    const created = new Date('2020-01-01T00:00:00.000Z');
    const u = User.build({ firstName: 'Kept', createdAt: created });
    const saved = await u.save();
    expect(saved).toBe(u);
    expect(u.createdAt.toISOString()).toBe(created.toISOString());
  });

  test('save({ fields }) inserts only those fields plus timestamps', async () => {
    const u = User.build({ firstName: 'F', lastName: 'not saved' });
    await u.save({ fields: ['firstName'] });
    expect(sql()[0]).toMatch(
      /^INSERT INTO "Users" \("firstName","createdAt","updatedAt"\) VALUES \(\$1,\$2,\$3\)/,
    );
    expect(u.lastName).toBeNull();
  });

  test('create(values, { fields }) also inserts a primary key that has a default, as Sequelize', async () => {
    const Badge = conn.sequelize.define('Badge', {
      uid: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      label: DataTypes.STRING,
      note: DataTypes.STRING,
    });
    await Badge.sync({ force: true });
    conn.statements.length = 0;
    const badge = await Badge.create({ label: 'gold', note: 'left out' }, { fields: ['label'] });
    expect(sql()[0]).toMatch(/^INSERT INTO "Badges" \("uid","label","createdAt","updatedAt"\)/);
    const found = await Badge.findByPk(badge.get('uid') as string);
    expect([found?.get('label'), found?.get('note')]).toEqual(['gold', null]);
    await Badge.drop();
  });
});

describe('a model without a primary key (removeAttribute)', () => {
  test("removeAttribute('id') makes a keyless table: rows are created and read, never saved or destroyed by a guessed where", async () => {
    const Log = conn.sequelize.define(
      'Log',
      { level: DataTypes.STRING, message: DataTypes.TEXT },
      { timestamps: false },
    );
    Log.removeAttribute('id');
    expect(Object.keys(Log.rawAttributes)).toEqual(['level', 'message']);
    expect(Log.primaryKeyAttributes).toEqual([]);
    conn.statements.length = 0;
    await Log.sync({ force: true });
    expect(sql()).toContain('CREATE TABLE IF NOT EXISTS "Logs" ("level" VARCHAR(255), "message" TEXT)');
    await Log.bulkCreate([
      { level: 'a', message: 'one' },
      { level: 'b', message: 'two' },
    ]);
    const entry = await Log.create({ level: 'c', message: 'three' });
    expect(entry.get({ plain: true })).toEqual({ level: 'c', message: 'three' });
    const [found] = await Log.findAll({ where: { level: 'a' } });
    found.set('level', 'zzz');
    await expect(found.save()).rejects.toThrow('You attempted to save an instance with no primary key');
    await expect(found.destroy()).rejects.toThrow(/no primary key/);
    expect(await Log.update({ level: 'A' }, { where: { level: 'a' } })).toEqual([1]);
    expect((await Log.findAll({ order: [['level', 'ASC']] })).map((l) => l.get('level'))).toEqual([
      'A',
      'b',
      'c',
    ]);
    await Log.drop();
  });

  test('removeAttribute takes out a declared attribute or a timestamp too; unknown names change nothing', () => {
    const Note = conn.sequelize.define('Note', { body: DataTypes.TEXT, draft: DataTypes.BOOLEAN });
    Note.removeAttribute('draft');
    Note.removeAttribute('updatedAt');
    Note.removeAttribute('nothing');
    expect(Object.keys(Note.rawAttributes)).toEqual(['id', 'body', 'createdAt']);
    const note = Note.build({ body: 'x', draft: true } as never);
    expect(note.get({ plain: true })).toEqual({ id: null, body: 'x' });
  });
});

describe('save of an existing record', () => {
  test('updates only the changed fields plus updatedAt', async () => {
    const u = await User.create({ firstName: 'A' });
    conn.statements.length = 0;
    const stamp = u.updatedAt.getTime();
    await new Promise((r) => setTimeout(r, 5));
    u.lastName = 'B';
    await u.save();
    expect(sql()).toEqual(['UPDATE "Users" SET "lastName"=$1,"updatedAt"=$2 WHERE "id" = $3']);
    expect(u.updatedAt.getTime()).toBeGreaterThan(stamp);
    expect(u.changed()).toBe(false);
    expect((await User.findByPk(u.id))!.lastName).toBe('B');
  });

  test('sends no query when nothing changed', async () => {
    const u = await User.create({ firstName: 'Still' });
    conn.statements.length = 0;
    u.firstName = 'Still';
    await u.save();
    expect(conn.statements).toEqual([]);
  });

  test('save({ silent: true }) leaves updatedAt alone', async () => {
    const u = await User.create({ firstName: 'S' });
    const stamp = u.updatedAt.getTime();
    conn.statements.length = 0;
    u.age = 9;
    await u.save({ silent: true });
    expect(sql()).toEqual(['UPDATE "Users" SET "age"=$1 WHERE "id" = $2']);
    expect(u.updatedAt.getTime()).toBe(stamp);
  });

  test('an instance without its primary key refuses to save instead of updating every row', async () => {
    const u = User.build({ firstName: 'x' }, { isNewRecord: false });
    await expect(u.save()).rejects.toThrow(
      'You attempted to save an instance with no primary key, this is not allowed since it would result in a global update',
    );
    expect(conn.statements).toEqual([]);
  });
});

describe('set, get, changed, previous', () => {
  test("set('json.path', v) sets a nested value of a JSON attribute on a copy, and never walks into a prototype", async () => {
    class Profile extends Model<
      { id: number; meta: Record<string, unknown> | null },
      { meta?: Record<string, unknown> | null }
    > {}
    Profile.init({ meta: DataTypes.JSONB }, { sequelize: conn.sequelize, timestamps: false });
    await Profile.sync({ force: true });
    const profile = await Profile.create({ meta: { theme: { dark: false }, size: 1 } });
    const before = profile.get('meta');
    profile.set('meta.theme.dark' as never, true as never);
    expect(profile.previous('meta')).toBe(before);
    expect(before).toEqual({ theme: { dark: false }, size: 1 });
    profile.set({ 'meta.fonts.body': 'serif' } as never);
    expect(profile.get('meta')).toEqual({ theme: { dark: true }, size: 1, fonts: { body: 'serif' } });
    expect(profile.changed()).toEqual(['meta']);
    await profile.save();
    expect((await Profile.findByPk(profile.get('id')))!.get('meta')).toEqual({
      theme: { dark: true },
      size: 1,
      fonts: { body: 'serif' },
    });
    profile.set('meta.__proto__.polluted' as never, 'yes' as never);
    profile.set('meta.constructor.prototype.polluted' as never, 'yes' as never);
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    expect(Object.keys(profile.get('meta') as object)).toEqual(
      expect.arrayContaining(['__proto__', 'constructor']),
    );
    // Not a JSON attribute, or no such attribute: ignored, as Sequelize.
    const u = User.build({ firstName: 'a' });
    u.set('firstName.x' as never, 'y' as never);
    u.set('nothing.x' as never, 'y' as never);
    expect(u.get('firstName')).toBe('a');
    await Profile.drop();
  });

  test('build(list) and bulkBuild build one unsaved instance per record', () => {
    const built = User.build([{ firstName: 'a' }, { firstName: 'b' }]);
    expect(built.map((u) => [u instanceof User, u.isNewRecord, u.firstName, u.age])).toEqual([
      [true, true, 'a', 0],
      [true, true, 'b', 0],
    ]);
    expect(User.bulkBuild([{ firstName: 'c' }]).map((u) => u.firstName)).toEqual(['c']);
    expect(conn.statements).toEqual([]);
  });

  test('set(key, value), set({...}), get(key), get({ plain: true })', async () => {
    const u = await User.create({ firstName: 'Jan' });
    u.set('firstName', 'Mick').set({ lastName: 'Meier', age: 40 });
    expect(u.get('firstName')).toBe('Mick');
    expect(u.get({ plain: true })).toMatchObject({ firstName: 'Mick', lastName: 'Meier', age: 40 });
    expect(u.changed()).toEqual(['firstName', 'lastName', 'age']);
    expect(u.changed('firstName')).toBe(true);
    expect(u.changed('tags')).toBe(false);
    expect(u.previous('firstName')).toBe('Jan');
    expect(u.previous()).toEqual({ firstName: 'Jan', lastName: null, age: 0 });
    await u.save();
    expect(u.previous('firstName')).toBe('Mick');
    expect(u.previous()).toEqual({});
  });

  test('setDataValue / getDataValue and changed(k, true) force a write of a nested mutation', async () => {
    const u = await User.create({ firstName: 'N' });
    u.tags.push('nested');
    expect(u.changed()).toBe(false);
    u.changed('tags', true);
    await u.save();
    expect((await User.findByPk(u.id))!.tags).toEqual(['new', 'nested']);
    u.setDataValue('age', 5);
    expect(u.getDataValue('age')).toBe(5);
    expect(u.changed()).toEqual(['age']);
  });

  test('a set primary key and saved timestamps are read-only', async () => {
    const u = await User.create({ firstName: 'RO' });
    const id = u.id;
    const createdAt = u.createdAt;
    u.set({ id: 999, createdAt: new Date(0) });
    expect(u.id).toBe(id);
    expect(u.createdAt).toBe(createdAt);
    expect(u.changed()).toBe(false);
  });
});

describe('change bookkeeping across saves (save() reuses statement texts)', () => {
  test('save({ fields }) keeps the other changes and their previous values pending', async () => {
    const u = await User.create({ firstName: 'Keep', lastName: 'A' });
    u.set({ lastName: 'B', age: 3 });
    conn.statements.length = 0;
    await u.save({ fields: ['age'] });
    expect(sql()).toEqual(['UPDATE "Users" SET "age"=$1,"updatedAt"=$2 WHERE "id" = $3']);
    expect(u.changed()).toEqual(['lastName']);
    expect(u.previous()).toEqual({ lastName: 'A' });
    await u.save();
    expect(u.changed()).toBe(false);
    expect(u.previous()).toEqual({});
    expect((await User.findByPk(u.id))!.get({ plain: true })).toMatchObject({ lastName: 'B', age: 3 });
  });

  test('changed(k, false) leaves previous(k) alone through a save of other attributes; changed(k, true) of a non-attribute is kept', async () => {
    const u = await User.create({ firstName: 'Prev' });
    u.set({ firstName: 'Other', age: 9 });
    u.changed('firstName', false);
    u.changed('notAnAttribute' as never, true);
    await u.save();
    expect(u.previous('firstName')).toBe('Prev');
    expect(u.changed()).toEqual(['notAnAttribute']);
    expect((await User.findByPk(u.id))!.firstName).toBe('Prev');
  });

  test('the same and different field lists, in either order, each get their own statement and values', async () => {
    const u = await User.create({ firstName: 'Order' });
    conn.statements.length = 0;
    u.lastName = 'L1';
    u.age = 1;
    await u.save();
    u.age = 2;
    u.lastName = 'L2';
    await u.save();
    expect((await User.findByPk(u.id))!.get({ plain: true })).toMatchObject({ lastName: 'L2', age: 2 });
    u.lastName = 'L3';
    u.age = 3;
    await u.save();
    expect(sql().filter((text) => text.startsWith('UPDATE'))).toEqual([
      'UPDATE "Users" SET "lastName"=$1,"age"=$2,"updatedAt"=$3 WHERE "id" = $4',
      'UPDATE "Users" SET "age"=$1,"lastName"=$2,"updatedAt"=$3 WHERE "id" = $4',
      'UPDATE "Users" SET "lastName"=$1,"age"=$2,"updatedAt"=$3 WHERE "id" = $4',
    ]);
    expect((await User.findByPk(u.id))!.get({ plain: true })).toMatchObject({ lastName: 'L3', age: 3 });
  });

  test('creates that leave different columns to the database each send their own column list', async () => {
    conn.statements.length = 0;
    const a = await User.create({ firstName: 'A1', lastName: 'x' });
    const b = await User.create({ firstName: 'B1', lastName: undefined as never, age: 4 });
    const c = await User.create({ firstName: 'C1', lastName: 'y' });
    expect(sql().map((text) => text.slice(0, text.indexOf(' VALUES')))).toEqual([
      'INSERT INTO "Users" ("firstName","lastName","age","tags","createdAt","updatedAt")',
      'INSERT INTO "Users" ("firstName","age","tags","createdAt","updatedAt")',
      'INSERT INTO "Users" ("firstName","lastName","age","tags","createdAt","updatedAt")',
    ]);
    expect([a.lastName, b.lastName, b.age, c.lastName]).toEqual(['x', null, 4, 'y']);
  });
});

describe('update', () => {
  test('saves only the passed keys; earlier pending changes stay pending', async () => {
    const u = await User.create({ firstName: 'Up' });
    u.age = 77;
    conn.statements.length = 0;
    await u.update({ lastName: 'Dated' });
    expect(sql()).toEqual(['UPDATE "Users" SET "lastName"=$1,"updatedAt"=$2 WHERE "id" = $3']);
    expect(u.changed()).toEqual(['age']);
    const fresh = await User.findByPk(u.id);
    expect(fresh!.lastName).toBe('Dated');
    expect(fresh!.age).toBe(0);
  });

  test('unchanged values send no query', async () => {
    const u = await User.create({ firstName: 'Same' });
    conn.statements.length = 0;
    await u.update({ firstName: 'Same' });
    expect(conn.statements).toEqual([]);
  });
});

describe('reload', () => {
  test('reads the row again and discards pending changes', async () => {
    const u = await User.create({ firstName: 'Re' });
    await User.update({ lastName: 'FromDb' }, { where: { id: u.id } });
    u.firstName = 'pending';
    const r = await u.reload();
    expect(r).toBe(u);
    expect(u.firstName).toBe('Re');
    expect(u.lastName).toBe('FromDb');
    expect(u.changed()).toBe(false);
  });

  test('a deleted row cannot be reloaded', async () => {
    const u = await User.create({ firstName: 'Gone' });
    await User.destroy({ where: { id: u.id } });
    const error = await u.reload().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstanceError);
    expect((error as Error).message).toBe(
      'Instance could not be reloaded because it does not exist anymore (find call returned null)',
    );
  });
});

describe('destroy and toJSON', () => {
  test('destroy deletes by primary key; the instance keeps its values', async () => {
    const u = await User.create({ firstName: 'Del' });
    conn.statements.length = 0;
    await expect(u.destroy()).resolves.toBeUndefined();
    expect(sql()).toEqual(['DELETE FROM "Users" WHERE "id" = $1']);
    expect(await User.findByPk(u.id)).toBeNull();
    expect(u.firstName).toBe('Del');
  });

  test('toJSON is a deep copy, and JSON.stringify uses it', async () => {
    const u = await User.create({ firstName: 'J', tags: ['a'] });
    const json = u.toJSON();
    json.tags.push('b');
    expect(u.tags).toEqual(['a']);
    expect(JSON.parse(JSON.stringify(u))).toMatchObject({ id: u.id, firstName: 'J', tags: ['a'] });
    expect(u.where()).toEqual({ id: u.id });
  });
});

describe('default values', () => {
  test('UUIDV4, UUIDV1, NOW, functions and literal() (a database default)', async () => {
    let counter = 0;
    const Doc = conn.sequelize.define(
      'Doc',
      {
        uid: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        v1: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV1 },
        at: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
        seq: { type: DataTypes.INTEGER, defaultValue: () => ++counter },
        fromDb: { type: DataTypes.TEXT, allowNull: false, defaultValue: literal("'db-' || 'side'") },
      },
      { timestamps: false },
    );
    await Doc.sync({ force: true });
    expect(sql().some((s) => s.includes(`"fromDb" TEXT NOT NULL DEFAULT 'db-' || 'side'`))).toBe(true);
    const a = Doc.build({});
    expect(a.get('uid')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.get('v1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.get('at')).toBeInstanceOf(Date);
    expect(a.get('seq')).toBe(1);
    expect(a.get('fromDb')).toBeUndefined();
    conn.statements.length = 0;
    await a.save();
    expect(sql()[0]).not.toContain('"fromDb") VALUES');
    expect(a.get('fromDb')).toBe('db-side');
    expect(Doc.build({}).get('seq')).toBe(2);
    const v1s = Array.from({ length: 100 }, () => Doc.build({}).get('v1'));
    expect(new Set(v1s).size).toBe(100);
  });
});
