/**
 * How a generated file marks itself (file-marks.ts), as outline lines: the header, the regions
 * that are rewritten on every run, and the slots where hand-written code goes back in.
 */
import { headerLines, REGION_END, REGION_START, slotMarker, type SlotScope } from '../file-marks.js';
import { marker, text, type Outline, type OutlineNode } from '../layout/outline.js';

export function header(sourceLabel: string): Outline<never> {
  return headerLines(sourceLabel).map(text);
}

export function slot(scope: SlotScope, index: number): OutlineNode<never> {
  return marker(slotMarker(scope, index));
}

/** `// #region generated <label>`, the body, `// #endregion`, all at the depth where the region stands. */
export function region<P extends string>(label: string | undefined, body: Outline<P>): Outline<P> {
  return [text(label === undefined ? REGION_START : `${REGION_START} ${label}`), ...body, text(REGION_END)];
}
