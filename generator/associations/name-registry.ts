/**
 * The names one model's instances already have, so that an association's alias and accessors
 * never collide with an attribute, a Model member, a schema method, or another association.
 */
import { MODEL_MEMBER_NAMES } from '../../runtime/model-members.js';
import type { AssociationKind, ModelIR } from '../ir.js';
import { memberNamesOf } from './accessors.js';
import { alternativeName } from './association-names.js';

export class NameRegistry {
  private readonly taken: Set<string>;

  constructor(model: ModelIR) {
    this.taken = new Set([
      ...MODEL_MEMBER_NAMES,
      'initModel',
      ...model.attributes.map((a) => a.name),
      ...model.members.map((m) => m.name),
    ]);
  }

  /** The first name whose alias and accessors are all free, recorded as taken. */
  claim(kind: AssociationKind, wanted: string): string {
    for (let attempt = 0; ; attempt++) {
      const name = attempt === 0 ? wanted : alternativeName(wanted, attempt);
      if (this.isFree(kind, name)) {
        this.take(kind, name);
        return name;
      }
    }
  }

  /** The names an explicit alias would take that are already taken (empty: it is free). */
  clashes(kind: AssociationKind, name: string): string[] {
    return memberNamesOf(kind, name).filter((member) => this.taken.has(member));
  }

  isFree(kind: AssociationKind, name: string): boolean {
    const members = memberNamesOf(kind, name);
    return new Set(members).size === members.length && this.clashes(kind, name).length === 0;
  }

  take(kind: AssociationKind, name: string): void {
    for (const member of memberNamesOf(kind, name)) this.taken.add(member);
  }
}
