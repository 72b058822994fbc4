/** The configuration file as a user meets it through the real command line. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { useTempDir } from '../support/temp-dir';

const SCHEMA = `models:
  User:
    attributes:
      name: { type: STRING, allowNull: false }
`;

describe('gen-models with a configuration file', () => {
  const tempDir = useTempDir('gm-config');
  const write = (name: string, text: string) => {
    const file = path.join(tempDir(), name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  it('is found from a sub-folder upwards; its paths are relative to it', () => {
    write('db/schema.yaml', SCHEMA);
    write(
      'gen-models.config.json',
      JSON.stringify({ schema: 'db/schema.yaml', out: 'src/models', runtime: 'package' }),
    );
    mkdirSync(path.join(tempDir(), 'src', 'deep'), { recursive: true });
    const { code, stderr } = runCli([], path.join(tempDir(), 'src', 'deep'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(path.join(tempDir(), 'src/models/User.ts'), 'utf8')).toMatch(
      /from ["']gen-models\/runtime["']/,
    );
    expect(existsSync(path.join(tempDir(), 'src/models/runtime'))).toBe(false);
  });

  it('command-line flags override the file', () => {
    write('schema.yaml', SCHEMA);
    write('gen-models.config.yaml', 'schema: schema.yaml\nout: from-config\nruntime: package\n');
    const { code } = runCli(['--out', 'from-flag', '--runtime=bundled', '-q'], tempDir());
    expect(code).toBe(0);
    expect(existsSync(path.join(tempDir(), 'from-flag/runtime'))).toBe(true);
    expect(existsSync(path.join(tempDir(), 'from-config'))).toBe(false);
  });

  it('--config names the file; an .mjs file gives its default export', () => {
    write('schema.yaml', SCHEMA);
    write('config/models.mjs', "export default { schema: '../schema.yaml', out: '../generated' };\n");
    const { code, stderr } = runCli(['--config', 'config/models.mjs', '-q'], tempDir());
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(existsSync(path.join(tempDir(), 'generated/User.ts'))).toBe(true);
  });

  it('problems are printed as file:line:column with a did-you-mean, and nothing is written', () => {
    write('gen-models.config.yml', 'schema: schema.yaml\nprnue: true\n');
    const { code, stderr } = runCli([], tempDir());
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `${path.join(tempDir(), 'gen-models.config.yml')}:2:1: unknown key "prnue" at the top level; did you mean prune?`,
    );
  });

  it('fromDb.urlEnv names a variable; when it is not set the run stops with the fix', () => {
    write('gen-models.config.json', JSON.stringify({ fromDb: { urlEnv: 'GM_TEST_NO_SUCH_URL' } }));
    const { code, stderr } = runCli([], tempDir(), { GM_TEST_NO_SUCH_URL: '' });
    expect(code).toBe(1);
    expect(stderr).toContain('environment variable GM_TEST_NO_SUCH_URL, which is not set');
  });

  it('a .ts configuration is refused with the fix', () => {
    write('gen-models.config.ts', 'export default {};\n');
    const { code, stderr } = runCli([], tempDir());
    expect(code).toBe(1);
    expect(stderr).toContain('rename it to gen-models.config.mjs');
  });

  it('--help mentions --config', () => {
    expect(runCli(['--help'], tempDir()).stdout).toContain('--config');
  });
});
