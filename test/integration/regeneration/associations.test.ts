/**
 * Association code lives in generated regions: hand-written code around it (a member after the
 * class's associations, a hand-written association function after index.ts's) survives a schema
 * change that renames the associations, and --check sees a stale association.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../../generator/generate';
import { useTempDir } from '../../support/temp-dir';

const V1 = `
models:
  User:
    attributes:
      name: STRING
  Post:
    attributes:
      authorId: { type: INTEGER, references: { model: User } }
`;

// A second key to User: the inverses are named from the columns now.
const V2 = `${V1}      editorId: { type: INTEGER, references: { model: User } }
`;

const HAND_WRITTEN_MEMBER = '  describe(): string {\n    return `user ${this.name}`;\n  }';
const HAND_WRITTEN_FUNCTION = [
  '/** Associations written by hand, after the generated ones. */',
  'export function associateByHand(): void {',
  '  User.hasMany(Post, { as: "drafts", foreignKey: "authorId" });',
  '}',
].join('\n');

describe('regenerating associations', () => {
  const tempDir = useTempDir('gm-assoc-regen');
  const file = (name: string) => path.join(tempDir(), 'models', name);
  const run = (schema: string, check = false) => {
    writeFileSync(path.join(tempDir(), 'schema.yaml'), schema);
    return generate({
      schemaPath: path.join(tempDir(), 'schema.yaml'),
      outDir: path.join(tempDir(), 'models'),
      runtime: 'package',
      check,
    });
  };

  it('keeps hand-written code around the association regions through a rename, and --check sees the change', async () => {
    await run(V1);
    const user = readFileSync(file('User.ts'), 'utf8');
    expect(user).toContain('declare posts?: NonAttribute<Post[]>;');
    // After the class's associations region, and after index.ts's.
    writeFileSync(
      file('User.ts'),
      user.replace(/( {2}\/\/ #endregion\n)(\}\n)$/, `$1\n${HAND_WRITTEN_MEMBER}\n$2`),
    );
    writeFileSync(file('index.ts'), `${readFileSync(file('index.ts'), 'utf8')}\n${HAND_WRITTEN_FUNCTION}\n`);
    expect((await run(V1, true)).upToDate).toBe(true);

    const stale = await run(V2, true);
    expect(stale.upToDate).toBe(false);
    expect(stale.drift).toContain('+  declare editorPosts?: NonAttribute<Post[]>;');

    await run(V2);
    const after = readFileSync(file('User.ts'), 'utf8');
    expect(after).toContain('declare authorPosts?: NonAttribute<Post[]>;');
    expect(after).not.toContain('declare posts?');
    expect(after).toContain(HAND_WRITTEN_MEMBER.split('\n')[0]);
    expect(after.indexOf('describe(): string')).toBeGreaterThan(
      after.indexOf('// #region generated associations'),
    );
    const index = readFileSync(file('index.ts'), 'utf8');
    expect(index).toContain('as: "editorPosts"');
    for (const line of HAND_WRITTEN_FUNCTION.split('\n')) expect(index).toContain(line);
    expect((await run(V2, true)).upToDate).toBe(true);
  });
});
