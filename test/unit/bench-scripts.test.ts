/**
 * The benchmark scripts run only under `npm run bench`, never in CI: this at least catches a
 * syntax error in them before someone's bench run does.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const BENCH = path.resolve(__dirname, '../../bench');

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return scripts(file);
    return entry.name.endsWith('.js') ? [file] : [];
  });
}

describe('bench/ scripts', () => {
  const files = scripts(BENCH);

  it('finds the scripts', () => {
    expect(files.map((file) => path.relative(BENCH, file))).toEqual(
      expect.arrayContaining(['run.js', 'runtime.js', 'from-db/run.js']),
    );
  });

  it.each(files.map((file) => [path.relative(BENCH, file), file]))('%s parses', (_name, file) => {
    expect(() => execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' })).not.toThrow();
  });
});
