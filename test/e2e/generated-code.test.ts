/**
 * The definition of done, end to end: `gen-models example-schema.yaml` (the real CLI)
 * writes files that equal the golden files, compile under `tsc --strict` with module NodeNext
 * and commonjs, reject what must not compile, and, run against the database, create the
 * tables and rows the schema describes.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataTypeIR, ModelIR } from '../../generator/ir';
import { loadSchemaFile } from '../../generator/schema/load-schema';
import { runCli } from '../support/run-cli';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { compileWithTsc } from '../support/tsc';

const ROOT = path.resolve(__dirname, '../..');
const GOLDEN = path.join(ROOT, 'test/golden/example');
const FIXTURES = path.join(__dirname, 'fixtures');

/**
 * The TypeScript examples of the README and the docs/ pages that use the example models, so the
 * docs cannot drift from them: those importing './models/index.js' as they are, those with no
 * import and no connection (the teaser) with the import of User they leave out.
 */
function readmeExamples(): string[] {
  const pages = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).map((name) => `docs/${name}`)];
  const text = pages.map((page) => readFileSync(path.join(ROOT, page), 'utf8')).join('\n');
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return blocks.flatMap((block) => {
    if (block.includes("from './models/index.js'")) return [block];
    if (!block.includes('import ') && !block.includes('sequelize') && block.includes('User.'))
      return [`import { User } from './models/index.js';\n${block}`];
    return [];
  });
}

describe('models generated from example-schema.yaml', () => {
  let work: string;
  let database: TestDatabase;
  /** The CLI runs in another process: with no server, the database is a PGlite data directory it can open too. */
  let databaseUrl: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'gm-e2e-'));
    copyFileSync(path.join(ROOT, 'example-schema.yaml'), path.join(work, 'example-schema.yaml'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
    for (const file of readdirSync(FIXTURES)) copyFileSync(path.join(FIXTURES, file), path.join(work, file));
    const run = runCli(['example-schema.yaml'], work);
    if (run.code !== 0) throw new Error(`gen-models failed:\n${run.stderr}`);
    database = await createTestDatabase('gm_e2e');
    databaseUrl = database.engine === 'pglite' ? `pglite://${path.join(work, 'pgdata')}` : database.url;
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  const modelFiles = () =>
    readdirSync(path.join(work, 'models'))
      .filter((file) => file.endsWith('.ts'))
      .sort();

  it('equals the golden files byte for byte (UPDATE_GOLDEN=1 rewrites them)', () => {
    if (process.env.UPDATE_GOLDEN) {
      rmSync(GOLDEN, { recursive: true, force: true });
      mkdirSync(GOLDEN, { recursive: true });
      for (const file of modelFiles()) copyFileSync(path.join(work, 'models', file), path.join(GOLDEN, file));
    }
    expect(modelFiles()).toEqual(readdirSync(GOLDEN).sort());
    for (const file of modelFiles()) {
      expect({ file, text: readFileSync(path.join(work, 'models', file), 'utf8') }).toEqual({
        file,
        text: readFileSync(path.join(GOLDEN, file), 'utf8'),
      });
    }
  });

  it('compiles under tsc --strict as an ES module with module NodeNext, type tests and the README examples included', () => {
    writeFileSync(path.join(work, 'package.json'), JSON.stringify({ type: 'module' }));
    const examples = readmeExamples();
    // The teaser, the quick start and the runtime tour at least: the test must not pass on none.
    expect(examples.length).toBeGreaterThanOrEqual(3);
    examples.forEach((example, index) =>
      writeFileSync(path.join(work, `readme-example-${index}.ts`), `${example}\nexport {};\n`),
    );
    const result = compileWithTsc(
      work,
      'nodenext',
      { module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true },
      ['models', 'type-checks.ts', 'use-models.ts', 'readme-example-*.ts'],
    );
    rmSync(path.join(work, 'package.json'));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('compiles under tsc --strict with module commonjs, type tests included', () => {
    const result = compileWithTsc(
      work,
      'commonjs',
      { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' },
      ['models', 'type-checks.ts', 'use-models.ts'],
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('runs against the database: creates the tables and the rows the schema describes', () => {
    const run = spawnSync(process.execPath, [path.join(work, 'out/use-models.js')], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, TEST_DB_URL: databaseUrl, NODE_OPTIONS: '' },
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.tables.map((row: { table_name: string }) => row.table_name)).toEqual([
      'Audits',
      'Employees',
      'Foos',
      'Person',
      'Users',
      'memberships',
    ]);
    expect(report.user).toEqual({
      id: 1,
      fullName: 'Jane Dough',
      initials: 'JD',
      age: 2,
      balance: '0.00',
      visits: '0',
      favoriteColor: 'green',
      tags: ['a', 'b'],
      preferences: { theme: 'light' },
      createdAtIsDate: true,
    });
    expect(report.employee).toEqual({ managerId: 1, hiredOn: '2021-02-01' });
    expect(report.person).toEqual({ idLength: 36, name: 'John Doe' });
    expect(report.foo).toEqual({ big: '9007199254740993', updatedTimeStamp: true, hasCreatedAt: false });
    expect(report.membership).toEqual({ role: 'member', joinedAtIsDate: true });
    expect(report.audit).toEqual({
      idLength: 36,
      tokenLength: 36,
      levels: ['info', 'error'],
      happenedAtIsDate: true,
    });
    expect(report.counts).toEqual({ users: 1, employees: 1 });
  });

  it('reads the database back: --from-db --schema-out writes YAML that generates the same models', () => {
    const fromDb = runCli(
      ['--from-db', databaseUrl, '--out', 'from-db', '--schema-out', 'round-trip.yaml'],
      work,
    );
    expect(fromDb.stderr).not.toMatch(/error|warning/i);
    expect(fromDb.code).toBe(0);
    const fromYaml = runCli(['round-trip.yaml', '--out', 'from-yaml'], work);
    expect(fromYaml.code).toBe(0);
    const files = readdirSync(path.join(work, 'from-db'))
      .filter((file) => file.endsWith('.ts'))
      .sort();
    expect(files).toEqual([
      'Audit.ts',
      'Employee.ts',
      'Foo.ts',
      'Membership.ts',
      'Person.ts',
      'User.ts',
      'index.ts',
    ]);
    // Equal but for the header, which names the source (a database, a YAML file).
    const body = (dir: string, file: string) =>
      readFileSync(path.join(work, dir, file), 'utf8')
        .split('\n')
        .slice(3)
        .join('\n');
    for (const file of files)
      expect({ file, text: body('from-yaml', file) }).toEqual({ file, text: body('from-db', file) });
  });

  /**
   * A type as PostgreSQL stores it: Sequelize's MySQL-only options (BIGINT(11), DOUBLE(12,4),
   * TEXT('medium'), STRING.BINARY) do not reach the database, so no database can give them back.
   */
  function storedType(type: DataTypeIR): DataTypeIR {
    switch (type.kind) {
      case 'BIGINT':
        return { kind: 'BIGINT' };
      case 'DOUBLE':
        return { kind: 'DOUBLE' };
      case 'TEXT':
        return { kind: 'TEXT' };
      case 'FLOAT':
        if (type.scale !== undefined || type.precision === undefined || type.precision > 24)
          return { kind: 'DOUBLE' };
        return { kind: 'REAL' };
      case 'STRING':
      case 'CHAR':
        return type.binary ? { kind: 'BLOB' } : type;
      case 'ARRAY':
        return { kind: 'ARRAY', element: storedType(type.element) };
      default:
        return type;
    }
  }

  it('round-trips the tables: the YAML read from the database describes the same columns as example-schema.yaml', async () => {
    // What only the runtime or the class knows (UUIDV4/NOW defaults, methods, virtual attributes) is not in a database.
    const columns = (model: ModelIR) =>
      Object.fromEntries(
        model.attributes
          .filter((a) => a.virtual === undefined)
          .map((a) => [
            a.field,
            {
              type: storedType(a.type),
              allowNull: a.allowNull,
              primaryKey: a.primaryKey,
              unique: a.unique !== false,
              default:
                a.defaultValue?.kind === 'literal' || a.defaultValue?.kind === 'sql'
                  ? a.defaultValue
                  : undefined,
              references: a.references && {
                table: a.references.table,
                key: a.references.key,
                onDelete: a.references.onDelete,
              },
              comment: a.comment,
            },
          ]),
      );
    const tables = async (file: string) =>
      Object.fromEntries(
        (await loadSchemaFile(path.join(work, file))).models.map((m) => [
          m.tableName,
          { comment: m.comment, columns: columns(m) },
        ]),
      );
    expect(await tables('round-trip.yaml')).toEqual(await tables('example-schema.yaml'));
  });
});
