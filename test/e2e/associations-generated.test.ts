/**
 * Associations generated --from-db on a small database made here (PostgreSQL with DATABASE_URL,
 * PGlite without), used by a program compiled with tsc: two keys to one table, a self-reference,
 * a unique key (hasOne) and a junction table (belongsToMany), each included, with the include
 * results typed (a misuse is a compile error, held by @ts-expect-error).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Sequelize } from '../../runtime/index';
import { nodeProgram } from '../support/node-program';
import { runCli } from '../support/run-cli';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { compileWithTsc } from '../support/tsc';

const ROOT = path.resolve(__dirname, '../..');

const TABLES = [
  'CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, manager_id int REFERENCES users (id))',
  `CREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL,
     author_id int NOT NULL REFERENCES users (id), editor_id int REFERENCES users (id))`,
  'CREATE TABLE tags (id serial PRIMARY KEY, label text NOT NULL UNIQUE)',
  `CREATE TABLE post_tags (post_id int REFERENCES posts (id) ON DELETE CASCADE, tag_id int REFERENCES tags (id),
     created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (post_id, tag_id))`,
  'CREATE TABLE profiles (id serial PRIMARY KEY, user_id int NOT NULL UNIQUE REFERENCES users (id), bio text)',
  "INSERT INTO users (name) VALUES ('Ada'), ('Bob')",
  'UPDATE users SET manager_id = 1 WHERE id = 2',
  "INSERT INTO posts (title, author_id, editor_id) VALUES ('First', 1, 2), ('Second', 2, NULL), ('Third', 1, 1)",
  "INSERT INTO tags (label) VALUES ('db'), ('ts')",
  'INSERT INTO post_tags (post_id, tag_id) VALUES (1, 1), (1, 2), (3, 2)',
  "INSERT INTO profiles (user_id, bio) VALUES (1, 'Counts')",
];

const PROGRAM = `const sequelize = new Sequelize(process.env.TEST_DB_URL!, { logging: false });
  const { User, Post, Tag } = initModels(sequelize);
  const users = await User.findAll({
    include: ['authorPosts', 'editorPosts', 'reports', 'manager', 'profile'],
    order: [['id', 'ASC']],
  });
  const titles = (posts: { title: string }[]) => posts.map((p) => p.title).sort();
  const posts = await Post.findAll({ include: [{ association: 'tags', include: ['posts'] }], order: [['id', 'ASC']] });
  const tag = await Tag.findOne({ where: { label: 'ts' }, include: ['posts'] });
  // @ts-expect-error not included: the association may be undefined
  const notLoaded: Post[] = (await User.findAll())[0].authorPosts;
  // Type-checked, never run (the runtime refuses it too): two keys to Post name them from their columns.
  // @ts-expect-error User has no association named posts
  const misnamed = () => User.findAll({ include: ['posts'] });
  void notLoaded;
  void misnamed;
  console.log(JSON.stringify({
    authored: users.map((u) => titles(u.authorPosts)),
    edited: users.map((u) => titles(u.editorPosts)),
    reports: users.map((u) => u.reports.map((r) => r.name)),
    managers: users.map((u) => u.manager?.name ?? null),
    profiles: users.map((u) => u.profile?.bio ?? null),
    tags: posts.map((p) => p.tags.map((t) => t.label).sort()),
    tagged: tag ? titles(tag.posts) : null,
    viaMixin: (await users[0].getAuthorPosts()).length,
    counted: await users[0].countEditorPosts(),
  }));
  await sequelize.close();`;

describe('associations generated from a database, used in TypeScript', () => {
  let work: string;
  let database: TestDatabase;
  let url: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'gm-assoc-'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
    database = await createTestDatabase('gm_assoc');
    // The CLI is another process: without a server, a PGlite data directory both can open.
    url = database.engine === 'pglite' ? `pglite://${path.join(work, 'pgdata')}` : database.url;
    const sequelize = new Sequelize(url, { logging: false });
    for (const sql of TABLES) await sequelize.query(sql);
    await sequelize.close();
    const run = runCli(['--from-db', url, '--out', 'models'], work);
    if (run.code !== 0) throw new Error(`gen-models failed:\n${run.stderr}`);
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('names them by the rules: two keys to one table, a self-reference, a unique key, a junction', () => {
    const index = readFileSync(path.join(work, 'models', 'index.ts'), 'utf8');
    const aliases = [...index.matchAll(/ {2}(\w+)\.(\w+)\((\w+), \{\s*as: "(\w+)"/g)].map(
      ([, source, kind, target, as]) => `${source}.${kind}(${target}) ${as}`,
    );
    expect(aliases.sort()).toEqual(
      [
        'Post.belongsTo(User) author',
        'Post.belongsTo(User) editor',
        'Post.hasMany(PostTag) postTags',
        'Post.belongsToMany(Tag) tags',
        'PostTag.belongsTo(Post) post',
        'PostTag.belongsTo(Tag) tag',
        'Profile.belongsTo(User) user',
        'Tag.hasMany(PostTag) postTags',
        'Tag.belongsToMany(Post) posts',
        'User.belongsTo(User) manager',
        'User.hasMany(User) reports',
        'User.hasMany(Post) authorPosts',
        'User.hasMany(Post) editorPosts',
        'User.hasOne(Profile) profile',
      ].sort(),
    );
  });

  it('compiles with typed include results, and each association loads its rows', () => {
    writeFileSync(
      path.join(work, 'use.ts'),
      nodeProgram("import { Sequelize, initModels, type Post } from './models/index.js';", PROGRAM),
    );
    const compiled = compileWithTsc(
      work,
      'commonjs',
      { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' },
      ['models', 'use.ts'],
    );
    expect(compiled.output).toBe('');
    const run = spawnSync(process.execPath, [path.join(work, 'out/use.js')], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, TEST_DB_URL: url, NODE_OPTIONS: '' },
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      authored: [['First', 'Third'], ['Second']],
      edited: [['Third'], ['First']],
      reports: [['Bob'], []],
      managers: [null, 'Ada'],
      profiles: ['Counts', null],
      tags: [['db', 'ts'], [], ['ts']],
      tagged: ['First', 'Third'],
      viaMixin: 2,
      counted: 1,
    });
  }, 300_000);
});
