/**
 * A run where nothing changed reuses the run cache (generator/output/run-cache.ts) and does not
 * read the schema; it must still notice every file on disk that is not what would be generated,
 * and give the same result as a run that reads the schema.
 */
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../../generator/generate';
import { loadSchemaText } from '../../../generator/schema/load-schema';
import { runCli } from '../../support/run-cli';
import { useTempDir } from '../../support/temp-dir';

const SCHEMA = `
models:
  User:
    attributes:
      firstName: { type: STRING, allowNull: false }
      age: INTEGER
  Team:
    attributes:
      name: STRING
`;

describe('the run cache', () => {
  const dir = useTempDir('gm-run-cache-');
  const previousCacheDir = process.env.GEN_MODELS_CACHE_DIR;
  let schemaPath: string;
  let outDir: string;
  const user = () => path.join(outDir, 'User.ts');
  const run = (extra: { check?: boolean } = {}) => generate({ schemaPath, outDir, ...extra });

  beforeEach(async () => {
    process.env.GEN_MODELS_CACHE_DIR = path.join(dir(), 'cache');
    schemaPath = path.join(dir(), 'schema.yaml');
    outDir = path.join(dir(), 'models');
    writeFileSync(schemaPath, SCHEMA);
    await run();
  });

  afterAll(() => {
    if (previousCacheDir === undefined) delete process.env.GEN_MODELS_CACHE_DIR;
    else process.env.GEN_MODELS_CACHE_DIR = previousCacheDir;
  });

  it('is written by a run, and a run with nothing changed writes nothing and still reports the schema', async () => {
    expect(readdirSync(path.join(dir(), 'cache'))).toHaveLength(1);
    const result = await run();
    expect(result.written).toEqual([]);
    expect(result.upToDate).toBe(true);
    expect(result.modelCount).toBe(2);
    // Read on demand: the run itself did not need it.
    expect(result.schema.models.map((model) => model.name)).toEqual(['Team', 'User']);
  });

  it('rewrites a file whose generated region was edited, keeping the hand-written code', async () => {
    const original = readFileSync(user(), 'utf8');
    const edited = original
      .replace('declare firstName: string;', 'declare firstName: number;')
      .replace(/\n}\n$/, '\n  mine(): number {\n    return 1;\n  }\n}\n');
    expect(edited).not.toBe(original);
    writeFileSync(user(), edited);
    const result = await run();
    expect(result.written.map((file) => file.path)).toEqual(['User.ts']);
    const text = readFileSync(user(), 'utf8');
    expect(text).toContain('declare firstName: string;');
    expect(text).toContain('mine(): number {');
  });

  it('notices an edit that keeps the file size (the recorded stat is not the only check)', async () => {
    await run(); // records the files' stat
    const original = readFileSync(user(), 'utf8');
    const sameSize = original.replace('declare firstName: string;', 'declare firstName: strinG;');
    expect(sameSize.length).toBe(original.length);
    writeFileSync(user(), sameSize);
    const result = await run();
    expect(result.written.map((file) => file.path)).toEqual(['User.ts']);
    expect(readFileSync(user(), 'utf8')).toBe(original);
  });

  it('rewrites a file whose fingerprint was edited or that was deleted', async () => {
    const original = readFileSync(user(), 'utf8');
    writeFileSync(user(), original.replace(/fingerprint: [0-9a-f]{4}/, 'fingerprint: 0000'));
    unlinkSync(path.join(outDir, 'Team.ts'));
    const result = await run();
    expect(result.written.map((file) => file.path).sort()).toEqual(['Team.ts', 'User.ts']);
    expect(readFileSync(user(), 'utf8')).toBe(original);
  });

  it('keeps --check correct: an edited region is drift, a clean folder is up to date', async () => {
    expect((await run({ check: true })).upToDate).toBe(true);
    writeFileSync(user(), readFileSync(user(), 'utf8').replace('age: number | null', 'age: string'));
    const checked = await run({ check: true });
    expect(checked.upToDate).toBe(false);
    expect(checked.drift).toContain('User.ts');
  });

  it('is only a shortcut: with it off, or unreadable, the result is the same', async () => {
    const cached = await run();
    const runs = path.join(dir(), 'cache', 'runs');
    writeFileSync(path.join(runs, readdirSync(runs)[0]!), '{ not json');
    const unreadable = await run();
    process.env.GEN_MODELS_RUN_CACHE = 'off';
    rmSync(path.join(dir(), 'cache'), { recursive: true });
    const off = await run().finally(() => delete process.env.GEN_MODELS_RUN_CACHE);
    expect(existsSync(path.join(dir(), 'cache'))).toBe(false);
    for (const result of [unreadable, off]) {
      expect(result.written).toEqual(cached.written);
      expect(result.plan.files.map((file) => [file.path, file.status])).toEqual(
        cached.plan.files.map((file) => [file.path, file.status]),
      );
    }
  });

  it('ignores an entry another build of gen-models wrote, whatever the shape of its parts', async () => {
    const runs = path.join(dir(), 'cache', 'runs');
    const file = path.join(
      runs,
      readdirSync(runs).find((name) => name.startsWith('run-'))!,
    );
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {
      generator: string;
      entry: Record<string, unknown>;
    };
    // The same entry with parts this build could not read, under another build's stamp.
    const edits = stored.entry.edits as { baseKey: string };
    const foreign = { ...stored.entry, key: 'another', edits: { baseKey: edits.baseKey, record: {} } };
    writeFileSync(file, JSON.stringify({ generator: 'another build', entry: foreign }));
    const result = await run();
    expect(result.upToDate).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).generator).toBe(stored.generator);
  });

  it('refuses a GEN_MODELS_RUN_CACHE that is neither on nor off, by name, instead of taking it for on', () => {
    for (const [value, hint] of [
      ['of', /did you mean on\?/],
      ['false', /\(on, off\); set it to off/],
    ] as const) {
      const result = runCli([schemaPath, '--out', outDir], dir(), { GEN_MODELS_RUN_CACHE: value });
      expect({ value, code: result.code }).toEqual({ value, code: 2 });
      expect(result.stderr).toContain(`GEN_MODELS_RUN_CACHE="${value}" is not a setting`);
      expect(result.stderr).toMatch(hint);
    }
    expect(runCli([schemaPath, '--out', outDir, '--quiet'], dir(), { GEN_MODELS_RUN_CACHE: 'on' }).code).toBe(
      0,
    );
  });

  it('does not reuse an entry once the schema changed', async () => {
    writeFileSync(schemaPath, SCHEMA.replace('age: INTEGER', 'age: BIGINT'));
    const result = await run();
    expect(result.written.map((file) => file.path)).toEqual(['User.ts']);
    expect(result.modelCount).toBe(2);
  });

  it('is not used by a run from an IR (as --from-db gives), before or after a YAML run', async () => {
    const schema = loadSchemaText(SCHEMA, schemaPath);
    const first = await generate({ schema, outDir });
    expect(first.written).toEqual([]);
    expect(first.modelCount).toBe(2);
    expect((await generate({ schema, outDir: path.join(dir(), 'other') })).written.length).toBeGreaterThan(0);
  });
});
