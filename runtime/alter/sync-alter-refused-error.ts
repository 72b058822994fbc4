/** Thrown by sync({ alter }) when its plan holds steps it may not run; nothing was changed. */
import { BaseError } from '../errors.js';
import type { SyncPlan, SyncStep } from './sync-plan.js';

export class SyncAlterRefusedError extends BaseError {
  constructor(
    readonly plan: SyncPlan,
    /** The steps refused: blocked by the data, or destructive without `alter: { drop: true }`. */
    readonly refused: readonly SyncStep[],
  ) {
    super(refusalMessage(refused));
    this.name = 'SyncAlterRefusedError';
  }
}

function refusalMessage(refused: readonly SyncStep[]): string {
  const lines = refused.map((s) => {
    const why = s.blocked !== undefined ? `blocked: ${s.blocked}` : 'destructive: allowed only with sync({ alter: { drop: true } })';
    return `  - ${s.target}: ${s.reason}\n    ${why}\n    ${s.sql}`;
  });
  return `sync({ alter }) changed nothing: it refused ${refused.length === 1 ? '1 step' : `${refused.length} steps`} of its plan:\n${lines.join('\n')}`;
}
