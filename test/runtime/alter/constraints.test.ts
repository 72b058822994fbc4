/** sync({ alter }) on keys of tables holding rows: UNIQUE (single, composite), FOREIGN KEY (actions), PRIMARY KEY; never duplicated. */
import { DataTypes } from '../../../runtime/index.js';
import { constraintsOf, openAlterKit, rowsOf, syncAlter, type AlterKit } from './alter-helpers.js';

let kit: AlterKit;
beforeAll(async () => {
  kit = await openAlterKit();
});
afterAll(() => kit.close());
beforeEach(() => kit.reset());

test('UNIQUE is added when the rows allow it (else refused with the count), removed when the model drops it, and never duplicated', async () => {
  await kit.exec(
    `CREATE TABLE "Accounts" (id serial PRIMARY KEY, email text, org integer, name text, handle text UNIQUE)`,
  );
  await kit.exec(
    `INSERT INTO "Accounts" (email, org, name, handle) VALUES ('a@x', 1, 'n', 'h1'), ('a@x', 1, 'n', 'h2'), (NULL, 1, 'n', 'h3'), ('b@x', 2, 'n', 'h4')`,
  );
  const Accounts = kit.sequelize.define(
    'Account',
    {
      email: { type: DataTypes.TEXT, unique: true },
      org: { type: DataTypes.INTEGER, unique: 'org_name' },
      name: { type: DataTypes.TEXT, unique: 'org_name' },
      handle: DataTypes.TEXT,
    },
    { timestamps: false },
  );
  const before = await constraintsOf(kit, 'Accounts');
  const error = (await syncAlter(Accounts).catch((e: Error) => e)) as Error;
  expect(error.message).toContain(
    'add UNIQUE (email)\n    blocked: 2 rows share values of (email); fix those rows first',
  );
  expect(error.message).toContain('add UNIQUE (org, name)\n    blocked: 3 rows share values of (org, name)');
  expect(kit.changes()).toEqual([]);
  expect(await constraintsOf(kit, 'Accounts')).toEqual(before);

  await kit.exec(`UPDATE "Accounts" SET email = 'c@x', name = 'm' WHERE id = 2`);
  await kit.exec(`UPDATE "Accounts" SET name = 'o' WHERE id = 3`);
  kit.reset();
  await syncAlter(Accounts);
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Accounts" DROP CONSTRAINT "Accounts_handle_key"',
    'ALTER TABLE "Accounts" ADD UNIQUE ("email")',
    'ALTER TABLE "Accounts" ADD UNIQUE ("org", "name")',
  ]);
  kit.reset();
  await syncAlter(Accounts);
  await syncAlter(Accounts);
  expect(kit.changes()).toEqual([]);
  expect(await constraintsOf(kit, 'Accounts')).toEqual([
    'p PRIMARY KEY (id)',
    'u UNIQUE (email)',
    'u UNIQUE (org, name)',
  ]);
  expect((await rowsOf(kit, 'Accounts')).map((r) => r.email)).toEqual(['a@x', 'c@x', null, 'b@x']);
});

test('a UNIQUE duplicated by an earlier tool (Sequelize adds one per alter) is reduced to one', async () => {
  await kit.exec(`CREATE TABLE "Dupes" (id serial PRIMARY KEY, code text UNIQUE)`);
  await kit.exec(`ALTER TABLE "Dupes" ADD UNIQUE (code)`);
  await kit.exec(`INSERT INTO "Dupes" (code) VALUES ('a')`);
  const Dupes = kit.sequelize.define(
    'Dupe',
    { code: { type: DataTypes.TEXT, unique: true } },
    { timestamps: false },
  );
  await syncAlter(Dupes);
  expect(kit.changes()).toEqual(['ALTER TABLE "Dupes" DROP CONSTRAINT "Dupes_code_key1"']);
  expect(await constraintsOf(kit, 'Dupes')).toEqual(['p PRIMARY KEY (id)', 'u UNIQUE (code)']);
});

test('FOREIGN KEY: added when every value has its row (else refused), actions changed by drop + add, removed with the model', async () => {
  await kit.exec(`CREATE TABLE "Owners" (id serial PRIMARY KEY, name text)`);
  await kit.exec(
    `CREATE TABLE "Pets" (id serial PRIMARY KEY, "ownerId" integer, "vetId" integer REFERENCES "Owners" (id))`,
  );
  await kit.exec(`INSERT INTO "Owners" (name) VALUES ('ann'), ('ben')`);
  await kit.exec(`INSERT INTO "Pets" ("ownerId", "vetId") VALUES (1, 1), (2, NULL), (9, NULL)`);
  const Owners = kit.sequelize.define('Owner', { name: DataTypes.TEXT }, { timestamps: false });
  const define = (onDelete: 'CASCADE' | 'SET NULL') =>
    kit.sequelize.define(
      'Pet',
      {
        ownerId: { type: DataTypes.INTEGER, references: { model: Owners, key: 'id' }, onDelete },
        vetId: DataTypes.INTEGER,
      },
      { timestamps: false },
    );
  const before = await constraintsOf(kit, 'Pets');
  const error = (await syncAlter(define('CASCADE')).catch((e: Error) => e)) as Error;
  expect(error.message).toContain(
    'blocked: "ownerId" points to no row of Owners.id in 1 row; fix those rows first',
  );
  expect(kit.changes()).toEqual([]);
  expect(await constraintsOf(kit, 'Pets')).toEqual(before);

  await kit.exec(`UPDATE "Pets" SET "ownerId" = 2 WHERE "ownerId" = 9`);
  kit.reset();
  await syncAlter(define('CASCADE'));
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Pets" DROP CONSTRAINT "Pets_vetId_fkey"',
    'ALTER TABLE "Pets" ADD FOREIGN KEY ("ownerId") REFERENCES "Owners" ("id") ON DELETE CASCADE',
  ]);
  kit.reset();
  await syncAlter(define('CASCADE'));
  expect(kit.changes()).toEqual([]);
  await syncAlter(define('SET NULL'));
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Pets" DROP CONSTRAINT "Pets_ownerId_fkey"',
    'ALTER TABLE "Pets" ADD FOREIGN KEY ("ownerId") REFERENCES "Owners" ("id") ON DELETE SET NULL',
  ]);
  expect(await constraintsOf(kit, 'Pets')).toEqual([
    'f FOREIGN KEY ("ownerId") REFERENCES "Owners"(id) ON DELETE SET NULL',
    'p PRIMARY KEY (id)',
  ]);
  expect(await rowsOf(kit, 'Pets')).toEqual([
    { id: 1, ownerId: 1, vetId: 1 },
    { id: 2, ownerId: 2, vetId: null },
    { id: 3, ownerId: 2, vetId: null },
  ]);
});

test('a new column with a reference gets its column, then its key; a table with no primary key gets one when the rows allow it', async () => {
  await kit.exec(`CREATE TABLE "Loose" (id integer NOT NULL, label text)`);
  await kit.exec(`INSERT INTO "Loose" VALUES (1, 'a'), (2, 'b')`);
  const Owners = kit.sequelize.models.Owner;
  const Loose = kit.sequelize.define(
    'Loose',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      label: DataTypes.TEXT,
      ownerId: { type: DataTypes.INTEGER, references: { model: Owners, key: 'id' } },
    },
    { tableName: 'Loose', timestamps: false },
  );
  await syncAlter(Loose);
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Loose" ADD COLUMN "ownerId" INTEGER',
    'ALTER TABLE "Loose" ADD PRIMARY KEY ("id")',
    'ALTER TABLE "Loose" ADD FOREIGN KEY ("ownerId") REFERENCES "Owners" ("id")',
  ]);
  kit.reset();
  await syncAlter(Loose);
  expect(kit.changes()).toEqual([]);
  expect(await rowsOf(kit, 'Loose')).toEqual([
    { id: 1, label: 'a', ownerId: null },
    { id: 2, label: 'b', ownerId: null },
  ]);
});

test('changing the primary key is destructive: refused without drop, refused with the count when values repeat, else done', async () => {
  await kit.exec(`CREATE TABLE "Codes" (id serial PRIMARY KEY, code text NOT NULL)`);
  await kit.exec(`INSERT INTO "Codes" (code) VALUES ('a'), ('a')`);
  const Codes = kit.sequelize.define(
    'Code',
    { id: DataTypes.INTEGER, code: { type: DataTypes.TEXT, primaryKey: true } },
    { timestamps: false },
  );
  let error = (await syncAlter(Codes).catch((e: Error) => e)) as Error;
  expect(error.message).toContain(
    'change the primary key from (id) to (code)\n    blocked: 2 rows share a key or have a NULL in it; fix those rows first',
  );
  await kit.exec(`UPDATE "Codes" SET code = 'b' WHERE id = 2`);
  kit.reset();
  error = (await syncAlter(Codes).catch((e: Error) => e)) as Error;
  expect(error.message).toContain(
    'change the primary key from (id) to (code)\n    destructive: allowed only with sync({ alter: { drop: true } })',
  );
  expect(kit.changes()).toEqual([]);
  await syncAlter(Codes, { drop: true });
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Codes" DROP CONSTRAINT "Codes_pkey"',
    'ALTER TABLE "Codes" ALTER COLUMN "id" DROP NOT NULL',
    'ALTER TABLE "Codes" ADD PRIMARY KEY ("code")',
  ]);
  expect(await constraintsOf(kit, 'Codes')).toEqual(['p PRIMARY KEY (code)']);
  expect(await rowsOf(kit, 'Codes')).toEqual([
    { id: 1, code: 'a' },
    { id: 2, code: 'b' },
  ]);
  kit.reset();
  await syncAlter(Codes);
  expect(kit.changes()).toEqual([]);
});
