/**
 * PostgreSQL type → DataTypeIR. The mapping of base types is one data table (BASE_TYPES), keyed
 * by pg_type.typname; modifiers (length, precision, scale) are read from format_type(), which
 * already applied the column's typmod, by the runtime's one type-text parser. Domains are resolved through chains to their base type,
 * enums carry their labels, arrays their element type; anything else is CUSTOM with the exact
 * format_type text, so the DDL and the value (a string) survive.
 */
import type { DataTypeIR, DomainIR } from '../ir.js';
import type { DomainRow, EnumRow, TypeRef } from '../../runtime/catalog/catalog-rows.js';
import { typeRefOf } from '../../runtime/catalog/catalog-rows.js';
import { resolveDomainChain } from '../../runtime/catalog/domain-chain.js';
import { typeModifiers } from '../../runtime/sql/type-text.js';

/** Sequelize's STRING and CHAR default to 255, so (255) is written as no length: the YAML round trip keeps `STRING`. */
function lengthOf(format: string): { length?: number } {
  const [length] = typeModifiers(format);
  return length === undefined || length === 255 ? {} : { length };
}

type BaseMapper = (format: string) => DataTypeIR | undefined;

/** typname → DataTypeIR; `undefined` from a mapper means "not representable, use CUSTOM". */
export const BASE_TYPES: Readonly<Record<string, BaseMapper>> = {
  // An unbounded varchar is not Sequelize's STRING (VARCHAR(255)): keep it verbatim.
  varchar: (f) => (typeModifiers(f).length ? { kind: 'STRING', ...lengthOf(f) } : undefined),
  bpchar: (f) => (typeModifiers(f).length ? { kind: 'CHAR', ...lengthOf(f) } : undefined),
  text: () => ({ kind: 'TEXT' }),
  citext: () => ({ kind: 'CITEXT' }),
  int2: () => ({ kind: 'SMALLINT' }),
  int4: () => ({ kind: 'INTEGER' }),
  int8: () => ({ kind: 'BIGINT' }),
  numeric: (f) => {
    const [precision, scale] = typeModifiers(f);
    // PostgreSQL 15's negative scale (numeric(5,-2) rounds to hundreds) has no DECIMAL spelling.
    if (scale !== undefined && scale < 0) return undefined;
    return {
      kind: 'DECIMAL',
      ...(precision !== undefined ? { precision } : {}),
      ...(scale !== undefined ? { scale } : {}),
    };
  },
  float4: () => ({ kind: 'REAL' }),
  float8: () => ({ kind: 'DOUBLE' }),
  bool: () => ({ kind: 'BOOLEAN' }),
  timestamptz: (f) => dateType(f, false),
  timestamp: (f) => dateType(f, true),
  date: () => ({ kind: 'DATEONLY' }),
  // TIME has no precision in the IR: time(n) stays verbatim.
  time: (f) => (typeModifiers(f).length ? undefined : { kind: 'TIME' }),
  uuid: () => ({ kind: 'UUID' }),
  json: () => ({ kind: 'JSON' }),
  jsonb: () => ({ kind: 'JSONB' }),
  bytea: () => ({ kind: 'BLOB' }),
  inet: () => ({ kind: 'INET' }),
  cidr: () => ({ kind: 'CIDR' }),
  macaddr: () => ({ kind: 'MACADDR' }),
  tsvector: () => ({ kind: 'TSVECTOR' }),
};

function dateType(format: string, withoutTimeZone: boolean): DataTypeIR {
  const [precision] = typeModifiers(format);
  return {
    kind: 'DATE',
    ...(precision !== undefined ? { precision } : {}),
    ...(withoutTimeZone ? { withoutTimeZone: true } : {}),
  };
}

/** The enum and domain definitions a column type may point at, by oid. */
export interface TypeCatalog {
  readonly enums: ReadonlyMap<string, EnumRow>;
  readonly domains: ReadonlyMap<string, DomainRow>;
}

export function typeCatalog(enums: readonly EnumRow[], domains: readonly DomainRow[]): TypeCatalog {
  return {
    enums: new Map(enums.map((e) => [e.oid, e])),
    domains: new Map(domains.map((d) => [d.oid, d])),
  };
}

export interface ResolvedType {
  readonly type: DataTypeIR;
  /** The domain the column is declared with (the outermost one of a chain). */
  readonly domain?: DomainIR;
  /** Every domain of the chain, outermost first (their NOT NULL, defaults and CHECKs apply). */
  readonly domainChain: readonly DomainRow[];
}

/** Resolves a column's type; `dimensions` is attndims (int[][] becomes ARRAY(ARRAY(INTEGER))). */
export function resolveColumnType(ref: TypeRef, catalog: TypeCatalog, dimensions = 0): ResolvedType {
  const { base, domains: domainChain } = resolveDomainChain(ref, catalog.domains);
  let type = mapTypeRef(base, catalog);
  for (let extra = dimensions - 1; type.kind === 'ARRAY' && domainChain.length === 0 && extra > 0; extra--) {
    type = { kind: 'ARRAY', element: type };
  }
  const outer = domainChain[0];
  const checks = domainChain.flatMap((d) => d.checks);
  return {
    type,
    ...(outer
      ? {
          domain: {
            name: outer.name,
            schema: outer.schema,
            ...(checks.length ? { check: checks.join(' ') } : {}),
          },
        }
      : {}),
    domainChain,
  };
}

/** A type that is not itself the column's declared domain: arrays, enums, (element) domains, base types. */
function mapTypeRef(ref: TypeRef, catalog: TypeCatalog): DataTypeIR {
  if (ref.kind === 'd') {
    const row = catalog.domains.get(ref.oid);
    return row ? resolveColumnType(typeRefOf(row, 'base'), catalog).type : custom(ref);
  }
  if (ref.category === 'A' && ref.element) {
    return { kind: 'ARRAY', element: mapTypeRef(ref.element, catalog) };
  }
  if (ref.kind === 'e') {
    const row = catalog.enums.get(ref.oid);
    return row
      ? { kind: 'ENUM', values: [...row.labels], typeName: row.name, typeSchema: row.schema }
      : custom(ref);
  }
  if (ref.kind === 'b' && (ref.schema === 'pg_catalog' || ref.name === 'citext')) {
    return BASE_TYPES[ref.name]?.(ref.format) ?? custom(ref);
  }
  return custom(ref);
}

function custom(ref: TypeRef): DataTypeIR {
  return { kind: 'CUSTOM', sql: ref.format };
}
