/**
 * Validators, getters, setters and virtual attributes from the schema: generated as real
 * functions in `init`, compiled under tsc --strict, run on the test database (PGlite without
 * DATABASE_URL), and kept with the hand-written code they call when the models are generated again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../../generator/generate.js';
import { loadSchemaText } from '../../generator/schema/load-schema.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { nodeProgram } from '../support/node-program.js';
import { compileWithTsc } from '../support/tsc.js';

const ROOT = path.resolve(__dirname, '../..');

const schema = (extra: string) => `
models:
  User:
    attributes:
      firstName:
        type: STRING
        allowNull: false
        validate: { len: { args: [2, 20], msg: 2 to 20 characters }, notEmpty: true }
      lastName:
        type: STRING
        allowNull: false
        validate:
          is: ^[A-Z]
          notReserved: |
            notReserved(value: string) {
              if (User.isReserved(value)) throw new Error(\`\${value} is reserved\`);
            }
        set: |
          set(value: string) {
            this.setDataValue('lastName', value.trim());
          }
      age: { type: INTEGER, validate: { min: 0, max: 150${extra} } }
      fullName:
        type: STRING
        virtual: [firstName, lastName]
        get: |
          get(): string {
            return \`\${this.firstName} \${this.lastName}\`;
          }
    validate:
      namesDiffer: |
        namesDiffer(this: User) {
          if (this.firstName === this.lastName) throw new Error('first and last name must differ');
        }
  Post:
    paranoid: true
    attributes:
      title: { type: STRING, allowNull: false }
      published: { type: BOOLEAN, allowNull: false, defaultValue: true }
    defaultScope: { where: { published: true } }
    scopes:
      drafts: { where: { published: false }, order: [[title, DESC]], attributes: [id, title], limit: 5 }
    hooks:
      beforeCreate: |
        beforeCreate(post: Post) {
          post.title = Post.shout(post.title);
        }
`;

const HAND_WRITTEN = `
  /** Hand-written: the custom validator in the schema calls it. */
  static isReserved(name: string): boolean {
    return ['Admin', 'Root'].includes(name);
  }
`;

const POST_HAND_WRITTEN = `
  static shout(text: string): string {
    return text.toUpperCase();
  }
`;

const USE = nodeProgram(
  "import { Sequelize, initModels } from './models/index.js';\nimport { ValidationError } from './models/runtime/index.js';",
  `  const sequelize = new Sequelize(process.env.DB_URL!, { logging: false });
  const { User, Post } = initModels(sequelize);
  await sequelize.sync({ force: true });
  const ada = await User.create({ firstName: 'Ada', lastName: '  Lovelace ', age: 36 });
  const read = await User.findByPk(ada.id);
  const failures: unknown[] = [];
  for (const values of [
    { firstName: 'A', lastName: 'Byron' },
    { firstName: 'Ada', lastName: 'Admin' },
    { firstName: 'Ada', lastName: 'lower', age: -1 },
    { firstName: 'Same', lastName: 'Same' },
  ]) {
    try {
      await User.create(values);
      failures.push('created');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      failures.push(error.errors.map((e) => ({ path: e.path, validatorKey: e.validatorKey, message: e.message })));
    }
  }
  const post = await Post.create({ title: 'hello' });
  await Post.create({ title: 'draft', published: false });
  await post.destroy();
  const paranoid = {
    title: post.title,
    visible: await Post.count(),
    all: await Post.unscoped().count({ paranoid: false }),
    drafts: (await Post.scope('drafts').findAll()).map((p) => p.title),
  };
  console.log(JSON.stringify({
    paranoid,
    lastName: read!.lastName,
    fullName: read!.fullName,
    json: ada.toJSON().fullName,
    rows: await User.count(),
    failures,
  }));
  await sequelize.close();`,
);

let work: string;
let database: TestDatabase;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'gm-model-definition-'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
  database = await createTestDatabase('gm_model_definition');
}, 60_000);

afterAll(async () => {
  await database?.drop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Puts hand-written members at the end of the class, after the generated regions. */
function addToClass(file: string, members: string): void {
  const text = readFileSync(file, 'utf8');
  const classEnd = text.lastIndexOf('}');
  writeFileSync(file, `${text.slice(0, classEnd)}${members}${text.slice(classEnd)}`);
}

it('compiles; attribute and model validators reject bad input with Sequelize-shaped errors; get/set/virtual, hooks, paranoid and scopes work; hand-written code survives regeneration', async () => {
  const outDir = path.join(work, 'models');
  await generate({ schema: await loadSchemaText(schema(''), 'schema.yaml'), outDir });
  // A person adds the static the schema's validator calls, after the generated regions.
  const file = path.join(outDir, 'User.ts');
  addToClass(file, HAND_WRITTEN);
  addToClass(path.join(outDir, 'Post.ts'), POST_HAND_WRITTEN);
  // The schema changes (one more validator): the file is generated again around the hand-written static.
  await generate({ schema: await loadSchemaText(schema(', isInt: true'), 'schema.yaml'), outDir });
  const regenerated = readFileSync(file, 'utf8');
  expect(regenerated).toContain('static isReserved(name: string): boolean');
  expect(regenerated).toContain('isInt: true');
  expect(regenerated).toMatch(/notReserved\(value: string\) \{/);
  writeFileSync(path.join(work, 'use.ts'), USE);
  const compiled = compileWithTsc(
    work,
    'commonjs',
    { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' },
    ['models', 'use.ts'],
  );
  expect(compiled.output).toBe('');
  const url = database.engine === 'pglite' ? `pglite://${path.join(work, 'pgdata')}` : database.url;
  const run = spawnSync(process.execPath, [path.join(work, 'out/use.js')], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, DB_URL: url, NODE_OPTIONS: '' },
    timeout: 120_000,
  });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual({
    paranoid: { title: 'HELLO', visible: 0, all: 2, drafts: ['DRAFT'] },
    lastName: 'Lovelace',
    fullName: 'Ada Lovelace',
    json: 'Ada Lovelace',
    rows: 1,
    failures: [
      [{ path: 'firstName', validatorKey: 'len', message: '2 to 20 characters' }],
      [{ path: 'lastName', validatorKey: 'notReserved', message: 'Admin is reserved' }],
      [
        { path: 'lastName', validatorKey: 'is', message: 'Validation is on lastName failed' },
        { path: 'age', validatorKey: 'min', message: 'Validation min on age failed' },
      ],
      [{ path: 'namesDiffer', validatorKey: 'namesDiffer', message: 'first and last name must differ' }],
    ],
  });
}, 300_000);
