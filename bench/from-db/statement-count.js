/**
 * Counts the SQL statements a tool sends, from the server log: `log_statement = 'all'` is set on
 * the scratch database only (ALTER DATABASE ... SET; it applies to new sessions on that database
 * and vanishes when the database is dropped, so nothing server-wide changes), and the lines that
 * the server logs for that database between the log's size before the run and an end marker
 * sent afterwards are counted.
 *
 * A statement is one `LOG:  statement: ...` line (simple query protocol; a string holding several
 * `;`-separated statements counts once, as it is one round trip) or one `LOG:  execute ...:` line
 * (extended protocol: parse/bind/execute of one parameterized query counts once).
 *
 * The log file: $BENCH_PG_LOG, else pg_current_logfile() (logging_collector on), else the Debian
 * layout /var/log/postgresql/postgresql-<cluster_name with - for />.log. When it cannot be read, or
 * when log_line_prefix does not name the database (%d), counts are reported as unavailable.
 */
'use strict';
const { accessSync, constants, openSync, readSync, closeSync, statSync } = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

async function locateLogFile(admin) {
  if (process.env.BENCH_PG_LOG) return process.env.BENCH_PG_LOG;
  const setting = async (name) =>
    (await admin.query(`SELECT current_setting($1, true) AS v`, [name])).rows[0].v;
  try {
    const current = (await admin.query('SELECT pg_current_logfile() AS f')).rows[0].f;
    if (current)
      return path.isAbsolute(current) ? current : path.join(await setting('data_directory'), current);
  } catch {
    // not superuser / pg_monitor: fall through to the Debian layout
  }
  const cluster = await setting('cluster_name');
  return cluster ? `/var/log/postgresql/postgresql-${cluster.replace('/', '-')}.log` : undefined;
}

function readFrom(file, offset) {
  const size = statSync(file).size;
  if (size <= offset) return '';
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Opens the statement log of the server at `admin` (a connected pg Client with superuser rights).
 * Returns { available: true, enable, disable, count } or { available: false, reason }.
 */
async function openStatementLog(admin) {
  const prefix = (await admin.query(`SELECT current_setting('log_line_prefix') AS v`)).rows[0].v;
  if (!prefix.includes('%d'))
    return { available: false, reason: `log_line_prefix '${prefix}' does not name the database (%d)` };
  const file = await locateLogFile(admin);
  if (!file) return { available: false, reason: 'server log file not found (set BENCH_PG_LOG)' };
  try {
    accessSync(file, constants.R_OK);
  } catch {
    return { available: false, reason: `server log ${file} is not readable (set BENCH_PG_LOG)` };
  }

  /** Statement lines of database `database` in `text`, up to the marker line (excluded). */
  function countLines(text, database, marker) {
    const ofDatabase = new RegExp(`(^|[^A-Za-z0-9_$])${escapeRegExp(database)}([^A-Za-z0-9_$]|$)`);
    let count = 0;
    for (const line of text.split('\n')) {
      const at = line.indexOf(' LOG:  ');
      if (at < 0 || !ofDatabase.test(line.slice(0, at))) continue;
      const message = line.slice(at + 7);
      if (message.includes(marker)) return count;
      if (message.startsWith('statement: ') || /^execute [^:]*:/.test(message)) count += 1;
    }
    return undefined; // marker not seen
  }

  return {
    available: true,
    file,
    enable: (database) => admin.query(`ALTER DATABASE "${database}" SET log_statement = 'all'`),
    disable: (database) => admin.query(`ALTER DATABASE "${database}" RESET log_statement`),
    /**
     * Runs `body()` (which must open its own, new sessions on database `database` at `url`, with
     * logging enabled) and returns { result, statements }. statements is undefined when the end
     * marker never reached the log.
     */
    async count(database, url, body) {
      const offset = statSync(file).size;
      const result = await body();
      const marker = `gm-bench-end-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`SELECT '${marker}'`);
      } finally {
        await client.end();
      }
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const statements = countLines(readFrom(file, offset), database, marker);
        if (statements !== undefined) return { result, statements };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { result, statements: undefined };
    },
  };
}

module.exports = { openStatementLog };
