/** sync({ alter }) type changes on tables holding rows: widening, casts with USING (checked first), narrowing. */
import { DataTypes } from '../../../runtime/index.js';
import { columnsOf, openAlterKit, rowsOf, syncAlter, type AlterKit } from './alter-helpers.js';

let kit: AlterKit;
beforeAll(async () => {
  kit = await openAlterKit();
});
afterAll(() => kit.close());
beforeEach(() => kit.reset());

const typeOf = async (table: string, column: string) =>
  (await columnsOf(kit, table)).find((c) => c.name === column)?.type;

test('widening is safe and needs no cast: varchar(n) → varchar(m > n), varchar → text, integer → bigint, smallint → integer', async () => {
  await kit.exec(
    `CREATE TABLE "Wides" (id serial PRIMARY KEY, a varchar(5), b varchar(20), c integer, d smallint)`,
  );
  await kit.exec(`INSERT INTO "Wides" (a, b, c, d) VALUES ('abcde', 'twenty', 2147483647, 32767)`);
  const Wides = kit.sequelize.define(
    'Wide',
    { a: DataTypes.STRING(10), b: DataTypes.TEXT, c: DataTypes.BIGINT, d: DataTypes.INTEGER },
    { timestamps: false },
  );
  await syncAlter(Wides);
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Wides" ALTER COLUMN "a" TYPE VARCHAR(10)',
    'ALTER TABLE "Wides" ALTER COLUMN "b" TYPE TEXT',
    'ALTER TABLE "Wides" ALTER COLUMN "c" TYPE BIGINT',
    'ALTER TABLE "Wides" ALTER COLUMN "d" TYPE INTEGER',
  ]);
  expect(await rowsOf(kit, 'Wides')).toEqual([{ id: 1, a: 'abcde', b: 'twenty', c: '2147483647', d: 32767 }]);
  kit.reset();
  await syncAlter(Wides);
  expect(kit.changes()).toEqual([]);
});

test('varchar → integer casts numeric strings with USING; a non-numeric string refuses it with the count and changes nothing', async () => {
  await kit.exec(`CREATE TABLE "Numbers" (id serial PRIMARY KEY, n varchar(20) DEFAULT '0')`);
  await kit.exec(`INSERT INTO "Numbers" (n) VALUES ('12'), (' -7 '), (NULL), ('x1')`);
  const Numbers = kit.sequelize.define(
    'Number',
    { n: { type: DataTypes.INTEGER, defaultValue: 0 } },
    { timestamps: false },
  );
  const error = (await syncAlter(Numbers, { drop: true }).catch((e: Error) => e)) as Error;
  expect(error.message).toContain('change "n" from character varying(20) to integer (cast numeric strings)');
  expect(error.message).toContain(
    'blocked: 1 row with values that are not whole numbers within integer; change those rows first',
  );
  expect(kit.changes()).toEqual([]);
  expect(await typeOf('Numbers', 'n')).toBe('character varying(20)');
  await kit.exec(`UPDATE "Numbers" SET n = '99' WHERE n = 'x1'`);
  kit.reset();
  await syncAlter(Numbers);
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Numbers" ALTER COLUMN "n" DROP DEFAULT',
    'ALTER TABLE "Numbers" ALTER COLUMN "n" TYPE INTEGER USING trim("n")::integer',
    'ALTER TABLE "Numbers" ALTER COLUMN "n" SET DEFAULT 0',
  ]);
  expect((await rowsOf(kit, 'Numbers')).map((r) => r.n)).toEqual([12, -7, null, 99]);
  kit.reset();
  await syncAlter(Numbers);
  expect(kit.changes()).toEqual([]);
});

test('text → varchar(n) narrows: destructive, refused while a value is too long, never truncates', async () => {
  await kit.exec(`CREATE TABLE "Narrows" (id serial PRIMARY KEY, code text, big bigint)`);
  await kit.exec(`INSERT INTO "Narrows" (code, big) VALUES ('abc', 1), ('abcdefgh', 2)`);
  const Narrows = kit.sequelize.define(
    'Narrow',
    { code: DataTypes.STRING(3), big: DataTypes.INTEGER },
    { timestamps: false },
  );
  let error = (await syncAlter(Narrows).catch((e: Error) => e)) as Error;
  expect(error.message).toContain('change "code" from text to character varying(3) (narrow)');
  expect(error.message).toContain('blocked: 1 row with values longer than 3 characters');
  expect(error.message).toContain('change "big" from bigint to integer (narrow)\n    destructive');
  await kit.exec(`UPDATE "Narrows" SET code = 'xyz' WHERE id = 2`);
  kit.reset();
  error = (await syncAlter(Narrows).catch((e: Error) => e)) as Error;
  expect(error.message).toMatch(/refused 2 changes/);
  expect(kit.changes()).toEqual([]);
  await syncAlter(Narrows, { drop: true });
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Narrows" ALTER COLUMN "code" TYPE VARCHAR(3)',
    'ALTER TABLE "Narrows" ALTER COLUMN "big" TYPE INTEGER',
  ]);
  expect(await rowsOf(kit, 'Narrows')).toEqual([
    { id: 1, code: 'abc', big: 1 },
    { id: 2, code: 'xyz', big: 2 },
  ]);
});

test('text → ENUM when every value is a label (else refused); ENUM → text; text[] → ARRAY(ENUM) and back', async () => {
  await kit.exec(
    `CREATE TABLE "Moods" (id serial PRIMARY KEY, mood text DEFAULT 'ok', tags text[], status text)`,
  );
  await kit.exec(
    `INSERT INTO "Moods" (mood, tags) VALUES ('ok', '{a,b}'), ('sad', '{b}'), (NULL, NULL), ('grumpy', '{}')`,
  );
  const define = (labels: string[]) =>
    kit.sequelize.define(
      'Mood',
      {
        mood: { type: DataTypes.ENUM(...labels), defaultValue: 'ok' },
        tags: DataTypes.ARRAY(DataTypes.ENUM('a', 'b')),
        status: DataTypes.TEXT,
      },
      { timestamps: false },
    );
  const error = (await syncAlter(define(['ok', 'sad'])).catch((e: Error) => e)) as Error;
  expect(error.message).toContain('blocked: 1 row with values that are not labels of the enum');
  expect(kit.changes()).toEqual([]);
  expect(await typeOf('Moods', 'mood')).toBe('text');
  kit.reset();
  await syncAlter(define(['ok', 'sad', 'grumpy']));
  expect(kit.changes()).toEqual([
    `CREATE TYPE "public"."enum_Moods_mood" AS ENUM ('ok', 'sad', 'grumpy')`,
    `CREATE TYPE "public"."enum_Moods_tags" AS ENUM ('a', 'b')`,
    'ALTER TABLE "Moods" ALTER COLUMN "mood" DROP DEFAULT',
    'ALTER TABLE "Moods" ALTER COLUMN "mood" TYPE "public"."enum_Moods_mood" USING "mood"::text::"public"."enum_Moods_mood"',
    `ALTER TABLE "Moods" ALTER COLUMN "mood" SET DEFAULT 'ok'`,
    'ALTER TABLE "Moods" ALTER COLUMN "tags" TYPE "public"."enum_Moods_tags"[] USING "tags"::text[]::"public"."enum_Moods_tags"[]',
  ]);
  expect(await typeOf('Moods', 'mood')).toBe('"enum_Moods_mood"');
  expect(await typeOf('Moods', 'tags')).toBe('"enum_Moods_tags"[]');
  const Moods = kit.sequelize.models.Mood;
  expect(
    (await Moods.findAll({ order: [['id', 'ASC']] })).map((m) => [m.get('mood'), m.get('tags')]),
  ).toEqual([
    ['ok', ['a', 'b']],
    ['sad', ['b']],
    [null, null],
    ['grumpy', []],
  ]);
  kit.reset();
  await syncAlter(define(['ok', 'sad', 'grumpy']));
  expect(kit.changes()).toEqual([]);

  const Back = kit.sequelize.define(
    'Mood',
    {
      mood: { type: DataTypes.TEXT, defaultValue: 'ok' },
      tags: DataTypes.ARRAY(DataTypes.TEXT),
      status: DataTypes.TEXT,
    },
    { timestamps: false },
  );
  kit.reset();
  await syncAlter(Back);
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Moods" ALTER COLUMN "mood" DROP DEFAULT',
    'ALTER TABLE "Moods" ALTER COLUMN "mood" TYPE TEXT USING "mood"::text',
    `ALTER TABLE "Moods" ALTER COLUMN "mood" SET DEFAULT 'ok'`,
    'ALTER TABLE "Moods" ALTER COLUMN "tags" TYPE TEXT[] USING "tags"::text[]',
  ]);
  expect(await rowsOf(kit, 'Moods')).toEqual([
    { id: 1, mood: 'ok', tags: ['a', 'b'], status: null },
    { id: 2, mood: 'sad', tags: ['b'], status: null },
    { id: 3, mood: null, tags: null, status: null },
    { id: 4, mood: 'grumpy', tags: [], status: null },
  ]);
});

test('a column of a domain compares by its base type (domains of domains too): no change when the model names the base type', async () => {
  await kit.exec(`CREATE DOMAIN "Name" AS varchar(50)`);
  await kit.exec(`CREATE DOMAIN short_name AS "Name" CHECK (length(VALUE) < 40)`);
  await kit.exec(`CREATE DOMAIN flag AS boolean DEFAULT false NOT NULL`);
  await kit.exec(`CREATE TABLE "Domains" (id serial PRIMARY KEY, name short_name, ok flag, year integer)`);
  await kit.exec(`INSERT INTO "Domains" (name, ok) VALUES ('ada', true)`);
  const Domains = kit.sequelize.define(
    'Domain',
    { name: DataTypes.STRING(50), ok: { type: DataTypes.BOOLEAN }, year: DataTypes.INTEGER },
    { timestamps: false },
  );
  await syncAlter(Domains);
  expect(kit.changes()).toEqual([]);
  expect(await typeOf('Domains', 'name')).toBe('short_name');
});

test('a type change of a column a view uses is blocked, naming the views, instead of failing mid-way (PostgreSQL refuses it)', async () => {
  await kit.exec(`CREATE TABLE "Films" (id serial PRIMARY KEY, title varchar(20), rating varchar(5))`);
  await kit.exec(`CREATE VIEW "FilmTitles" AS SELECT id, title FROM "Films"`);
  await kit.exec(`CREATE VIEW "ShortTitles" AS SELECT title FROM "Films" WHERE length(title) < 5`);
  const Films = kit.sequelize.define(
    'Film',
    { title: DataTypes.TEXT, rating: DataTypes.TEXT },
    { timestamps: false },
  );
  const error = (await syncAlter(Films).catch((e: Error) => e)) as Error;
  expect(error.message).toContain('change "title" from character varying(20) to text');
  expect(error.message).toContain(
    'blocked: "title" is used by views public.FilmTitles, public.ShortTitles, and PostgreSQL cannot change the type of a column a view uses; drop them, sync, then create them again',
  );
  // "rating" is used by no view, but nothing runs while any step is refused.
  expect(error.message).not.toContain('blocked: "rating"');
  expect(kit.changes()).toEqual([]);
  await kit.exec('DROP VIEW "FilmTitles"');
  await kit.exec('DROP VIEW "ShortTitles"');
  kit.reset();
  await syncAlter(Films);
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Films" ALTER COLUMN "title" TYPE TEXT',
    'ALTER TABLE "Films" ALTER COLUMN "rating" TYPE TEXT',
  ]);
});

test('integer, bigint, numeric, boolean, date and uuid → STRING(n): safe, each value becomes its text; refused with the count while a text is longer than n', async () => {
  await kit.exec(
    `CREATE TABLE "Texts" (id serial PRIMARY KEY, i integer DEFAULT 7, b bigint, n numeric(12,3), f boolean, d date, u uuid)`,
  );
  await kit.exec(
    `INSERT INTO "Texts" (i, b, n, f, d, u) VALUES
       (-2147483648, 9223372036854775807, -123456789.125, false, '2024-02-29', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
       (NULL, NULL, NULL, NULL, NULL, NULL)`,
  );
  const attributes = {
    i: { type: DataTypes.STRING, defaultValue: '7' },
    b: DataTypes.STRING(19),
    n: DataTypes.STRING(14),
    f: DataTypes.STRING(5),
    d: DataTypes.STRING(10),
    u: DataTypes.STRING(36),
  };
  const Texts = kit.sequelize.define('Text', attributes, { timestamps: false });
  // bigint's longest text has 20 characters, and this row's has 19: counted, and it fits.
  await syncAlter(Texts);
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Texts" ALTER COLUMN "i" DROP DEFAULT',
    'ALTER TABLE "Texts" ALTER COLUMN "i" TYPE VARCHAR(255) USING "i"::text',
    `ALTER TABLE "Texts" ALTER COLUMN "i" SET DEFAULT '7'`,
    'ALTER TABLE "Texts" ALTER COLUMN "b" TYPE VARCHAR(19) USING "b"::text',
    'ALTER TABLE "Texts" ALTER COLUMN "n" TYPE VARCHAR(14) USING "n"::text',
    'ALTER TABLE "Texts" ALTER COLUMN "f" TYPE VARCHAR(5) USING "f"::text',
    'ALTER TABLE "Texts" ALTER COLUMN "d" TYPE VARCHAR(10) USING "d"::text',
    'ALTER TABLE "Texts" ALTER COLUMN "u" TYPE VARCHAR(36) USING "u"::text',
  ]);
  expect(await rowsOf(kit, 'Texts')).toEqual([
    {
      id: 1,
      i: '-2147483648',
      b: '9223372036854775807',
      n: '-123456789.125',
      f: 'false',
      d: '2024-02-29',
      u: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
    },
    { id: 2, i: null, b: null, n: null, f: null, d: null, u: null },
  ]);
  kit.reset();
  await syncAlter(Texts);
  expect(kit.changes()).toEqual([]);

  await kit.exec(`CREATE TABLE "Longs" (id serial PRIMARY KEY, n numeric, u uuid)`);
  await kit.exec(`INSERT INTO "Longs" (n, u) VALUES (12345.6789, gen_random_uuid()), (1, NULL)`);
  const Longs = kit.sequelize.define(
    'Long',
    { n: DataTypes.STRING(5), u: DataTypes.STRING(20) },
    { timestamps: false },
  );
  kit.reset();
  const error = (await syncAlter(Longs, { drop: true }).catch((e: Error) => e)) as Error;
  expect(error.message).toContain('change "n" from numeric to character varying(5) (values become text)');
  expect(error.message).toContain('blocked: 1 row with values longer than 5 characters');
  expect(error.message).toContain('change "u" from uuid to character varying(20) (values become text)');
  expect(error.message).toContain('blocked: 1 row with values longer than 20 characters');
  expect(kit.changes()).toEqual([]);
  expect(await typeOf('Longs', 'n')).toBe('numeric');
});
