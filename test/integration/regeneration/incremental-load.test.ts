/**
 * The model cache (generator/schema/load-incremental.ts) parses only the models whose text
 * changed. Through a sequence of edits, each run that reuses it must write byte for byte what a
 * cold run (no caches, empty folder) writes, and report the same problems at the same
 * line:column; and it must really have parsed only the changed models.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../../generator/generate';
import { loadSchemaText } from '../../../generator/schema/load-schema';
import { loadPieces, type ModelCache } from '../../../generator/schema/load-incremental';
import { splitModels } from '../../../generator/schema/split-models';
import { packageRoot } from '../../../generator/package-root';
import { useRunCacheIn } from '../../support/run-cache-env';
import { useTempDir } from '../../support/temp-dir';

type Edit = readonly [description: string, apply: (text: string) => string];

/** Replaces exactly one occurrence, so an edit that no longer applies fails the test. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const edit =
  (from: string, to: string) =>
  (text: string): string =>
    replaceOnce(text, from, to);

/** Every file under `dir`, by relative path. */
function readTree(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, prefix)).sort()) {
    const relative = path.join(prefix, name);
    if (statSync(path.join(dir, relative)).isDirectory()) Object.assign(files, readTree(dir, relative));
    else files[relative] = readFileSync(path.join(dir, relative), 'utf8');
  }
  return files;
}

async function outcome(run: () => Promise<unknown>, outDir: string): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return { error: (error as Error).message };
  }
  return readTree(outDir);
}

describe('the model cache', () => {
  const dir = useTempDir('gm-incremental-');
  // Each step below turns the cache on or off itself; this puts the environment back.
  useRunCacheIn(dir);

  /** Runs the edits in turn; after each, the cached run's outcome must be the cold run's. */
  async function expectSameAsCold(initial: string, edits: readonly Edit[]): Promise<void> {
    const schemaPath = path.join(dir(), 'schema.yaml');
    const warm = path.join(dir(), 'warm');
    const cold = path.join(dir(), 'cold');
    let text = initial;
    let errors = 0;
    for (const [description, apply] of [['as written', (t: string) => t] as Edit, ...edits]) {
      text = apply(text);
      writeFileSync(schemaPath, text);
      process.env.GEN_MODELS_CACHE_DIR = path.join(dir(), 'cache');
      delete process.env.GEN_MODELS_RUN_CACHE;
      const warmOutcome = await outcome(() => generate({ schemaPath, outDir: warm, prune: true }), warm);
      process.env.GEN_MODELS_RUN_CACHE = 'off';
      rmSync(cold, { recursive: true, force: true });
      const coldOutcome = await outcome(() => generate({ schemaPath, outDir: cold, prune: true }), cold);
      if ((coldOutcome as { error?: string }).error !== undefined) errors += 1;
      expect({ description, outcome: warmOutcome }).toEqual({ description, outcome: coldOutcome });
    }
    // The sequences include errors on purpose: make sure they were hit.
    expect(errors).toBeGreaterThan(0);
    const cacheFiles = readdirSync(path.join(dir(), 'cache', 'runs'));
    expect(cacheFiles.some((name) => name.startsWith('models-'))).toBe(true);
  }

  it('writes what a cold run writes, edit after edit, on the example schema', async () => {
    const example = readFileSync(path.join(packageRoot(), 'example-schema.yaml'), 'utf8');
    await expectSameAsCold(example, [
      ['one model changed', edit('nickname: STRING(50).BINARY', 'nickname: STRING(60)')],
      ['a comment changed', edit('comment: A person who can sign in.', 'comment: Someone who signs in.')],
      ['a model renamed', edit('\n  Audit:\n', '\n  AuditLog:\n')],
      [
        'a reference added',
        edit(
          "duration: CUSTOM('interval')",
          "duration: CUSTOM('interval')\n      personId: { type: UUID, references: { model: Person } }",
        ),
      ],
      [
        'a reference removed',
        edit('invitedBy: { type: UUID, references: { model: Person } }', 'invitedBy: UUID'),
      ],
      [
        'define changed',
        edit('define:\n  timestamps: true', 'define:\n  timestamps: true\n  underscored: true'),
      ],
      ['a referenced model renamed: an error in unchanged models', edit('\n  Person:\n', '\n  Human:\n')],
      ['the error fixed', edit('\n  Human:\n', '\n  Person:\n')],
      ['a type error', edit('salary: DOUBLE', 'salary: DOUBEL')],
      ['a YAML syntax error', edit('salary: DOUBEL', 'salary: [DOUBLE')],
      ['fixed', edit('salary: [DOUBLE', 'salary: DOUBLE')],
      [
        'a model removed',
        edit('  # Timestamps renamed and disabled one by one.\n  Foo:', '  # Gone.\n  Fob:'),
      ],
      ['a model name clash', edit('\n  Fob:\n', '\n  Employee:\n')],
      ['fixed again', edit('\n  Employee:\n    createdAt: false', '\n  Foo:\n    createdAt: false')],
    ]);
  });

  it('writes what a cold run writes, edit after edit, on a larger generated schema', async () => {
    await expectSameAsCold(largerSchema(120), [
      ['one model changed', edit('comment: Model 5.', 'comment: Model five.')],
      ['one attribute type changed', edit('      size7: INTEGER', '      size7: BIGINT')],
      ['a model renamed, its referrer not yet', edit('\n  Thing010:\n', '\n  Item010:\n')],
      ['its referrer fixed', edit('references: { model: Thing010 }', 'references: { model: Item010 }')],
      [
        'a reference added',
        edit(
          '      size0: INTEGER',
          '      size0: INTEGER\n      lastId: { type: INTEGER, references: { model: Thing119 } }',
        ),
      ],
      [
        'a reference removed',
        edit('parentId: { type: INTEGER, references: { model: Thing049 } }', 'parentId: INTEGER'),
      ],
      [
        'a primary key type changed (referrers see it)',
        edit(
          '      id: { type: INTEGER, primaryKey: true, comment: Key 30 }',
          '      id: { type: BIGINT, primaryKey: true, comment: Key 30 }',
        ),
      ],
      ['define changed', edit('define:\n  timestamps: false', 'define:\n  timestamps: true')],
      ['a duplicate model', edit('\n  Thing020:\n', '\n  Thing021:\n')],
      ['fixed', edit('\n  Thing021:\n    comment: Model 20.', '\n  Thing020:\n    comment: Model 20.')],
    ]);
  });

  it('parses only the changed model, and gives the schema a full read gives', () => {
    const cache: ModelCache = { file: path.join(dir(), 'models.bin'), salt: 'test' };
    const text = largerSchema(40);
    expect(loadPieces(text, 's.yaml', cache)?.parsed).toBe(40);
    const changed = replaceOnce(text, 'comment: Model 5.', 'comment: Model five.');
    const loaded = loadPieces(changed, 's.yaml', cache);
    expect(loaded?.parsed).toBe(1);
    expect(loaded?.schema).toStrictEqual(loadSchemaText(changed, 's.yaml'));
    // The example uses every feature (methods, scopes, hooks, validators, associations): what
    // comes back from the cache is the same, to the prototypes and the keys left undefined.
    const example = readFileSync(path.join(packageRoot(), 'example-schema.yaml'), 'utf8');
    expect(loadPieces(example, 'e.yaml', cache)?.parsed).toBeGreaterThan(0);
    const exampleChanged = replaceOnce(example, 'salary: DOUBLE', 'salary: FLOAT');
    const reread = loadPieces(exampleChanged, 'e.yaml', cache);
    expect(reread?.parsed).toBe(1);
    expect(reread?.schema).toStrictEqual(loadSchemaText(exampleChanged, 'e.yaml'));
    // Another generator build: nothing reused.
    expect(loadPieces(changed, 's.yaml', { ...cache, salt: 'other' })?.parsed).toBe(40);
  });

  it('reads the whole file when the rest of the file does not stand alone', () => {
    const cache: ModelCache = { file: path.join(dir(), 'models.bin'), salt: 'test' };
    const model = 'models:\n  A:\n    attributes: { x: STRING }\n';
    // Cut into pieces, but the rest of the file refused: a second models key, a broken define.
    for (const text of [`${model}"models":\n  B:\n    attributes: { y: STRING }\n`, `define: [\n${model}`]) {
      expect({ text, split: splitModels(text) === undefined }).toEqual({ text, split: false });
      expect({ text, pieces: loadPieces(text, 's.yaml', cache) }).toEqual({ text, pieces: undefined });
    }
    // A second document is not cut at all; a bare leading `---` is.
    expect(splitModels(`${model}---\ndefine: { timestamps: false }\n`)).toBeUndefined();
    expect(splitModels(`---\n${model}`)?.models.map((piece) => piece.name)).toEqual(['A']);
  });

  it('reads the whole file when the cache is corrupt, or the text cannot be cut safely', () => {
    const cache: ModelCache = { file: path.join(dir(), 'models.bin'), salt: 'test' };
    mkdirSync(dir(), { recursive: true });
    writeFileSync(cache.file, 'not a cache');
    expect(loadPieces(largerSchema(3), 's.yaml', cache)?.parsed).toBe(3);
    for (const text of [
      'models: { A: { attributes: { x: STRING } } }\n',
      'models:\n  A: &shared\n    attributes: { x: STRING }\n  B: *shared\n',
      'models:\r\n  A:\r\n    attributes: { x: STRING }\r\n',
      'models:\n  A:\n    attributes: { x: STRING }\n "B":\n    attributes: { x: STRING }\n',
      'models:\n  A:\n    attributes: { x: STRING }\n  A:\n    attributes: { y: STRING }\n',
      '%YAML 1.2\n---\nmodels:\n  A:\n    attributes: { x: STRING }\n',
    ]) {
      expect({ text, split: splitModels(text) }).toEqual({ text, split: undefined });
    }
  });
});

/** N models with a key, enums, comments and a reference to the previous model. */
function largerSchema(count: number): string {
  const name = (i: number) => `Thing${String(i).padStart(3, '0')}`;
  const lines = ['# generated for the test', 'define:', '  timestamps: false', '', 'models:'];
  for (let i = 0; i < count; i += 1) {
    lines.push(
      `  ${name(i)}:`,
      `    comment: Model ${i}.`,
      '    attributes:',
      `      id: { type: INTEGER, primaryKey: true, comment: Key ${i} }`,
      `      title${i}: { type: STRING(120), allowNull: false }`,
      `      size${i}: INTEGER`,
      '      state: { type: ENUM, values: [draft, live] }',
      '      tags: ARRAY(TEXT)',
      i === 0
        ? '      parentId: INTEGER'
        : `      parentId: { type: INTEGER, references: { model: ${name(i - 1)} } }`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
