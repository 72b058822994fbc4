/**
 * The package as a user gets it: `npm pack`, then in a fresh project exactly what the README's
 * "In your own project" line installs (`npm install --save-dev gen-models @types/node && npm
 * install pg`), `npx gen-models`, and `tsc --strict` on the output, as an ES module (NodeNext)
 * and as CommonJS. Also: installing runs no script of gen-models (no install-time build), and
 * the compiled models run. Uses the npm registry (or npm's cache), as the README's line does.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeProgram } from '../support/node-program';
import { compileWithTsc } from '../support/tsc';

const ROOT = path.resolve(__dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function npm(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 180_000,
  });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  return run;
}

describe('the packed package in a fresh project', () => {
  let work: string;
  let project: string;
  let installOutput: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'gm-packed-'));
    // `npm test` has built dist/; --ignore-scripts keeps prepack from rebuilding it under the other tests.
    const packed = npm(['pack', '--ignore-scripts', '--pack-destination', work, '--json'], ROOT);
    const tarball = path.join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
    project = path.join(work, 'shop');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'shop', private: true }));
    // The README's line, with the tarball for the package's name.
    const [devLine, prodLine] = /In your own project: `npm install --save-dev (.+?) && npm install (.+?)`/
      .exec(README.replace(/\n/g, ' '))!
      .slice(1);
    expect([devLine, prodLine]).toEqual(['gen-models @types/node', 'pg']);
    const devInstall = npm(['install', '--save-dev', tarball, ...devLine!.split(' ').slice(1)], project);
    const prodInstall = npm(['install', ...prodLine!.split(' ')], project);
    installOutput = `${devInstall.stdout}${devInstall.stderr}${prodInstall.stdout}${prodInstall.stderr}`;
    writeFileSync(
      path.join(project, 'schema.yaml'),
      readFileSync(path.join(ROOT, 'example-schema.yaml'), 'utf8'),
    );
    const generated = spawnSync('npx', ['--no', 'gen-models', 'schema.yaml'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 120_000,
    });
    if (generated.status !== 0) throw new Error(`npx gen-models failed:\n${generated.stderr}`);
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('installs without running a script of gen-models, and without @types/pg', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(project, 'node_modules/gen-models/package.json'), 'utf8'),
    ) as { scripts?: Record<string, string> };
    const installTime = ['preinstall', 'install', 'postinstall', 'prepare'];
    expect(Object.keys(manifest.scripts ?? {}).filter((name) => installTime.includes(name))).toEqual([]);
    expect(installOutput).not.toMatch(/gen-models@[^\n]*\((preinstall|install|postinstall|prepare):/);
    expect(existsSync(path.join(project, 'node_modules/@types/pg'))).toBe(false);
    expect(readdirSync(path.join(project, 'models')).sort()).toEqual([
      'Audit.ts',
      'Employee.ts',
      'Foo.ts',
      'Membership.ts',
      'Person.ts',
      'User.ts',
      'index.ts',
      'runtime',
    ]);
  });

  it('compiles under tsc --strict as an ES module (NodeNext), the --runtime package output too', () => {
    const generated = spawnSync(
      'npx',
      ['--no', 'gen-models', 'schema.yaml', '--out', 'models-package', '--runtime', 'package'],
      {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    expect(generated.status).toBe(0);
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'shop', private: true, type: 'module' }),
    );
    try {
      const result = compileWithTsc(
        project,
        'nodenext',
        { module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true },
        ['models', 'models-package'],
      );
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    } finally {
      writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'shop', private: true }));
    }
  });

  it('compiles under tsc --strict as CommonJS, and the compiled models run', () => {
    writeFileSync(
      path.join(project, 'main.ts'),
      nodeProgram(
        "import { Sequelize, initModels } from './models/index.js';",
        `const sequelize = new Sequelize('pglite://', { logging: false });
  const { User } = initModels(sequelize);
  await sequelize.sync();
  const user = await User.create({ firstName: 'Jane', email: 'jane@example.com' });
  console.log(JSON.stringify({ id: user.id, name: user.getFullName(), stamped: user.createdAt instanceof Date }));
  await sequelize.close();`,
      ),
    );
    const result = compileWithTsc(
      project,
      'commonjs',
      { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' },
      ['models', 'main.ts'],
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
    const run = spawnSync(process.execPath, ['out/main.js'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ id: 1, name: 'Jane ', stamped: true });
  });
});
