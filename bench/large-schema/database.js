/**
 * The realistic large schema of issue 13 item 12: N tables × 20 columns of mixed types (three
 * enums, arrays, JSONB, numerics, comments on every table and on several columns, CHECK IN-lists
 * that `--from-db` reads as string unions, a foreign key to the previous table). Deterministic:
 * table i is the same on every run. `--schema-out` of this database is the YAML measured.
 */
'use strict';
const { createTables } = require('../from-db/synthetic-database.js');

const COLUMNS_PER_TABLE = 20;

const ENUMS = `
CREATE TYPE order_state AS ENUM ('new', 'paid', 'shipped', 'delivered', 'cancelled');
CREATE TYPE priority_level AS ENUM ('low', 'normal', 'high', 'urgent');
CREATE TYPE visibility AS ENUM ('private', 'team', 'public');`;

function tableName(i) {
  return `lt${String(i).padStart(4, '0')}_record`;
}

/** DDL of table i: 20 columns, comments, enums, arrays, jsonb, CHECK unions, a foreign key. */
function tableDdl(i) {
  const t = tableName(i);
  const parent = i > 0 ? `REFERENCES ${tableName(i - 1)} (id)` : '';
  return `
CREATE TABLE ${t} (
  id bigserial PRIMARY KEY,
  code varchar(32) NOT NULL UNIQUE,
  title varchar(200) NOT NULL,
  summary text,
  state order_state NOT NULL DEFAULT 'new',
  priority priority_level DEFAULT 'normal',
  visibility visibility NOT NULL DEFAULT 'team',
  kind text NOT NULL DEFAULT 'standard' CHECK (kind IN ('standard', 'express', 'bulk', 'sample')),
  channel varchar(20) CHECK (channel IN ('web', 'store', 'phone')),
  tags text[] NOT NULL DEFAULT '{}',
  scores integer[],
  amount numeric(12,2) NOT NULL DEFAULT 0,
  rate numeric(6,4),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity >= 0),
  weight double precision,
  metadata jsonb NOT NULL DEFAULT '{}',
  settings jsonb,
  external_id uuid DEFAULT gen_random_uuid(),
  parent_id bigint ${parent},
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE ${t} IS 'Realistic table number ${i}: orders of one kind.';
COMMENT ON COLUMN ${t}.code IS 'Unique code of record ${i}';
COMMENT ON COLUMN ${t}.state IS 'Where the order is in its life';
COMMENT ON COLUMN ${t}.kind IS 'How it is delivered';
COMMENT ON COLUMN ${t}.metadata IS 'Free-form data from the shop';
COMMENT ON COLUMN ${t}.amount IS 'Total, in the shop currency';`;
}

/** Creates the enums and `tables` tables in the (empty) database at `url`, 100 tables a round trip. */
function createLargeDatabase(url, tables) {
  return createTables(url, ENUMS, tableDdl, tables);
}

module.exports = { COLUMNS_PER_TABLE, createLargeDatabase, tableName };
