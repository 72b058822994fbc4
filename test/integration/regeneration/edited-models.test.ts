/**
 * Reading only the edited models (generator/schema/edited-models.ts): an edit of a part no step
 * across models reads (model-signature.ts's list) gives each edited model exactly as a whole read
 * of the file gives it — to the key order its fingerprint hashes — and any edit other models could
 * see gives no result, so the run reads the whole schema. End to end, a run after such an edit
 * renders only the edited model's file and leaves the others untouched on disk.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../../generator/generate';
import { loadSchemaText } from '../../../generator/schema/load-schema';
import { loadPieces, type ModelCache } from '../../../generator/schema/load-incremental';
import { loadEditedModels } from '../../../generator/schema/edited-models';
import { editedFiles } from '../../../generator/output/edited-files';
import { modelCacheOf, readRunCache } from '../../../generator/output/run-cache';
import { resolveFormatter } from '../../../generator/output/format';
import { loadTemplates } from '../../../generator/render/templates';
import { useRunCacheIn } from '../../support/run-cache-env';
import { useTempDir } from '../../support/temp-dir';

/** Every kind of model part the steps across models do not read, with associations all around. */
const SCHEMA = `define:
  timestamps: true

models:
  Author:
    comment: Writes posts.
    attributes:
      name: { type: STRING, allowNull: false, comment: Shown on posts, validate: { len: [1, 80] } }
      email:
        type: STRING(320)
        validate:
          isEmail: { msg: not an email address }
          noSpaces: |
            noSpaces(value: string) {
              if (/\\s/.test(value)) throw new Error('no spaces');
            }
        set: |
          set(value: string) {
            this.setDataValue('email', value.trim());
          }
      display:
        type: STRING
        virtual: [name]
        get: |
          get(): string {
            return this.name;
          }
    indexes:
      - { fields: [name] }
    methods:
      shout: |
        shout(): string {
          return this.name.toUpperCase();
        }
    getters:
      initial: |
        get initial(): string {
          return this.name.charAt(0);
        }
    validate:
      hasName: |
        hasName(this: Author) {
          if (!this.name) throw new Error('a name');
        }
    hooks:
      beforeCreate: |
        beforeCreate(author: Author) {
          author.name = author.name.trim();
        }
    defaultScope: { where: { name: a }, order: [[name, ASC]] }
    scopes:
      named: { attributes: [id, name] }

  Post:
    paranoid: true
    attributes:
      title: { type: STRING, allowNull: false }
      authorId: { type: INTEGER, allowNull: false, references: { model: Author } }

  Tag:
    attributes:
      label: STRING

  PostTag:
    timestamps: false
    attributes:
      postId: { type: INTEGER, primaryKey: true, references: { model: Post } }
      tagId: { type: INTEGER, primaryKey: true, references: { model: Tag } }
`;

type Edit = readonly [description: string, from: string, to: string];

/** Edits other models cannot see: each must give the edited model alone. */
const UNSEEN_EDITS: readonly Edit[] = [
  ['a model comment', 'comment: Writes posts.', 'comment: Writes many posts.'],
  ['an attribute comment', 'comment: Shown on posts', 'comment: Shown under posts'],
  ['a built-in validator', 'validate: { len: [1, 80] }', 'validate: { len: [2, 80] }'],
  ['a validator message', 'msg: not an email address', 'msg: not an e-mail address'],
  ['a custom validator body', "throw new Error('no spaces')", "throw new Error('spaces')"],
  ['a setter body', 'value.trim()', 'value.trim().toLowerCase()'],
  ['a virtual getter body', '    return this.name;\n', '    return `${this.name}!`;\n'],
  ['an index', '- { fields: [name] }', '- { fields: [name], using: HASH }'],
  ['a method body', 'this.name.toUpperCase()', 'this.name.toLowerCase()'],
  ['a getter body', 'this.name.charAt(0)', 'this.name.charAt(1)'],
  ['a model validator body', "throw new Error('a name')", "throw new Error('no name')"],
  ['a hook body', 'author.name.trim()', 'author.name.trimEnd()'],
  ['the default scope', '{ where: { name: a }', '{ where: { name: b }'],
  ['a scope', 'named: { attributes: [id, name] }', 'named: { attributes: [name] }'],
];

/** Edits other models can see (or that move pieces): each must give no result. */
const SEEN_EDITS: readonly Edit[] = [
  ['an attribute renamed', '      name: { type: STRING', '      fullName: { type: STRING'],
  [
    'a method renamed (association names avoid it)',
    '      shout: |\n        shout()',
    '      yell: |\n        yell()',
  ],
  ['a referenced key type', 'label: STRING', 'label: STRING\n      id: { type: BIGINT, primaryKey: true }'],
  [
    'a reference removed',
    'authorId: { type: INTEGER, allowNull: false, references: { model: Author } }',
    'authorId: INTEGER',
  ],
  ['a model renamed', '\n  Tag:\n', '\n  Label:\n'],
  ['define changed', 'define:\n  timestamps: true', 'define:\n  timestamps: true\n  underscored: true'],
  ['a model added', '\n  Tag:\n', '\n  Extra:\n    attributes: { x: STRING }\n  Tag:\n'],
  ['two models swapped', '\n  Tag:\n    attributes:\n      label: STRING\n', '\n'],
  ['a table renamed', '  Post:\n    paranoid: true', '  Post:\n    tableName: articles\n    paranoid: true'],
];

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('reading only the edited models', () => {
  const dir = useTempDir('gm-edited-');
  const cache = (): ModelCache => ({ file: path.join(dir(), 'models.bin'), salt: 'test' });

  it.each(UNSEEN_EDITS)('an edit of %s gives the model as a whole read does', (_, from, to) => {
    const record = loadPieces(SCHEMA, 's.yaml', cache())!.record;
    const changed = replaceOnce(SCHEMA, from, to);
    const edited = loadEditedModels(changed, 's.yaml', record, 'test');
    const whole = loadSchemaText(changed, 's.yaml').models.find((model) => model.name === 'Author');
    expect(edited?.models).toHaveLength(1);
    // Same keys in the same order: the fingerprint hashes the JSON text.
    expect(JSON.stringify(edited!.models[0])).toBe(JSON.stringify(whole));
    expect(edited!.models[0]).toStrictEqual(whole);
    // And no other model changed: the run keeps their files as the last run left them.
    const others = (text: string) => loadSchemaText(text, 's.yaml').models.filter((m) => m.name !== 'Author');
    expect(JSON.stringify(others(changed))).toBe(JSON.stringify(others(SCHEMA)));
    // The record left for the next run is the one a piece-by-piece read of the new text leaves.
    expect(edited!.record).toEqual(loadPieces(changed, 's.yaml', cache())!.record);
  });

  it.each(SEEN_EDITS)('an edit of %s reads the whole schema', (_, from, to) => {
    const record = loadPieces(SCHEMA, 's.yaml', cache())!.record;
    const changed = replaceOnce(SCHEMA, from, to);
    expect(loadEditedModels(changed, 's.yaml', record, 'test')).toBeUndefined();
  });

  it('gives nothing for the same text, nor for another generator build', () => {
    const record = loadPieces(SCHEMA, 's.yaml', cache())!.record;
    expect(loadEditedModels(SCHEMA, 's.yaml', record, 'test')?.models).toEqual([]);
    const changed = replaceOnce(SCHEMA, 'comment: Writes posts.', 'comment: Writes.');
    expect(loadEditedModels(changed, 's.yaml', record, 'another build')).toBeUndefined();
  });

  it('a piece that no longer parses alone, or has a problem, reads the whole schema', () => {
    const record = loadPieces(SCHEMA, 's.yaml', cache())!.record;
    for (const [from, to] of [
      ['comment: Writes posts.', 'comment: [Writes posts.'],
      ['comment: Writes posts.', 'coment: Writes posts.'],
    ] as const) {
      expect(loadEditedModels(replaceOnce(SCHEMA, from, to), 's.yaml', record, 'test')).toBeUndefined();
    }
  });

  describe('end to end', () => {
    useRunCacheIn(dir);
    const schemaPath = () => path.join(dir(), 'schema.yaml');
    const outDir = () => path.join(dir(), 'models');
    /** The schema generated into models/; then `text` written as the schema. */
    const generatedThenEdited = async (text: string) => {
      writeFileSync(schemaPath(), SCHEMA);
      await generate({ schemaPath: schemaPath(), outDir: outDir() });
      writeFileSync(schemaPath(), text);
    };

    it('keeps the hand-written code of the edited file, and refuses a member that collides', async () => {
      await generatedThenEdited(SCHEMA);
      const [schemaFile, out] = [schemaPath(), outDir()];
      const file = path.join(out, 'Author.ts');
      const mine = '  greet(): string {\n    return `hello ${this.name}`;\n  }\n';
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          '  // #region generated from the schema',
          `${mine}\n  // #region generated from the schema`,
        ),
      );
      writeFileSync(schemaFile, replaceOnce(SCHEMA, 'comment: Writes posts.', 'comment: Writes many posts.'));
      await generate({ schemaPath: schemaFile, outDir: out });
      const after = readFileSync(file, 'utf8');
      expect(after).toContain('return `hello ${this.name}`;');
      expect(after).toContain('Writes many posts.');
      // A hand-written member named like a generated one, then an edit only this model sees: refused.
      const clashing = after.replace('  greet(): string {', '  shout(): string {');
      writeFileSync(file, clashing);
      writeFileSync(schemaFile, replaceOnce(SCHEMA, 'comment: Writes posts.', 'comment: Writes few posts.'));
      await expect(generate({ schemaPath: schemaFile, outDir: out })).rejects.toThrow(/"shout"/);
      expect(readFileSync(file, 'utf8')).toBe(clashing);
    });

    it('renders only the edited file, leaves the others untouched, and writes what a cold run writes', async () => {
      const changed = replaceOnce(SCHEMA, 'this.name.toUpperCase()', 'this.name.toLowerCase()');
      await generatedThenEdited(changed);
      const [schemaFile, out] = [schemaPath(), outDir()];
      const stats = (name: string) => statSync(path.join(out, name), { bigint: true });
      const before = { post: stats('Post.ts'), index: stats('index.ts'), author: stats('Author.ts') };

      // The run cache holds what the edited path needs, and it takes it: one file rendered.
      const lastRun = readRunCache(out)!;
      const formatter = await resolveFormatter(out);
      const renderOptions = { runtimeModule: './runtime/index.js', sourceLabel: '../schema.yaml' };
      const files = await editedFiles({
        text: changed,
        schemaPath: schemaFile,
        outDir: out,
        lastRun,
        record: lastRun.edits!.record,
        salt: modelCacheOf(schemaFile)!.salt,
        templates: loadTemplates(undefined),
        formatter,
        renderOptions,
      });
      expect(files?.files.filter((file) => file.rendered).map((file) => file.path)).toEqual(['Author.ts']);

      const result = await generate({ schemaPath: schemaFile, outDir: out });
      expect(result.written.map((file) => file.path)).toEqual(['Author.ts']);
      expect(stats('Author.ts').ino).not.toBe(before.author.ino);
      for (const [name, stat] of [
        ['Post.ts', before.post],
        ['index.ts', before.index],
      ] as const) {
        expect({ name, ino: stats(name).ino, mtime: stats(name).mtimeNs }).toEqual({
          name,
          ino: stat.ino,
          mtime: stat.mtimeNs,
        });
      }
      expect(readFileSync(path.join(out, 'Author.ts'), 'utf8')).toContain('this.name.toLowerCase()');

      process.env.GEN_MODELS_RUN_CACHE = 'off';
      const cold = path.join(dir(), 'cold');
      await generate({ schemaPath: schemaFile, outDir: cold });
      for (const name of ['Author.ts', 'Post.ts', 'Tag.ts', 'PostTag.ts', 'index.ts']) {
        expect({ name, text: readFileSync(path.join(out, name), 'utf8') }).toEqual({
          name,
          text: readFileSync(path.join(cold, name), 'utf8'),
        });
      }
    });
  });
});
