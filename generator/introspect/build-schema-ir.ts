/**
 * Catalog rows → SchemaIR, as a pure function: the same rows give the same IR, whatever their
 * order. Models keep `tableName` and `schema` exactly (explicit, frozen), have no automatic `id`
 * and no timestamps unless the table has timestamp columns of the usual names (below).
 */
import {
  isReadOnly,
  type AttributeIR,
  type DataTypeIR,
  type ModelIR,
  type ModelOptionsIR,
  type ReferenceIR,
  type ReferentialAction,
  type SchemaIR,
  type ValidatorIR,
} from '../ir.js';
import type {
  CatalogRows,
  ColumnRow,
  ConstraintRow,
  IndexRow,
  RelationRow,
} from '../../runtime/catalog/catalog-rows.js';
import { typeRefOf } from '../../runtime/catalog/catalog-rows.js';
import { groupByRelation } from '../../runtime/catalog/read-catalog.js';
import { parseCheckValues } from './check-values.js';
import { parseCheckValidators } from './check-validators.js';
import { resolveColumnType, typeCatalog, type TypeCatalog } from './map-column-type.js';
import { mapDefault } from './map-default.js';
import { mapIndexes } from './map-indexes.js';
import { isIncluded } from './name-patterns.js';
import { attributeNames, classNames, type NameCase, type NamingRules } from './names.js';
import { inferColumnName } from '../../runtime/naming.js';
import { deriveAssociations } from '../associations/derive-associations.js';
import { foreignKeyFacts } from './foreign-key-facts.js';

export interface BuildOptions {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Property names are the column names when they are valid identifiers. */
  readonly keepNames?: boolean;
  /** The configuration's naming rules (case, singular); keepNames is `attributes: 'keep'`. */
  readonly naming?: NamingRules;
}

const MODEL_KINDS: Readonly<Record<string, ModelIR['kind']>> = {
  r: 'table',
  p: 'table',
  f: 'table',
  v: 'view',
  m: 'materializedView',
};

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
  r: 'RESTRICT',
  a: 'NO ACTION',
};

/** Types whose values are strings, so a CHECK's list of strings is their union type. */
const STRING_KINDS = new Set<DataTypeIR['kind']>(['STRING', 'CHAR', 'TEXT', 'CITEXT', 'CUSTOM']);

export function buildSchemaIR(rows: CatalogRows, options: BuildOptions = {}): SchemaIR {
  const relations = [...rows.relations]
    .filter((r) => isIncluded(r.schema, r.name, options.include, options.exclude))
    .sort((a, b) => compare(a.schema, b.schema) || compare(a.name, b.name));
  const names = classNames(
    relations.map((r) => ({ schema: r.schema, table: r.name })),
    options.naming,
  );
  const modelNameByOid = new Map(relations.map((r, i) => [r.oid, names[i]]));
  const byOid = groupByRelation(rows);
  const catalog = typeCatalog(rows.enums, rows.domains);
  const models = relations.map((relation, i) =>
    buildModel(relation, names[i], {
      columns: [...(byOid.get(relation.oid)?.columns ?? [])].sort((a, b) => a.position - b.position),
      constraints: [...(byOid.get(relation.oid)?.constraints ?? [])].sort(
        (a, b) => compare(a.type, b.type) || compare(a.name, b.name),
      ),
      indexes: byOid.get(relation.oid)?.indexes ?? [],
      catalog,
      modelNameByOid,
      attributeCase: options.naming?.attributes ?? (options.keepNames ? 'keep' : 'camel'),
    }),
  );
  // Associations come from the foreign keys, once every model (and so every attribute name) exists.
  const oidByModel = new Map(relations.map((r, i) => [names[i], r.oid]));
  const modelByOid = new Map(models.map((m) => [oidByModel.get(m.name)!, m]));
  const keys = foreignKeyFacts(
    models,
    (model) => byOid.get(oidByModel.get(model.name)!)?.constraints ?? [],
    (oid) => modelByOid.get(oid),
  );
  return {
    source: { kind: 'database', database: rows.database },
    models: deriveAssociations(models, keys).sort((a, b) => compare(a.name, b.name)),
  };
}

interface ModelContext {
  readonly columns: readonly ColumnRow[];
  readonly constraints: readonly ConstraintRow[];
  readonly indexes: readonly IndexRow[];
  readonly catalog: TypeCatalog;
  readonly modelNameByOid: ReadonlyMap<string, string>;
  readonly attributeCase: NameCase;
}

function buildModel(relation: RelationRow, name: string, ctx: ModelContext): ModelIR {
  const keys = keyInfo(ctx.constraints, ctx.modelNameByOid);
  const propertyNames = attributeNames(
    ctx.columns.map((c) => c.name),
    name,
    ctx.attributeCase,
  );
  const attributes = singleAutoIncrement(
    ctx.columns.map((column, i) => buildAttribute(relation, column, propertyNames[i], keys, ctx.catalog)),
    ctx.columns,
  );
  const stamps = timestampColumns(attributes);
  const stampFields = [stamps.createdAt, stamps.updatedAt].filter((f): f is string => !!f);
  const nameOf = (field: string | undefined): string | false =>
    (field && attributes.find((a) => a.field === field)?.name) || false;
  // Underscored means camelCase attributes over snake_case columns: only camel names are that.
  const underscored = stamps.underscored && ctx.attributeCase === 'camel';
  const options: ModelOptionsIR = {
    explicitTableName: true,
    freezeTableName: true,
    underscored,
    timestamps: stampFields.length > 0,
    createdAt: nameOf(stamps.createdAt),
    updatedAt: nameOf(stamps.updatedAt),
  };
  // A timestamp column exactly as the runtime would make it is left to the runtime, listed after
  // the declared attributes (createdAt first), as the YAML loader lists it. Any other (without
  // time zone, a precision, a default, a comment) stays declared, in its place, as a YAML schema
  // declares a timestamp attribute: the runtime still fills it.
  const automatic = stampFields.filter((field) =>
    isAutomaticTimestamp(
      attributes.find((a) => a.field === field)!,
      underscored,
    ),
  );
  const ordered = [
    ...attributes.filter((a) => !automatic.includes(a.field)),
    ...automatic.map((f) => ({ ...attributes.find((a) => a.field === f)!, origin: 'timestamp' as const })),
  ];
  const model: ModelIR = {
    name,
    tableName: relation.name,
    schema: relation.schema,
    kind: MODEL_KINDS[relation.kind] ?? 'table',
    options,
    ...(relation.comment ? { comment: relation.comment } : {}),
    attributes: ordered,
    members: [],
  };
  // Only writable tables are synced, so only theirs carry indexes; none: no option at all.
  const indexes = isReadOnly(model) ? [] : mapIndexes(ctx.indexes, ordered);
  return indexes.length ? { ...model, indexes } : model;
}

/** A model has at most one autoIncrement (as in Sequelize): further serials keep their nextval() as SQL. */
function singleAutoIncrement(attributes: AttributeIR[], columns: readonly ColumnRow[]): AttributeIR[] {
  const first = attributes.findIndex((a) => a.autoIncrement);
  return attributes.map((a, i) =>
    a.autoIncrement && i !== first
      ? { ...a, autoIncrement: false, defaultValue: { kind: 'sql', sql: columns[i].default_sql ?? '' } }
      : a,
  );
}

interface KeyInfo {
  readonly primary: ReadonlySet<string>;
  /** Column → true (single-column UNIQUE) or the name of a composite one. */
  readonly unique: ReadonlyMap<string, true | string>;
  readonly references: ReadonlyMap<string, ReferenceIR>;
  readonly checkValues: ReadonlyMap<string, string[]>;
  /** Column → the CHECKs that map to validators, and those validators (check-validators.ts). */
  readonly validators: ReadonlyMap<string, { checks: string[]; validate: ValidatorIR[] }>;
}

function keyInfo(
  constraints: readonly ConstraintRow[],
  modelNameByOid: ReadonlyMap<string, string>,
): KeyInfo {
  const primary = new Set<string>();
  const unique = new Map<string, true | string>();
  const references = new Map<string, ReferenceIR>();
  const checkValues = new Map<string, string[]>();
  const validators = new Map<string, { checks: string[]; validate: ValidatorIR[] }>();
  for (const con of constraints) {
    if (con.type === 'p') con.columns.forEach((c) => primary.add(c));
    if (con.type === 'u') {
      // A single-column UNIQUE wins over membership in a composite one.
      for (const c of con.columns) {
        if (con.columns.length === 1) unique.set(c, true);
        else if (!unique.has(c)) unique.set(c, con.name);
      }
    }
    if (con.type === 'f' && con.referenced_table) {
      con.columns.forEach((c, i) => {
        if (references.has(c)) return;
        const model = con.referenced_oid ? modelNameByOid.get(con.referenced_oid) : undefined;
        const onDelete = action(con.on_delete);
        const onUpdate = action(con.on_update);
        references.set(c, {
          ...(model ? { model } : {}),
          table: con.referenced_table!,
          ...(con.referenced_schema ? { schema: con.referenced_schema } : {}),
          key: con.referenced_columns?.[i] ?? c,
          ...(onDelete ? { onDelete } : {}),
          ...(onUpdate ? { onUpdate } : {}),
        });
      });
    }
    if (con.type === 'c' && con.columns.length === 1) {
      const parsed = parseCheckValues(con.definition);
      if (parsed && parsed.column === con.columns[0] && !checkValues.has(parsed.column)) {
        checkValues.set(parsed.column, parsed.values);
      }
      addCheckValidators(con, validators);
    }
  }
  return { primary, unique, references, checkValues, validators };
}

/** A validator name the column already has (from another CHECK) is not given twice. */
function addCheckValidators(
  con: ConstraintRow,
  validators: Map<string, { checks: string[]; validate: ValidatorIR[] }>,
): void {
  const parsed = parseCheckValidators(con.definition);
  if (parsed === undefined || parsed.column !== con.columns[0]) return;
  const found = validators.get(parsed.column) ?? { checks: [], validate: [] };
  const added = parsed.validators.filter((v) => !found.validate.some((f) => f.name === v.name));
  if (added.length === 0) return;
  found.checks.push(con.definition);
  found.validate.push(...added);
  validators.set(parsed.column, found);
}

/** NO ACTION is the default: left out, as a schema that does not name it. */
function action(code: string | null): ReferentialAction | undefined {
  const value = code ? ACTIONS[code] : undefined;
  return value === 'NO ACTION' ? undefined : value;
}

function buildAttribute(
  relation: RelationRow,
  column: ColumnRow,
  name: string,
  keys: KeyInfo,
  catalog: TypeCatalog,
): AttributeIR {
  const resolved = resolveColumnType(typeRefOf(column, 'type'), catalog, column.dimensions);
  const type = withoutSequelizeEnumName(resolved.type, relation, column.name);
  const domainDefault = resolved.domainChain.find((d) => d.default_sql)?.default_sql ?? null;
  const defaults = mapDefault({
    defaultSql: column.default_sql ?? domainDefault,
    identity: column.identity,
    generated: column.generated,
    type,
  });
  const primaryKey = keys.primary.has(column.name);
  const notNull = column.not_null || primaryKey || resolved.domainChain.some((d) => d.not_null);
  const checkValues = STRING_KINDS.has(type.kind)
    ? (keys.checkValues.get(column.name) ?? domainCheckValues(resolved.domainChain.flatMap((d) => d.checks)))
    : undefined;
  const reference = keys.references.get(column.name);
  const checked = keys.validators.get(column.name);
  return {
    name,
    field: column.name,
    type,
    allowNull: !notNull,
    ...(defaults.defaultValue ? { defaultValue: defaults.defaultValue } : {}),
    primaryKey,
    autoIncrement: defaults.autoIncrement,
    unique: keys.unique.get(column.name) ?? false,
    ...(column.comment ? { comment: column.comment } : {}),
    ...(reference ? { references: reference } : {}),
    ...(defaults.generated ? { generated: defaults.generated } : {}),
    ...(resolved.domain ? { domain: resolved.domain } : {}),
    ...(checkValues ? { checkValues } : {}),
    ...(checked ? { validate: checked.validate, checks: checked.checks } : {}),
    ...(isParanoidCandidate(column.name, type, notNull) ? { paranoidCandidate: true as const } : {}),
    origin: 'declared',
  };
}

/**
 * A nullable timestamp named as Sequelize's paranoid models name their column: flagged, never
 * enabled, since the column alone does not prove that rows are soft-deleted through it.
 */
function isParanoidCandidate(column: string, type: DataTypeIR, notNull: boolean): boolean {
  return (column === 'deleted_at' || column === 'deletedAt') && type.kind === 'DATE' && !notNull;
}

function domainCheckValues(checks: readonly string[]): string[] | undefined {
  for (const check of checks) {
    const parsed = parseCheckValues(check);
    if (parsed?.column === 'value') return parsed.values;
  }
  return undefined;
}

/** Sequelize names a column's enum type `enum_<table>_<column>`: that name is implied, not kept. */
function withoutSequelizeEnumName(type: DataTypeIR, relation: RelationRow, column: string): DataTypeIR {
  if (type.kind === 'ARRAY')
    return { kind: 'ARRAY', element: withoutSequelizeEnumName(type.element, relation, column) };
  if (type.kind !== 'ENUM') return type;
  if (type.typeName === `enum_${relation.name}_${column}` && type.typeSchema === relation.schema) {
    return { kind: 'ENUM', values: type.values };
  }
  return type;
}

interface TimestampColumns {
  readonly createdAt?: string;
  readonly updatedAt?: string;
  readonly underscored: boolean;
}

/**
 * The timestamp columns: `createdAt`/`updatedAt` (or `created_at`/`updated_at`, as Rails, Django
 * and Laravel name them), NOT NULL `timestamp` with or without time zone, not a key of any kind
 * and not computed by the database. The spelling with more such columns wins (camelCase on a tie);
 * any other column stays a plain attribute.
 */
function timestampColumns(attributes: readonly AttributeIR[]): TimestampColumns {
  const eligible = (field: string): boolean => {
    const attribute = attributes.find((a) => a.field === field);
    return (
      attribute !== undefined &&
      attribute.type.kind === 'DATE' &&
      !attribute.allowNull &&
      !attribute.primaryKey &&
      attribute.unique === false &&
      !attribute.references &&
      !attribute.generated
    );
  };
  const pick = (created: string, updated: string) => ({
    createdAt: eligible(created) ? created : undefined,
    updatedAt: eligible(updated) ? updated : undefined,
  });
  const camel = pick('createdAt', 'updatedAt');
  const snake = pick('created_at', 'updated_at');
  const found = (s: { createdAt?: string; updatedAt?: string }) =>
    Number(!!s.createdAt) + Number(!!s.updatedAt);
  return found(snake) > found(camel) ? { ...snake, underscored: true } : { ...camel, underscored: false };
}

/** What the runtime adds itself for `timestamps: true`: `timestamp with time zone NOT NULL`, nothing else. */
function isAutomaticTimestamp(attribute: AttributeIR, underscored: boolean): boolean {
  return (
    attribute.type.kind === 'DATE' &&
    attribute.type.precision === undefined &&
    !attribute.type.withoutTimeZone &&
    attribute.field === inferColumnName(attribute.name, underscored) &&
    attribute.defaultValue === undefined &&
    attribute.comment === undefined &&
    attribute.domain === undefined
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
