/**
 * The two sides of the differential suite: the same schema through the real CLI, once with
 * `--runtime bundled` and once with `--runtime sequelize`, each transpiled to CommonJS by the
 * real TypeScript compiler (type checking is generated-code.test.ts's and the sequelize runtime
 * tests' job; here it would only cost time) and run by runner.js in a child process.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { OUTCOMES_MARK } from './steps.js';

export type Side = 'bundled' | 'sequelize';
export const SIDES: readonly Side[] = ['bundled', 'sequelize'];

/** Every .ts file under `dir` (not .d.ts) becomes a .js file beside it. */
export function transpileTree(dir: string, rewrite: (text: string) => string = (text) => text): void {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) {
      if (entry !== 'node_modules') transpileTree(file, rewrite);
    } else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) {
      const output = ts.transpileModule(rewrite(readFileSync(file, 'utf8')), {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
        fileName: file,
      });
      writeFileSync(file.replace(/\.ts$/, '.js'), output.outputText);
    }
  }
}

export interface RunnerResult {
  readonly outcomes: { key: string; outcome: unknown }[];
  /** What else the side printed (Sequelize's warnings). */
  readonly printed: string;
}

/** Runs runner.js (transpiled into `work`) on one side's models and database. */
export function runScenarios(
  work: string,
  modelsDir: string,
  url: string,
  kind: 'example' | 'real',
): RunnerResult {
  const run = spawnSync(
    process.execPath,
    [path.join(work, 'differential', 'runner.js'), modelsDir, url, kind],
    {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 120_000,
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`runner failed on ${modelsDir}:\n${run.stderr}`);
  const line = run.stdout.split('\n').find((text) => text.startsWith(OUTCOMES_MARK));
  if (!line) throw new Error(`runner printed no outcomes on ${modelsDir}:\n${run.stdout}\n${run.stderr}`);
  return {
    outcomes: JSON.parse(line.slice(OUTCOMES_MARK.length)) as RunnerResult['outcomes'],
    printed: run.stdout.replace(line, '').trim(),
  };
}
