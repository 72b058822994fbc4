/**
 * sync({ alter }) as a whole: every model in foreign-key order, one transaction (a failing step
 * undoes the earlier ones), refusals change nothing, a second run sends no DDL and leaves no
 * duplicate constraint, the catalog is read in a fixed number of queries, and the dry run.
 */
import { DataTypes, formatSyncPlan, planSync, type Sequelize } from '../../../runtime/index.js';
import { columnsOf, openAlterKit, rowsOf, syncAlter, type AlterKit } from './alter-helpers.js';

let kit: AlterKit;
beforeAll(async () => {
  kit = await openAlterKit();
});
afterAll(() => kit.close());
beforeEach(() => kit.reset());

const constraintCount = async () =>
  Number(
    (
      await kit.exec(
        `SELECT count(*)::int AS n FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND c.contype IN ('p', 'u', 'f', 'c')`,
      )
    )[0].n,
  );
const indexCount = async () =>
  Number((await kit.exec(`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'public'`))[0].n);

function defineShop(sequelize: Sequelize, version: 1 | 2) {
  const Customer = sequelize.define('Customer', {
    email: { type: DataTypes.STRING(version === 1 ? 50 : 100), unique: true, allowNull: false },
    tier: DataTypes.ENUM(...(version === 1 ? ['free', 'pro'] : ['free', 'pro', 'team'])),
    ...(version === 2 ? { note: DataTypes.TEXT } : {}),
  });
  const Order = sequelize.define('Order', {
    customerId: { type: DataTypes.INTEGER, references: { model: Customer, key: 'id' }, onDelete: 'CASCADE' },
    total: { type: DataTypes.DECIMAL(10, 2), defaultValue: 0 },
    ...(version === 2 ? { tags: DataTypes.ARRAY(DataTypes.ENUM('gift', 'rush')) } : {}),
  });
  return { Customer, Order };
}

test('sequelize.sync({ alter }) changes every model in foreign-key order; the second run sends no DDL and duplicates nothing', async () => {
  // First in this file: the registry holds exactly these two models.
  const { Customer, Order } = defineShop(kit.sequelize, 1);
  await kit.sequelize.sync();
  const ann = await Customer.create({ email: 'ann@x', tier: 'pro' });
  await Order.create({ customerId: ann.get('id'), total: '9.50' });
  defineShop(kit.sequelize, 2);
  kit.reset();
  await syncAlter(kit.sequelize);
  expect(kit.changes()).toEqual([
    `ALTER TYPE "public"."enum_Customers_tier" ADD VALUE 'team' AFTER 'pro'`,
    `CREATE TYPE "public"."enum_Orders_tags" AS ENUM ('gift', 'rush')`,
    'ALTER TABLE "Customers" ADD COLUMN "note" TEXT',
    'ALTER TABLE "Customers" ALTER COLUMN "email" TYPE VARCHAR(100)',
    'ALTER TABLE "Orders" ADD COLUMN "tags" "public"."enum_Orders_tags"[]',
  ]);
  const constraints = await constraintCount();
  const indexes = await indexCount();
  kit.reset();
  await syncAlter(kit.sequelize);
  await syncAlter(kit.sequelize);
  expect(kit.changes()).toEqual([]);
  // Six bulk catalog queries per run, whatever the number of tables (relations, columns, constraints, enums, domains, indexes).
  expect(kit.sent().length).toBe(12);
  expect(await constraintCount()).toBe(constraints);
  expect(await indexCount()).toBe(indexes);
  expect((await rowsOf(kit, 'Orders')).map((r) => [r.customerId, r.total, r.tags])).toEqual([
    [1, '9.50', null],
  ]);
  expect((await rowsOf(kit, 'Customers')).map((r) => [r.email, r.tier, r.note])).toEqual([
    ['ann@x', 'pro', null],
  ]);
});

test('refused steps in one model change nothing in the others (one plan, one transaction)', async () => {
  await kit.exec(`CREATE TABLE "Alphas" (id serial PRIMARY KEY, a text)`);
  await kit.exec(`CREATE TABLE "Betas" (id serial PRIMARY KEY, b text, gone text)`);
  await kit.exec(`INSERT INTO "Betas" (b, gone) VALUES ('x', 'keep me')`);
  kit.sequelize.define('Alpha', { a: DataTypes.TEXT, added: DataTypes.TEXT }, { timestamps: false });
  kit.sequelize.define('Beta', { b: DataTypes.TEXT }, { tableName: 'Betas', timestamps: false });
  const error = (await syncAlter(kit.sequelize).catch((e: Error) => e)) as Error;
  expect(error.message).toMatch(/refused 1 change of its plan:\n {2}- "Betas": drop column "gone"/);
  expect(kit.changes()).toEqual([]);
  expect((await columnsOf(kit, 'Alphas')).map((c) => c.name)).toEqual(['id', 'a']);
  expect(await rowsOf(kit, 'Betas')).toEqual([{ id: 1, b: 'x', gone: 'keep me' }]);
});

test('a missing table is created (enum types first), like sync() does', async () => {
  const Fresh = kit.sequelize.define(
    'Fresh',
    { state: DataTypes.ENUM('on', 'off') },
    { tableName: 'Fresh', timestamps: false },
  );
  await syncAlter(Fresh);
  expect(kit.changes()).toEqual([
    `CREATE TYPE "public"."enum_Fresh_state" AS ENUM ('on', 'off')`,
    'CREATE TABLE IF NOT EXISTS "Fresh" ("id" SERIAL, "state" "public"."enum_Fresh_state", PRIMARY KEY ("id"))',
  ]);
  kit.reset();
  await syncAlter(Fresh);
  expect(kit.changes()).toEqual([]);
});

test('a step failing in the middle of the plan leaves the table and its rows exactly as they were', async () => {
  await kit.exec(`CREATE TABLE "Fragile" (id serial PRIMARY KEY, ref text, label varchar(10))`);
  await kit.exec(`INSERT INTO "Fragile" (ref, label) VALUES ('not-a-uuid', 'a'), (NULL, 'b')`);
  const before = { columns: await columnsOf(kit, 'Fragile'), rows: await rowsOf(kit, 'Fragile') };
  const Fragile = kit.sequelize.define(
    'Fragile',
    { ref: DataTypes.UUID, label: DataTypes.STRING(20), extra: DataTypes.TEXT },
    { tableName: 'Fragile', timestamps: false, comment: 'c' },
  );
  // text → uuid is an explicit cast nothing checks ahead: PostgreSQL rejects 'not-a-uuid' at the third step.
  const error = (await syncAlter(Fragile, { drop: true }).catch((e: Error) => e)) as Error;
  expect(error.message).toMatch(/invalid input syntax for type uuid/);
  expect(kit.changes()).toEqual([
    'ALTER TABLE "Fragile" ADD COLUMN "extra" TEXT',
    'ALTER TABLE "Fragile" ALTER COLUMN "ref" TYPE UUID USING "ref"::UUID',
  ]);
  expect(await columnsOf(kit, 'Fragile')).toEqual(before.columns);
  expect(await rowsOf(kit, 'Fragile')).toEqual(before.rows);
  expect((await kit.exec(`SELECT obj_description('"Fragile"'::regclass, 'pg_class') AS c`))[0].c).toBeNull();
});

test('planSync() is the dry run: the steps with their SQL, kind and reason; only SELECTs are sent, nothing changes', async () => {
  await kit.exec(`CREATE TABLE "Drafts" (id serial PRIMARY KEY, title varchar(10), old integer)`);
  await kit.exec(`INSERT INTO "Drafts" (title, old) VALUES ('t', 1)`);
  const Drafts = kit.sequelize.define(
    'Draft',
    { title: DataTypes.STRING(40), body: DataTypes.TEXT },
    { timestamps: false },
  );
  const before = await columnsOf(kit, 'Drafts');
  const plan = await planSync(Drafts);
  expect(plan.steps).toEqual([
    {
      sql: 'ALTER TABLE "Drafts" DROP COLUMN "old"',
      kind: 'destructive',
      reason: 'drop column "old" and its data (not in the model)',
      target: '"Drafts"',
    },
    {
      sql: 'ALTER TABLE "Drafts" ADD COLUMN "body" TEXT',
      kind: 'safe',
      reason: 'add column "body" (missing in the table)',
      target: '"Drafts"',
    },
    {
      sql: 'ALTER TABLE "Drafts" ALTER COLUMN "title" TYPE VARCHAR(40)',
      kind: 'safe',
      reason: 'change "title" from character varying(10) to character varying(40) (widen)',
      target: '"Drafts"',
    },
  ]);
  expect(formatSyncPlan(plan)).toBe(
    [
      '-- DESTRUCTIVE: drop column "old" and its data (not in the model)',
      'ALTER TABLE "Drafts" DROP COLUMN "old";',
      '-- safe: add column "body" (missing in the table)',
      'ALTER TABLE "Drafts" ADD COLUMN "body" TEXT;',
      '-- safe: change "title" from character varying(10) to character varying(40) (widen)',
      'ALTER TABLE "Drafts" ALTER COLUMN "title" TYPE VARCHAR(40);',
    ].join('\n'),
  );
  expect(kit.changes()).toEqual([]);
  expect(await columnsOf(kit, 'Drafts')).toEqual(before);
  expect(formatSyncPlan({ steps: [] })).toBe('-- Nothing to change: the tables match the models.');
});

test("with { transaction }, alter runs in the caller's transaction and is undone with it; force wins over alter", async () => {
  await kit.exec(`CREATE TABLE "Callers" (id serial PRIMARY KEY)`);
  const Callers = kit.sequelize.define('Caller', { note: DataTypes.TEXT }, { timestamps: false });
  const t = await kit.sequelize.transaction();
  await Callers.sync({ alter: true, transaction: t });
  expect(kit.changes()).toContain('ALTER TABLE "Callers" ADD COLUMN "note" TEXT');
  await t.rollback();
  expect((await columnsOf(kit, 'Callers')).map((c) => c.name)).toEqual(['id']);
  kit.reset();
  await Callers.sync({ alter: true, force: true });
  expect(kit.changes()).toEqual([
    'DROP TABLE IF EXISTS "Callers" CASCADE',
    'CREATE TABLE IF NOT EXISTS "Callers" ("id" SERIAL, "note" TEXT, PRIMARY KEY ("id"))',
  ]);
});
