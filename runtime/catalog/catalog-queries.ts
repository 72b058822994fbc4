/**
 * The bulk pg_catalog queries shared by `--from-db` (generator/introspect) and sync({ alter })
 * (runtime/alter): a fixed number (CATALOG_QUERY_COUNT) whatever the number of tables. Each
 * reads the catalog once for every schema in scope; grouping into tables is done afterwards
 * by pure functions. They live in the runtime because the runtime is copied into users'
 * projects on its own and cannot import from the generator.
 *
 * Rules: the only input is `$1`, a `text[]` of schema names or NULL for "every user schema";
 * no name is ever spliced into the SQL. Every value is cast to text, boolean or text[], so `pg`
 * and PGlite return the same JavaScript values (oids as strings, arrays as arrays).
 */

/** System schemas, never introspected (pg_toast_*, pg_temp_* are matched by prefix below). */
const NOT_SYSTEM_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;

/** Relations that become models: tables, partitioned parents (not partitions), views, matviews, foreign tables; not owned by an extension. */
const RELATION_IN_SCOPE = `c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND NOT c.relispartition
  AND ${NOT_SYSTEM_SCHEMA}
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
  )`;

export const DATABASE_QUERY = `SELECT current_database()::text AS database`;

export const RELATIONS_QUERY = `
SELECT c.oid::text AS oid,
       n.nspname::text AS schema,
       c.relname::text AS name,
       c.relkind::text AS kind,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ${RELATION_IN_SCOPE}
ORDER BY n.nspname, c.relname`;

/** One row per column; the type and (for arrays) its element type, formatted with the column's typmod. */
export const COLUMNS_QUERY = `
SELECT a.attrelid::text AS relation_oid,
       a.attnum::int AS position,
       a.attname::text AS name,
       a.attnotnull AS not_null,
       pg_get_expr(ad.adbin, ad.adrelid) AS default_sql,
       a.attidentity::text AS identity,
       a.attgenerated::text AS generated,
       col_description(a.attrelid, a.attnum) AS comment,
       a.attndims::int AS dimensions,
       t.oid::text AS type_oid,
       t.typname::text AS type_name,
       tn.nspname::text AS type_schema,
       t.typtype::text AS type_kind,
       t.typcategory::text AS type_category,
       format_type(a.atttypid, a.atttypmod) AS type_format,
       et.oid::text AS element_oid,
       et.typname::text AS element_name,
       etn.nspname::text AS element_schema,
       et.typtype::text AS element_kind,
       et.typcategory::text AS element_category,
       format_type(et.oid, a.atttypmod) AS element_format
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_type et ON t.typcategory = 'A' AND et.oid = t.typelem AND t.typelem <> 0
LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE ${RELATION_IN_SCOPE}
ORDER BY a.attrelid, a.attnum`;

/** Primary keys, unique keys (constraints and unique indexes), foreign keys and checks, with column names in key order. */
export const CONSTRAINTS_QUERY = `
SELECT con.conrelid::text AS relation_oid,
       con.conname::text AS name,
       con.contype::text AS type,
       ARRAY(
         SELECT ka.attname::text
         FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, i)
         JOIN pg_catalog.pg_attribute ka ON ka.attrelid = con.conrelid AND ka.attnum = k.attnum
         ORDER BY k.i
       ) AS columns,
       rc.oid::text AS referenced_oid,
       rn.nspname::text AS referenced_schema,
       rc.relname::text AS referenced_table,
       ARRAY(
         SELECT fa.attname::text
         FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, i)
         JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.attnum
         ORDER BY k.i
       ) AS referenced_columns,
       NULLIF(con.confupdtype, ' ')::text AS on_update,
       NULLIF(con.confdeltype, ' ')::text AS on_delete,
       pg_get_constraintdef(con.oid) AS definition
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid AND con.contype = 'f'
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c')
  AND ${RELATION_IN_SCOPE}
UNION ALL
-- CREATE UNIQUE INDEX without a constraint: a unique key too, when it is on plain columns and
-- not partial (pagila's rental, adventureworks' materialized views).
SELECT i.indrelid::text,
       ic.relname::text,
       'u',
       ARRAY(
         SELECT ka.attname::text
         FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
         JOIN pg_catalog.pg_attribute ka ON ka.attrelid = i.indrelid AND ka.attnum = k.attnum
         ORDER BY k.n
       ),
       NULL, NULL, NULL, NULL, NULL, NULL,
       pg_get_indexdef(i.indexrelid)
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL AND NOT (0 = ANY (i.indkey::int2[]))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint ic2 WHERE ic2.conindid = i.indexrelid)
  AND ${RELATION_IN_SCOPE}
ORDER BY 1, 3, 2`;

/** Every enum type of the database, labels in their declared order. */
export const ENUMS_QUERY = `
SELECT t.oid::text AS oid,
       t.typname::text AS name,
       n.nspname::text AS schema,
       array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
GROUP BY t.oid, t.typname, n.nspname
ORDER BY n.nspname, t.typname`;

/**
 * Every domain of the database with its immediate base type (formatted with the domain's
 * typmod, so "Name" gives character varying(50)) and its own CHECKs; chains of domains are
 * followed by the pure resolver (map-column-type.ts), one link per row.
 */
export const DOMAINS_QUERY = `
SELECT t.oid::text AS oid,
       t.typname::text AS name,
       n.nspname::text AS schema,
       t.typnotnull AS not_null,
       t.typdefault AS default_sql,
       bt.oid::text AS base_oid,
       bt.typname::text AS base_name,
       bn.nspname::text AS base_schema,
       bt.typtype::text AS base_kind,
       bt.typcategory::text AS base_category,
       format_type(t.typbasetype, t.typtypmod) AS base_format,
       et.oid::text AS element_oid,
       et.typname::text AS element_name,
       etn.nspname::text AS element_schema,
       et.typtype::text AS element_kind,
       et.typcategory::text AS element_category,
       format_type(et.oid, t.typtypmod) AS element_format,
       ARRAY(
         SELECT pg_get_constraintdef(dc.oid)
         FROM pg_catalog.pg_constraint dc
         WHERE dc.contypid = t.oid AND dc.contype = 'c'
         ORDER BY dc.conname
       ) AS checks
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
JOIN pg_catalog.pg_namespace bn ON bn.oid = bt.typnamespace
LEFT JOIN pg_catalog.pg_type et ON bt.typcategory = 'A' AND et.oid = bt.typelem AND bt.typelem <> 0
LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
WHERE t.typtype = 'd'
ORDER BY n.nspname, t.typname`;

/** The queries in the order `introspectDatabase` sends them. */
/**
 * Indexes that no constraint owns (CREATE INDEX, CREATE UNIQUE INDEX), for sync({ alter }) to
 * compare with the `indexes` model option by content: per key column, its text as PostgreSQL
 * prints it (a column name, quoted when it needs to be, or an expression), whether it is
 * descending, and its operator class when not the type's default.
 */
export const INDEXES_QUERY = `
SELECT i.indrelid::text AS relation_oid,
       ic.relname::text AS name,
       n.nspname::text AS schema,
       i.indisunique AS unique,
       am.amname::text AS method,
       ARRAY(
         SELECT pg_get_indexdef(i.indexrelid, k.n::int, true)
         FROM generate_series(1, i.indnkeyatts) AS k(n) ORDER BY k.n
       ) AS keys,
       ARRAY(
         SELECT (i.indoption[k.n - 1] & 1) = 1
         FROM generate_series(1, i.indnkeyatts) AS k(n) ORDER BY k.n
       ) AS descending,
       ARRAY(
         SELECT CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname::text END
         FROM generate_series(1, i.indnkeyatts) AS k(n)
         JOIN pg_catalog.pg_opclass oc ON oc.oid = i.indclass[k.n - 1]
         ORDER BY k.n
       ) AS operators,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       -- What the indexes model option cannot say: INCLUDE columns, NULLS FIRST on an ascending
       -- key (or LAST on a descending one), a collation other than the column's.
       (i.indnatts > i.indnkeyatts
        OR EXISTS (
          SELECT 1 FROM generate_series(1, i.indnkeyatts) AS k(n)
          LEFT JOIN pg_catalog.pg_attribute ka ON ka.attrelid = i.indrelid AND ka.attnum = i.indkey[k.n - 1]
          WHERE ((i.indoption[k.n - 1] & 1) = 1) <> ((i.indoption[k.n - 1] & 2) = 2)
             OR (i.indcollation[k.n - 1] <> 0 AND i.indcollation[k.n - 1] <> coalesce(ka.attcollation, 100))
        )) AS inexpressible
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid)
  AND ${RELATION_IN_SCOPE}
ORDER BY 1, 2`;

export const CATALOG_QUERIES = {
  database: DATABASE_QUERY,
  relations: RELATIONS_QUERY,
  columns: COLUMNS_QUERY,
  constraints: CONSTRAINTS_QUERY,
  enums: ENUMS_QUERY,
  domains: DOMAINS_QUERY,
  indexes: INDEXES_QUERY,
} as const;

export const CATALOG_QUERY_COUNT = Object.keys(CATALOG_QUERIES).length;
