/**
 * Small catalog rows written as the catalog queries return them (several recorded from
 * pagila and adventureworks), for the pure grouping functions.
 */
import type {
  CatalogRows,
  ColumnRow,
  ConstraintRow,
  DomainRow,
  EnumRow,
  RelationRow,
} from '../../../runtime/catalog/catalog-rows.js';

export function relation(
  oid: string,
  schema: string,
  name: string,
  kind = 'r',
  comment: string | null = null,
): RelationRow {
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

export function constraint(
  relationOid: string,
  name: string,
  type: string,
  columns: string[],
  extra: Partial<ConstraintRow> = {},
): ConstraintRow {
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
  checks: [
    "CHECK (((VALUE)::text = ANY ((ARRAY['red'::character varying, 'green'::character varying])::text[])))",
  ],
};

/** A slice of pagila and adventureworks, as the catalog queries return it. */
export const ROWS: CatalogRows = {
  database: 'fixture',
  relations: [
    relation('10', 'public', 'film', 'r', 'A film'),
    relation('11', 'public', 'film_actor'),
    relation('12', 'public', 'actor'),
    relation('13', 'public', 'customer_list', 'v'),
    relation('14', 'public', 'rental_by_category', 'm'),
    relation('15', 'public', 'payment', 'p'),
    relation('20', 'person', 'address'),
    relation('21', 'sales', 'address'),
    relation('22', 'production', 'product'),
    relation('30', 'public', 'posts'),
  ],
  columns: [
    column('10', 2, 'title', 'text', 'text', { not_null: true, comment: 'The title' }),
    column('10', 1, 'film_id', 'int4', 'integer', {
      not_null: true,
      default_sql: "nextval('film_film_id_seq'::regclass)",
    }),
    column('10', 3, 'release_year', 'year', 'year', {
      type_oid: YEAR_DOMAIN.oid,
      type_schema: 'public',
      type_kind: 'd',
      type_category: 'N',
    }),
    column('10', 4, 'rating', 'mpaa_rating', 'mpaa_rating', {
      type_oid: MPAA_RATING.oid,
      type_schema: 'public',
      type_kind: 'e',
      type_category: 'E',
      default_sql: "'G'::mpaa_rating",
    }),
    column('10', 5, 'special_features', '_text', 'text[]', {
      element_oid: '25',
      element_name: 'text',
      element_schema: 'pg_catalog',
      element_kind: 'b',
      element_category: 'S',
      element_format: 'text',
    }),
    column('10', 6, 'status', 'varchar', 'character varying(10)'),
    column('11', 1, 'actor_id', 'int2', 'smallint', { not_null: true }),
    column('11', 2, 'film_id', 'int2', 'smallint', { not_null: true }),
    column('12', 1, 'actor_id', 'int4', 'integer', { not_null: true, identity: 'a' }),
    column('12', 2, 'first_name', 'text', 'text', { not_null: true }),
    column('12', 3, 'last_name', 'text', 'text', { not_null: true }),
    column('13', 1, 'zip code', 'text', 'text'),
    column('13', 2, 'name', 'text', 'text'),
    column('14', 1, 'category', 'text', 'text'),
    column('15', 1, 'payment_id', 'int4', 'integer', { not_null: true }),
    column('20', 1, 'address_id', 'int4', 'integer', { not_null: true }),
    column('20', 2, 'name', 'Name', '"Name"', {
      type_oid: NAME_DOMAIN.oid,
      type_schema: 'public',
      type_kind: 'd',
      type_category: 'S',
    }),
    column('21', 1, 'address_id', 'int4', 'integer', { not_null: true }),
    column('22', 1, 'product_id', 'int4', 'integer', { not_null: true }),
    column('22', 2, 'class', 'bpchar', 'character(2)'),
    column('22', 3, 'save', 'bool', 'boolean'),
    column('30', 1, 'id', 'int4', 'integer', { not_null: true }),
    column('30', 2, 'created_at', 'timestamptz', 'timestamp with time zone', { not_null: true }),
    column('30', 3, 'updated_at', 'timestamptz', 'timestamp with time zone', { not_null: true }),
    column('30', 4, 'body', 'text', 'text'),
  ],
  constraints: [
    constraint('10', 'film_pkey', 'p', ['film_id']),
    constraint('10', 'film_title_key', 'u', ['title']),
    constraint('10', 'film_status_check', 'c', ['status'], {
      definition:
        "CHECK (((status)::text = ANY ((ARRAY['draft'::character varying, 'out'::character varying])::text[])))",
    }),
    constraint('11', 'film_actor_pkey', 'p', ['actor_id', 'film_id']),
    constraint('11', 'film_actor_actor_id_fkey', 'f', ['actor_id'], {
      referenced_oid: '12',
      referenced_schema: 'public',
      referenced_table: 'actor',
      referenced_columns: ['actor_id'],
      on_delete: 'r',
      on_update: 'c',
    }),
    constraint('11', 'film_actor_film_id_fkey', 'f', ['film_id'], {
      referenced_oid: '10',
      referenced_schema: 'public',
      referenced_table: 'film',
      referenced_columns: ['film_id'],
    }),
    constraint('12', 'actor_pkey', 'p', ['actor_id']),
    constraint('12', 'actor_name_key', 'u', ['first_name', 'last_name']),
    constraint('15', 'payment_pkey', 'p', ['payment_id']),
    constraint('22', 'product_pkey', 'p', ['product_id']),
    constraint('30', 'posts_pkey', 'p', ['id']),
  ],
  enums: [MPAA_RATING],
  domains: [YEAR_DOMAIN, NAME_DOMAIN],
  indexes: [],
};
