/**
 * A schema's text cut into one piece per model, so that a run can parse only the models whose
 * text changed (load-incremental.ts). The cut is by lines: `models:` at column 0, each model a
 * plain key at one indentation under it, with every line down to the next model's key. Anything
 * that could make a piece mean something else alone than in the whole file (anchors and aliases,
 * directives, flow or complex keys, a line less indented than the model keys, carriage returns)
 * gives no split: the caller then reads the whole file as before.
 */

export interface ModelChunk {
  /** The model's key, as it starts its first line. */
  readonly name: string;
  /** Its lines, exactly as in the file (the key line included). */
  readonly text: string;
}

export interface SplitSchema {
  /** Everything but the `models:` block (the `define:` and comments), with the `models:` line left out. */
  readonly rest: string;
  readonly models: readonly ModelChunk[];
}

/** An anchor (&a) or alias (*a) could tie one piece to another; `&`/`*` before a name anywhere is refused. */
const ANCHOR_OR_ALIAS = /(^|[\s[{,])[&*][^\s,[\]{}]/m;
const MODELS_LINE = /^models:[ ]*(#.*)?$/m;

/** Works on offsets into the text rather than an array of lines: 2 MB schemas have 80,000 lines. */
export function splitModels(text: string): SplitSchema | undefined {
  if (text.includes('\r') || text.includes('\t') || ANCHOR_OR_ALIAS.test(text)) return undefined;
  if (text.startsWith('%') || text.includes('\n%') || hasDocumentMarker(text)) return undefined;
  const found = MODELS_LINE.exec(text);
  if (found === null || MODELS_LINE.test(text.slice(found.index + found[0].length))) return undefined;
  const first = lineEnd(text, found.index) + 1;
  const end = nextMatch(TOP_LEVEL_CONTENT, text, first) ?? text.length;
  const models = modelChunks(text, first, end);
  if (models === undefined) return undefined;
  return { rest: text.slice(0, found.index) + text.slice(end), models };
}

/**
 * `---` or `...` anywhere but a bare `---` first line: a second document (which the whole file's
 * parser refuses) or content on the marker's line (a tag on the root) would not be seen by a piece.
 */
function hasDocumentMarker(text: string): boolean {
  const body = /^---[ ]*(#.*)?(\n|$)/.test(text) ? text.slice(text.indexOf('\n') + 1) : text;
  return /(^|\n)(---|\.\.\.)/.test(body);
}

/** The start of the first line at or after `from` that `pattern` (global, multiline) matches. */
function nextMatch(pattern: RegExp, text: string, from: number): number | undefined {
  pattern.lastIndex = from;
  return pattern.exec(text)?.index;
}

/** A line with content (not blank, not a comment) at column 0. */
const TOP_LEVEL_CONTENT = /^[^ \n#]/gm;
/** A line with content: its indentation is group 1. */
const CONTENT_LINE = /^( *)[^ \n#]/gm;

/**
 * The model keys are the lines with content at the first such line's indentation; any line with
 * content less indented than that is refused. Found by regular expressions rather than line by
 * line: a 2 MB schema has 80,000 lines, nearly all more indented than the keys.
 */
function modelChunks(text: string, from: number, to: number): ModelChunk[] | undefined {
  CONTENT_LINE.lastIndex = from;
  const indent = CONTENT_LINE.exec(text)?.[1]?.length;
  if (indent === undefined || indent === 0) return undefined;
  const shallow = new RegExp(`^ {0,${indent}}[^ \\n#]`, 'gm');
  const starts: { name: string; at: number }[] = [];
  for (
    let at = nextMatch(shallow, text, from);
    at !== undefined && at < to;
    at = nextMatch(shallow, text, at + 1)
  ) {
    const name = keyAt(text, at, indent);
    if (name === undefined) return undefined;
    starts.push({ name, at });
  }
  if (starts.length === 0 || new Set(starts.map((start) => start.name)).size !== starts.length)
    return undefined;
  // Each piece runs to the next model's key; blank and comment lines before the first mean nothing.
  return starts.map(({ name, at }, index) => {
    const end = index + 1 < starts.length ? starts[index + 1]!.at - 1 : to;
    return { name, text: text.slice(at, Math.max(at, Math.min(end, text.length))) };
  });
}

/** The model name of a `<indent>Name:` line (nothing, a comment or a value may follow). */
function keyAt(text: string, at: number, indent: number): string | undefined {
  const line = text.slice(at, lineEnd(text, at));
  const match = /^ *([A-Za-z_$][A-Za-z0-9_$]*):( .*)?$/.exec(line);
  return match !== null && line.length - line.trimStart().length === indent ? match[1] : undefined;
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}
