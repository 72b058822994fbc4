/** A plan as text for people (the CLI's `plan` command, logs): one step per line, SQL below. */
import type { SyncPlan } from './sync-plan.js';

export function formatSyncPlan(plan: SyncPlan): string {
  if (plan.steps.length === 0) return '-- Nothing to change: the tables match the models.';
  return plan.steps
    .map((s) => {
      const mark =
        s.blocked !== undefined
          ? `BLOCKED (${s.blocked})`
          : s.kind === 'destructive'
            ? 'DESTRUCTIVE'
            : 'safe';
      return `-- ${mark}: ${s.reason}\n${s.sql};`;
    })
    .join('\n');
}
