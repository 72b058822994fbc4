/** Runs the project's real TypeScript compiler on a folder, as a user's build would. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const TSC = path.resolve(__dirname, '../../node_modules/typescript/bin/tsc');

export interface TscResult {
  readonly code: number;
  readonly output: string;
}

/** Writes `tsconfig.<name>.json` in `dir` with strict settings plus `options`, and compiles it. */
export function compileWithTsc(
  dir: string,
  name: string,
  options: Record<string, unknown>,
  include: string[],
): TscResult {
  const config = {
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      lib: ['ES2022'],
      types: ['node'],
      skipLibCheck: true,
      ...options,
    },
    include,
  };
  const file = path.join(dir, `tsconfig.${name}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  const result = spawnSync(process.execPath, [TSC, '-p', file], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
