/**
 * Runs one node script as a separate process and measures it from outside: wall time from spawn
 * to exit (node start-up included, as a user sees it) and peak RSS of the process, via GNU
 * `/usr/bin/time -f %M` when it is installed (`apt-get install time`), else via a preloaded
 * module that writes process.resourceUsage().maxRSS on exit (same figure, node processes only).
 */
'use strict';
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const GNU_TIME = '/usr/bin/time';
const PRELOAD = path.join(__dirname, 'peak-rss-preload.js');

function peakRssMethod() {
  return existsSync(GNU_TIME) ? 'GNU time %M' : 'process.resourceUsage().maxRSS at exit';
}

/** Keeps the last `limit` characters written to a stream (for the error message of a failed run). */
function tail(stream, limit = 4000) {
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    text = (text + chunk).slice(-limit);
  });
  return () => text;
}

/** Runs `node script ...args`; resolves { wallMs, peakRssMb }, rejects when it exits non-zero. */
async function runNodeScript(script, args, { cwd = os.tmpdir(), env = process.env } = {}) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'gm-bench-rss-'));
  const rssFile = path.join(work, 'rss');
  const [command, commandArgs] = existsSync(GNU_TIME)
    ? [GNU_TIME, ['-q', '-f', '%M', '-o', rssFile, process.execPath, script, ...args]]
    : [process.execPath, ['--require', PRELOAD, script, ...args]];
  try {
    const started = performance.now();
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...env, GM_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = tail(child.stdout);
    const stderr = tail(child.stderr);
    const code = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const wallMs = performance.now() - started;
    if (code !== 0) {
      throw new Error(
        `${path.basename(script)} ${args.join(' ')} exited with ${code}\n${stdout()}\n${stderr()}`,
      );
    }
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    const kilobytes = Number(lines[lines.length - 1]);
    return { wallMs, peakRssMb: kilobytes / 1024 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { runNodeScript, peakRssMethod };
