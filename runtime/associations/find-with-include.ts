/** findAll/count with `include`: the include engine's entry points. */
import type { AnyModel, ModelCtor } from '../types.js';
import type { Row } from './association.js';

export async function findWithIncludes(
  model: ModelCtor<AnyModel>,
  options: Row,
): Promise<AnyModel[] | Row[]> {
  void model;
  void options;
  throw new Error('include is not implemented yet');
}

export async function countWithIncludes(model: ModelCtor<AnyModel>, options: Row): Promise<number> {
  void model;
  void options;
  throw new Error('include is not implemented yet');
}

/** `include: []`, null and undefined ask for nothing: the finder's own path. */
export function hasIncludes(include: unknown): boolean {
  return !(include === undefined || include === null || (Array.isArray(include) && include.length === 0));
}
