/**
 * The model types catch mistakes at compile time: the real tsc compiles test/runtime/types,
 * where every `@ts-expect-error` marks a mistake that must not compile (an unused directive is
 * itself an error) and the generator's exact model shape must compile under --strict.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '../..');

test('generated model shape and model usage typecheck under --strict, NodeNext; every @ts-expect-error is a real error', async () => {
  const result = await run(
    join(root, 'node_modules/.bin/tsc'),
    ['-p', join(__dirname, 'types/tsconfig.nodenext.json')],
    { cwd: root },
  ).catch((error) => error);
  expect(`${result.stdout ?? ''}${result.stderr ?? ''}`).toBe('');
  expect(result.code ?? 0).toBe(0);
}, 120000);
