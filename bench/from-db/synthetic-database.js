/**
 * The synthetic database of the `--from-db` benchmark: N tables × 13 columns, each table with a
 * comment and two column comments, a shared enum, a `text[]`, and a foreign key to the previous
 * table; built in a scratch database that is dropped afterwards, whatever happens.
 */
'use strict';
const { Client } = require('pg');

const COLUMNS_PER_TABLE = 13;

/** DDL of table i: 13 columns, comments, the shared enum, a text[], a foreign key to table i-1. */
function tableDdl(i) {
  const t = `t${String(i).padStart(5, '0')}_item`;
  const parent = i > 0 ? `REFERENCES t${String(i - 1).padStart(5, '0')}_item (id)` : '';
  return `
CREATE TABLE ${t} (
  id serial PRIMARY KEY,
  name varchar(100) NOT NULL,
  description text,
  status bench_status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  price numeric(10,2) DEFAULT 0,
  quantity integer,
  active boolean DEFAULT true,
  available_on date,
  data jsonb,
  uid uuid DEFAULT gen_random_uuid(),
  parent_id integer ${parent},
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE ${t} IS 'Synthetic table ${i}';
COMMENT ON COLUMN ${t}.name IS 'The name of item ${i}';
COMMENT ON COLUMN ${t}.status IS 'Where it is in its life';`;
}

/** Creates the enum and `tables` tables in the (empty) database at `url`, 100 tables a round trip. */
function createSyntheticDatabase(url, tables) {
  return createTables(
    url,
    `CREATE TYPE bench_status AS ENUM ('draft', 'active', 'retired')`,
    tableDdl,
    tables,
  );
}

/** Runs `setupSql`, then the DDL of tables 0..tables-1, 100 tables a round trip, then ANALYZE. */
async function createTables(url, setupSql, ddlOf, tables) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(setupSql);
    for (let start = 0; start < tables; start += 100) {
      const batch = [];
      for (let i = start; i < Math.min(tables, start + 100); i++) batch.push(ddlOf(i));
      await client.query(batch.join('\n'));
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the server at `serverUrl`. */
function databaseUrl(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates the scratch database `name` (dropping a leftover of an interrupted run first), runs
 * `body(url)`, and drops it again with every setting made on it (ALTER DATABASE ... SET).
 */
async function withScratchDatabase(serverUrl, name, body) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      return await body(databaseUrl(serverUrl, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

module.exports = {
  COLUMNS_PER_TABLE,
  tableDdl,
  createSyntheticDatabase,
  createTables,
  withScratchDatabase,
  databaseUrl,
};
