/**
 * The prettier options a run recorded (generator/output/formatter-cache.ts) are used only while
 * every file prettier could have read them from is unchanged: a configuration added, edited or
 * removed anywhere from the output folder up is seen by the very next run, and a configuration
 * in JavaScript (which can import other files) is never recorded.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../../generator/generate';
import { readRunCache } from '../../../generator/output/run-cache';
import { runCli } from '../../support/run-cli';
import { useRunCacheIn } from '../../support/run-cache-env';
import { useTempDir } from '../../support/temp-dir';

const SCHEMA = `
models:
  Invoice:
    attributes:
      status: { type: "ENUM('draft', 'sent')", defaultValue: draft }
`;

describe('the recorded prettier options', () => {
  const dir = useTempDir('gm-formatter-cache');
  useRunCacheIn(dir);

  const project = () => path.join(dir(), 'project');
  const outDir = () => path.join(project(), 'src', 'models');
  const run = async () => {
    writeFileSync(path.join(dir(), 'schema.yaml'), SCHEMA);
    await generate({ schemaPath: path.join(dir(), 'schema.yaml'), outDir: outDir(), runtime: 'package' });
    return readFileSync(path.join(outDir(), 'Invoice.ts'), 'utf8');
  };
  const double = '"gen-models/runtime"';
  const single = "'gen-models/runtime'";

  it('follows a configuration added, edited and removed above the output folder', async () => {
    mkdirSync(project(), { recursive: true });
    expect(await run()).toContain(double);
    expect(await run()).toContain(double);
    expect(readRunCache(outDir())?.formatter?.usesDefaults).toBe(true);

    writeFileSync(path.join(project(), '.prettierrc'), '{ "singleQuote": true }');
    expect(await run()).toContain(single);
    expect(await run()).toContain(single);
    expect(readRunCache(outDir())?.formatter?.options).toMatchObject({ singleQuote: true });

    // Edited in place: its stat changes.
    writeFileSync(path.join(project(), '.prettierrc'), '{ "singleQuote": false }');
    expect(await run()).toContain(double);

    rmSync(path.join(project(), '.prettierrc'));
    writeFileSync(path.join(project(), 'package.json'), JSON.stringify({ prettier: { singleQuote: true } }));
    expect(await run()).toContain(single);

    writeFileSync(path.join(project(), 'package.json'), JSON.stringify({ name: 'p' }));
    writeFileSync(path.join(outDir(), '.editorconfig'), 'root = true\n[*]\nindent_style = tab\n');
    expect(await run()).toContain('\tstatus');
  });

  it('never records a configuration written in JavaScript (the real CLI, one process per run)', () => {
    mkdirSync(project(), { recursive: true });
    writeFileSync(path.join(dir(), 'schema.yaml'), SCHEMA);
    const cli = () => {
      const result = runCli(['schema.yaml', '--out', outDir(), '--runtime', 'package', '--quiet'], dir(), {
        GEN_MODELS_CACHE_DIR: path.join(dir(), 'cache'),
      });
      expect(result.stderr).toBe('');
      return readFileSync(path.join(outDir(), 'Invoice.ts'), 'utf8');
    };
    writeFileSync(path.join(project(), 'shared.cjs'), 'module.exports = { singleQuote: true };');
    writeFileSync(path.join(project(), 'prettier.config.cjs'), "module.exports = require('./shared.cjs');");
    expect(cli()).toContain(single);
    // Read as stored: the CLI is the built generator, whose entries this test's build would not take.
    const runs = path.join(dir(), 'cache', 'runs');
    const stored = readdirSync(runs).filter((name) => name.startsWith('run-'));
    expect(stored).toHaveLength(1);
    const { entry } = JSON.parse(readFileSync(path.join(runs, stored[0]!), 'utf8')) as {
      entry: { key?: string; formatter?: unknown };
    };
    expect(typeof entry.key).toBe('string');
    expect(entry.formatter).toBeUndefined();
    // What it imports changes: no stat above would show it, so prettier is asked again.
    writeFileSync(path.join(project(), 'shared.cjs'), 'module.exports = { singleQuote: false };');
    expect(cli()).toContain(double);
  });
});
