/**
 * A generated file as nested blocks of lines, printed with the indentation prettier gives them:
 * a block's body stands one level deeper than the line that opens it. Fixed code (braces,
 * comments, region markers) is text; what varies is a fragment, laid out at the depth where it
 * stands. So the depth of every line follows from the nesting, and is written down nowhere.
 */
import { indentationAt } from './doc.js';
import { isExactFragment, layOutFragment, type Fragment } from './fragment.js';

/** `P` names the fragments someone wants back laid out (see laidOutParts). */
export type Outline<P extends string = string> = readonly OutlineNode<P>[];

export type OutlineNode<P extends string = string> =
  /** Fixed code at the depth where it stands; the lines after a line break in it are left as they are. */
  | { readonly kind: 'text'; readonly text: string }
  /** Code as the schema wrote it, not laid out: a file holding some goes through prettier. */
  | { readonly kind: 'source'; readonly text: string }
  | { readonly kind: 'blank' }
  /** A line at column 0 whatever the depth: the slot markers, which are replaced whole. */
  | { readonly kind: 'marker'; readonly text: string }
  | { readonly kind: 'fragment'; readonly fragment: Fragment; readonly part?: P }
  | {
      readonly kind: 'block';
      readonly open: OutlineNode<P>;
      readonly body: Outline<P>;
      readonly close: string;
    };

export const text = (code: string): OutlineNode<never> => ({ kind: 'text', text: code });
export const source = (code: string): OutlineNode<never> => ({ kind: 'source', text: code });
export const marker = (line: string): OutlineNode<never> => ({ kind: 'marker', text: line });
export const BLANK: OutlineNode<never> = { kind: 'blank' };

export function laidOut<P extends string = never>(fragment: Fragment, part?: P): OutlineNode<P> {
  return part === undefined ? { kind: 'fragment', fragment } : { kind: 'fragment', fragment, part };
}

/** `open`, the body one level deeper, then `close` at the depth of `open`. */
export function block<P extends string>(
  open: OutlineNode<P>,
  body: Outline<P>,
  close: string,
): OutlineNode<P> {
  return { kind: 'block', open, body, close };
}

/** The file's text: its lines, each ended by a newline. */
export function printOutline(outline: Outline): string {
  const lines: string[] = [];
  const print = (node: OutlineNode, depth: number): void => {
    switch (node.kind) {
      case 'text':
      case 'source':
        lines.push(indentationAt(depth) + node.text);
        return;
      case 'blank':
        lines.push('');
        return;
      case 'marker':
        lines.push(node.text);
        return;
      case 'fragment':
        lines.push(layOutFragment(node.fragment, depth));
        return;
      case 'block':
        print(node.open, depth);
        for (const child of node.body) print(child, depth + 1);
        lines.push(indentationAt(depth) + node.close);
    }
  };
  for (const node of outline) print(node, 0);
  return `${lines.join('\n')}\n`;
}

/**
 * Whether every fragment is laid out exactly as prettier lays it out, and no block is empty
 * (prettier writes an empty block `{}` on one line; the outline opens and closes it on two).
 */
export function isLaidOutExactly(outline: Outline): boolean {
  return everyNode(
    outline,
    (node) =>
      (node.kind !== 'fragment' || isExactFragment(node.fragment)) &&
      (node.kind !== 'block' || node.body.length > 0),
  );
}

/** Whether the printed outline is already what prettier makes of it, so formatting it can be skipped. */
export function isPrettierOutput(outline: Outline): boolean {
  return isLaidOutExactly(outline) && everyNode(outline, (node) => node.kind !== 'source');
}

/** Each named part's fragments, laid out at the depth where they stand, in order. */
export function laidOutParts<P extends string>(outline: Outline<P>): Map<P, string[]> {
  const parts = new Map<P, string[]>();
  const visit = (node: OutlineNode<P>, depth: number): void => {
    if (node.kind === 'fragment' && node.part !== undefined) {
      const laid = parts.get(node.part) ?? [];
      laid.push(layOutFragment(node.fragment, depth));
      parts.set(node.part, laid);
    } else if (node.kind === 'block') {
      visit(node.open, depth);
      for (const child of node.body) visit(child, depth + 1);
    }
  };
  for (const node of outline) visit(node, 0);
  return parts;
}

function everyNode(outline: Outline, test: (node: OutlineNode) => boolean): boolean {
  return outline.every(
    (node) =>
      test(node) && (node.kind !== 'block' || (everyNode([node.open], test) && everyNode(node.body, test))),
  );
}
