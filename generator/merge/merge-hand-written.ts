/**
 * Puts hand-written code back into a freshly rendered file, and refuses (rather than silently
 * overwriting or duplicating) a hand-written member whose name is now generated.
 */
import { HandWrittenCodeError, type HandWrittenCode } from './hand-written-code.js';
import { isHeaderStart, SLOT_MARKER_PATTERN } from '../file-marks.js';
import { GenModelsError } from '../errors.js';
import type { GeneratedNames } from '../render/render-schema.js';

/**
 * Replaces every slot marker with the hand-written code of that slot, or removes it, and puts
 * what stood above the header back above it. Refuses when hand-written code has no slot to go
 * back to (a custom template without that marker): dropping it would lose a person's code.
 */
export function fillSlots(rendered: string, code: HandWrittenCode | undefined, file = 'the file'): string {
  const used = new Set<string>();
  const filled = rendered.replace(SLOT_MARKER_PATTERN, (_marker, scope: string, index: string) => {
    const key = `${scope as 'top' | 'class'}-${Number(index)}` as const;
    used.add(key);
    const text = code?.slots.get(key);
    return text === undefined ? '' : `\n${text}\n`;
  });
  const homeless = [...(code?.slots.keys() ?? [])].filter((key) => !used.has(key));
  if (homeless.length > 0) {
    const markers = homeless.map((key) => `{{slot '${key.split('-')[0]}' ${key.split('-')[1]}}}`).join(', ');
    throw new HandWrittenCodeError(
      `${file}: the template has no ${markers} marker for the hand-written code found there; add it to the template, then generate again`,
    );
  }
  return code?.aboveHeader === undefined ? filled : putAboveHeader(filled, code.aboveHeader);
}

/** Right above the header's first line (the file's start when a custom template has no header). */
function putAboveHeader(text: string, above: string): string {
  const lines = text.split('\n');
  const header = Math.max(
    0,
    lines.findIndex((line) => isHeaderStart(line)),
  );
  lines.splice(header, 0, above);
  return lines.join('\n');
}

export interface Collision {
  readonly name: string;
  readonly scope: 'class member' | 'top-level declaration';
}

export function findCollisions(code: HandWrittenCode, generated: GeneratedNames): Collision[] {
  const classMembers = new Set(generated.classMembers);
  const topLevel = new Set(generated.topLevel);
  return [
    ...code.classMemberNames
      .filter((name) => classMembers.has(name))
      .map((name) => ({ name, scope: 'class member' as const })),
    ...code.topLevelNames
      .filter((name) => topLevel.has(name))
      .map((name) => ({ name, scope: 'top-level declaration' as const })),
  ];
}

export class CollisionError extends GenModelsError {
  override readonly name = 'CollisionError';
  override readonly startsWithLocation = true;

  constructor(readonly problems: readonly { file: string; collision: Collision }[]) {
    super(
      problems
        .map(
          ({ file, collision }) =>
            `${file}: your hand-written ${collision.scope} "${collision.name}" has the name of a generated one now; ` +
            'rename or remove it (or rename the attribute in the schema), then generate again',
        )
        .join('\n'),
    );
  }
}
