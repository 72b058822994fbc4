/** Preloaded (`node --require`) when GNU time is missing: writes this process's peak RSS (KiB) on exit. */
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.GM_BENCH_RSS_FILE)
    writeFileSync(process.env.GM_BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
