/**
 * A user's life with committed models: generate, write code by hand into the files, change the
 * schema, generate again. Nothing the person wrote may be lost.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../../generator/generate';
import { useTempDir } from '../../support/temp-dir';

const SCHEMA_V1 = `
models:
  User:
    attributes:
      firstName: { type: STRING, allowNull: false }
      lastName: STRING
      age: INTEGER
  Team:
    attributes:
      name: STRING
`;

// v2: age removed, nickname added, lastName retyped, Team removed, Project added.
const SCHEMA_V2 = `
models:
  User:
    attributes:
      firstName: { type: STRING, allowNull: false }
      lastName: TEXT
      nickname: STRING(40)
  Project:
    attributes:
      title: STRING
`;

const HAND_WRITTEN_IMPORT = "import { randomUUID } from 'node:crypto';";
const HAND_WRITTEN_TOP = '/** Used by tests. */\nexport const USER_LIMIT = 10;';
const HAND_WRITTEN_MEMBERS = [
  '  // Keeps the greeting in one place.',
  '  greet(): string {',
  '    return `Hello ${this.firstName}`;',
  '  }',
  '',
  '  get shout(): string {',
  '    return this.firstName.toUpperCase();',
  '  }',
  '',
  '  declare posts?: string[];',
  '',
  '  static makeToken(): string {',
  '    return randomUUID();',
  '  }',
].join('\n');

describe('regenerating keeps hand-written code', () => {
  const tempDir = useTempDir('gm-regen');
  const schemaFile = () => path.join(tempDir(), 'schema.yaml');
  const outDir = () => path.join(tempDir(), 'models');
  const userFile = () => path.join(outDir(), 'User.ts');
  const run = (schema: string, extra: { check?: boolean; prune?: boolean; force?: boolean } = {}) => {
    // The user's prettier config applies to generated files and to their own code in them.
    writeFileSync(path.join(tempDir(), '.prettierrc'), '{ "singleQuote": true, "printWidth": 100 }');
    writeFileSync(schemaFile(), schema);
    return generate({ schemaPath: schemaFile(), outDir: outDir(), runtime: 'package', ...extra });
  };

  /** Adds an import, a top-level declaration and members to the generated User.ts, as a person would. */
  function editByHand(): void {
    let text = readFileSync(userFile(), 'utf8');
    text = text.replace(
      '// #region generated imports and types',
      `${HAND_WRITTEN_IMPORT}\n\n// #region generated imports and types`,
    );
    text = text.replace(
      /\n(\/\*\*[^\n]*\*\/\n)?export class User/,
      (match) => `\n${HAND_WRITTEN_TOP}\n${match}`,
    );
    text = text.replace(
      '  // #region generated from the schema',
      `${HAND_WRITTEN_MEMBERS}\n\n  // #region generated from the schema`,
    );
    text += '\n// A note at the end of the file.\n';
    writeFileSync(userFile(), text);
  }

  it('keeps every hand-written line through a schema change, and updates the generated parts', async () => {
    await run(SCHEMA_V1);
    editByHand();
    const edited = readFileSync(userFile(), 'utf8');

    const result = await run(SCHEMA_V2);
    const after = readFileSync(userFile(), 'utf8');

    for (const line of [
      HAND_WRITTEN_IMPORT,
      ...HAND_WRITTEN_TOP.split('\n'),
      ...HAND_WRITTEN_MEMBERS.split('\n'),
      '// A note at the end of the file.',
    ]) {
      if (line.trim() !== '') expect(after).toContain(line.trim());
    }
    expect(after).not.toContain('declare age');
    expect(after).toContain('declare nickname: string | null;');
    expect(after).toContain('lastName: { type: DataTypes.TEXT }');
    expect(after).not.toBe(edited);
    // Team left the schema: reported, not deleted.
    expect(result.plan.orphans).toEqual(['Team.ts']);
  });

  it('keeps hand-written code in place: members stay between the same generated regions', async () => {
    await run(SCHEMA_V1);
    editByHand();
    await run(SCHEMA_V2);
    const after = readFileSync(userFile(), 'utf8');
    const order = [
      '#region generated attributes',
      'greet(): string',
      'declare posts?',
      '#region generated from the schema',
      'static initModel',
    ];
    const positions = order.map((needle) => after.indexOf(needle));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(after.indexOf(HAND_WRITTEN_IMPORT)).toBeLessThan(after.indexOf('export class User'));
  });

  it('is stable: generating twice with hand-written code changes nothing', async () => {
    await run(SCHEMA_V1);
    editByHand();
    await run(SCHEMA_V2);
    const once = readFileSync(userFile(), 'utf8');
    const again = await run(SCHEMA_V2, { prune: true });
    expect(again.pruned).toEqual(['Team.ts']);
    expect(readFileSync(userFile(), 'utf8')).toBe(once);
    expect(again.written).toEqual([]);
    expect((await run(SCHEMA_V2, { check: true })).upToDate).toBe(true);
  });

  it('refuses a hand-written member whose name becomes generated, and writes nothing', async () => {
    await run(SCHEMA_V1);
    editByHand();
    const before = readFileSync(userFile(), 'utf8');
    const clashing = SCHEMA_V2.replace('nickname: STRING(40)', 'nickname: STRING(40)\n      greet: STRING');
    await expect(run(clashing)).rejects.toThrow(
      /User\.ts: your hand-written class member "greet" has the name of a generated one now; rename or remove it/,
    );
    expect(readFileSync(userFile(), 'utf8')).toBe(before);
  });
});

describe('models that leave the schema', () => {
  const tempDir = useTempDir('gm-prune');
  const run = (schema: string, extra: { prune?: boolean; force?: boolean } = {}) => {
    writeFileSync(path.join(tempDir(), 'schema.yaml'), schema);
    return generate({
      schemaPath: path.join(tempDir(), 'schema.yaml'),
      outDir: path.join(tempDir(), 'models'),
      runtime: 'package',
      ...extra,
    });
  };
  const teamFile = () => path.join(tempDir(), 'models', 'Team.ts');

  it('are deleted by prune when nobody wrote into them', async () => {
    await run(SCHEMA_V1);
    const result = await run(SCHEMA_V2, { prune: true });
    expect(result.pruned).toEqual(['Team.ts']);
    expect(existsSync(teamFile())).toBe(false);
  });

  it('are kept by prune when they hold hand-written code, and deleted only with force', async () => {
    await run(SCHEMA_V1);
    writeFileSync(teamFile(), readFileSync(teamFile(), 'utf8') + '\nexport const TEAM_SIZE = 5;\n');
    const kept = await run(SCHEMA_V2, { prune: true });
    expect(kept.keptOrphans).toEqual(['Team.ts']);
    expect(readFileSync(teamFile(), 'utf8')).toContain('TEAM_SIZE');
    const forced = await run(SCHEMA_V2, { prune: true, force: true });
    expect(forced.pruned).toEqual(['Team.ts']);
    expect(existsSync(teamFile())).toBe(false);
  });
});

describe('--check', () => {
  const tempDir = useTempDir('gm-check');
  const run = (check: boolean) =>
    generate({
      schemaPath: path.join(tempDir(), 'schema.yaml'),
      outDir: path.join(tempDir(), 'models'),
      runtime: 'package',
      check,
    });
  beforeEach(() => writeFileSync(path.join(tempDir(), 'schema.yaml'), SCHEMA_V1));

  it('passes on freshly generated files and writes nothing when stale', async () => {
    await run(false);
    expect((await run(true)).upToDate).toBe(true);
    writeFileSync(path.join(tempDir(), 'schema.yaml'), SCHEMA_V2);
    const before = readFileSync(path.join(tempDir(), 'models', 'User.ts'), 'utf8');
    const stale = await run(true);
    expect(stale.upToDate).toBe(false);
    expect(stale.drift).toContain('+  declare nickname: string | null;');
    expect(readFileSync(path.join(tempDir(), 'models', 'User.ts'), 'utf8')).toBe(before);
  });

  it('accepts hand-written code outside the regions but flags edits inside a generated region', async () => {
    await run(false);
    const file = path.join(tempDir(), 'models', 'User.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original.replace(
        '  // #region generated from the schema',
        '  hello(): number {\n    return 1;\n  }\n\n  // #region generated from the schema',
      ),
    );
    expect((await run(true)).upToDate).toBe(true);
    writeFileSync(file, original.replace('declare age: number | null;', 'declare age: number;'));
    const result = await run(true);
    expect(result.upToDate).toBe(false);
    expect(result.drift).toContain('-  declare age: number;');
    expect(result.drift).toContain('+  declare age: number | null;');
  });
});
