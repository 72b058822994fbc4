/**
 * Tables made by Rails, Django and Laravel migrations, read with the real CLI: their NOT NULL
 * `created_at`/`updated_at` columns (timestamp without time zone included) become the managed
 * timestamps, optional on create; the models compile and the runtime fills them; `--schema-out`
 * YAML generates the same models.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Sequelize } from '../../runtime/index';
import { nodeProgram } from '../support/node-program';
import { runCli } from '../support/run-cli';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { compileWithTsc } from '../support/tsc';

const ROOT = path.resolve(__dirname, '../..');

const TABLES = [
  // Rails 7: bigserial key, timestamp(6) without time zone NOT NULL, no default.
  `CREATE TABLE articles (id bigserial PRIMARY KEY, title varchar NOT NULL,
     created_at timestamp(6) without time zone NOT NULL, updated_at timestamp(6) without time zone NOT NULL)`,
  // Django (USE_TZ): timestamp with time zone NOT NULL, as Sequelize's own.
  `CREATE TABLE polls (id serial PRIMARY KEY, question text NOT NULL,
     created_at timestamp with time zone NOT NULL, updated_at timestamp with time zone NOT NULL)`,
  // Laravel: nullable timestamp(0) columns, which the database does not require: not managed.
  `CREATE TABLE posts (id bigserial PRIMARY KEY, body text,
     created_at timestamp(0) without time zone NULL, updated_at timestamp(0) without time zone NULL)`,
  // Hand-made, camelCase, with a default and a comment.
  `CREATE TABLE notes (id serial PRIMARY KEY, body text,
     "createdAt" timestamp NOT NULL DEFAULT now(), "updatedAt" timestamp NOT NULL)`,
  `COMMENT ON COLUMN notes."updatedAt" IS 'Last change'`,
];

describe('timestamp columns of Rails, Django and Laravel tables', () => {
  let work: string;
  let database: TestDatabase;
  let url: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'gm-framework-'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
    database = await createTestDatabase('gm_framework');
    // The CLI is another process: without a server, a PGlite data directory both can open.
    url = database.engine === 'pglite' ? `pglite://${path.join(work, 'pgdata')}` : database.url;
    const sequelize = new Sequelize(url, { logging: false });
    for (const sql of TABLES) await sequelize.query(sql);
    await sequelize.close();
    const run = runCli(['--from-db', url, '--out', 'models', '--schema-out', 'db/schema.yaml'], work);
    if (run.code !== 0) throw new Error(`gen-models failed:\n${run.stderr}`);
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  const model = (name: string) => readFileSync(path.join(work, 'models', `${name}.ts`), 'utf8');
  const creationType = (name: string) =>
    /export interface \w+CreationAttributes \{\n([\s\S]*?)\n\}/.exec(model(name))![1];

  it('makes NOT NULL created_at/updated_at columns, of either time zone kind, the managed timestamps', () => {
    for (const name of ['Article', 'Poll', 'Note']) {
      expect({ name, creation: creationType(name) }).toEqual({
        name,
        creation: expect.stringMatching(/ {2}createdAt\?: Date;\n[\s\S]* {2}updatedAt\?: Date;$/),
      });
    }
    expect(model('Article')).toContain('type: DataTypes.CUSTOM("timestamp(6) without time zone")');
    expect(model('Article')).toContain('underscored: true');
    expect(model('Article')).not.toContain('timestamps: false');
    // The database's own (Django): left to the runtime, as Sequelize's timestamps are.
    expect(model('Poll')).not.toMatch(/createdAt: \{/);
    // Laravel's nullable columns are no timestamps: the database does not require them.
    expect(model('Post')).toContain('timestamps: false');
    expect(creationType('Post')).toContain('createdAt?: Date | null;');
  });

  it('compiles, and the runtime fills them: create sets both, save moves updatedAt', () => {
    writeFileSync(
      path.join(work, 'use.ts'),
      nodeProgram(
        "import { Sequelize, initModels } from './models/index.js';",
        `const sequelize = new Sequelize(process.env.TEST_DB_URL!, { logging: false });
  const { Article, Note, Poll } = initModels(sequelize);
  const started = Date.now();
  const article = await Article.create({ title: 'Hello' });
  const poll = await Poll.create({ question: 'Why?' });
  const note = await Note.create({ body: 'x' });
  const firstUpdate = article.updatedAt.getTime();
  await new Promise((resolve) => setTimeout(resolve, 30));
  article.title = 'Hello again';
  await article.save();
  await article.reload();
  const [rows] = await sequelize.query(
    "SELECT to_char(created_at, 'YYYY-MM-DD HH24:MI:SS.MS') AS stored FROM articles",
  );
  const local = (date: Date) =>
    new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 23).replace('T', ' ');
  console.log(JSON.stringify({
    created: [article.createdAt, poll.createdAt, note.createdAt].map((d) => d instanceof Date && d.getTime() >= started - 1000),
    updatedMoved: article.updatedAt.getTime() > firstUpdate,
    createdKept: article.createdAt.getTime() < article.updatedAt.getTime(),
    wallClock: (rows as { stored: string }[])[0].stored === local(article.createdAt),
  }));
  await sequelize.close();`,
      ),
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
      env: { ...process.env, TEST_DB_URL: url, NODE_OPTIONS: '', TZ: 'America/New_York' },
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      created: [true, true, true],
      updatedMoved: true,
      createdKept: true,
      // timestamp without time zone holds the process's wall-clock time, as pg writes a Date.
      wallClock: true,
    });
  });

  it('--schema-out writes them so that the YAML generates the same models', () => {
    const yaml = readFileSync(path.join(work, 'db/schema.yaml'), 'utf8');
    expect(yaml).toContain("createdAt: CUSTOM('timestamp(6) without time zone')");
    const run = runCli(['db/schema.yaml', '--out', 'from-yaml'], work);
    expect(run.code).toBe(0);
    const files = readdirSync(path.join(work, 'models')).filter((file) => file.endsWith('.ts'));
    expect(files.sort()).toEqual(['Article.ts', 'Note.ts', 'Poll.ts', 'Post.ts', 'index.ts']);
    // Equal but for the header, which names the source (a database, a YAML file).
    const body = (dir: string, file: string) =>
      readFileSync(path.join(work, dir, file), 'utf8')
        .split('\n')
        .slice(3)
        .join('\n');
    for (const file of files)
      expect({ file, text: body('from-yaml', file) }).toEqual({ file, text: body('models', file) });
  });
});
