/**
 * Naming through the real command line on a real PostgreSQL database (--from-db): the case and
 * singular rules, the rename map (tables and columns kept by tableName and field), type overrides
 * keyed by the new names, the same names in --schema-out, and the generated code compiled by tsc.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { runCli } from '../support/run-cli';
import { useTempDir } from '../support/temp-dir';
import { compileWithTsc } from '../support/tsc';
import {
  createTestDatabase,
  describeWithServer,
  needsServer,
  type TestDatabase,
} from '../support/test-database';

const DDL = `
CREATE TABLE ar_internal_metadata (key varchar PRIMARY KEY, value varchar, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
CREATE TABLE users (id serial PRIMARY KEY, user_name text NOT NULL, preferences jsonb NOT NULL DEFAULT '{"theme": "light"}');
CREATE TABLE blog_posts (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), title text);
CREATE INDEX blog_posts_user_id ON blog_posts (user_id);
`;

const TYPES = `export interface Preferences { theme: 'light' | 'dark' }
export type UserId = number & { readonly __brand: 'UserId' };
`;

/** Run against the database: the renamed attributes read and write the original columns. */
const RUN = `import { Sequelize, initModels } from './models/index.js';

const sequelize = new Sequelize(process.env.GM_NAMING_DB!, { logging: false });
const { User, BlogPost } = initModels(sequelize);
const user = await User.create({ login: 'ann', prefs: { theme: 'dark' } });
await BlogPost.create({ authorId: user.id, title: 'Hello' });
const posts = await BlogPost.findAll({ where: { authorId: user.id } });
const [rows] = await sequelize.query('SELECT u.user_name, u.preferences, p.user_id = u.id AS linked FROM users u JOIN blog_posts p ON p.user_id = u.id');
console.log(JSON.stringify({ titles: posts.map((p) => p.title), rows }));
await sequelize.close();
`;

const USE = `import { ArInternalMetadata, BlogPost, User } from './models/index.js';
import type { UserId } from './types.js';

export async function use(id: UserId): Promise<void> {
  const user = await User.create({ login: 'ann' });
  const dark = await User.create({ login: 'bob', prefs: { theme: 'dark' } });
  void dark;
  const userId: UserId = user.id;
  await BlogPost.findAll({ where: { authorId: id } });
  await BlogPost.create({ authorId: userId, title: null });
  await ArInternalMetadata.findByPk('environment');
  // @ts-expect-error the attribute is renamed: userName is gone
  await User.findAll({ where: { userName: 'ann' } });
  // @ts-expect-error the theme is typed by the override keyed by the new name
  await User.create({ login: 'ann', prefs: { theme: 'blue' } });
}
`;

describeWithServer(needsServer('naming on --from-db'), () => {
  const tempDir = useTempDir('gm-naming');
  let database: TestDatabase;
  const write = (name: string, text: string) => {
    const file = path.join(tempDir(), name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const read = (name: string) => readFileSync(path.join(tempDir(), name), 'utf8');
  const env = () => ({ GM_NAMING_DB: database.url });

  beforeAll(async () => {
    database = await createTestDatabase('gm_naming');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(DDL);
    await client.end();
  });
  afterAll(() => database.drop());

  it('renames models and attributes, keeps the tables and columns, and the code compiles under tsc --strict', () => {
    write('src/types.ts', TYPES);
    write('src/use.ts', USE);
    write('src/run.ts', RUN);
    write('package.json', JSON.stringify({ type: 'module' }));
    symlinkSync(path.resolve(__dirname, '../../node_modules'), path.join(tempDir(), 'node_modules'));
    write(
      'gen-models.config.json',
      JSON.stringify({
        fromDb: { urlEnv: 'GM_NAMING_DB' },
        out: 'src/models',
        schemaOut: 'schema.yaml',
        naming: {
          rename: {
            models: { ArInternalMetadatum: 'ArInternalMetadata' },
            attributes: {
              'User.userName': 'login',
              'User.preferences': 'prefs',
              'BlogPost.userId': 'authorId',
            },
          },
        },
        typeOverrides: {
          'User.prefs': { type: 'Preferences', import: "import type { Preferences } from '../types.js';" },
          'User.id': { type: 'UserId', import: "import type { UserId } from '../types.js';" },
          'BlogPost.authorId': { type: 'UserId', import: "import type { UserId } from '../types.js';" },
        },
      }),
    );
    const run = runCli(['-q'], tempDir(), env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(path.join(tempDir(), 'src/models')).filter((f) => f.endsWith('.ts'));
    expect(files.sort()).toEqual(['ArInternalMetadata.ts', 'BlogPost.ts', 'User.ts', 'index.ts']);
    const metadata = read('src/models/ArInternalMetadata.ts');
    expect(metadata).toMatch(/tableName: "ar_internal_metadata"/);
    const post = read('src/models/BlogPost.ts');
    expect(post).toContain('declare authorId: UserId;');
    expect(post).toMatch(/field: "user_id"/);
    // --schema-out says the same names, and the columns by field:
    const yaml = read('schema.yaml');
    expect(yaml).toMatch(/^ {2}ArInternalMetadata:\n {4}tableName: ar_internal_metadata/m);
    expect(yaml).toMatch(/authorId:\n(?: {8}.*\n)*? {8}field: user_id/);
    const tsc = compileWithTsc(
      tempDir(),
      'strict',
      { module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'out' },
      ['src'],
    );
    expect(tsc.output).toBe('');
    expect(tsc.code).toBe(0);
    const program = spawnSync(process.execPath, [path.join(tempDir(), 'out/run.js')], {
      cwd: tempDir(),
      encoding: 'utf8',
      env: { ...process.env, ...env(), NODE_OPTIONS: '' },
      timeout: 60_000,
    });
    expect(program.stderr).toBe('');
    expect(JSON.parse(program.stdout)).toEqual({
      titles: ['Hello'],
      rows: [{ user_name: 'ann', preferences: { theme: 'dark' }, linked: true }],
    });
  });

  it('snake case and plural table names (naming.models, attributes, singular) compile too', () => {
    write('package.json', JSON.stringify({ type: 'module' }));
    write(
      'gen-models.config.yaml',
      'fromDb: { urlEnv: GM_NAMING_DB }\nout: models\nnaming:\n  models: snake\n  attributes: snake\n  singular: false\n',
    );
    const run = runCli(['-q'], tempDir(), env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(path.join(tempDir(), 'models')).filter((f) => f.endsWith('.ts'));
    expect(files.sort()).toEqual(['ar_internal_metadata.ts', 'blog_posts.ts', 'index.ts', 'users.ts']);
    expect(read('models/blog_posts.ts')).toContain('declare user_id: number;');
    write(
      'use.ts',
      "import { users } from './models/index.js';\nexport const found = users.findAll({ where: { user_name: 'ann' } });\n",
    );
    const tsc = compileWithTsc(
      tempDir(),
      'snake',
      {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        noEmit: true,
        typeRoots: [path.resolve(__dirname, '../../node_modules/@types')],
      },
      ['models', 'use.ts'],
    );
    expect(tsc.output).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('a rename naming a model or column that does not exist is an error with a did-you-mean; nothing is written', () => {
    write(
      'gen-models.config.json',
      JSON.stringify({
        fromDb: { urlEnv: 'GM_NAMING_DB' },
        out: 'bad',
        naming: { rename: { models: { ArInternalMetadata: 'X' }, attributes: { 'User.username': 'login' } } },
      }),
    );
    const run = runCli([], tempDir(), env());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'naming.rename.models: "ArInternalMetadata": no model has that name; did you mean ArInternalMetadatum?',
    );
    expect(run.stderr).toContain(
      '"User.username": model User has no such attribute; did you mean User.userName?',
    );
    expect(readdirSync(tempDir())).not.toContain('bad');
  });
});
