/**
 * The odd places people put code into generated files (from an independent review): each one is
 * either kept exactly, or refused with a message that names the file and the fix, writing nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../../generator/generate';
import { useTempDir } from '../../support/temp-dir';

const V1 = 'models:\n  User:\n    attributes:\n      firstName: { type: STRING, allowNull: false }\n      age: INTEGER\n';
const V2 = V1.replace('      age: INTEGER\n', '      age: INTEGER\n      nickname: STRING\n');

describe('hand-written code in unusual places', () => {
  const tempDir = useTempDir('gm-edge');
  const userFile = () => path.join(tempDir(), 'models', 'User.ts');
  const run = (schema: string, templatesDir?: string) => {
    writeFileSync(path.join(tempDir(), '.prettierrc'), '{ "singleQuote": true, "printWidth": 100 }');
    writeFileSync(path.join(tempDir(), 'schema.yaml'), schema);
    return generate({ schemaPath: path.join(tempDir(), 'schema.yaml'), outDir: path.join(tempDir(), 'models'), runtime: 'package', templatesDir });
  };
  const edit = (change: (text: string) => string) => writeFileSync(userFile(), change(readFileSync(userFile(), 'utf8')));

  it('keeps comments at the end of a hand-written line', async () => {
    await run(V1);
    edit((t) => t.replace('  // #region generated from the schema', '  maxAge = 120; // eslint-disable-line no-magic-numbers\n\n  // #region generated from the schema') + 'export default User; // TOKEN_B\n');
    await run(V2);
    const after = readFileSync(userFile(), 'utf8');
    expect(after).toContain('maxAge = 120; // eslint-disable-line no-magic-numbers');
    expect(after).toContain('export default User; // TOKEN_B');
  });

  it('refuses code written inside the attributes region, and writes nothing', async () => {
    await run(V1);
    edit((t) => t.replace('  declare age: number | null;', '  declare age: number | null;\n  hello(): number {\n    return 1;\n  }'));
    const before = readFileSync(userFile(), 'utf8');
    await expect(run(V2)).rejects.toThrow(/User\.ts: your method "hello" \(line \d+\) is inside a "#region generated" block, which is rewritten on every run, so it would be lost; move it below/);
    expect(readFileSync(userFile(), 'utf8')).toBe(before);
  });

  // From a new-user review: these were silently deleted on the next run.
  it.each([
    ['an import under the generated one', (t: string) => t.replace("from 'gen-models/runtime';\n", "from 'gen-models/runtime';\nimport { createHash } from 'node:crypto';\n"), /your import from "node:crypto"/],
    ['a type between the generated interfaces', (t: string) => t.replace('export interface UserCreationAttributes', 'export type Extra = { a: 1 };\n\nexport interface UserCreationAttributes'), /your type alias "Extra"/],
    ['a static method before initModel', (t: string) => t.replace('  static initModel(', '  static helper(): number {\n    return 1;\n  }\n\n  static initModel('), /your method "helper"/],
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
      const edited = t.replace(/  \/\/ #endregion\n}\n/, '}\n');
      expect(edited).not.toBe(t);
      return edited;
    });
    await expect(run(V2)).rejects.toThrow(/User\.ts: a "\/\/ #region generated" block has no "\/\/ #endregion"/);
  });

  it('blames a deleted end line, not the hand-written method after it', async () => {
    await run(V1);
    edit((t) => {
      const lastEnd = t.lastIndexOf('  // #endregion\n');
      return `${t.slice(0, lastEnd)}\n  isAdult(): boolean {\n    return (this.age ?? 0) >= 18;\n  }\n${t.slice(lastEnd + '  // #endregion\n'.length)}`;
    });
    await expect(run(V2)).rejects.toThrow(/User\.ts: a "\/\/ #region generated" block has no "\/\/ #endregion"/);
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
    edit((t) => t.replace(/export class User\b/, 'export class Person').replace('static initModel(sequelize: Sequelize): typeof User', 'static initModel(sequelize: Sequelize): typeof Person'));
    await expect(run(V2)).rejects.toThrow(/User\.ts: class Person holds the generated regions of model User; rename it back to User/);
  });

  it('refuses a hand-written import whose name the generated imports now bind', async () => {
    await run(V1);
    edit((t) => t.replace('// #region generated imports and types', "import type { JsonValue } from './json.js';\n\n// #region generated imports and types"));
    const withJson = V1.replace('      age: INTEGER\n', '      age: INTEGER\n      data: JSONB\n');
    await expect(run(withJson)).rejects.toThrow(/User\.ts: your hand-written top-level declaration "JsonValue" has the name of a generated one now/);
  });

  it('refuses a custom template that has no slot for hand-written code found in the file', async () => {
    await run(V1);
    edit((t) => t.replace(/\n}\n$/, '\n\n  importantBusinessLogic(): void {}\n}\n'));
    const templates = path.join(tempDir(), 'templates');
    mkdirSync(templates);
    const builtIn = readFileSync(path.resolve(__dirname, '../../../templates/model.ts.hbs'), 'utf8');
    writeFileSync(path.join(templates, 'model.ts.hbs'), builtIn.replace("{{slot 'class' 2}}\n", ''));
    await expect(run(V2, templates)).rejects.toThrow(/User\.ts: the template has no \{\{slot 'class' 2\}\} marker for the hand-written code found there/);
  });

  it('reports an edited class heading with --check, and the next run puts it back', async () => {
    await run(V1);
    const original = readFileSync(userFile(), 'utf8');
    edit((t) => {
      const edited = t.replace('implements UserAttributes', 'implements UserAttributes, Iterable<number>');
      expect(edited).not.toBe(t);
      return edited;
    });
    const check = await generate({ schemaPath: path.join(tempDir(), 'schema.yaml'), outDir: path.join(tempDir(), 'models'), runtime: 'package', check: true });
    expect(check.upToDate).toBe(false);
    await run(V1);
    expect(readFileSync(userFile(), 'utf8')).toBe(original);
  });
});
