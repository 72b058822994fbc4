/**
 * Type overrides from a configuration file, through the real command line, and the generated code
 * compiled by the real tsc --strict: the overridden types reach the attribute, creation and where
 * types, and misuse is a compile error.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { useTempDir } from '../support/temp-dir';
import { compileWithTsc } from '../support/tsc';

const SCHEMA = `models:
  User:
    attributes:
      id: { type: INTEGER, primaryKey: true, autoIncrement: true }
      email: { type: CITEXT, allowNull: false }
      preferences: { type: JSONB, allowNull: false }
      settings: JSONB
  Post:
    attributes:
      id: { type: INTEGER, primaryKey: true, autoIncrement: true }
      userId: { type: INTEGER, allowNull: false, references: { model: User, key: id } }
      meta: JSONB
`;

const TYPES = `export interface Preferences { theme: 'light' | 'dark'; }
export interface Settings { beta: boolean; }
export type UserId = number & { readonly __brand: 'UserId' };
export type Email = string & { readonly __brand: 'Email' };
`;

const CONFIG = {
  schema: 'schema.yaml',
  out: 'src/models',
  typeOverrides: {
    'Users.preferences': { type: 'Preferences', import: "import type { Preferences } from '../types.js';" },
    'User.settings': { type: 'Settings', import: ["import type { Settings } from '../types.js';"] },
    'User.id': { type: 'UserId', import: "import type { UserId } from '../types.js';" },
    '*.userId': { type: 'UserId', import: "import type { UserId } from '../types.js';" },
    citext: { type: 'Email', import: "import type { Email } from '../types.js';" },
    jsonb: 'Record<string, unknown>',
  },
};

const USE = `import { User, Post } from './models/index.js';
import type { Preferences, UserId, Email } from './types.js';

export async function use(): Promise<void> {
  const user = await User.create({ email: 'a@b.c' as Email, preferences: { theme: 'dark' } });
  const id: UserId = user.id;
  const prefs: Preferences = user.preferences;
  const meta: Record<string, unknown> | null = (await Post.findByPk(1))!.meta;
  await Post.findAll({ where: { userId: id } });
  // @ts-expect-error a plain number is not a UserId
  await Post.findAll({ where: { userId: 1 } });
  // @ts-expect-error the theme is typed
  await User.create({ email: 'a@b.c' as Email, preferences: { theme: 'blue' } });
  // @ts-expect-error a plain string is not an Email
  await User.create({ email: 'a@b.c', preferences: prefs });
  void meta;
}
`;

describe('type overrides', () => {
  const tempDir = useTempDir('gm-overrides');
  const write = (name: string, text: string) => {
    const file = path.join(tempDir(), name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  it('reach the attribute, creation and where types; the code compiles under tsc --strict', () => {
    write('schema.yaml', SCHEMA);
    write('src/types.ts', TYPES);
    write('src/use.ts', USE);
    write('gen-models.config.json', JSON.stringify(CONFIG, null, 2));
    const run = runCli(['-q'], tempDir());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const user = readFileSync(path.join(tempDir(), 'src/models/User.ts'), 'utf8');
    expect(user).toContain('preferences: Preferences;');
    expect(user).toContain('settings?: Settings | null;');
    expect(user).toContain('id: UserId;');
    expect(user.match(/import type \{ UserId \}/g)).toHaveLength(1);
    writeFileSync(path.join(tempDir(), 'package.json'), JSON.stringify({ type: 'module' }));
    const result = compileWithTsc(
      tempDir(),
      'strict',
      {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        noEmit: true,
        typeRoots: [path.resolve(__dirname, '../../node_modules/@types')],
      },
      ['src'],
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('a key that names nothing is an error with a did-you-mean', () => {
    write('schema.yaml', SCHEMA);
    write(
      'gen-models.config.yaml',
      'schema: schema.yaml\ntypeOverrides:\n  User.preferencs: Preferences\n  jsnob: unknown\n  "*.nothing_*": string\n',
    );
    const run = runCli([], tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '"User.preferencs": no column (schema.table.column, table.column) or model attribute (Model.attribute) has that name; did you mean User.preferences?',
    );
    expect(run.stderr).toContain('"jsnob": no column has that PostgreSQL type; did you mean jsonb?');
    expect(run.stderr).toContain('"*.nothing_*": the pattern matches no column or attribute');
  });
});
