/**
 * docs/configuration.md's worked example, compiled as it stands: every block preceded by
 * `<!-- file: PATH -->` is written to PATH, gen-models runs with the configuration among them, and
 * tsc --strict compiles the models with the example's own code (its @ts-expect-error lines
 * included, so misuse must still be an error).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { useTempDir } from '../support/temp-dir';
import { compileWithTsc } from '../support/tsc';

const PAGE = path.resolve(__dirname, '../../docs/configuration.md');

function exampleFiles(): Map<string, string> {
  const text = readFileSync(PAGE, 'utf8');
  const files = new Map<string, string>();
  for (const match of text.matchAll(/<!-- file: (\S+) -->\n```\w+\n([\s\S]*?)```/g))
    files.set(match[1]!, match[2]!);
  return files;
}

describe('docs/configuration.md', () => {
  const tempDir = useTempDir('gm-config-docs');

  it('the worked example generates and compiles under tsc --strict', () => {
    const files = exampleFiles();
    expect([...files.keys()]).toEqual([
      'db/schema.yaml',
      'gen-models.config.json',
      'src/types/ids.ts',
      'src/types/preferences.ts',
      'src/app/posts.ts',
    ]);
    for (const [name, text] of files) {
      mkdirSync(path.dirname(path.join(tempDir(), name)), { recursive: true });
      writeFileSync(path.join(tempDir(), name), text);
    }
    writeFileSync(path.join(tempDir(), 'package.json'), JSON.stringify({ type: 'module' }));
    const run = runCli(['-q'], tempDir());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(tempDir(), 'src/models/Post.ts'), 'utf8')).toContain(
      'declare authorId: UserId;',
    );
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
});
