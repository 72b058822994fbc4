/**
 * `--runtime sequelize` (docs/sequelize-runtime.md): the real CLI writes the example schema and a
 * schema with paranoid, scopes, hooks, a junction and a view against the real `sequelize` v6
 * package; a project with only sequelize, pg and @types/node compiles them under `tsc --strict`
 * (NodeNext as ES modules, and CommonJS); a program runs them with real Sequelize on real
 * PostgreSQL (Sequelize has no PGlite dialect: that part needs a server). Hand-written code
 * survives regeneration, --check agrees, and a stale runtime copy is warned about.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { createTestDatabase, needsServer, serverUrl, type TestDatabase } from '../support/test-database';
import { nodeProgram } from '../support/node-program';
import { compileWithTsc } from '../support/tsc';
import { Client } from 'pg';
import {
  ensureRealDatabases,
  realDatabaseUrl,
  REAL_DATABASES,
} from '../integration/introspect/real-databases';

const ROOT = path.resolve(__dirname, '../..');

const FEATURES = `
models:
  Author:
    attributes:
      name: { type: STRING, allowNull: false, validate: { notEmpty: true, len: [2, 40] } }
    validate:
      notReserved: |
        notReserved(this: Author) {
          if (this.name === 'Root') throw new Error('Root is reserved');
        }
    methods:
      shout: |
        shout(): string {
          return this.name.toUpperCase();
        }
  Post:
    paranoid: true
    attributes:
      title: { type: STRING, allowNull: false }
      published: { type: BOOLEAN, allowNull: false, defaultValue: true }
      authorId: { type: INTEGER, references: { model: Author } }
      span: CUSTOM('interval')
      during: CUSTOM('tstzrange')
      at: CUSTOM('point')
      born: CUSTOM('timestamp without time zone')
    defaultScope: { where: { published: true } }
    scopes:
      drafts: { where: { published: false }, order: [[title, DESC]], attributes: [id, title], limit: 5 }
    hooks:
      beforeCreate: |
        beforeCreate(post: Post) {
          post.title = post.title.trim();
        }
  Tag:
    attributes:
      label: { type: STRING, allowNull: false, unique: true }
  PostTag:
    timestamps: false
    attributes:
      postId: { type: INTEGER, primaryKey: true, references: { model: Post } }
      tagId: { type: INTEGER, primaryKey: true, references: { model: Tag } }
  PostTitle:
    readOnly: true
    tableName: post_titles
    timestamps: false
    attributes:
      title: { type: STRING, allowNull: false }
`;

const HAND_WRITTEN = `
  /** Hand-written: kept on regeneration. */
  greet(): string {
    return \`Hello, \${this.firstName}\`;
  }
`;

/** The example schema's models on Sequelize: create, include, custom and hand-written methods, a failing validator. */
const USE_EXAMPLE = nodeProgram(
  "import { Sequelize, ValidationError } from 'sequelize';\nimport { initModels } from './models/index.js';",
  `  const sequelize = new Sequelize(process.env.DB_URL!, { logging: false });
  const { User, Foo, Employee, Person, Membership, Audit } = initModels(sequelize);
  await sequelize.sync({ force: true });
  const user = await User.create({ firstName: 'Ada', lastName: 'Lovelace', email: ' ADA@Example.com ' });
  await Foo.create({ label: 'a', ownerId: user.id });
  await Foo.create({ label: 'b', ownerId: user.id });
  const found = await User.findOne({ where: { id: user.id }, include: [{ model: Foo, as: 'ownedFoos' }] });
  // Sequelize's own types hold the generated ones: misuse does not compile.
  // @ts-expect-error firstName is required on create
  User.build({ email: 'x@example.com' });
  // @ts-expect-error getOwnedFoos resolves to Foo[]
  const wrong: Promise<number> = user.getOwnedFoos();
  await wrong;
  // @ts-expect-error no such attribute
  void found?.nickname;
  const boss = await Employee.create({ name: 'Boss', hiredOn: '2020-01-01' });
  await Employee.create({ name: 'Report', hiredOn: '2021-01-01', managerId: boss.id });
  const person = await Person.create({});
  await Membership.create({ userId: user.id, teamName: 'core', invitedBy: person.id });
  const audit = await Audit.create({ payload: { a: [1, 2] }, levels: ['info', 'warn'] });
  let failure: unknown = 'created';
  try {
    await User.create({ firstName: '', email: 'not an email' });
  } catch (error) {
    failure = error instanceof ValidationError ? error.errors.map((e) => e.message).sort() : String(error);
  }
  console.log(JSON.stringify({
    fullName: found!.getFullName(),
    greeting: found!.greet(),
    email: found!.email,
    displayName: found!.displayName,
    foos: found!.ownedFoos!.map((foo) => foo.label.trim()).sort(),
    balance: found!.balance,
    preferences: found!.preferences,
    reports: (await boss.getReports()).map((e) => e.name),
    personName: person.name,
    memberships: await user.countMemberships(),
    audit: { token: typeof audit.token, levels: (await Audit.findByPk(audit.id))!.levels },
    failure,
  }));
  await sequelize.close();`,
);

/** The features schema: paranoid, scopes, hooks, belongsToMany, parsed custom types, a view as a plain Model. */
const USE_FEATURES = nodeProgram(
  "import { Sequelize, ValidationError } from 'sequelize';\nimport { initModels } from './features/index.js';",
  `  const sequelize = new Sequelize(process.env.DB_URL!, { logging: false });
  const { Author, Post, Tag, PostTag, PostTitle } = initModels(sequelize);
  // A view is no table: sync the tables, then create the view.
  for (const model of [Author, Post, Tag, PostTag]) await model.sync({ force: true });
  await sequelize.query('CREATE VIEW post_titles AS SELECT title FROM "Posts"');
  const author = await Author.create({ name: 'Ann' });
  // The model validator from the schema runs on Sequelize too.
  const modelValidator = await Author.create({ name: 'Root' }).then(
    () => 'created',
    (error: unknown) => (error instanceof ValidationError ? error.errors.map((e) => [e.path, e.message]) : String(error)),
  );
  // Parsed types are written as their PostgreSQL text; RETURNING hands them back parsed.
  const post = await Post.create({
    title: '  hello ',
    authorId: author.id,
    born: new Date('2020-01-01T10:00:00Z'),
    span: '1 day',
    during: '[2024-01-01,2024-02-01)',
    at: '(1,2)',
  });
  await Post.create({ title: 'draft', published: false });
  const created = { span: post.span?.days, at: post.at };
  const tag = await Tag.create({ label: 'news' });
  await post.addTag(tag);
  const read = (await Post.findByPk(post.id, { include: [{ model: Tag, as: 'tags' }] }))!;
  await post.destroy();
  console.log(JSON.stringify({
    title: read.title,
    tags: read.tags!.map((t) => t.label),
    span: read.span?.days,
    during: read.during?.length,
    at: read.at,
    visible: await Post.count(),
    all: await Post.unscoped().count({ paranoid: false }),
    drafts: (await Post.scope('drafts').findAll()).map((p) => p.title),
    shout: author.shout(),
    modelValidator,
    created,
    view: (await PostTitle.findAll({ order: [['title', 'ASC']] })).map((row) => row.title),
    viewAttributes: Object.keys(PostTitle.getAttributes()),
  }));
  await sequelize.close();`,
);

let work: string;
const cli = (args: string[]) => {
  const run = runCli(args, work);
  if (run.code !== 0) throw new Error(`gen-models ${args.join(' ')} failed:\n${run.stderr}`);
  return run;
};

/** Adds hand-written members at the end of the class, after the generated regions. */
function addToClass(file: string, members: string): void {
  const text = readFileSync(file, 'utf8');
  const classEnd = text.lastIndexOf('}');
  writeFileSync(file, `${text.slice(0, classEnd)}${members}${text.slice(classEnd)}`);
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'gm-sequelize-runtime-'));
  // Only what a Sequelize project installs: the generated code cannot reach gen-models' runtime.
  mkdirSync(path.join(work, 'node_modules/@types'), { recursive: true });
  for (const name of ['sequelize', 'pg', '@types/node'])
    symlinkSync(path.join(ROOT, 'node_modules', name), path.join(work, 'node_modules', name));
  writeFileSync(path.join(work, 'features.yaml'), FEATURES);
  const example = path.join(ROOT, 'example-schema.yaml');
  cli([example, '--out', 'models', '--runtime', 'sequelize']);
  addToClass(path.join(work, 'models/User.ts'), HAND_WRITTEN);
  // Generated again (say, after a schema change): the hand-written method stays.
  rmSync(path.join(work, 'models/Foo.ts'));
  cli([example, '--out', 'models', '--runtime', 'sequelize']);
  cli(['features.yaml', '--out', 'features', '--runtime', 'sequelize']);
  writeFileSync(path.join(work, 'use-example.ts'), USE_EXAMPLE);
  writeFileSync(path.join(work, 'use-features.ts'), USE_FEATURES);
  // The same files as ES modules, for NodeNext.
  mkdirSync(path.join(work, 'esm'));
  writeFileSync(path.join(work, 'esm/package.json'), '{ "type": "module" }\n');
  for (const entry of ['models', 'features', 'use-example.ts', 'use-features.ts'])
    cpSync(path.join(work, entry), path.join(work, 'esm', entry), { recursive: true });
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

it('imports sequelize, copies no runtime, and declares what Sequelize lacks in sequelize-types.ts', () => {
  expect(existsSync(path.join(work, 'models/runtime'))).toBe(false);
  const user = readFileSync(path.join(work, 'models/User.ts'), 'utf8');
  expect(user).toMatch(/^} from "sequelize";$/m);
  expect(user).toContain('import type { JsonValue, NumericString } from "./sequelize-types.js";');
  expect(user).toContain('declare getOwnedFoos: HasManyGetAssociationsMixin<Foo>;');
  // Sequelize's init wants every attribute: the automatic id and the timestamps are written out.
  expect(user).toMatch(
    / id: \{\s*type: DataTypes\.INTEGER,\s*primaryKey: true,\s*autoIncrement: true,?\s*\}/,
  );
  expect(user).toMatch(/createdAt: \{ type: DataTypes\.DATE, allowNull: false \}/);
  expect(readFileSync(path.join(work, 'models/index.ts'), 'utf8')).toContain(
    'export { Sequelize } from "sequelize";',
  );
  expect(readFileSync(path.join(work, 'models/sequelize-types.ts'), 'utf8')).toContain(
    'export type JsonValue =',
  );
  const post = readFileSync(path.join(work, 'features/Post.ts'), 'utf8');
  expect(post).toContain('span: { type: "interval" }');
  expect(post).toContain('declare span: PgInterval | null;');
  // Written as its text: the creation type takes both.
  expect(post).toContain('span?: PgInterval | string | null;');
  expect(post).toContain('declare during: SequelizeRange<Date> | null;');
  expect(post).toContain('born: { type: "timestamp without time zone" }');
  const view = readFileSync(path.join(work, 'features/PostTitle.ts'), 'utf8');
  expect(view).toContain('extends Model<PostTitleAttributes, PostTitleCreationAttributes>');
  expect(view).toContain('Sequelize has no read-only model');
  expect(view).toContain('PostTitle.removeAttribute("id");');
});

it('takes the runtime from a configuration file too', () => {
  mkdirSync(path.join(work, 'cfg'));
  writeFileSync(
    path.join(work, 'cfg/gen-models.config.json'),
    JSON.stringify({ schema: '../features.yaml', out: '../from-config', runtime: 'sequelize' }),
  );
  cli(['--config', 'cfg/gen-models.config.json']);
  expect(readFileSync(path.join(work, 'from-config/Post.ts'), 'utf8')).toMatch(/^} from "sequelize";$/m);
  expect(existsSync(path.join(work, 'from-config/runtime'))).toBe(false);
  expect(readFileSync(path.join(work, 'from-config/Post.ts'), 'utf8')).toBe(
    readFileSync(path.join(work, 'features/Post.ts'), 'utf8'),
  );
});

it('keeps hand-written code when the models are generated again', () => {
  const user = readFileSync(path.join(work, 'models/User.ts'), 'utf8');
  expect(user).toContain(HAND_WRITTEN.trim().split('\n')[0]!.trim());
  expect(user).toContain('return `Hello, ${this.firstName}`;');
  expect(existsSync(path.join(work, 'models/Foo.ts'))).toBe(true);
});

it('--check finds the files up to date', () => {
  const run = runCli(
    [path.join(ROOT, 'example-schema.yaml'), '--out', 'models', '--runtime', 'sequelize', '--check'],
    work,
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});

it('warns about a runtime copy left by --runtime bundled, and --prune deletes it', () => {
  const example = path.join(ROOT, 'example-schema.yaml');
  cli([example, '--out', 'switched']);
  expect(existsSync(path.join(work, 'switched/runtime/index.ts'))).toBe(true);
  const run = cli([example, '--out', 'switched', '--runtime', 'sequelize']);
  expect(run.stderr).toContain(
    'holds a copy of the runtime that these models no longer use (--runtime sequelize)',
  );
  cli([example, '--out', 'switched', '--runtime', 'sequelize', '--prune']);
  expect(existsSync(path.join(work, 'switched/runtime/index.ts'))).toBe(false);
  expect(runCli([example, '--out', 'switched', '--runtime', 'sequelize', '--check'], work).code).toBe(0);
});

it('compiles under tsc --strict as ES modules (NodeNext) with only sequelize, pg and @types/node', () => {
  const result = compileWithTsc(
    path.join(work, 'esm'),
    'nodenext',
    {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      noEmit: true,
      skipLibCheck: false,
      typeRoots: [path.join(work, 'node_modules/@types')],
    },
    ['models', 'features', 'use-example.ts', 'use-features.ts'],
  );
  expect(result.output).toBe('');
  expect(result.code).toBe(0);
}, 300_000);

it('compiles under tsc --strict as CommonJS', () => {
  const result = compileWithTsc(
    work,
    'commonjs',
    { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' },
    ['models', 'features', 'use-example.ts', 'use-features.ts'],
  );
  expect(result.output).toBe('');
  expect(result.code).toBe(0);
}, 300_000);

describe('on real PostgreSQL with real Sequelize', () => {
  let database: TestDatabase | undefined;
  const run = (program: string) => {
    const result = spawnSync(process.execPath, [path.join(work, 'out', program)], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, DB_URL: database!.url, NODE_OPTIONS: '' },
      timeout: 120_000,
    });
    // Sequelize warns, on stderr, about the type options PostgreSQL ignores (FLOAT(8,2), TEXT('medium')).
    const errors = result.stderr
      .split('\n')
      .filter((line) => line !== '' && !/Warning: Postgre|^>> Check:/.test(line));
    expect(errors).toEqual([]);
    return JSON.parse(result.stdout) as unknown;
  };

  beforeAll(async () => {
    if (serverUrl) database = await createTestDatabase('gm_sequelize_runtime');
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });

  const serverTest = serverUrl ? it : it.skip;

  serverTest(
    needsServer(
      'runs the example schema: sync, create, include, custom and hand-written methods, ValidationError',
    ),
    () => {
      expect(run('use-example.js')).toEqual({
        fullName: 'Ada Lovelace',
        greeting: 'Hello, Ada',
        email: 'ada@example.com',
        displayName: 'Ada Lovelace',
        foos: ['a', 'b'],
        balance: '0.00',
        preferences: { theme: 'light' },
        reports: ['Report'],
        personName: 'John Doe',
        memberships: 1,
        audit: { token: 'string', levels: ['info', 'warn'] },
        failure: ['Validation len on firstName failed', 'an address has no spaces', 'not an email address'],
      });
    },
    120_000,
  );

  serverTest(
    needsServer(
      'runs paranoid, scopes, hooks, a model validator, belongsToMany, parsed custom types and a view',
    ),
    () => {
      expect(run('use-features.js')).toEqual({
        title: 'hello',
        tags: ['news'],
        span: 1,
        during: 2,
        at: { x: 1, y: 2 },
        visible: 0,
        all: 2,
        drafts: ['draft'],
        shout: 'ANN',
        modelValidator: [['notReserved', 'Root is reserved']],
        created: { span: 1, at: { x: 1, y: 2 } },
        view: ['draft', 'hello'],
        viewAttributes: ['title'],
      });
    },
    120_000,
  );
});

/** Extension and PostgreSQL types Sequelize's DataTypes lack, a named enum, a table without a key, a view. */
const EXTENSION_DATABASE = [
  'CREATE EXTENSION citext',
  'CREATE EXTENSION ltree',
  "CREATE TYPE mood AS ENUM ('sad', 'happy')",
  `CREATE TABLE things (
     id serial PRIMARY KEY, name citext NOT NULL, path ltree, ages int4range[], feeling mood,
     feelings mood[], span interval, seen timestamp(3) without time zone, doc tsvector)`,
  'CREATE TABLE log_lines (line text NOT NULL, at timestamptz NOT NULL DEFAULT now())',
  'CREATE VIEW thing_names AS SELECT id, name FROM things',
];

/** The --from-db models synced into an empty database by Sequelize, then written and read. */
const USE_EXTENSIONS = nodeProgram(
  "import { Sequelize } from 'sequelize';\nimport { initModels } from './extensions/index.js';",
  `  const sequelize = new Sequelize(process.env.DB_URL!, { logging: false });
  const { Thing, LogLine, ThingName } = initModels(sequelize);
  // Types Sequelize does not create itself: the extensions, and an enum named otherwise than enum_<table>_<column>.
  await sequelize.query("CREATE EXTENSION citext; CREATE EXTENSION ltree; CREATE TYPE mood AS ENUM ('sad', 'happy')");
  await Thing.sync();
  await LogLine.sync();
  const thing = await Thing.create({ name: 'Ann', path: 'a.b', feeling: 'happy', feelings: '{sad,happy}', seen: new Date('2020-01-01T10:00:00Z') });
  await LogLine.create({ line: 'started' });
  const read = (await Thing.findByPk(thing.id))!;
  const [columns] = await sequelize.query(
    "SELECT table_name, column_name, format_type(atttypid, atttypmod) AS type FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = (c.table_schema || '.' || c.table_name)::regclass AND a.attname = c.column_name WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
  );
  console.log(JSON.stringify({
    thing: { name: read.name, path: read.path, feeling: read.feeling, feelings: read.feelings },
    lines: (await LogLine.findAll()).map((line) => line.line),
    lineAttributes: Object.keys(LogLine.getAttributes()),
    viewKey: ThingName.primaryKeyAttributes,
    columns,
  }));
  await sequelize.close();`,
);

/** Every model of the five real databases, initialised on Sequelize and read once (init throws on what Sequelize refuses). */
const USE_REAL = nodeProgram(
  [
    "import { Sequelize, type ModelStatic, type Model } from 'sequelize';",
    ...REAL_DATABASES.map((name) => `import { initModels as ${name}Models } from './db/${name}/index.js';`),
  ].join('\n'),
  `  const read: Record<string, number> = {};
  const unpopulated: string[] = [];
  const databases: [string, (s: Sequelize) => Record<string, ModelStatic<Model>>][] = [
${REAL_DATABASES.map((name) => `    ['${name}', ${name}Models],`).join('\n')}
  ];
  for (const [name, init] of databases) {
    const sequelize = new Sequelize(process.env.DB_URL!.replace(/\\/[^/]*$/, \`/real_\${name}\`), { logging: false });
    const models = Object.values(init(sequelize));
    for (const model of models) {
      try {
        await model.findOne();
      } catch (error) {
        // A database fact, not the models': pagila's materialized view was never refreshed.
        if (!/has not been populated/.test(String((error as Error).message))) throw error;
        unpopulated.push(\`\${name}.\${model.name}\`);
      }
    }
    read[name] = models.length;
    await sequelize.close();
  }
  console.log(JSON.stringify({ read, unpopulated }));`,
);

describe('--from-db --runtime sequelize', () => {
  const serverTest = serverUrl ? it : it.skip;
  let source: TestDatabase | undefined;
  let target: TestDatabase | undefined;

  beforeAll(async () => {
    if (!serverUrl) return;
    await ensureRealDatabases();
    for (const name of REAL_DATABASES)
      cli(['--from-db', realDatabaseUrl(name), '--out', `db/${name}`, '--runtime', 'sequelize']);
    source = await createTestDatabase('gm_sequelize_from_db');
    target = await createTestDatabase('gm_sequelize_synced');
    const client = new Client({ connectionString: source.url });
    await client.connect();
    try {
      for (const statement of EXTENSION_DATABASE) await client.query(statement);
    } finally {
      await client.end();
    }
    cli(['--from-db', source.url, '--out', 'extensions', '--runtime', 'sequelize']);
    writeFileSync(path.join(work, 'use-extensions.ts'), USE_EXTENSIONS);
    writeFileSync(path.join(work, 'use-real.ts'), USE_REAL);
  }, 600_000);

  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  serverTest(
    needsServer('the five real databases and the extension types compile under tsc --strict'),
    () => {
      const result = compileWithTsc(
        work,
        'from-db',
        { module: 'commonjs', moduleResolution: 'node10', outDir: 'out-db' },
        ['db', 'extensions', 'use-extensions.ts', 'use-real.ts'],
      );
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    },
    600_000,
  );

  serverTest(
    needsServer(
      'Sequelize syncs the raw types as the database had them, and a table without a key gets no id',
    ),
    () => {
      const view = readFileSync(path.join(work, 'extensions/ThingName.ts'), 'utf8');
      expect(view).toContain('Sequelize has no read-only model');
      expect(readFileSync(path.join(work, 'extensions/LogLine.ts'), 'utf8')).toContain(
        'LogLine.removeAttribute("id");',
      );
      const run = spawnSync(process.execPath, [path.join(work, 'out-db/use-extensions.js')], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, DB_URL: target!.url, NODE_OPTIONS: '' },
        timeout: 120_000,
      });
      expect(run.stderr).toBe('');
      const result = JSON.parse(run.stdout) as {
        columns: { table_name: string; column_name: string; type: string }[];
      };
      expect(result).toMatchObject({
        // An array of a named enum comes back as its text: pg has no parser for it (docs/sequelize-runtime.md).
        thing: { name: 'Ann', path: 'a.b', feeling: 'happy', feelings: '{sad,happy}' },
        lines: ['started'],
        lineAttributes: ['line', 'at'],
      });
      expect(result.columns.map((c) => `${c.table_name}.${c.column_name} ${c.type}`)).toEqual([
        'log_lines.line text',
        'log_lines.at timestamp with time zone',
        'things.id integer',
        'things.name citext',
        'things.path ltree',
        'things.ages int4range[]',
        'things.feeling mood',
        'things.feelings mood[]',
        'things.span interval',
        'things.seen timestamp(3) without time zone',
        'things.doc tsvector',
      ]);
    },
    120_000,
  );

  serverTest(
    needsServer('every model of the five real databases initialises on Sequelize and reads a row'),
    () => {
      const run = spawnSync(process.execPath, [path.join(work, 'out-db/use-real.js')], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, DB_URL: realDatabaseUrl('pagila'), NODE_OPTIONS: '' },
        timeout: 300_000,
      });
      expect(run.stderr).toBe('');
      const { read, unpopulated } = JSON.parse(run.stdout) as {
        read: Record<string, number>;
        unpopulated: string[];
      };
      expect(unpopulated).toEqual(['pagila.RentalByCategory']);
      expect(Object.keys(read)).toEqual([...REAL_DATABASES]);
      for (const name of REAL_DATABASES) expect(read[name]).toBeGreaterThan(5);
    },
    300_000,
  );
});
