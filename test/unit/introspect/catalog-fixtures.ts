/**
 * Small catalog rows written as the catalog queries return them (several recorded from
 * pagila and adventureworks), for the pure grouping functions.
 */
import type { ColumnRow, ConstraintRow, DomainRow, EnumRow, RelationRow } from '../../../generator/introspect/catalog-rows.js';

export function relation(oid: string, schema: string, name: string, kind = 'r', comment: string | null = null): RelationRow {
  return { oid, schema, name, kind, comment };
}

const BASE_TYPES: Record<string, { oid: string; category: string }> = {
  int2: { oid: '21', category: 'N' },
  int4: { oid: '23', category: 'N' },
  int8: { oid: '20', category: 'N' },
  text: { oid: '25', category: 'S' },
  varchar: { oid: '1043', category: 'S' },
  bpchar: { oid: '1042', category: 'S' },
  numeric: { oid: '1700', category: 'N' },
  bool: { oid: '16', category: 'B' },
  timestamptz: { oid: '1184', category: 'D' },
  timestamp: { oid: '1114', category: 'D' },
  tsvector: { oid: '3614', category: 'U' },
  interval: { oid: '1186', category: 'T' },
  _text: { oid: '1009', category: 'A' },
};

/** A column of a pg_catalog base type: `column('1', 1, 'title', 'text', 'text')`. */
export function column(
  relationOid: string,
  position: number,
  name: string,
  typeName: string,
  format: string,
  extra: Partial<ColumnRow> = {},
): ColumnRow {
  const base = BASE_TYPES[typeName] ?? { oid: `oid-${typeName}`, category: 'U' };
  return {
    relation_oid: relationOid,
    position,
    name,
    not_null: false,
    default_sql: null,
    identity: '',
    generated: '',
    comment: null,
    dimensions: 0,
    type_oid: base.oid,
    type_name: typeName,
    type_schema: 'pg_catalog',
    type_kind: 'b',
    type_category: base.category,
    type_format: format,
    element_oid: null,
    element_name: null,
    element_schema: null,
    element_kind: null,
    element_category: null,
    element_format: null,
    ...extra,
  };
}

export function constraint(relationOid: string, name: string, type: string, columns: string[], extra: Partial<ConstraintRow> = {}): ConstraintRow {
  return {
    relation_oid: relationOid,
    name,
    type,
    columns,
    referenced_oid: null,
    referenced_schema: null,
    referenced_table: null,
    referenced_columns: null,
    on_update: type === 'f' ? 'a' : null,
    on_delete: type === 'f' ? 'a' : null,
    definition: '',
    ...extra,
  };
}

/** pagila's mpaa_rating (recorded). */
export const MPAA_RATING: EnumRow = {
  oid: '16390',
  name: 'mpaa_rating',
  schema: 'public',
  labels: ['G', 'PG', 'PG-13', 'R', 'NC-17'],
};

/** pagila's `year` domain (recorded). */
export const YEAR_DOMAIN: DomainRow = {
  oid: '16402',
  name: 'year',
  schema: 'public',
  not_null: false,
  default_sql: null,
  base_oid: '23',
  base_name: 'int4',
  base_schema: 'pg_catalog',
  base_kind: 'b',
  base_category: 'N',
  base_format: 'integer',
  element_oid: null,
  element_name: null,
  element_schema: null,
  element_kind: null,
  element_category: null,
  element_format: null,
  checks: ['CHECK (((VALUE >= 1901) AND (VALUE <= 2155)))'],
};

/** adventureworks' "Name" domain (recorded). */
export const NAME_DOMAIN: DomainRow = {
  ...YEAR_DOMAIN,
  oid: '17001',
  name: 'Name',
  base_oid: '1043',
  base_name: 'varchar',
  base_category: 'S',
  base_format: 'character varying(50)',
  checks: [],
};

/** A domain over the `year` domain, and one over a varchar with a list CHECK. */
export const RECENT_YEAR_DOMAIN: DomainRow = {
  ...YEAR_DOMAIN,
  oid: '17002',
  name: 'recent_year',
  not_null: true,
  base_oid: YEAR_DOMAIN.oid,
  base_name: 'year',
  base_schema: 'public',
  base_kind: 'd',
  base_category: 'N',
  base_format: 'year',
  checks: ['CHECK ((VALUE >= 2000))'],
};

export const COLOR_DOMAIN: DomainRow = {
  ...NAME_DOMAIN,
  oid: '17003',
  name: 'color',
  base_format: 'character varying(10)',
  checks: ["CHECK (((VALUE)::text = ANY ((ARRAY['red'::character varying, 'green'::character varying])::text[])))"],
};
