/**
 * The comparison: both sides' outcomes key by key. A key whose outcomes differ passes only when
 * a documented difference names it and both outcomes are exactly the ones it records; a
 * documented difference that no longer shows up fails too, so the list stays true.
 */
import { isDeepStrictEqual } from 'node:util';
import type { DocumentedDifference } from './documented-differences.js';
import type { Outcome } from './steps.js';

export interface Finding {
  readonly key: string;
  readonly problem: string;
  readonly bundled?: unknown;
  readonly sequelize?: unknown;
}

function matches(pattern: string, key: string): boolean {
  const [scenario, ...step] = pattern.split('/');
  const [keyScenario, ...keyStep] = key.split('/');
  return (scenario === '*' || scenario === keyScenario) && step.join('/') === keyStep.join('/');
}

export function compareOutcomes(
  schema: string,
  bundled: readonly Outcome[],
  sequelize: readonly Outcome[],
  documented: readonly DocumentedDifference[],
): { findings: Finding[]; used: Set<DocumentedDifference> } {
  const findings: Finding[] = [];
  const used = new Set<DocumentedDifference>();
  const other = new Map(sequelize.map((o) => [o.key, o.outcome]));
  const entries = documented.filter((d) => d.schemas.includes(schema));
  for (const { key, outcome } of bundled) {
    // A scenario that crashed compared nothing after the crash, even if both sides crashed alike.
    if (key.endsWith('/<scenario crashed>'))
      findings.push({ key, problem: 'scenario crashed', bundled: outcome });
    if (!other.has(key)) {
      findings.push({ key, problem: 'only the bundled runtime got here', bundled: outcome });
      continue;
    }
    const theirs = other.get(key);
    other.delete(key);
    const entry = entries.find((d) => matches(d.key, key));
    if (isDeepStrictEqual(outcome, theirs)) {
      if (entry && !entry.key.startsWith('*'))
        findings.push({ key, problem: 'documented as different, but both sides agree', bundled: outcome });
      continue;
    }
    if (!entry) {
      findings.push({ key, problem: 'undocumented difference', bundled: outcome, sequelize: theirs });
    } else if (!isDeepStrictEqual(entry.bundled, outcome) || !isDeepStrictEqual(entry.sequelize, theirs)) {
      findings.push({
        key,
        problem: `differs otherwise than documented (${entry.doc})`,
        bundled: outcome,
        sequelize: theirs,
      });
    } else used.add(entry);
  }
  for (const [key, outcome] of other)
    findings.push({ key, problem: 'only Sequelize got here', sequelize: outcome });
  return { findings, used };
}
