/**
 * prettier's own document builders and printer (`prettier/doc`, its public plugin API). The
 * layout code builds for each generated fragment the document prettier's TypeScript printer
 * builds for it, and prints it with prettier's printer: the same line-fitting algorithm, so the
 * text comes out as prettier would format it, without parsing the file back.
 */
import { builders, printer } from 'prettier/doc';

export type Doc = builders.Doc;

export const {
  align,
  conditionalGroup,
  fill,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  softline,
} = builders;

/** prettier's defaults: the fast path runs only when the user has no configuration. */
export const PRINT_WIDTH = 80;
const TAB_WIDTH = 2;

/**
 * Prints `doc` as lines starting at `depth` levels of indentation. Fragments end with the
 * punctuation that follows them on their line (`,`, `;`, ` {`), so fitting counts it as prettier does.
 */
export function printAt(doc: Doc, depth: number): string {
  return printFragment(flatten(doc), () => doc, depth);
}

/**
 * Like printAt, for a fragment whose one-line text is known without its document (undefined
 * when it always breaks): most fragments fit on their line, and prettier prints every group of
 * those flat, so their document is never built.
 */
export function printFragment(flat: string | undefined, buildDoc: () => Doc, depth: number): string {
  const indentation = indentationAt(depth);
  const isAscii = flat !== undefined && /^[\x20-\x7e]*$/.test(flat);
  if (isAscii && indentation.length + flat.length <= PRINT_WIDTH) return indentation + flat;
  // The one-line text determines the expression, so it keys the layout: tables repeat columns.
  const key = flat === undefined ? undefined : `${depth}\0${flat}`;
  const known = key === undefined ? undefined : printedFragments.get(key);
  if (known !== undefined) return known;
  // Printing at column 0 in a width narrower by the indentation breaks the same lines.
  const printed = printDoc(buildDoc(), PRINT_WIDTH - indentation.length)
    .split('\n')
    .map((text) => (text === '' ? text : indentation + text))
    .join('\n');
  if (key !== undefined) remember(key, printed);
  return printed;
}

/** The spaces that start a line `depth` levels deep. */
export function indentationAt(depth: number): string {
  return ' '.repeat(depth * TAB_WIDTH);
}

const printedFragments = new Map<string, string>();
const REMEMBERED_FRAGMENTS = 10_000;

function remember(key: string, printed: string): void {
  if (printedFragments.size >= REMEMBERED_FRAGMENTS) printedFragments.clear();
  printedFragments.set(key, printed);
}

function printDoc(doc: Doc, printWidth: number): string {
  return printer.printDocToString(doc, {
    printWidth,
    tabWidth: TAB_WIDTH,
    useTabs: false,
    endOfLine: 'lf',
  } as never).formatted;
}

/**
 * The text of `doc` with every group flat, or undefined when some group must break (a hard line
 * or a group that always breaks). Only the builders used by the layout code are handled.
 */
function flatten(doc: Doc): string | undefined {
  const parts: string[] = [];
  const visit = (part: Doc): boolean => {
    if (typeof part === 'string') {
      parts.push(part);
      return true;
    }
    if (Array.isArray(part)) return part.every(visit);
    switch (part.type) {
      case 'group':
        return !part.break && visit(part.expandedStates?.[0] ?? part.contents);
      case 'indent':
      case 'align':
      case 'indent-if-break':
        // prettier's typings leave `contents` off IndentIfBreak, which has it.
        return visit((part as { contents: Doc }).contents);
      case 'fill':
        return part.parts.every(visit);
      case 'if-break':
        return visit(part.flatContents);
      case 'line':
        if (part.hard) return false;
        if (!part.soft) parts.push(' ');
        return true;
      default:
        return false;
    }
  };
  return visit(doc) ? parts.join('') : undefined;
}
