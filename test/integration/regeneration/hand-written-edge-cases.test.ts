/**
 * The odd places people put code into generated files (from an independent review): each one is
 * either kept exactly, or refused with a message that names the file and the fix, writing nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../../generator/generate';
import { useTempDir } from '../../support/temp-dir';

const V1 =
  'models:\n  User:\n    attributes:\n      firstName: { type: STRING, allowNull: false }\n      age: INTEGER\n';
const V2 = V1.replace('      age: INTEGER\n', '      age: INTEGER\n      nickname: STRING\n');

describe('hand-written code in unusual places', () => {
  const tempDir = useTempDir('gm-edge');
  const userFile = () => path.join(tempDir(), 'models', 'User.ts');
  const run = (schema: string, templatesDir?: string) => {
    writeFileSync(path.join(tempDir(), '.prettierrc'), '{ "singleQuote": true, "printWidth": 100 }');
    writeFileSync(path.join(tempDir(), 'schema.yaml'), schema);
    return generate({
      schemaPath: path.join(tempDir(), 'schema.yaml'),
      outDir: path.join(tempDir(), 'models'),
      runtime: 'package',
      templatesDir,
    });
  };
  const edit = (change: (text: string) => string) =>
    writeFileSync(userFile(), change(readFileSync(userFile(), 'utf8')));

  it('keeps comments at the end of a hand-written line', async () => {
    await run(V1);
    edit(
      (t) =>
        t.replace(
          '  // #region generated from the schema',
          '  maxAge = 120; // eslint-disable-line no-magic-numbers\n\n  // #region generated from the schema',
        ) + 'export default User; // TOKEN_B\n',
    );
    await run(V2);
    const after = readFileSync(userFile(), 'utf8');
    expect(after).toContain('maxAge = 120; // eslint-disable-line no-magic-numbers');
    expect(after).toContain('export default User; // TOKEN_B');
  });

  it('refuses code written inside the attributes region, and writes nothing', async () => {
    await run(V1);
    edit((t) =>
      t.replace(
        '  declare age: number | null;',
        '  declare age: number | null;\n  hello(): number {\n    return 1;\n  }',
      ),
    );
    const before = readFileSync(userFile(), 'utf8');
    await expect(run(V2)).rejects.toThrow(
      /User\.ts: your method "hello" \(line \d+\) is inside a "#region generated" block, which is rewritten on every run, so it would be lost; move it below/,
    );
    expect(readFileSync(userFile(), 'utf8')).toBe(before);
  });

  // From a new-user review: these were silently deleted on the next run.
  it.each([
    [
      'an import under the generated one',
      (t: string) =>
        t.replace(
          "from 'gen-models/runtime';\n",
          "from 'gen-models/runtime';\nimport { createHash } from 'node:crypto';\n",
        ),
      /your import from "node:crypto"/,
    ],
    [
      'a type between the generated interfaces',
      (t: string) =>
        t.replace(
          'export interface UserCreationAttributes',
          'export type Extra = { a: 1 };\n\nexport interface UserCreationAttributes',
        ),
      /your type alias "Extra"/,
    ],
    [
      'a static method before initModel',
      (t: string) =>
        t.replace(
          '  static initModel(',
          '  static helper(): number {\n    return 1;\n  }\n\n  static initModel(',
        ),
      /your method "helper"/,
    ],
  ])('refuses %s, naming it, and writes nothing', async (_what, change, named) => {
    await run(V1);
    const original = readFileSync(userFile(), 'utf8');
    edit(change);
    const before = readFileSync(userFile(), 'utf8');
    expect(before).not.toBe(original);
    await expect(run(V2)).rejects.toThrow(named);
    expect(readFileSync(userFile(), 'utf8')).toBe(before);
  });

  it('still regenerates regions a formatter reflowed, also when the schema drops an attribute', async () => {
    await run(V2);
    // Generated regions edited without adding code: a formatter with other options went over them.
    edit((t) => t.replace(/^( +)declare /gm, '$1$1declare ').replace(/;\n/g, ';\n\n'));
    await run(V1);
    const after = readFileSync(userFile(), 'utf8');
    expect(after).not.toContain('nickname');
    expect(after).toContain('  declare age: number | null;');
  });

  it('refuses a region whose end line was deleted', async () => {
    await run(V1);
    edit((t) => {
      const edited = t.replace(/ {2}\/\/ #endregion\n}\n/, '}\n');
      expect(edited).not.toBe(t);
      return edited;
    });
    await expect(run(V2)).rejects.toThrow(
      /User\.ts: a "\/\/ #region generated" block has no "\/\/ #endregion"/,
    );
  });

  it('blames a deleted end line, not the hand-written method after it', async () => {
    await run(V1);
    edit((t) => {
      const lastEnd = t.lastIndexOf('  // #endregion\n');
      return `${t.slice(0, lastEnd)}\n  isAdult(): boolean {\n    return (this.age ?? 0) >= 18;\n  }\n${t.slice(lastEnd + '  // #endregion\n'.length)}`;
    });
    await expect(run(V2)).rejects.toThrow(
      /User\.ts: a "\/\/ #region generated" block has no "\/\/ #endregion"/,
    );
  });

  it('does not keep a second, stale header when a comment was put above the first', async () => {
    await run(V1);
    edit((t) => `/* eslint-disable */\n${t}`);
    await run(V2);
    const after = readFileSync(userFile(), 'utf8');
    expect(after.match(/Generated by gen-models/g)).toHaveLength(1);
    expect(after.match(/gen-models fingerprint/g)).toHaveLength(1);
    expect(after).toContain('/* eslint-disable */');
  });

  it('refuses a renamed generated class instead of generating a second one', async () => {
    await run(V1);
    edit((t) =>
      t
        .replace(/export class User\b/, 'export class Person')
        .replace(
          'static initModel(sequelize: Sequelize): typeof User',
          'static initModel(sequelize: Sequelize): typeof Person',
        ),
    );
    await expect(run(V2)).rejects.toThrow(
      /User\.ts: class Person holds the generated regions of model User; rename it back to User/,
    );
  });

  it('refuses a hand-written import whose name the generated imports now bind', async () => {
    await run(V1);
    edit((t) =>
      t.replace(
        '// #region generated imports and types',
        "import type { JsonValue } from './json.js';\n\n// #region generated imports and types",
      ),
    );
    const withJson = V1.replace('      age: INTEGER\n', '      age: INTEGER\n      data: JSONB\n');
    await expect(run(withJson)).rejects.toThrow(
      /User\.ts: your hand-written top-level declaration "JsonValue" has the name of a generated one now/,
    );
  });

  it('refuses a custom template that has no slot for hand-written code found in the file', async () => {
    await run(V1);
    edit((t) => t.replace(/\n}\n$/, '\n\n  importantBusinessLogic(): void {}\n}\n'));
    const templates = path.join(tempDir(), 'templates');
    mkdirSync(templates);
    const builtIn = readFileSync(path.resolve(__dirname, '../../../templates/model.ts.hbs'), 'utf8');
    writeFileSync(path.join(templates, 'model.ts.hbs'), builtIn.replace("{{slot 'class' 2}}\n", ''));
    await expect(run(V2, templates)).rejects.toThrow(
      /User\.ts: the template has no \{\{slot 'class' 2\}\} marker for the hand-written code found there/,
    );
  });

  it('reports an edited class heading with --check, and the next run puts it back', async () => {
    await run(V1);
    const original = readFileSync(userFile(), 'utf8');
    edit((t) => {
      const edited = t.replace('implements UserAttributes', 'implements UserAttributes, Iterable<number>');
      expect(edited).not.toBe(t);
      return edited;
    });
    const check = await generate({
      schemaPath: path.join(tempDir(), 'schema.yaml'),
      outDir: path.join(tempDir(), 'models'),
      runtime: 'package',
      check: true,
    });
    expect(check.upToDate).toBe(false);
    await run(V1);
    expect(readFileSync(userFile(), 'utf8')).toBe(original);
  });
});

// From an adversarial review of regeneration (730 edit × schema-change cases).
describe('hand-written code under edits a person or a tool makes to the whole file', () => {
  const tempDir = useTempDir('gm-edge2');
  const WITH_METHOD = `${V1}    methods:\n      greet: |\n        greet(): string {\n          return this.firstName;\n        }\n`;
  const file = (name = 'User.ts') => path.join(tempDir(), 'models', name);
  const run = (schema: string, extra: Partial<Parameters<typeof generate>[0]> = {}) => {
    writeFileSync(path.join(tempDir(), 'schema.yaml'), schema);
    return generate({
      schemaPath: path.join(tempDir(), 'schema.yaml'),
      outDir: path.join(tempDir(), 'models'),
      runtime: 'package',
      ...extra,
    });
  };
  const edit = (change: (text: string) => string, name = 'User.ts') =>
    writeFileSync(file(name), change(readFileSync(file(name), 'utf8')));
  const appendToClass = (code: string) => (t: string) => t.replace(/\n}\n$/, `\n\n${code}\n}\n`);

  it('keeps every character of hand-written code in a file with a byte-order mark', async () => {
    await run(V1);
    edit((t) => `\uFEFF${t}export const limit = 1000\n`);
    await run(V2);
    expect(readFileSync(file(), 'utf8')).toContain('export const limit = 1000');
  });

  it("keeps a method's overload signatures with it", async () => {
    await run(V1);
    const overloads =
      '  pick(x: string): string;\n  pick(x: number): number;\n  pick(x: string | number) {\n    return x;\n  }';
    edit((t) =>
      t.replace(
        '  // #endregion\n\n  // #region generated from the schema',
        `  // #endregion\n\n${overloads}\n\n  // #region generated from the schema`,
      ),
    );
    edit(
      appendToClass(
        '  static make(x: string): string;\n  static make(x: number): number;\n  static make(x: string | number) {\n    return x;\n  }',
      ),
    );
    await run(V2);
    const after = readFileSync(file(), 'utf8');
    expect(after).toContain(overloads);
    expect(after).toContain('static make(x: string): string;\n  static make(x: number): number;');
  });

  it('keeps a comment after the closing brace of the class', async () => {
    await run(V1);
    edit((t) => t.replace(/\n}\n$/, '\n} // end of User\n'));
    await run(V2);
    expect(readFileSync(file(), 'utf8')).toContain('// end of User');
  });

  it('refuses a decorator on the generated class, whose heading is rewritten', async () => {
    await run(V1);
    edit((t) => t.replace('export class User', '@sealed\nexport class User'));
    const before = readFileSync(file(), 'utf8');
    await expect(run(V2)).rejects.toThrow(
      /User\.ts: your decorator @sealed \(line \d+\) is on the generated class, whose heading is rewritten on every run/,
    );
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it.each([
    [
      'a second import from the runtime',
      (t: string) =>
        t.replace(
          '} from "gen-models/runtime";\n',
          '} from "gen-models/runtime";\nimport { ValidationError } from "gen-models/runtime";\n',
        ),
      /your import from "gen-models\/runtime"/,
    ],
    [
      'a declare field of its own in the attributes region',
      (t: string) =>
        t.replace(
          '  declare age: number | null;',
          '  declare age: number | null;\n  declare tags?: string[];',
        ),
      /your property "tags"/,
    ],
    [
      'a second interface of a generated name (declaration merging)',
      (t: string) =>
        t.replace(
          '/** What `create`',
          'export interface UserAttributes {\n  extra?: string;\n}\n\n/** What `create`',
        ),
      /your interface "UserAttributes"/,
    ],
    [
      'a namespace of the class name inside a region',
      (t: string) =>
        t.replace(
          '/** What `create`',
          'export namespace User {\n  export const x = 1;\n}\n\n/** What `create`',
        ),
      /your module "User"/,
    ],
    [
      'a member beside the schema method of the same name',
      (t: string) =>
        t.replace(
          '  greet(): string {',
          '  static greet(): string {\n    return "";\n  }\n\n  greet(): string {',
        ),
      /your method "greet"/,
    ],
  ])('refuses %s, though it looks like generated code', async (_what, change, named) => {
    await run(WITH_METHOD);
    edit(change);
    await expect(run(V2)).rejects.toThrow(named);
  });

  it('regenerates a file another formatter rewrote, when the schema drops an attribute and a method', async () => {
    await run(WITH_METHOD);
    edit(appendToClass('  isAdult(): boolean {\n    return (this.age ?? 0) >= 18;\n  }'));
    // Single quotes, no semicolons, tabs, CRLF: what a formatter with other options would write.
    edit((t) =>
      t
        .replace(/"/g, "'")
        .replace(/;$/gm, '')
        .replace(/^( {2})+/gm, (indent) => '\t'.repeat(indent.length / 2))
        .replace(/\n/g, '\r\n'),
    );
    await run(V1.replace('      age: INTEGER\n', ''));
    const after = readFileSync(file(), 'utf8');
    expect(after).not.toContain('greet');
    expect(after).not.toContain('declare age');
    expect(after).toContain('isAdult(): boolean');
    expect(after.match(/Code inside/g)).toHaveLength(1);
  });

  it('takes notes left in regions for notes, not code, when the schema drops an attribute and a method', async () => {
    await run(WITH_METHOD);
    edit((t) =>
      t
        .replace('  declare id: number;', '  // ids come from a sequence\n  declare id: number;')
        .replace('  greet(): string {', '  /* reviewed */\n  greet(): string {'),
    );
    await run(V1.replace('      age: INTEGER\n', ''));
    expect(readFileSync(file(), 'utf8')).not.toContain('greet');
  });

  it('refuses an overload signature added to a generated method', async () => {
    await run(WITH_METHOD);
    edit((t) => t.replace('  greet(): string {', '  greet(loud: boolean): string;\n  greet(): string {'));
    await expect(
      run(WITH_METHOD.replace('      age: INTEGER\n', '      age: INTEGER\n      nickname: STRING\n')),
    ).rejects.toThrow(/your method "greet"/);
  });

  it('an import put above the header (where import sorters put it) stays there, and --check stays green', async () => {
    await run(V1);
    const imported = 'import { inspect } from "node:util";\n';
    edit((t) => imported + appendToClass('  describe(): string {\n    return inspect(this.get());\n  }')(t));
    expect((await run(V1, { check: true })).upToDate).toBe(true);
    await run(V2);
    const after = readFileSync(file(), 'utf8');
    expect(after.startsWith(`${imported}// Generated by gen-models from ../schema.yaml.\n`)).toBe(true);
    expect(after).toContain('declare nickname: string | null;');
    expect(after).toContain('return inspect(this.get());');
    expect(after.match(/node:util/g)).toHaveLength(1);
    expect((await run(V2, { check: true })).upToDate).toBe(true);
  });

  it('a licence block and "use strict" above the header stay above it', async () => {
    await run(V1);
    const licence = '/*\n * Copyright the authors. MIT licence.\n */\n"use strict";\n';
    edit((t) => licence + t);
    await run(V2);
    expect(readFileSync(file(), 'utf8').startsWith(`${licence}// Generated by gen-models`)).toBe(true);
  });

  it('keeps one header under a "use strict", and reads a file whose licence comment is long', async () => {
    await run(V1);
    edit((t) => `'use strict';\n${t}`);
    await run(V2);
    expect(readFileSync(file(), 'utf8').match(/Generated by gen-models/g)).toHaveLength(1);
    edit((t) => `/*\n${' * Licensed under the terms of a long licence.\n'.repeat(12)} */\n${t}`);
    await run(V1);
    expect(readFileSync(file(), 'utf8')).toContain('Licensed under the terms');
  });

  it('accepts a label after #endregion, as editors allow', async () => {
    await run(V1);
    edit((t) =>
      t.replace(
        '  declare updatedAt: Date;\n  // #endregion',
        '  declare updatedAt: Date;\n  // #endregion attributes',
      ),
    );
    await run(V2);
    expect(readFileSync(file(), 'utf8')).toContain('declare nickname');
  });

  it('refuses a file whose whole region was deleted, rather than putting code back in the wrong place', async () => {
    await run(V1);
    edit(
      (t) =>
        t.replace(/\/\/ #region generated imports and types[\s\S]*?\/\/ #endregion\n/, '') +
        'Object.freeze(User.prototype);\n',
    );
    const before = readFileSync(file(), 'utf8');
    await expect(run(V2)).rejects.toThrow(
      /User\.ts: 1 of its 3 "\/\/ #region generated" blocks was deleted, so your code cannot be put back in its place/,
    );
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it('--prune keeps the file of a removed model when code was written into its regions', async () => {
    await run(`${V1}  Post:\n    attributes:\n      title: STRING\n`);
    edit(
      (t) =>
        t.replace(
          '  declare title: string | null;',
          '  declare title: string | null;\n  helper(): number {\n    return 1;\n  }',
        ),
      'Post.ts',
    );
    const result = await run(V1, { prune: true });
    expect(result.keptOrphans).toEqual(['Post.ts']);
    expect(readFileSync(file('Post.ts'), 'utf8')).toContain('helper(): number');
  });

  it('lets a namespace merge with the generated class', async () => {
    await run(V1);
    edit((t) => `${t}\nexport namespace User {\n  export const table = 'Users';\n}\n`);
    await run(V2);
    expect(readFileSync(file(), 'utf8')).toContain('export const table = "Users";');
  });
});
