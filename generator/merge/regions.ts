/**
 * How a generated file tells its generated parts from the user's: generated code sits between
 * `// #region generated ...` and `// #endregion` (editors fold these), everything else is
 * hand-written and survives regeneration.
 *
 * Templates mark, between the regions, numbered slots where the hand-written code of the
 * previous version of the file is put back: `top` slots between top-level statements, `class`
 * slots inside the model class.
 */
export const REGION_START = '// #region generated';
export const REGION_END = '// #endregion';

export type SlotScope = 'top' | 'class';

/** The placeholder a template writes for a slot; replaced (by code or nothing) before formatting. */
export function slotMarker(scope: SlotScope, index: number): string {
  return `/*@gen-models-slot:${scope}-${index}*/`;
}

export const SLOT_MARKER_PATTERN = /^[ \t]*\/\*@gen-models-slot:(top|class)-(\d+)\*\/[ \t]*$/gm;

export function isRegionStart(comment: string): boolean {
  return comment.trimStart().startsWith(REGION_START);
}

/** `// #endregion`, or with a label after it (`// #endregion attributes`), as editors allow. */
export function isRegionEnd(comment: string): boolean {
  const text = comment.trim();
  return text === REGION_END || text.startsWith(`${REGION_END} `);
}
