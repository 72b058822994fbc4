/**
 * SchemaIR → the YAML schema format (docs/schema.md), for `--schema-out`.
 *
 * Written so that the loader (load-schema.ts) gives the same IR back: every key whose value is
 * what the loader would infer is left out (allowNull, field, tableName, timestamps, ...), the
 * automatic `id` and the timestamp attributes are not written (the loader adds them again), keys
 * come in one fixed order, and the `yaml` Document API does the quoting.
 *
 * What the format cannot say is written as a comment next to the attribute or model, and is not
 * in the IR the loader gives back (a database → YAML → IR round trip loses exactly this):
 * - `generated` (identity and computed columns): they come back as plain columns;
 * - `domain` (name and CHECK) and `checkValues`: the base type is kept, the rule is not (a CHECK
 *   that maps to validators comes back as those validators, `checks` as a comment);
 * - `paranoidCandidate`: a comment; paranoid is an opt-in;
 * - ENUM `typeName`/`typeSchema`: the enum comes back as Sequelize's `enum_<table>_<column>`;
 * - `kind: 'materializedView'`: comes back as a view (`readOnly: true`);
 * - a model without a primary key (views, some tables): the loader adds Sequelize's automatic
 *   `id`, and refuses a non-key column named `id` (the format has no "no primary key" option).
 * Comments themselves do not survive a load, so YAML → IR → YAML is the identity for YAML
 * written from a loaded IR, and for any output once its comments are set aside.
 */
import { Document, isMap, isScalar, isSeq, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import {
  type AssociationIR,
  isReadOnly,
  type AttributeIR,
  type DataTypeIR,
  type DefaultValueIR,
  type IndexIR,
  type JsonValue,
  type ModelIR,
  type SchemaIR,
  type ScopeIR,
  type ValidatorIR,
} from '../ir.js';
import { inferColumnName } from './table-name.js';

/** The runtime-filled default names, which a literal string of that text must not be read as. */
const RUNTIME_DEFAULT_NAMES = new Set(['UUIDV1', 'UUIDV4', 'NOW']);

export function schemaToYaml(ir: SchemaIR): string {
  const byName = new Map(ir.models.map((m) => [m.name, m]));
  const models: Record<string, unknown> = {};
  for (const model of ir.models) models[model.name] = modelToPlain(model, byName);
  // No anchors: an IR may share one array between attributes, and each should be written out.
  const doc = new Document({ models }, { aliasDuplicateObjects: false });
  doc.commentBefore = header(ir);
  for (const model of ir.models) addNotes(doc, model);
  flowValidatorSettings(doc);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

function header(ir: SchemaIR): string {
  const from = ir.source.kind === 'database' ? `database "${ir.source.database}"` : ir.source.path;
  return [
    ` yaml-language-server: $schema=./node_modules/gen-models/schema.json`,
    ` Schema written by gen-models from ${from}. Generate the models with: npx gen-models <this file>`,
  ].join('\n');
}

function modelToPlain(model: ModelIR, byName: ReadonlyMap<string, ModelIR>): Record<string, unknown> {
  const o = model.options;
  const out: Record<string, unknown> = {};
  if (o.explicitTableName) out.tableName = model.tableName;
  if (model.schema !== undefined) out.schema = model.schema;
  if (o.freezeTableName) out.freezeTableName = true;
  if (!o.timestamps) out.timestamps = false;
  else {
    if (o.createdAt !== 'createdAt') out.createdAt = o.createdAt;
    if (o.updatedAt !== 'updatedAt') out.updatedAt = o.updatedAt;
  }
  if (o.underscored) out.underscored = true;
  if (model.comment !== undefined) out.comment = model.comment;
  // A table without a primary key is generated read-only (view-model.ts): say so, or the loader would add an `id`.
  if (isReadOnly(model)) out.readOnly = true;
  const attributes: Record<string, unknown> = {};
  for (const attribute of writtenAttributes(model))
    attributes[attribute.name] = attributeToPlain(attribute, model, byName);
  // An empty mapping reads as "only the automatic id and timestamps", as the loader documents.
  out.attributes = Object.keys(attributes).length > 0 ? attributes : null;
  if (model.members.length > 0) {
    const methods = model.members.filter((m) => m.kind === 'method');
    const getters = model.members.filter((m) => m.kind === 'getter');
    if (methods.length) out.methods = Object.fromEntries(methods.map((m) => [m.name, blockSource(m.source)]));
    if (getters.length) out.getters = Object.fromEntries(getters.map((m) => [m.name, blockSource(m.source)]));
  }
  if (model.indexes?.length) out.indexes = model.indexes.map(indexToPlain);
  // Only declared associations: the others follow again from `references` and junction models.
  const declared = (model.associations ?? []).filter((a) => a.origin === 'declared');
  if (declared.length) out.associations = declared.map(associationToPlain);
  if (o.paranoid) {
    out.paranoid = true;
    if (o.paranoid.deletedAt !== 'deletedAt') out.deletedAt = o.paranoid.deletedAt;
  }
  if (model.hooks)
    out.hooks = Object.fromEntries(
      Object.entries(model.hooks).map(([name, source]) => [name, blockSource(source)]),
    );
  if (model.validate)
    out.validate = Object.fromEntries(
      Object.entries(model.validate).map(([name, source]) => [name, blockSource(source)]),
    );
  if (model.defaultScope) out.defaultScope = scopeToPlain(model.defaultScope);
  if (model.scopes)
    out.scopes = Object.fromEntries(
      Object.entries(model.scopes).map(([name, scope]) => [name, scopeToPlain(scope)]),
    );
  return out;
}

function scopeToPlain(scope: ScopeIR): Record<string, unknown> {
  return {
    ...(scope.where && { where: scope.where }),
    ...(scope.order && { order: scope.order.map(([name, direction]) => [name, direction]) }),
    ...(scope.attributes && { attributes: scope.attributes }),
    ...(scope.limit !== undefined && { limit: scope.limit }),
  };
}

/** As read-validators.ts reads it: `true`, the args, `{ args, msg }`, or the custom validator's source. */
function validatorToPlain(validator: ValidatorIR): unknown {
  if ('source' in validator) return blockSource(validator.source);
  if (validator.msg === undefined) return validator.args;
  return validator.args === true ? { msg: validator.msg } : { args: validator.args, msg: validator.msg };
}

/** As the loader reads it (read-associations.ts): every key, so that it matches the same association. */
function associationToPlain(association: AssociationIR): Record<string, unknown> {
  const { kind, target, as, foreignKey, sourceKey, targetKey, through, otherKey, onDelete, onUpdate } =
    association;
  const optional = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    [kind]: target,
    as,
    ...optional('through', through),
    foreignKey,
    ...optional('otherKey', otherKey),
    ...optional('sourceKey', sourceKey),
    ...optional('targetKey', targetKey),
    ...optional('onDelete', onDelete),
    ...optional('onUpdate', onUpdate),
  };
}

/** As the loader reads it (read-indexes.ts); defaults (btree, not unique) left out. */
function indexToPlain(index: IndexIR): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (index.name !== undefined) out.name = index.name;
  out.fields = index.fields.map((field) => {
    if ('expression' in field) return { expression: field.expression };
    if (field.order === undefined && field.operator === undefined) return field.attribute;
    return { ...field };
  });
  if (index.unique) out.unique = true;
  if (index.using !== 'btree') out.using = index.using.toUpperCase();
  if (index.where !== undefined) out.where = index.where;
  return out;
}

/** The loader adds the automatic id and the timestamps itself: only what it would not infer is written. */
function writtenAttributes(model: ModelIR): AttributeIR[] {
  return model.attributes.filter((a) => {
    if (a.origin === 'declared') return true;
    return !isInferred(a, model);
  });
}

function isInferred(a: AttributeIR, model: ModelIR): boolean {
  if (a.origin === 'auto-primary-key') return true;
  return (
    a.field === columnName(a.name, model) &&
    a.type.kind === 'DATE' &&
    a.type.precision === undefined &&
    !a.type.withoutTimeZone &&
    a.allowNull === (a.name === model.options.paranoid?.deletedAt) &&
    !a.primaryKey &&
    !a.autoIncrement &&
    a.unique === false &&
    a.defaultValue === undefined &&
    a.comment === undefined &&
    a.references === undefined
  );
}

/** The column the loader gives an attribute without `field` (Sequelize: snake_case when underscored). */
function columnName(name: string, model: ModelIR): string {
  return inferColumnName(name, model.options.underscored);
}

function attributeToPlain(a: AttributeIR, model: ModelIR, byName: ReadonlyMap<string, ModelIR>): unknown {
  const out: Record<string, unknown> = { type: typeToYaml(a.type) };
  const values = enumValues(a.type);
  if (values) out.values = values;
  const notNullByDefault =
    a.primaryKey || a.autoIncrement || a.origin === 'timestamp' || isTimestampName(a.name, model);
  if (a.allowNull === notNullByDefault) out.allowNull = a.allowNull;
  if (a.defaultValue !== undefined) out.defaultValue = defaultToYaml(a.defaultValue);
  if (a.primaryKey) out.primaryKey = true;
  if (a.autoIncrement) out.autoIncrement = true;
  if (a.unique !== false) out.unique = a.unique;
  if (a.comment !== undefined) out.comment = a.comment;
  if (a.field !== columnName(a.name, model)) out.field = a.field;
  if (a.references) {
    const r = a.references;
    const target = r.model !== undefined ? byName.get(r.model) : undefined;
    if (target) {
      const keys = target.attributes.filter((t) => t.primaryKey);
      out.references =
        keys.length === 1 && keys[0].field === r.key
          ? { model: target.name }
          : { model: target.name, key: r.key };
    } else {
      out.references = {
        table: r.table,
        ...(r.schema !== undefined ? { schema: r.schema } : {}),
        key: r.key,
      };
    }
    if (r.onDelete) out.onDelete = r.onDelete;
    if (r.onUpdate) out.onUpdate = r.onUpdate;
  }
  if (a.validate?.length)
    out.validate = Object.fromEntries(a.validate.map((v) => [v.name, validatorToPlain(v)]));
  if (a.get !== undefined) out.get = blockSource(a.get);
  if (a.set !== undefined) out.set = blockSource(a.set);
  if (a.virtual) out.virtual = a.virtual.fields.length > 0 ? a.virtual.fields : true;
  // `name: TEXT` when the type is all there is to say.
  return Object.keys(out).length === 1 ? out.type : out;
}

function isTimestampName(name: string, model: ModelIR): boolean {
  return model.options.timestamps && (model.options.createdAt === name || model.options.updatedAt === name);
}

/** A type as the format writes it: `STRING(50)`, `DECIMAL(10, 2)`, `ARRAY(ENUM)`, `CUSTOM('interval')`. */
export function typeToYaml(type: DataTypeIR): string {
  const args = (...values: (number | undefined)[]): string => {
    const given = values.filter((v): v is number => v !== undefined);
    return given.length ? `(${given.join(',')})` : '';
  };
  switch (type.kind) {
    case 'STRING':
    case 'CHAR':
      return `${type.kind}${args(type.length)}${type.binary ? '.BINARY' : ''}`;
    case 'TEXT':
      return type.variant ? `TEXT('${type.variant}')` : 'TEXT';
    case 'BIGINT':
      return `BIGINT${args(type.length)}`;
    case 'FLOAT':
    case 'DOUBLE':
    case 'DECIMAL':
      return `${type.kind}${args(type.precision, type.precision === undefined ? undefined : type.scale)}`;
    case 'DATE':
      // The format's DATE is with time zone; CUSTOM reads back as the DATE without (type-specs.ts).
      if (type.withoutTimeZone) return `CUSTOM('timestamp${args(type.precision)} without time zone')`;
      return `DATE${args(type.precision)}`;
    case 'ENUM':
      return 'ENUM';
    case 'ARRAY':
      return `ARRAY(${typeToYaml(type.element)})`;
    case 'CUSTOM':
      return `CUSTOM('${type.sql.replace(/'/g, "''")}')`;
    default:
      return type.kind;
  }
}

function enumValues(type: DataTypeIR): readonly string[] | undefined {
  if (type.kind === 'ENUM') return type.values;
  return type.kind === 'ARRAY' ? enumValues(type.element) : undefined;
}

function defaultToYaml(value: DefaultValueIR): unknown {
  switch (value.kind) {
    case 'sql':
      return { sql: value.sql };
    case 'literal':
      return needsWrapping(value.value) ? { value: value.value } : value.value;
    default:
      return value.kind;
  }
}

/** `{ value: ... }` for literals a bare scalar would not give back: UUIDV4-like strings, arrays, objects. */
function needsWrapping(value: JsonValue): boolean {
  return (
    (typeof value === 'string' && RUNTIME_DEFAULT_NAMES.has(value)) ||
    (value !== null && typeof value === 'object')
  );
}

/** Member sources end with a newline, so the writer picks a block scalar (`|`). */
function blockSource(source: string): string {
  return source.endsWith('\n') ? source : `${source}\n`;
}

/** A validator's arguments and a virtual's fields on one line, as people write them: `len: [2, 50]`, `virtual: [a, b]`. */
function flowValidatorSettings(doc: Document): void {
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === 'virtual' && isSeq(pair.value)) pair.value.flow = true;
      if (!isScalar(pair.key) || pair.key.value !== 'validate' || !isMap(pair.value)) return;
      for (const setting of pair.value.items) {
        visit(setting.value as Node, {
          Seq(_k, seq) {
            seq.flow = true;
          },
        });
        if (isSeq(setting.value)) setting.value.flow = true;
      }
    },
  });
}

/** Comments for what the format cannot say (see the top of this file). */
function addNotes(doc: Document, model: ModelIR): void {
  const modelPair = findPair(doc.get('models', true), model.name);
  const notes: string[] = [];
  if (model.kind === 'materializedView') notes.push(' a materialized view (read-only)');
  if (!model.attributes.some((a) => a.primaryKey)) {
    notes.push(
      model.attributes.some((a) => a.name === 'id')
        ? ' no primary key in the database: mark the key column(s) primaryKey: true, or the non-key `id` is refused'
        : ' no primary key in the database: the loader adds an automatic id (mark the key column(s) primaryKey: true)',
    );
  }
  if (modelPair && notes.length) setCommentBefore(modelPair, notes.join('\n'));
  const attributes = doc.getIn(['models', model.name, 'attributes'], true);
  for (const a of writtenAttributes(model)) {
    const notes = attributeNotes(a);
    const pair = findPair(attributes, a.name);
    if (notes.length && pair) setCommentBefore(pair, notes.map((n) => ` ${n}`).join('\n'));
  }
}

function attributeNotes(a: AttributeIR): string[] {
  const notes: string[] = [];
  if (a.generated === 'identity-always') notes.push('GENERATED ALWAYS AS IDENTITY: the database fills it');
  if (a.generated === 'identity-by-default') notes.push('GENERATED BY DEFAULT AS IDENTITY');
  if (a.generated === 'computed') notes.push('GENERATED ALWAYS AS (...) STORED: computed by the database');
  if (a.domain) {
    const name = a.domain.schema ? `${a.domain.schema}.${a.domain.name}` : a.domain.name;
    notes.push(`domain ${name}${a.domain.check ? ` ${a.domain.check}` : ''}`);
  }
  if (a.checkValues) notes.push(`CHECK: one of ${a.checkValues.map((v) => JSON.stringify(v)).join(', ')}`);
  for (const check of a.checks ?? []) notes.push(`${check} (validate: below)`);
  if (a.paranoidCandidate)
    notes.push(
      `a soft-delete column? add paranoid: true and deletedAt: ${a.name} to the model to use it so (docs/from-db.md)`,
    );
  const enumType = findEnum(a.type);
  if (enumType?.typeName) {
    notes.push(`enum type ${enumType.typeSchema ? `${enumType.typeSchema}.` : ''}${enumType.typeName}`);
  }
  return notes;
}

function findEnum(type: DataTypeIR): Extract<DataTypeIR, { kind: 'ENUM' }> | undefined {
  if (type.kind === 'ENUM') return type;
  return type.kind === 'ARRAY' ? findEnum(type.element) : undefined;
}

function findPair(node: unknown, key: string): Pair<Node, unknown> | undefined {
  if (!isMap(node)) return undefined;
  return (node as YAMLMap<Node, unknown>).items.find((p) => isScalar(p.key) && p.key.value === key);
}

function setCommentBefore(pair: Pair<Node, unknown>, comment: string): void {
  if (isScalar(pair.key)) pair.key.commentBefore = comment;
}
