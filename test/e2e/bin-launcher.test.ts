/**
 * bin/gen-models.js, the `gen-models` command, in a source checkout: it builds dist/ when it is
 * missing (a fresh clone: `npm install && npx gen-models ...` works with no install-time build)
 * or older than the sources, and otherwise only runs it. Checked on a miniature checkout, so
 * that the repository's own dist/ is not rebuilt under the other tests.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { useTempDir } from '../support/temp-dir';

const ROOT = path.resolve(__dirname, '../..');

describe('bin/gen-models.js', () => {
  const tempDir = useTempDir('gm-bin');
  const checkout = () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'bin'));
    mkdirSync(path.join(dir, 'generator'));
    mkdirSync(path.join(dir, 'runtime'));
    copyFileSync(path.join(ROOT, 'bin/gen-models.js'), path.join(dir, 'bin/gen-models.js'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    writeFileSync(
      path.join(dir, 'tsconfig.build.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'commonjs',
          target: 'ES2022',
          outDir: 'dist',
          rootDir: '.',
          types: [],
          strict: true,
        },
        include: ['generator', 'runtime'],
      }),
    );
    writeSource('one');
    return dir;
  };
  const writeSource = (answer: string) =>
    writeFileSync(
      path.join(tempDir(), 'generator/cli.ts'),
      `export async function main(argv: readonly string[]): Promise<number> {\n  console.log('${answer}', argv.join(' '));\n  return 7;\n}\n`,
    );
  const run = () =>
    spawnSync(process.execPath, [path.join(tempDir(), 'bin/gen-models.js'), 'a', 'b'], {
      cwd: tempDir(),
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });

  it('builds a fresh checkout, runs main() with the arguments and its exit code, and builds again only when a source is newer', () => {
    checkout();
    const first = run();
    expect([first.status, first.stdout, first.stderr]).toEqual([
      7,
      'one a b\n',
      'gen-models: building dist/ from the sources of this checkout (tsc -p tsconfig.build.json)...\n',
    ]);
    const second = run();
    expect([second.status, second.stdout, second.stderr]).toEqual([7, 'one a b\n', '']);
    writeSource('two');
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(tempDir(), 'generator/cli.ts'), later, later);
    const third = run();
    expect([third.stdout, third.stderr.includes('building dist/')]).toEqual(['two a b\n', true]);
  });

  it('a build error is shown, nothing runs, and the next run does not run a half-built dist/', () => {
    checkout();
    writeFileSync(path.join(tempDir(), 'generator/cli.ts'), 'export const x: number = "not a number";\n');
    const failed = run();
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain("error TS2322: Type 'string' is not assignable to type 'number'");
    expect(failed.stderr).toContain('gen-models: the build failed (above)');
    // Nothing half-built is left to run: the next run builds (and fails) again.
    expect(run().stderr).toContain('gen-models: the build failed (above)');
  });
});
