/**
 * Runs a script against a CommonJS build of the runtime in a child process with its own
 * environment (TZ: jest's sandboxed process.env does not change the running process's zone).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '../..');

/** A CommonJS build of the runtime under test/runtime/types; `remove()` deletes it. */
export interface CompiledRuntime {
  /** The compiled runtime/index.js. */
  readonly index: string;
  remove(): Promise<void>;
}

export async function compileRuntime(): Promise<CompiledRuntime> {
  // Under test/ so that the build resolves pg from this repository's node_modules; ignored by git.
  const outDir = await mkdtemp(join(__dirname, 'types/tmp-child-'));
  try {
    const config = join(outDir, 'tsconfig.json');
    await writeFile(
      config,
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'commonjs',
          lib: ['ES2022'],
          types: ['node'],
          strict: true,
          skipLibCheck: true,
          rootDir: root,
          outDir,
          typeRoots: [join(root, 'node_modules/@types')],
        },
        files: [join(root, 'runtime/index.ts')],
      }),
    );
    await run(join(root, 'node_modules/.bin/tsc'), ['-p', config], { cwd: root });
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  return {
    index: join(outDir, 'runtime/index.js'),
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}

/** A node program that runs `script` (it sees `runtime` and `url`) and prints its JSON-able value. */
export function childProgram(compiled: CompiledRuntime, script: string): string {
  return `const runtime = require(${JSON.stringify(compiled.index)});
const url = process.argv[1];
(async () => { ${script} })().then((value) => process.stdout.write(JSON.stringify(value)), (error) => { console.error(error); process.exit(1); });`;
}

/** `script` sees `runtime` (the compiled runtime/index.js) and `url`; it resolves to a JSON-able value. */
export async function runInChild(
  script: string,
  env: Record<string, string>,
  url = 'pglite://',
): Promise<unknown> {
  const compiled = await compileRuntime();
  try {
    const { stdout } = await run(process.execPath, ['-e', childProgram(compiled, script), url], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return JSON.parse(stdout);
  } finally {
    await compiled.remove();
  }
}
