/**
 * The two sides of the differential suite: the same schema through the real CLI, once with
 * `--runtime bundled` and once with `--runtime sequelize`, each transpiled to CommonJS by the
 * real TypeScript compiler (type checking is generated-code.test.ts's and the sequelize runtime
 * tests' job; here it would only cost time) and run by runner.js in a child process.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CLI } from '../../support/run-cli.js';
import { OUTCOMES_MARK } from './steps.js';

export type Side = 'bundled' | 'sequelize';
export const SIDES: readonly Side[] = ['bundled', 'sequelize'];

/** Transpiled text by source text: every bundled output holds the same runtime copy, transpiled once. */
const transpiled = new Map<string, string>();

function transpile(text: string): string {
  let output = transpiled.get(text);
  if (output === undefined) {
    output = ts.transpileModule(text, {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    }).outputText;
    transpiled.set(text, output);
  }
  return output;
}

/** Every .ts file under `dir` (not .d.ts) becomes a .js file beside it. */
export function transpileTree(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) {
      if (entry !== 'node_modules') transpileTree(file);
    } else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) {
      writeFileSync(file.replace(/\.ts$/, '.js'), transpile(readFileSync(file, 'utf8')));
    }
  }
}

export interface RunnerResult {
  readonly outcomes: { key: string; outcome: unknown }[];
  /** What else the side printed (Sequelize's warnings). */
  readonly printed: string;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A node program in a child process, without blocking: the two sides run at the same time. */
function runNode(args: readonly string[], cwd: string, timeout: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill(), timeout);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      });
    });
  });
}

/** The real, built command line (as test/support/run-cli.ts runs it), in a child process. */
export function runCliAsync(args: readonly string[], cwd: string): Promise<Run> {
  return runNode([CLI, ...args], cwd, 120_000);
}

/** Runs runner.js (transpiled into `work`) on one side's models and database. */
export async function runScenarios(
  work: string,
  modelsDir: string,
  url: string,
  kind: 'example' | 'real',
): Promise<RunnerResult> {
  const run = await runNode(
    [path.join(work, 'differential', 'runner.js'), modelsDir, url, kind],
    work,
    120_000,
  );
  if (run.code !== 0) throw new Error(`runner failed on ${modelsDir}:\n${run.stderr}`);
  const line = run.stdout.split('\n').find((text) => text.startsWith(OUTCOMES_MARK));
  if (!line) throw new Error(`runner printed no outcomes on ${modelsDir}:\n${run.stdout}\n${run.stderr}`);
  return {
    outcomes: JSON.parse(line.slice(OUTCOMES_MARK.length)) as RunnerResult['outcomes'],
    printed: run.stdout.replace(line, '').trim(),
  };
}
