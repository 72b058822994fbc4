/** `npm test` says which tests were skipped, why, and how to run them (not only how many). */
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SkipReasonsReporter = require('../support/skip-reasons-reporter.js') as new (config: object) => {
  onRunComplete(contexts: unknown, results: object): void;
};

const ROOT = path.resolve(__dirname, '../..');

function printed(
  tests: { file: string; fullName: string; status: string }[],
  testNamePattern?: string,
): string {
  const files = [...new Set(tests.map((t) => t.file))].map((file) => ({
    testFilePath: path.join(ROOT, file),
    testResults: tests.filter((t) => t.file === file),
  }));
  const writes: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((text) => {
    writes.push(String(text));
    return true;
  });
  try {
    new SkipReasonsReporter({ rootDir: ROOT, testNamePattern }).onRunComplete(new Set(), {
      testResults: files,
    });
  } finally {
    spy.mockRestore();
  }
  return writes.join('');
}

test('lists the skipped tests by reason and file', () => {
  const reason = 'needs a PostgreSQL server; run with DATABASE_URL=postgres://x npm test';
  expect(
    printed([
      { file: 'test/a.test.ts', fullName: `real [skipped: ${reason}] loads`, status: 'pending' },
      { file: 'test/a.test.ts', fullName: `real [skipped: ${reason}] reads`, status: 'pending' },
      { file: 'test/b.test.ts', fullName: `timeout [skipped: ${reason}]`, status: 'pending' },
      { file: 'test/b.test.ts', fullName: 'runs', status: 'passed' },
    ]),
  ).toBe(`\nSkipped 3 tests in 2 files: ${reason}\n  test/a.test.ts (2)\n  test/b.test.ts (1)\n`);
});

test('names skips without a reason, except tests left out by -t', () => {
  const tests = [{ file: 'test/a.test.ts', fullName: 'silently skipped', status: 'pending' }];
  expect(printed(tests)).toContain('Skipped 1 tests without a reason in their title: give one');
  expect(printed(tests, 'other')).toBe('');
});

test('prints nothing when nothing was skipped', () => {
  expect(printed([{ file: 'test/a.test.ts', fullName: 'runs', status: 'passed' }])).toBe('');
});
