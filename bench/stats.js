/** Median, min and max of repeated timings; ratios are only compared within one run. */
'use strict';
const { performance } = require('node:perf_hooks');

async function measure(runs, body) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], runs };
}

function formatMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

function formatStat(stat) {
  return `${formatMs(stat.median)} (${formatMs(stat.min)}–${formatMs(stat.max)})`;
}

module.exports = { measure, formatMs, formatStat };
