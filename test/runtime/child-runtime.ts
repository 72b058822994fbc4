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

/** `script` sees `runtime` (the compiled runtime/index.js) and `url`; it resolves to a JSON-able value. */
export async function runInChild(
  script: string,
  env: Record<string, string>,
  url = 'pglite://',
): Promise<unknown> {
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
    const program = `const runtime = require(${JSON.stringify(join(outDir, 'runtime/index.js'))});
const url = process.argv[1];
(async () => { ${script} })().then((value) => process.stdout.write(JSON.stringify(value)), (error) => { console.error(error); process.exit(1); });`;
    const { stdout } = await run(process.execPath, ['-e', program, url], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return JSON.parse(stdout);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
