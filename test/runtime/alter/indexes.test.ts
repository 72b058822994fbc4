/**
 * The `indexes` model option: sync() creates them; sync({ alter }) matches them by content (not
 * by name), creates what is missing, drops what the model no longer has, rebuilds what changed,
 * and does nothing on a second run. Checked on the catalog and on the rows, on both engines.
 */
import { DataTypes, literal, UniqueConstraintError } from '../../../runtime/index.js';
import { openAlterKit, syncAlter, type AlterKit } from './alter-helpers.js';

let kit: AlterKit;
beforeAll(async () => {
  kit = await openAlterKit();
});
afterAll(() => kit.close());
beforeEach(() => kit.reset());

/** Each index of the table that no constraint owns, as `pg_get_indexdef` prints it, by name. */
async function indexesOf(table: string): Promise<string[]> {
  const rows = await kit.exec(
    `SELECT pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE c.relname = $1 AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)
      ORDER BY ic.relname`,
    [table],
  );
  return rows.map((row) => String(row.def).replace(/ ON public\./, ' ON '));
}

function defineAccounts(indexes: unknown[]) {
  return kit.sequelize.define(
    'Account',
    {
      email: DataTypes.STRING,
      firstName: DataTypes.STRING,
      status: DataTypes.STRING,
      profile: DataTypes.JSONB,
      score: DataTypes.INTEGER,
    },
    { timestamps: false, indexes: indexes as never },
  );
}

const FULL_SET = [
  { fields: ['email'], unique: true },
  { fields: ['firstName', { name: 'score', order: 'DESC' }] },
  { fields: ['profile'], using: 'GIN', operator: 'jsonb_path_ops' },
  { name: 'accounts_active_status', fields: ['status'], where: { status: 'active' } },
  { name: 'accounts_lower_email', fields: [literal('lower(email)')] },
];

test('sync() creates every declared index, named as Sequelize names them, and a unique one holds', async () => {
  const Accounts = defineAccounts(FULL_SET);
  await Accounts.sync({ force: true });
  expect(await indexesOf('Accounts')).toEqual([
    'CREATE INDEX accounts_active_status ON "Accounts" USING btree (status) WHERE ((status)::text = \'active\'::text)',
    'CREATE UNIQUE INDEX accounts_email ON "Accounts" USING btree (email)',
    'CREATE INDEX accounts_first_name_score ON "Accounts" USING btree ("firstName", score DESC)',
    'CREATE INDEX accounts_lower_email ON "Accounts" USING btree (lower((email)::text))',
    'CREATE INDEX accounts_profile ON "Accounts" USING gin (profile jsonb_path_ops)',
  ]);
  await Accounts.create({ email: 'a@x' });
  await expect(Accounts.create({ email: 'a@x' })).rejects.toBeInstanceOf(UniqueConstraintError);
  // A second sync creates nothing new (IF NOT EXISTS, by name, as Sequelize does).
  await Accounts.sync();
  expect((await indexesOf('Accounts')).length).toBe(5);
});

test('sync({ alter }) on a table that has them all changes nothing, run after run', async () => {
  const Accounts = defineAccounts(FULL_SET);
  await Accounts.sync({ force: true });
  kit.reset();
  await syncAlter(Accounts);
  await syncAlter(Accounts);
  expect(kit.changes()).toEqual([]);
});

test('sync({ alter }) creates missing indexes and rebuilds a changed one, by content; indexes the model does not declare stay', async () => {
  await kit.exec(`DROP TABLE IF EXISTS "Accounts"`);
  await kit.exec(
    `CREATE TABLE "Accounts" (id serial PRIMARY KEY, email varchar(255), "firstName" varchar(255), status varchar(255), profile jsonb, score integer)`,
  );
  await kit.exec(`CREATE INDEX old_status ON "Accounts" (status)`);
  await kit.exec(`CREATE INDEX legacy_name ON "Accounts" ("firstName", score)`);
  await kit.exec(`CREATE UNIQUE INDEX someone_elses ON "Accounts" (score)`);
  // Same content as the model's email index, another name: kept as it is.
  await kit.exec(`CREATE UNIQUE INDEX mail_key_by_hand ON "Accounts" (email)`);
  const Accounts = defineAccounts([
    { fields: ['email'], unique: true },
    { name: 'legacy_name', fields: ['firstName', { name: 'score', order: 'DESC' }] },
    { name: 'accounts_active_status', fields: ['status'], where: { status: 'active' } },
  ]);
  kit.reset();
  await syncAlter(Accounts);
  expect(kit.changes()).toEqual([
    'DROP INDEX "public"."legacy_name"',
    'CREATE INDEX IF NOT EXISTS "legacy_name" ON "Accounts" ("firstName", "score" DESC)',
    'CREATE INDEX IF NOT EXISTS "accounts_active_status" ON "Accounts" ("status") WHERE "status" = \'active\'',
  ]);
  expect(await indexesOf('Accounts')).toEqual([
    'CREATE INDEX accounts_active_status ON "Accounts" USING btree (status) WHERE ((status)::text = \'active\'::text)',
    'CREATE INDEX legacy_name ON "Accounts" USING btree ("firstName", score DESC)',
    'CREATE UNIQUE INDEX mail_key_by_hand ON "Accounts" USING btree (email)',
    'CREATE INDEX old_status ON "Accounts" USING btree (status)',
    'CREATE UNIQUE INDEX someone_elses ON "Accounts" USING btree (score)',
  ]);
  kit.reset();
  await syncAlter(Accounts);
  expect(kit.changes()).toEqual([]);
});

test('a unique index the rows break is refused with the count, and nothing changes', async () => {
  await kit.exec(`DROP TABLE IF EXISTS "Accounts"`);
  const Plain = defineAccounts([]);
  await Plain.sync();
  await Plain.bulkCreate([{ email: 'a@x' }, { email: 'a@x' }, { email: 'b@x' }, { email: null }]);
  const Accounts = defineAccounts([{ fields: ['email'], unique: true }]);
  kit.reset();
  const error = (await syncAlter(Accounts).catch((e: Error) => e)) as Error;
  expect(error.message).toContain('blocked: 2 rows share values of (email); fix those rows first');
  expect(kit.changes()).toEqual([]);
  expect(await indexesOf('Accounts')).toEqual([]);
});

test('mistakes in indexes are refused at init, by name, with a did-you-mean', () => {
  expect(() => defineAccounts([{ fields: ['emial'] }])).toThrow(
    'Account.init() indexes[0]: "emial" is not an attribute of Account; did you mean "email"?',
  );
  expect(() => defineAccounts([{ fields: ['email'], uniqe: true }])).toThrow(
    /unknown option "uniqe"; did you mean "unique"\?/,
  );
  expect(() => defineAccounts([{ fields: ['email'], using: 'GINN' }])).toThrow(
    'Account.init() indexes[0]: using "GINN" is not an index method; did you mean GIN?',
  );
  expect(() => defineAccounts([{ fields: [] }])).toThrow('fields must be a non-empty list');
  expect(() => defineAccounts([{ fields: [literal('lower(email)')] }])).toThrow(
    'an index on an expression needs a name',
  );
  expect(() => defineAccounts([{ fields: ['email'] }, { fields: ['email'], unique: true }])).toThrow(
    'two indexes are named "accounts_email"',
  );
});

test("concurrently: created by sync() after its transaction, refused inside a caller's, blocked in alter", async () => {
  await kit.exec(`DROP TABLE IF EXISTS "Accounts"`);
  const Accounts = defineAccounts([{ fields: ['score'], concurrently: true }]);
  await expect(kit.sequelize.transaction((transaction) => Accounts.sync({ transaction }))).rejects.toThrow(
    'Account.sync(): the index "accounts_score" is concurrently: true, and CREATE INDEX CONCURRENTLY cannot run inside a transaction',
  );
  const Plain = defineAccounts([]);
  await Plain.sync();
  const Concurrent = defineAccounts([{ fields: ['score'], concurrently: true }]);
  const error = (await syncAlter(Concurrent).catch((e: Error) => e)) as Error;
  expect(error.message).toContain(
    'CREATE INDEX CONCURRENTLY cannot run inside the transaction alter runs in',
  );
  await Concurrent.sync();
  expect(await indexesOf('Accounts')).toEqual([
    'CREATE INDEX accounts_score ON "Accounts" USING btree (score)',
  ]);
});
