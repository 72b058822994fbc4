/** sync({ alter }) on columns of tables holding rows: add, drop, rename-looking, NOT NULL, defaults, comments. */
import { DataTypes, literal } from '../../../runtime/index.js';
import { columnsOf, openAlterKit, rowsOf, syncAlter, type AlterKit } from './alter-helpers.js';

let kit: AlterKit;
beforeAll(async () => {
  kit = await openAlterKit();
});
afterAll(() => kit.close());
beforeEach(() => kit.reset());

test('adds a missing nullable column and one with a default; rows keep their values and get the default', async () => {
  await kit.exec(`CREATE TABLE "People" (id serial PRIMARY KEY, name varchar(255) NOT NULL)`);
  await kit.exec(`INSERT INTO "People" (name) VALUES ('ada'), ('bob')`);
  const People = kit.sequelize.define(
    'Person',
    {
      name: { type: DataTypes.STRING, allowNull: false },
      nick: DataTypes.STRING(40),
      score: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 7 },
    },
    { tableName: 'People', timestamps: false },
  );
  await syncAlter(People);
  expect(kit.changes()).toEqual([
    'ALTER TABLE "People" ADD COLUMN "nick" VARCHAR(40)',
    'ALTER TABLE "People" ADD COLUMN "score" INTEGER NOT NULL DEFAULT 7',
  ]);
  expect(await rowsOf(kit, 'People')).toEqual([
    { id: 1, name: 'ada', nick: null, score: 7 },
    { id: 2, name: 'bob', nick: null, score: 7 },
  ]);
  kit.reset();
  await syncAlter(People);
  expect(kit.changes()).toEqual([]);
});

test('a table made by sync() from the same model needs no change: every type, default, key and comment compares equal', async () => {
  const Everything = kit.sequelize.define(
    'Everything',
    {
      sku: { type: DataTypes.STRING(20), primaryKey: true },
      region: { type: DataTypes.STRING(2), primaryKey: true, comment: "ISO code, e.g. 'DE'" },
      cents: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      negative: { type: DataTypes.INTEGER, defaultValue: -1 },
      ratio: { type: DataTypes.DECIMAL(10, 2), defaultValue: 1.5 },
      real: DataTypes.REAL,
      double: DataTypes.DOUBLE,
      float: DataTypes.FLOAT,
      small: DataTypes.SMALLINT,
      big: DataTypes.BIGINT,
      active: { type: DataTypes.BOOLEAN, defaultValue: true },
      label: { type: DataTypes.TEXT, defaultValue: "it's" },
      meta: { type: DataTypes.JSONB, defaultValue: { a: [1], b: 'x' } },
      doc: { type: DataTypes.JSON, defaultValue: { z: 1 } },
      tags: { type: DataTypes.ARRAY(DataTypes.TEXT), defaultValue: ['x', 'y z'] },
      code: { type: DataTypes.STRING, unique: true },
      a: { type: DataTypes.INTEGER, unique: 'a_b' },
      b: { type: DataTypes.INTEGER, unique: 'a_b' },
      made: { type: DataTypes.DATE, defaultValue: literal('now()') },
      day: { type: DataTypes.DATEONLY, defaultValue: '2020-01-02' },
      at: { type: DataTypes.DATE, defaultValue: new Date('2020-01-02T03:04:05.000Z') },
      time: DataTypes.TIME,
      uuid: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 },
      path: { type: DataTypes.TEXT, defaultValue: "C:\\dir\\it's", comment: 'back\\slash' },
      size: { type: DataTypes.ENUM('s', 'm'), defaultValue: 'm' },
      colors: { type: DataTypes.ARRAY(DataTypes.ENUM('red', 'blue')), defaultValue: ['red'] },
      interval: DataTypes.CUSTOM('interval'),
      ch: DataTypes.CHAR(3),
      blob: DataTypes.BLOB,
      inet: DataTypes.INET,
    },
    { timestamps: true, comment: 'prices per region' },
  );
  await Everything.sync();
  await Everything.create({ sku: 'a', region: 'DE', code: 'c1' });
  kit.reset();
  await syncAlter(Everything);
  expect(kit.changes()).toEqual([]);
  expect(kit.sent().every((s) => s.startsWith('SELECT') || s.startsWith('\nSELECT'))).toBe(true);
});

test('an extra column is dropped only with alter: { drop: true }; without it nothing changes and the error says why', async () => {
  await kit.exec(`CREATE TABLE "Extras" (id serial PRIMARY KEY, keep text, legacy integer)`);
  await kit.exec(`INSERT INTO "Extras" (keep, legacy) VALUES ('a', 1), ('b', 2)`);
  const Extras = kit.sequelize.define(
    'Extra',
    { keep: DataTypes.TEXT, added: DataTypes.TEXT },
    { timestamps: false },
  );
  const before = await columnsOf(kit, 'Extras');
  const error = await syncAlter(Extras).catch((e: Error) => e);
  expect(error).toMatchObject({ name: 'SyncAlterRefusedError' });
  expect((error as Error).message).toContain('drop column "legacy" and its data (not in the model)');
  expect((error as Error).message).toContain(
    'destructive: allowed only with sync({ alter: { drop: true } })',
  );
  expect(kit.changes()).toEqual([]);
  expect(await columnsOf(kit, 'Extras')).toEqual(before);
  await syncAlter(Extras, { drop: true });
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Extras" DROP COLUMN "legacy"',
    'ALTER TABLE "Extras" ADD COLUMN "added" TEXT',
  ]);
  expect(await rowsOf(kit, 'Extras')).toEqual([
    { id: 1, keep: 'a', added: null },
    { id: 2, keep: 'b', added: null },
  ]);
});

test('a column that looks renamed is refused with how to rename it; renaming it keeps the data and leaves nothing to do', async () => {
  await kit.exec(`CREATE TABLE "Renames" (id serial PRIMARY KEY, "fullname" varchar(100))`);
  await kit.exec(`INSERT INTO "Renames" (fullname) VALUES ('Ada Lovelace')`);
  const Renames = kit.sequelize.define('Rename', { fullName: DataTypes.STRING(100) }, { timestamps: false });
  const error = (await syncAlter(Renames).catch((e: Error) => e)) as Error;
  expect(error.message).toContain(
    'drop column "fullname" and its data: it looks renamed to "fullName" (same type character varying(100))',
  );
  expect(error.message).toContain('ALTER TABLE "Renames" RENAME COLUMN "fullname" TO "fullName"');
  expect(error.message).toContain("field: 'fullname'");
  expect(kit.changes()).toEqual([]);
  await kit.exec(`ALTER TABLE "Renames" RENAME COLUMN "fullname" TO "fullName"`);
  kit.reset();
  await syncAlter(Renames);
  expect(kit.changes()).toEqual([]);
  expect(await rowsOf(kit, 'Renames')).toEqual([{ id: 1, fullName: 'Ada Lovelace' }]);
});

test('NOT NULL: dropped freely; added when no row is NULL; NULLs are filled with the default first; refused without a default', async () => {
  await kit.exec(`CREATE TABLE "Nulls" (id serial PRIMARY KEY, a text NOT NULL, b text, c text, d text)`);
  await kit.exec(
    `INSERT INTO "Nulls" (a, b, c, d) VALUES ('a1', 'b1', NULL, NULL), ('a2', 'b2', 'c2', 'd2')`,
  );
  const define = (dNotNull: boolean) =>
    kit.sequelize.define(
      'Null',
      {
        a: DataTypes.TEXT,
        b: { type: DataTypes.TEXT, allowNull: false },
        c: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'none' },
        d: { type: DataTypes.TEXT, allowNull: !dNotNull },
      },
      { timestamps: false },
    );
  const error = (await syncAlter(define(true), { drop: true }).catch((e: Error) => e)) as Error;
  expect(error.message).toContain(
    'blocked: "d" is NULL in 1 row and the model gives no default: fill them, or give a defaultValue',
  );
  expect(kit.changes()).toEqual([]);
  expect((await columnsOf(kit, 'Nulls')).map((c) => [c.name, c.notNull])).toEqual([
    ['id', true],
    ['a', true],
    ['b', false],
    ['c', false],
    ['d', false],
  ]);
  kit.reset();
  await syncAlter(define(false));
  expect(kit.changes()).toEqual([
    `ALTER TABLE "Nulls" ALTER COLUMN "c" SET DEFAULT 'none'`,
    'ALTER TABLE "Nulls" ALTER COLUMN "a" DROP NOT NULL',
    'ALTER TABLE "Nulls" ALTER COLUMN "b" SET NOT NULL',
    'UPDATE "Nulls" SET "c" = DEFAULT WHERE "c" IS NULL',
    'ALTER TABLE "Nulls" ALTER COLUMN "c" SET NOT NULL',
  ]);
  expect(await rowsOf(kit, 'Nulls')).toEqual([
    { id: 1, a: 'a1', b: 'b1', c: 'none', d: null },
    { id: 2, a: 'a2', b: 'b2', c: 'c2', d: 'd2' },
  ]);
  expect((await columnsOf(kit, 'Nulls')).map((c) => [c.name, c.notNull])).toEqual([
    ['id', true],
    ['a', false],
    ['b', true],
    ['c', true],
    ['d', false],
  ]);
});

test('a NOT NULL column without a default cannot be added to a table holding rows; it can to an empty one', async () => {
  await kit.exec(`CREATE TABLE "Required" (id serial PRIMARY KEY)`);
  await kit.exec(`INSERT INTO "Required" DEFAULT VALUES`);
  const Required = kit.sequelize.define(
    'Required',
    { must: { type: DataTypes.TEXT, allowNull: false } },
    { tableName: 'Required', timestamps: false },
  );
  const error = (await syncAlter(Required, { drop: true }).catch((e: Error) => e)) as Error;
  expect(error.message).toContain('the table has 1 row and "must" is NOT NULL without a default');
  await kit.exec(`DELETE FROM "Required"`);
  kit.reset();
  await syncAlter(Required);
  expect(kit.changes()).toEqual(['ALTER TABLE "Required" ADD COLUMN "must" TEXT NOT NULL']);
});

test('defaults are set, changed and dropped; expressions and JS-side defaults are left as they are', async () => {
  await kit.exec(
    `CREATE TABLE "Defaults" (id serial PRIMARY KEY, a integer DEFAULT 1, b text, c text DEFAULT 'old', made timestamptz DEFAULT now(), u uuid DEFAULT gen_random_uuid(), j jsonb DEFAULT '{"a": 1, "b": [1]}', k jsonb DEFAULT '{"a": 1}', tags text[] DEFAULT '{x,"y z"}')`,
  );
  await kit.exec(`INSERT INTO "Defaults" DEFAULT VALUES`);
  const Defaults = kit.sequelize.define(
    'Default',
    {
      a: { type: DataTypes.INTEGER, defaultValue: 2 },
      b: { type: DataTypes.TEXT, defaultValue: "it's new" },
      c: DataTypes.TEXT,
      made: { type: DataTypes.DATE, defaultValue: literal('NOW()') },
      u: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 },
      j: { type: DataTypes.JSONB, defaultValue: { b: [1], a: 1 } },
      k: { type: DataTypes.JSONB, defaultValue: { a: 2 } },
      tags: { type: DataTypes.ARRAY(DataTypes.TEXT), defaultValue: ['x', 'y z'] },
    },
    { timestamps: false },
  );
  await syncAlter(Defaults);
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Defaults" ALTER COLUMN "a" SET DEFAULT 2',
    `ALTER TABLE "Defaults" ALTER COLUMN "b" SET DEFAULT 'it''s new'`,
    'ALTER TABLE "Defaults" ALTER COLUMN "c" DROP DEFAULT',
    `ALTER TABLE "Defaults" ALTER COLUMN "k" SET DEFAULT '{"a":2}'`,
  ]);
  expect((await columnsOf(kit, 'Defaults')).map((c) => c.default)).toEqual([
    `nextval('"Defaults_id_seq"'::regclass)`,
    '2',
    `'it''s new'::text`,
    null,
    'now()',
    'gen_random_uuid()',
    `'{"a": 1, "b": [1]}'::jsonb`,
    `'{"a": 2}'::jsonb`,
    `'{x,"y z"}'::text[]`,
  ]);
  expect(await rowsOf(kit, 'Defaults')).toEqual([
    expect.objectContaining({ id: 1, a: 1, b: null, c: 'old' }),
  ]);
  kit.reset();
  await syncAlter(Defaults);
  expect(kit.changes()).toEqual([]);
});

test('table and column comments are set, changed and removed', async () => {
  await kit.exec(`CREATE TABLE "Notes" (id serial PRIMARY KEY, a text, b text)`);
  await kit.exec(`COMMENT ON COLUMN "Notes".b IS 'old'`);
  await kit.exec(`INSERT INTO "Notes" (a, b) VALUES ('x', 'y')`);
  const Notes = kit.sequelize.define(
    'Note',
    { a: { type: DataTypes.TEXT, comment: "it's a" }, b: DataTypes.TEXT },
    { timestamps: false, comment: 'notes' },
  );
  await syncAlter(Notes);
  expect(kit.changes()).toEqual([
    `COMMENT ON TABLE "Notes" IS 'notes'`,
    `COMMENT ON COLUMN "Notes"."a" IS 'it''s a'`,
    'COMMENT ON COLUMN "Notes"."b" IS NULL',
  ]);
  expect((await columnsOf(kit, 'Notes')).map((c) => c.comment)).toEqual([null, "it's a", null]);
  kit.reset();
  await syncAlter(Notes);
  expect(kit.changes()).toEqual([]);
  expect(await rowsOf(kit, 'Notes')).toEqual([{ id: 1, a: 'x', b: 'y' }]);
});

test('tables in another schema (with their enum there) and identity columns: altered in place, then nothing to do', async () => {
  await kit.exec(`CREATE SCHEMA shop`);
  const define = (extra: boolean) =>
    kit.sequelize.define(
      'Item',
      {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, autoIncrementIdentity: true },
        kind: { type: DataTypes.ENUM(...(extra ? ['a', 'b', 'c'] : ['a', 'b'])), defaultValue: 'a' },
        ...(extra ? { note: DataTypes.TEXT } : {}),
      },
      { schema: 'shop', timestamps: false },
    );
  const Item = define(false);
  await Item.sync();
  await Item.create({ kind: 'b' });
  kit.reset();
  await syncAlter(define(true));
  expect(kit.changes()).toEqual([
    `ALTER TYPE "shop"."enum_Items_kind" ADD VALUE 'c' AFTER 'b'`,
    'ALTER TABLE "shop"."Items" ADD COLUMN "note" TEXT',
  ]);
  kit.reset();
  await syncAlter(define(true));
  expect(kit.changes()).toEqual([]);
  expect(await kit.exec(`SELECT * FROM shop."Items"`)).toEqual([{ id: '1', kind: 'b', note: null }]);
});
