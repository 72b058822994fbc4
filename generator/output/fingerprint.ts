/**
 * Each generated file records, in its header, a fingerprint of what it was generated from
 * (its part of the IR, the templates, the generator version, the formatting options) and of
 * its generated regions. When both still match, the file is what this run would produce, so it
 * is neither rendered nor formatted again: that is what makes regenerating a 1,000-model
 * schema after a one-model change fast.
 *
 * Only the generated regions are hashed: code a person adds outside them does not make the
 * file stale, while an edit inside a generated region does (and is reverted or reported).
 */
import {
  FINGERPRINT_PREFIX,
  hashOf,
  isHeaderStart,
  isRegionEnd,
  isRegionStart,
  REGION_END,
} from '../file-marks.js';

/** inputs.regions, then .outside when the file held no hand-written code when it was written. */
const FINGERPRINT_LINE =
  /^\/\/ gen-models fingerprint: ([0-9a-f]{16})\.([0-9a-f]{16})(?:\.([0-9a-f]{16}))?\r?\n/m;

/**
 * Adds the fingerprint line at the end of the header's `//` comment block (hand-written lines may
 * stand above the header). For a file without hand-written code it also records a hash of the
 * text outside the regions, so the next run can tell, without parsing, that there is still no
 * hand-written code to keep.
 */
export function withFingerprint(text: string, inputsHash: string, hasHandWrittenCode: boolean): string {
  const lines = text.split('\n');
  let headerEnd = Math.max(
    0,
    lines.findIndex((line) => isHeaderStart(line)),
  );
  while (
    headerEnd < lines.length &&
    lines[headerEnd].startsWith('//') &&
    !lines[headerEnd].startsWith('// #region')
  ) {
    headerEnd += 1;
  }
  const { regions, outside } = split(text);
  const outsideHash = hasHandWrittenCode ? '' : `.${hashOf(outside())}`;
  lines.splice(headerEnd, 0, `${FINGERPRINT_PREFIX}${inputsHash}.${regionsHash(regions)}${outsideHash}`);
  return lines.join('\n');
}

/** What a file's fingerprint says about it, read with one pass over its lines. */
export interface FingerprintReading {
  /** The inputs the file was generated from, when it has a fingerprint. */
  readonly inputsHash?: string;
  /** Its generated regions (and class heading) are as gen-models wrote them. */
  readonly regionsUntouched: boolean;
  /** The whole file is as gen-models wrote it, and it held no hand-written code then. */
  readonly noHandWrittenCode: boolean;
}

export function readFingerprint(text: string): FingerprintReading {
  const match = FINGERPRINT_LINE.exec(text);
  if (!match) return { regionsUntouched: false, noHandWrittenCode: false };
  const { regions, outside } = split(text.replace(FINGERPRINT_LINE, ''));
  const regionsUntouched = match[2] === regionsHash(regions);
  const outsideHash = match[3];
  let noHandWrittenCode: boolean | undefined;
  return {
    inputsHash: match[1],
    regionsUntouched,
    // Asked only of files that are rendered again: an up-to-date file skips hashing its other half.
    // An edit inside a region must be looked at too, so "no hand-written code" needs both hashes.
    get noHandWrittenCode() {
      noHandWrittenCode ??=
        regionsUntouched && outsideHash !== undefined && outsideHash === hashOf(outside());
      return noHandWrittenCode;
    },
  };
}

/**
 * The regions' hash ignores notes (line and block comments, not JSDoc) and what formatters
 * change (whitespace, line endings, quotes, semicolons, commas, parentheses): a region another
 * formatter reflowed, or a note added to one, still counts as untouched, while code added to
 * it, or an edited JSDoc, does not.
 */
function regionsHash(regions: readonly string[]): string {
  const code = regions
    // The region lines are structure, not notes: a deleted `// #endregion` is an edit.
    // Lines without `//` (most of them) are neither marks nor notes: no trimming, no regex.
    .map((line) =>
      !line.includes('//')
        ? line
        : isRegionStart(line)
          ? line.trim()
          : isRegionEnd(line)
            ? REGION_END
            : line.replace(/\/\/.*/, ''),
    )
    .join('\n')
    .replace(/\/\*(?!\*)[\s\S]*?\*\//g, '');
  return hashOf(code.replace(/[\s;,'"()]+/g, ''));
}

/**
 * The lines inside and outside the generated regions, found line by line (no parsing: this runs
 * for every file). The class heading (its JSDoc and decorators, `export class ... {`) is generated
 * too, so it counts as inside: an edit there is reported by --check and reverted. The outside is
 * joined only when asked for.
 */
function split(text: string): { regions: string[]; outside: () => string } {
  const lines = text.split('\n');
  const heading = classHeading(lines);
  const regions: string[] = [];
  const outsideLines: string[] = [];
  let inRegion = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    // Cheap test first: most lines are neither region marks nor the heading.
    if (!inRegion && line.includes('// #region') && isRegionStart(line)) inRegion = true;
    const generated = inRegion || (index >= heading.first && index <= heading.end);
    (generated ? regions : outsideLines).push(line);
    if (inRegion && line.includes('// #endregion') && isRegionEnd(line)) inRegion = false;
  }
  return { regions, outside: () => outsideLines.join('\n') };
}

const CLASS_HEADING = /^export class \w+/;

/** The lines of the class heading, first to last (none: first > end). */
function classHeading(lines: readonly string[]): { first: number; end: number } {
  const start = lines.findIndex((line) => line.startsWith('export class ') && CLASS_HEADING.test(line));
  if (start < 0) return { first: 1, end: 0 };
  let end = start;
  while (end < lines.length - 1 && !lines[end]!.trimEnd().endsWith('{')) end += 1;
  let first = start;
  while (first > 0 && /^\s*(\/\*\*|\*|@)/.test(lines[first - 1]!)) first -= 1;
  return { first, end };
}
