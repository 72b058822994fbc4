/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is done once by `tsc` (npm run typecheck); ts-jest only transpiles, which
    // keeps the suite fast on a two-core machine. CommonJS here because jest's sandbox cannot
    // run a real dynamic import(); the build itself keeps module NodeNext.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  // Sources import siblings as `./x.js` (NodeNext); map them back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
  // After jest's summary: which tests were skipped, why, and how to run them.
  reporters: ['default', '<rootDir>/test/support/skip-reasons-reporter.js'],
  maxWorkers: 2,
};
