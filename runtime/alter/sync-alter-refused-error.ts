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

/** Steps of one change (an enum rebuild is several statements) are listed under one reason. */
function groupByChange(steps: readonly SyncStep[]): SyncStep[][] {
  const groups: SyncStep[][] = [];
  for (const s of steps) {
    const last = groups[groups.length - 1];
    if (last && last[0].target === s.target && last[0].reason === s.reason) last.push(s);
    else groups.push([s]);
  }
  return groups;
}

function refusalMessage(refused: readonly SyncStep[]): string {
  const groups = groupByChange(refused);
  const lines = groups.map((group) => {
    const blocked = group.find((s) => s.blocked !== undefined)?.blocked;
    const why =
      blocked !== undefined
        ? `blocked: ${blocked}`
        : 'destructive: allowed only with sync({ alter: { drop: true } })';
    return `  - ${group[0].target}: ${group[0].reason}\n    ${why}\n${group.map((s) => `    ${s.sql}`).join('\n')}`;
  });
  const count = groups.length === 1 ? '1 change' : `${groups.length} changes`;
  return `sync({ alter }) changed nothing: it refused ${count} of its plan:\n${lines.join('\n')}`;
}
