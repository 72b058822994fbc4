/**
 * The YAML's declared associations checked against the models: the target and `through` are
 * models of the schema, every key is an attribute of the model that holds it, and a key left out
 * is the one attribute that references the other model (else "missing key"). Each problem points
 * at the offending key with a did-you-mean.
 */
import type { Node } from 'yaml';
import { didYouMean } from '../../runtime/did-you-mean.js';
import type { DeclaredAssociation } from '../associations/derive-associations.js';
import type { AssociationIR, ModelIR } from '../ir.js';
import type { ProblemCollector } from './problem-collector.js';
import type { AssociationDraft, Named } from './read-associations.js';
import type { ModelDraft } from './model-draft.js';

export interface ResolvedAssociations {
  readonly declared: DeclaredAssociation[];
  /** Where each declared association's problems (an alias collision) point. */
  readonly nodes: ReadonlyMap<number, Node>;
}

export function resolveAssociations(
  models: readonly ModelIR[],
  drafts: readonly ModelDraft[],
  problems: ProblemCollector,
): ResolvedAssociations {
  const byName = new Map(models.map((model) => [model.name, model]));
  const declared: DeclaredAssociation[] = [];
  const nodes = new Map<number, Node>();
  for (const draft of drafts) {
    const source = byName.get(draft.name);
    if (source === undefined) continue;
    for (const association of draft.associations) {
      const resolved = resolveOne(source, association, byName, problems);
      if (resolved === undefined) continue;
      const id = declared.length;
      declared.push({ model: source.name, association: resolved, id });
      nodes.set(id, association.as?.node ?? association.node);
    }
  }
  return { declared, nodes };
}

type Resolved = DeclaredAssociation['association'];

function resolveOne(
  source: ModelIR,
  draft: AssociationDraft,
  byName: ReadonlyMap<string, ModelIR>,
  problems: ProblemCollector,
): Resolved | undefined {
  const what = `${draft.kind} of model ${source.name}`;
  const target = modelNamed(draft.target, what, byName, problems);
  const many = draft.kind === 'belongsToMany';
  if (many && draft.through === undefined) {
    problems.add(draft.node, `${what} needs through: the junction model`);
    return undefined;
  }
  for (const key of ['through', 'otherKey'] as const) {
    if (!many && draft[key] !== undefined) {
      problems.add(
        draft[key]!.node,
        `${key} applies to belongsToMany only; remove it from this ${draft.kind}`,
      );
    }
  }
  const through = draft.through && modelNamed(draft.through, `through of ${what}`, byName, problems);
  if (target === undefined || (many && through === undefined)) return undefined;
  // Which model holds the foreign key, and which model it points at.
  const holder = draft.kind === 'belongsTo' ? source : many ? through! : target;
  const pointsAt = draft.kind === 'belongsTo' ? target : source;
  const foreignKey = keyOf(draft.foreignKey, 'foreignKey', holder, pointsAt, draft, problems);
  const otherKey = many ? keyOf(draft.otherKey, 'otherKey', holder, target, draft, problems) : undefined;
  const sourceKey = draft.sourceKey && attributeOf(draft.sourceKey, 'sourceKey', source, problems);
  const targetKey = draft.targetKey && attributeOf(draft.targetKey, 'targetKey', target, problems);
  if (foreignKey === undefined || (many && otherKey === undefined)) return undefined;
  const optional = <K extends keyof AssociationIR>(key: K, value: AssociationIR[K] | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Pick<AssociationIR, K>;
  return {
    kind: draft.kind,
    target: target.name,
    foreignKey,
    ...optional('sourceKey', sourceKey),
    ...optional('targetKey', targetKey),
    ...optional('through', through?.name),
    ...optional('otherKey', otherKey),
    ...optional('onDelete', draft.onDelete),
    ...optional('onUpdate', draft.onUpdate),
    ...(draft.as === undefined ? {} : { as: draft.as.value }),
  };
}

function modelNamed(
  name: Named,
  what: string,
  byName: ReadonlyMap<string, ModelIR>,
  problems: ProblemCollector,
): ModelIR | undefined {
  const found = byName.get(name.value);
  if (found !== undefined) return found;
  const names = [...byName.keys()];
  problems.add(
    name.node,
    `${what}: "${name.value}" is not a model of this schema${didYouMean(name.value, names) || `; models are: ${names.join(', ')}`}`,
  );
  return undefined;
}

/** The named attribute of `holder`, or its one attribute that references `pointsAt`. */
function keyOf(
  named: Named | undefined,
  key: 'foreignKey' | 'otherKey',
  holder: ModelIR,
  pointsAt: ModelIR,
  draft: AssociationDraft,
  problems: ProblemCollector,
): string | undefined {
  if (named !== undefined) return attributeOf(named, key, holder, problems);
  const candidates = holder.attributes
    .filter((a) => a.references?.model === pointsAt.name)
    .map((a) => a.name);
  if (candidates.length === 1) return candidates[0];
  problems.add(
    draft.node,
    candidates.length === 0
      ? `missing key: ${holder.name} has no attribute that references ${pointsAt.name}; name it with ${key}:`
      : `missing key: ${holder.name} has ${candidates.length} attributes that reference ${pointsAt.name} (${candidates.join(', ')}); name one with ${key}:`,
  );
  return undefined;
}

function attributeOf(
  named: Named,
  key: string,
  model: ModelIR,
  problems: ProblemCollector,
): string | undefined {
  const found = model.attributes.find((a) => a.name === named.value);
  if (found !== undefined) return found.name;
  const names = model.attributes.map((a) => a.name);
  problems.add(
    named.node,
    `${key} "${named.value}" is not an attribute of model ${model.name}${didYouMean(named.value, names) || `; its attributes are: ${names.join(', ')}`}`,
  );
  return undefined;
}
