/**
 * A jest reporter that says, after the summary, which tests were skipped and why, and how to run
 * them: a test skipped for a reason carries it in its title (`[skipped: <reason>]`, see
 * needsServer() in test-database.ts). Jest's own summary only counts them.
 */
'use strict';
const path = require('node:path');

const REASON = /\[skipped: ([^\]]+)\]/;

class SkipReasonsReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const byReason = new Map();
    let unexplained = 0;
    for (const file of results.testResults) {
      const relative = path.relative(this.globalConfig.rootDir, file.testFilePath);
      for (const test of file.testResults) {
        if (test.status !== 'pending' && test.status !== 'skipped') continue;
        const reason = REASON.exec(test.fullName)?.[1];
        if (reason === undefined) {
          unexplained += 1;
          continue;
        }
        const files = byReason.get(reason) ?? new Map();
        files.set(relative, (files.get(relative) ?? 0) + 1);
        byReason.set(reason, files);
      }
    }
    const lines = [];
    for (const [reason, files] of byReason) {
      const count = [...files.values()].reduce((sum, n) => sum + n, 0);
      lines.push(`Skipped ${count} tests in ${files.size} files: ${reason}`);
      for (const [file, n] of [...files].sort()) lines.push(`  ${file} (${n})`);
    }
    // Tests left out by -t or a focused test are not skips anyone has to explain.
    if (unexplained > 0 && !this.globalConfig.testNamePattern)
      lines.push(
        `Skipped ${unexplained} tests without a reason in their title: give one (see needsServer() in test/support/test-database.ts)`,
      );
    if (lines.length > 0) process.stderr.write(`\n${lines.join('\n')}\n`);
  }
}

module.exports = SkipReasonsReporter;
