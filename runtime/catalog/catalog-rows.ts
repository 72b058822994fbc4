/**
 * The rows the catalog queries (catalog-queries.ts) return, as plain data: what the pure
 * grouping functions take, and what unit tests write by hand.
 */

export interface RelationRow {
  readonly oid: string;
  readonly schema: string;
  readonly name: string;
  /** pg_class.relkind: r table, p partitioned table, v view, m materialized view, f foreign table. */
  readonly kind: string;
  readonly comment: string | null;
}

/** A type as pg_type describes it, formatted with the typmod that applies to it. */
export interface TypeRef {
  readonly oid: string;
  readonly name: string;
  readonly schema: string;
  /** pg_type.typtype: b base, d domain, e enum, c composite, r range, m multirange, p pseudo. */
  readonly kind: string;
  /** pg_type.typcategory: 'A' for arrays. */
  readonly category: string;
  /** format_type() text, e.g. `character varying(50)`, `numeric(10,2)`, `text[]`. */
  readonly format: string;
  /** For arrays: the element type. */
  readonly element?: TypeRef;
}

/** The element type of an array column or domain, null for other types. */
export interface ElementTypeColumns {
  readonly element_oid: string | null;
  readonly element_name: string | null;
  readonly element_schema: string | null;
  readonly element_kind: string | null;
  readonly element_category: string | null;
  readonly element_format: string | null;
}

export interface ColumnRow extends ElementTypeColumns {
  readonly relation_oid: string;
  readonly position: number;
  readonly name: string;
  readonly not_null: boolean;
  readonly default_sql: string | null;
  /** pg_attribute.attidentity: '' none, 'a' ALWAYS, 'd' BY DEFAULT. */
  readonly identity: string;
  /** pg_attribute.attgenerated: '' none, 's' STORED. */
  readonly generated: string;
  readonly comment: string | null;
  readonly dimensions: number;
  readonly type_oid: string;
  readonly type_name: string;
  readonly type_schema: string;
  readonly type_kind: string;
  readonly type_category: string;
  readonly type_format: string;
}

export interface ConstraintRow {
  readonly relation_oid: string;
  readonly name: string;
  /** p primary key, u unique, f foreign key, c check. */
  readonly type: string;
  readonly columns: readonly string[];
  readonly referenced_oid: string | null;
  readonly referenced_schema: string | null;
  readonly referenced_table: string | null;
  readonly referenced_columns: readonly string[] | null;
  /** pg_constraint.confupdtype / confdeltype: a, r, c, n, d. */
  readonly on_update: string | null;
  readonly on_delete: string | null;
  readonly definition: string;
}

export interface EnumRow {
  readonly oid: string;
  readonly name: string;
  readonly schema: string;
  readonly labels: readonly string[];
}

export interface DomainRow extends ElementTypeColumns {
  readonly oid: string;
  readonly name: string;
  readonly schema: string;
  readonly not_null: boolean;
  readonly default_sql: string | null;
  readonly base_oid: string;
  readonly base_name: string;
  readonly base_schema: string;
  readonly base_kind: string;
  readonly base_category: string;
  readonly base_format: string;
  readonly checks: readonly string[];
}

/** Everything the catalog said, before grouping. */
/** An index no constraint owns (INDEXES_QUERY). */
export interface IndexRow {
  readonly relation_oid: string;
  readonly name: string;
  readonly schema: string;
  readonly unique: boolean;
  readonly method: string;
  readonly keys: readonly string[];
  readonly descending: readonly boolean[];
  /** The operator class of each key, null where it is the type's default. */
  readonly operators: readonly (string | null)[];
  readonly predicate: string | null;
  /** INCLUDE columns, a non-default NULLS order or collation: more than the model option says. */
  readonly inexpressible: boolean;
}

export interface CatalogRows {
  readonly database: string;
  readonly relations: readonly RelationRow[];
  readonly columns: readonly ColumnRow[];
  readonly constraints: readonly ConstraintRow[];
  readonly enums: readonly EnumRow[];
  readonly domains: readonly DomainRow[];
  readonly indexes: readonly IndexRow[];
}

type Prefix = 'type' | 'base' | 'element';

/** Reads the `<prefix>_oid`, `<prefix>_name`, ... columns of a row into a TypeRef (with its element for arrays). */
export function typeRefOf(row: ColumnRow | DomainRow, prefix: Prefix): TypeRef {
  const r = row as unknown as Record<string, string | null>;
  const element: TypeRef | undefined =
    prefix !== 'element' && r.element_oid ? typeRefOf(row, 'element') : undefined;
  return {
    oid: r[`${prefix}_oid`] ?? '',
    name: r[`${prefix}_name`] ?? '',
    schema: r[`${prefix}_schema`] ?? '',
    kind: r[`${prefix}_kind`] ?? '',
    category: r[`${prefix}_category`] ?? '',
    format: r[`${prefix}_format`] ?? '',
    ...(element ? { element } : {}),
  };
}
