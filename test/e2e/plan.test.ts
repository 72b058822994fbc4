/** `gen-models plan schema.yaml --db URL`: the SQL sync({ alter: true }) would run, and nothing changed. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Sequelize } from '../../runtime/index';
import { runCli } from '../support/run-cli';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { useTempDir } from '../support/temp-dir';

const V1 =
  'models:\n  User:\n    attributes:\n      firstName: { type: STRING, allowNull: false }\n      age: INTEGER\n';
const V2 =
  'models:\n  User:\n    attributes:\n      firstName: { type: TEXT, allowNull: false }\n      nickname: STRING\n';

describe('gen-models plan', () => {
  const tempDir = useTempDir('gm-plan');
  let database: TestDatabase;
  let url: string;

  beforeEach(async () => {
    database = await createTestDatabase('gm_plan');
    // The CLI is another process: without a server, a PGlite data directory both can open.
    url = database.engine === 'pglite' ? `pglite://${path.join(tempDir(), 'pgdata')}` : database.url;
    const sequelize = new Sequelize(url, { logging: false });
    await sequelize.query(
      'CREATE TABLE "Users" ("id" SERIAL PRIMARY KEY, "firstName" VARCHAR(255) NOT NULL, "age" INTEGER, ' +
        '"createdAt" TIMESTAMPTZ NOT NULL, "updatedAt" TIMESTAMPTZ NOT NULL)',
    );
    await sequelize.close();
  });
  afterEach(() => database.drop());

  const columns = async () => {
    const sequelize = new Sequelize(url, { logging: false });
    const [rows] = (await sequelize.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'Users' ORDER BY column_name",
    )) as [{ column_name: string; data_type: string }[], unknown];
    await sequelize.close();
    return rows.map((row) => `${row.column_name}:${row.data_type}`);
  };

  it('prints each step with its kind and SQL, and changes nothing', async () => {
    writeFileSync(path.join(tempDir(), 'v2.yaml'), V2);
    const before = await columns();
    const run = runCli(['plan', 'v2.yaml', '--db', url], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '-- DESTRUCTIVE: drop column "age" and its data (not in the model)\nALTER TABLE "Users" DROP COLUMN "age";',
    );
    expect(run.stdout).toContain(
      '-- safe: add column "nickname" (missing in the table)\nALTER TABLE "Users" ADD COLUMN "nickname" VARCHAR(255);',
    );
    expect(run.stdout).toContain('ALTER TABLE "Users" ALTER COLUMN "firstName" TYPE TEXT;');
    expect(run.stderr).toContain('gen-models: 3 step(s): 2 safe, 1 destructive');
    expect(await columns()).toEqual(before);
  });

  it('says so when the tables already match', () => {
    writeFileSync(path.join(tempDir(), 'v1.yaml'), V1);
    const run = runCli(['plan', 'v1.yaml', '--db', url], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('-- Nothing to change: the tables match the models.');
  });

  it('needs --db', () => {
    writeFileSync(path.join(tempDir(), 'v1.yaml'), V1);
    const run = runCli(['plan', 'v1.yaml'], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Missing required argument: db');
  });

  it('reads the schema from the configuration file, with its renames (the same models as generation)', () => {
    writeFileSync(path.join(tempDir(), 'v2.yaml'), V2);
    writeFileSync(
      path.join(tempDir(), 'gen-models.config.yaml'),
      'schema: v2.yaml\nnaming:\n  rename:\n    attributes: { User.nickname: alias }\n',
    );
    const run = runCli(['plan', '--db', url], tempDir());
    expect(run.stderr).toContain('gen-models: 3 step(s): 2 safe, 1 destructive');
    expect(run.code).toBe(0);
    // The column stays nickname: a rename changes the property, not the table.
    expect(run.stdout).toContain('ALTER TABLE "Users" ADD COLUMN "nickname" VARCHAR(255);');
  });

  it('a rename in the configuration that names nothing stops the plan with a did-you-mean', () => {
    writeFileSync(path.join(tempDir(), 'v2.yaml'), V2);
    writeFileSync(
      path.join(tempDir(), 'gen-models.config.yaml'),
      'schema: v2.yaml\nnaming:\n  rename:\n    attributes: { User.nickame: alias }\n',
    );
    const run = runCli(['plan', '--db', url], tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '"User.nickame": model User has no such attribute; did you mean User.nickname?',
    );
  });

  it('without a schema argument or a configuration it says what to give', () => {
    const run = runCli(['plan', '--db', url], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plan needs a YAML schema');
  });
});
