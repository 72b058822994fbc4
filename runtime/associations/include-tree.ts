/**
 * `include` resolved to a tree of associations, checked before any query: each element (an alias,
 * a model class, an association object or an include object) names exactly one association of
 * its parent model, or the error says why, with Sequelize's messages. An included model's scope
 * (its defaultScope, or the include's Model.scope()/unscoped() class) is merged under the
 * include's options as Sequelize does, through scope-merge.ts, which the caller loads.
 */
import { checkOptions } from '../check-options.js';
import { INCLUDE_OPTIONS, INCLUDE_THROUGH_OPTIONS } from '../method-options.js';
import { definitionOf, type ModelDefinition } from '../model-definition.js';
import { liveRowsWhere } from '../paranoid.js';
import { scopedArgs, scopesInUse } from '../scopes.js';
import { EagerLoadingError } from './association-errors.js';
import { associationsOf } from './association-registry.js';
import { Association, type Row } from './association.js';
import type { BelongsToMany } from './belongs-to-many.js';

export interface IncludeNode {
  readonly association: Association;
  /** The key of the loaded value on the parent (`posts`). */
  readonly as: string;
  readonly def: ModelDefinition;
  /** A path unique in the tree (`posts->comments`), for messages and ordering. */
  readonly path: string;
  readonly required: boolean;
  readonly where: unknown;
  readonly attributes: unknown;
  readonly through: { attributes?: readonly string[]; where?: unknown } | undefined;
  readonly order: unknown;
  readonly children: readonly IncludeNode[];
}

/** scope-merge.ts, loaded by the caller when some scope exists (`scopesInUse`); else undefined. */
export type ScopeMerge = typeof import('../scope-merge.js') | undefined;

/** scope-merge.ts when the program has scopes: resolveIncludes' last argument. */
export async function scopeMergeIfUsed(): Promise<ScopeMerge> {
  return scopesInUse ? await import('../scope-merge.js') : undefined;
}

/** Whether the class is a Model.scope()/unscoped() result (an include then applies its scopes). */
function isScopedClass(model: Function): boolean {
  return scopedArgs.has(model);
}

/** The model a Model.scope()/unscoped() class was made from (associations name that one). */
function unscopedClass(model: Function): Function {
  let c = model;
  while (scopedArgs.has(c)) c = Object.getPrototypeOf(c) as Function;
  return c;
}

export function resolveIncludes(
  model: Function,
  include: unknown,
  scopes: ScopeMerge,
  parentPath = '',
): IncludeNode[] {
  const list = Array.isArray(include) ? include : [include];
  // A Model.scope() class finds its model's associations (its scope is the finder's to apply).
  const source = unscopedClass(model);
  const nodes = list.map((element) => resolveElement(source, element, scopes, parentPath));
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.as))
      throw new EagerLoadingError(
        `${definitionOf(model).name}: the association "${node.as}" is included twice`,
      );
    seen.add(node.as);
  }
  return nodes;
}

function resolveElement(
  model: Function,
  element: unknown,
  scopes: ScopeMerge,
  parentPath: string,
): IncludeNode {
  const def = definitionOf(model);
  const at = (association: Association, options: Row, scoped?: Function): IncludeNode =>
    node(association, options, scopes, parentPath, scoped);
  if (typeof element === 'string') return at(byAlias(model, def, element), {});
  if (element instanceof Association) return at(ownAssociation(model, def, element), {});
  if (typeof element === 'function') return at(byModel(model, def, element, undefined), {}, element);
  if (element === null || typeof element !== 'object' || Array.isArray(element))
    throw new Error('Include unexpected. Element has to be either a Model, an Association or an object.');
  const options = element as Row;
  checkOptions(options, INCLUDE_OPTIONS, `include of ${def.name}`);
  let association: Association;
  if (options.association !== undefined) {
    association =
      options.association instanceof Association
        ? ownAssociation(model, def, options.association)
        : byAlias(model, def, String(options.association));
  } else if (typeof options.model === 'function') {
    association = byModel(model, def, options.model, options.as as string | undefined);
  } else if (typeof options.as === 'string') {
    association = byAlias(model, def, options.as);
  } else {
    throw new Error(`include of ${def.name}: an include object needs model, as or association`);
  }
  return at(association, options, options.model as Function | undefined);
}

function node(
  association: Association,
  given: Row,
  scopes: ScopeMerge,
  parentPath: string,
  model: Function | undefined,
): IncludeNode {
  const path = parentPath ? `${parentPath}->${association.as}` : association.as;
  const label = `include "${path}" of ${association.sourceDefinition.name}`;
  // As Sequelize's _validateIncludedElement: the include's own scoped class, else the
  // association's target, has its scope merged under the include (before required is decided).
  const scoped = model && isScopedClass(model) ? model : association.target;
  const options = scopes
    ? scopes.applyIncludeScope(scoped, given, association.isSingleAssociation, label)
    : given;
  if (options.separate && association.associationType !== 'HasMany')
    throw new Error('Only HasMany associations support include.separate');
  if (options.order !== undefined && association.isSingleAssociation)
    throw new Error(
      `${label}: order applies to a hasMany/belongsToMany include; order the parent by [${association.as}, 'column'] instead`,
    );
  if (options.through !== undefined) {
    if (association.associationType !== 'BelongsToMany')
      throw new Error(`${label}: through applies to belongsToMany includes only`);
    checkOptions(options.through, INCLUDE_THROUGH_OPTIONS, `${label} through`);
  }
  const children =
    options.include === undefined ? [] : resolveIncludes(association.target, options.include, scopes, path);
  return {
    association,
    as: association.as,
    def: association.targetDefinition,
    path,
    // As Sequelize: a where makes the include required unless required is given.
    required: options.required ?? options.where !== undefined,
    // As Sequelize: a paranoid target's soft-deleted rows are left out unless paranoid: false
    // (after required is decided, so the deletedAt condition does not make the include required).
    where: liveRowsWhere(association.targetDefinition, options.where, options as { paranoid?: boolean }),
    attributes: options.attributes,
    through: liveThrough(association, options.through as IncludeNode['through']),
    order: options.order,
    children,
  };
}

/** A paranoid through model's soft-deleted rows link nothing (Sequelize: through.paranoid defaults to true). */
function liveThrough(association: Association, through: IncludeNode['through']): IncludeNode['through'] {
  if (association.associationType !== 'BelongsToMany') return through;
  const throughDef = definitionOf((association as BelongsToMany).through.model);
  if (!throughDef.deletedAt) return through;
  const paranoid = (through as { paranoid?: boolean } | undefined)?.paranoid;
  return { ...through, where: liveRowsWhere(throughDef, through?.where, { paranoid }) };
}

function byAlias(model: Function, def: ModelDefinition, alias: string): Association {
  const association = associationsOf(model)[alias];
  if (!association)
    throw new EagerLoadingError(`Association with alias "${alias}" does not exist on ${def.name}`);
  return association;
}

function ownAssociation(model: Function, def: ModelDefinition, association: Association): Association {
  if (Object.values(associationsOf(model)).includes(association)) return association;
  throw new EagerLoadingError(`${association.targetDefinition.name} is not associated to ${def.name}!`);
}

/** `include: [Post]` or `{ model: Post, as }`: Sequelize's rules for finding the association. */
function byModel(
  model: Function,
  def: ModelDefinition,
  target: Function,
  as: string | undefined,
): Association {
  const base = unscopedClass(target);
  const candidates = Object.values(associationsOf(model)).filter((a) => unscopedClass(a.target) === base);
  const targetName = definitionOf(target).name;
  if (candidates.length === 0) throw new EagerLoadingError(`${targetName} is not associated to ${def.name}!`);
  if (as !== undefined) {
    const found = candidates.find((a) => a.as === as);
    if (found) return found;
    throw new EagerLoadingError(
      `${targetName} is associated to ${def.name} using an alias. You've included an alias (${as}), but it does not match the alias(es) defined in your association (${candidates.map((a) => a.as).join(', ')}).`,
    );
  }
  if (candidates.length > 1)
    throw new EagerLoadingError(
      `${targetName} is associated to ${def.name} multiple times. To identify the correct association, you must use the 'as' keyword to specify the alias of the association you want to include.`,
    );
  if (candidates[0].isAliased)
    throw new EagerLoadingError(
      `${targetName} is associated to ${def.name} using an alias. You must use the 'as' keyword to specify the alias within your include statement.`,
    );
  return candidates[0];
}

/** The through model of a belongsToMany node. */
export function throughOf(node: IncludeNode): BelongsToMany {
  return node.association as BelongsToMany;
}
