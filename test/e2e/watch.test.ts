/**
 * `gen-models --watch` through the real command line: a run per change of the schema or the
 * configuration, one line each; a schema error is printed and the last good files stay; the fix
 * regenerates; Ctrl-C (SIGINT) ends it cleanly with exit code 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLI, runCli } from '../support/run-cli';
import { useTempDir } from '../support/temp-dir';

const V1 = 'models:\n  User:\n    attributes:\n      name: STRING\n';
const V2 = 'models:\n  User:\n    attributes:\n      name: STRING\n      age: INTEGER\n';
const BROKEN = 'models:\n  User:\n    attributes:\n      name: STRNG\n';
const V3 = 'models:\n  User:\n    attributes:\n      name: TEXT\n';

/** A running command whose output is collected, with a way to wait for what it prints. */
class Watching {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (data: Buffer) => (this.stdout += data.toString()));
    child.stderr!.on('data', (data: Buffer) => (this.stderr += data.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /** Waits until `stream` has printed `count` lines matching `pattern`. */
  async waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, count = 1): Promise<void> {
    const deadline = Date.now() + 60_000;
    const matches = () => this[stream].split('\n').filter((line) => pattern.test(line)).length;
    while (matches() < count) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${pattern} on ${stream}:\n${this.stdout}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Saves as editors do: a new file renamed over the old one (a watch on the old file would miss it). */
function save(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

describe('gen-models --watch', () => {
  const tempDir = useTempDir('gm-watch');
  let watching: Watching | undefined;

  afterEach(async () => {
    if (watching && watching.child.exitCode === null) {
      watching.child.kill('SIGKILL');
      await watching.exited;
    }
  });

  it('regenerates on each change, survives a schema error, and stops on Ctrl-C', async () => {
    const schema = path.join(tempDir(), 'schema.yaml');
    const user = path.join(tempDir(), 'models', 'User.ts');
    writeFileSync(schema, V1);
    watching = new Watching(
      spawn(process.execPath, [CLI, 'schema.yaml', '--watch'], {
        cwd: tempDir(),
        env: { ...process.env, NODE_OPTIONS: '' },
      }),
    );
    const run = /^gen-models: \[\d\d:\d\d:\d\d\] 1 models from schema\.yaml → models\/: /;
    await watching.waitFor('stdout', run);
    await watching.waitFor('stderr', /watching the schema/);
    expect(watching.stdout).toMatch(/2 written \(User\.ts, index\.ts\), 0 unchanged/);
    expect(readFileSync(user, 'utf8')).not.toContain('age');

    save(schema, V2);
    await watching.waitFor('stdout', run, 2);
    // Incremental: only User.ts changed; index.ts was not rewritten.
    expect(watching.stdout.trim().split('\n')[1]).toMatch(/1 written \(User\.ts\), 1 unchanged in \d+ ms$/);
    const good = readFileSync(user, 'utf8');
    expect(good).toContain('declare age: number | null;');

    save(schema, BROKEN);
    await watching.waitFor('stderr', /unknown type "STRNG"; did you mean STRING\?/);
    await watching.waitFor('stderr', /the files are left as they were; watching for the fix/);
    expect(readFileSync(user, 'utf8')).toBe(good);
    expect(watching.stdout.trim().split('\n')).toHaveLength(2);

    save(schema, V3);
    await watching.waitFor('stdout', run, 3);
    expect(readFileSync(user, 'utf8')).not.toContain('age');
    expect(readFileSync(user, 'utf8')).toContain('declare name: string | null;');

    watching.child.kill('SIGINT');
    expect(await watching.exited).toBe(0);
    expect(watching.stdout.trim().split('\n')).toHaveLength(3);
  }, 120_000);

  it('a change of the configuration file regenerates too (here: a rename)', async () => {
    writeFileSync(path.join(tempDir(), 'schema.yaml'), V1);
    const config = path.join(tempDir(), 'gen-models.config.json');
    writeFileSync(config, JSON.stringify({ schema: 'schema.yaml' }));
    watching = new Watching(
      spawn(process.execPath, [CLI, '--watch'], {
        cwd: tempDir(),
        env: { ...process.env, NODE_OPTIONS: '' },
      }),
    );
    const run = /^gen-models: \[\d\d:\d\d:\d\d\] 1 models/;
    await watching.waitFor('stdout', run);
    save(
      config,
      JSON.stringify({
        schema: 'schema.yaml',
        naming: { rename: { attributes: { 'User.name': 'fullName' } } },
      }),
    );
    await watching.waitFor('stdout', run, 2);
    expect(readFileSync(path.join(tempDir(), 'models/User.ts'), 'utf8')).toContain('declare fullName:');
    watching.child.kill('SIGINT');
    expect(await watching.exited).toBe(0);
  }, 120_000);

  it('is refused with --check and with a database', () => {
    const checked = runCli(['schema.yaml', '--watch', '--check'], tempDir());
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain('--watch writes files; it does not go with --check');
    const fromDb = runCli(['--from-db', 'postgres://localhost/x', '--watch'], tempDir());
    expect(fromDb.code).toBe(2);
    expect(fromDb.stderr).toContain('a database cannot be watched');
  });
});
