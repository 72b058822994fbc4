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
const SPACE = 32;
const HASH = 35;

/** Works on offsets into the text rather than an array of lines: 2 MB schemas have 80,000 lines. */
export function splitModels(text: string): SplitSchema | undefined {
  if (text.includes('\r') || text.includes('\t') || ANCHOR_OR_ALIAS.test(text)) return undefined;
  if (text.startsWith('%') || text.includes('\n%') || hasDocumentMarker(text)) return undefined;
  const found = MODELS_LINE.exec(text);
  if (found === null || MODELS_LINE.test(text.slice(found.index + found[0].length))) return undefined;
  const first = lineEnd(text, found.index) + 1;
  let end = first;
  while (end < text.length && !isTopLevelContent(text, end)) end = lineEnd(text, end) + 1;
  const models = modelChunks(text, first, Math.min(end, text.length));
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

function modelChunks(text: string, from: number, to: number): ModelChunk[] | undefined {
  let indent: number | undefined;
  const starts: { name: string; at: number }[] = [];
  for (let at = from; at < to; at = lineEnd(text, at) + 1) {
    const lineIndent = indentAt(text, at);
    if (!isContentAt(text, at + lineIndent)) continue;
    indent ??= lineIndent;
    if (lineIndent > indent) continue;
    const name = lineIndent === indent && indent > 0 ? keyAt(text, at, indent) : undefined;
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

function indentAt(text: string, at: number): number {
  let end = at;
  while (text.charCodeAt(end) === SPACE) end += 1;
  return end - at;
}

/** Not blank and not a comment at `at`, the first character after the indentation. */
function isContentAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return at < text.length && code !== 10 && code !== HASH;
}

function isTopLevelContent(text: string, at: number): boolean {
  return text.charCodeAt(at) !== SPACE && isContentAt(text, at);
}
