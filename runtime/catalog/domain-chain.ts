/**
 * The one resolver of domain chains (a domain over a domain over a base type): `--from-db` maps
 * a column by its base type and keeps the chain's NOT NULL, defaults and CHECKs; alter compares a
 * column by its base type.
 */
import { typeRefOf, type DomainRow, type TypeRef } from './catalog-rows.js';

export interface DomainChain {
  /** The first type of the chain that is not a known domain. */
  readonly base: TypeRef;
  /** Every domain followed, outermost first; empty when `ref` is not a domain. */
  readonly domains: readonly DomainRow[];
}

/** Follows domain → base type links; the guard stops a (corrupt) cycle. */
export function resolveDomainChain(ref: TypeRef, domains: ReadonlyMap<string, DomainRow>): DomainChain {
  const chain: DomainRow[] = [];
  let current = ref;
  for (let row = domains.get(current.oid); current.kind === 'd' && row; row = domains.get(current.oid)) {
    if (chain.includes(row)) break;
    chain.push(row);
    current = typeRefOf(row, 'base');
  }
  return { base: current, domains: chain };
}
