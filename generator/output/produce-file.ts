/**
 * Produces the final text of one generated file from its recipe and the file on disk: skipped
 * when its fingerprint still matches; otherwise rendered, with the hand-written code of the
 * file on disk put back in place, formatted (by prettier only where the layout did not already
 * produce its output), and fingerprinted.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Formatter } from './format.js';
import type { GeneratedFile } from './generated-file.js';
import { readFingerprint, withFingerprint, type FingerprintReading } from './fingerprint.js';
import {
  extractHandWrittenCode,
  HandWrittenCodeError,
  holdsCode,
  type HandWrittenCode,
} from '../merge/hand-written-code.js';
import { isGeneratedText, isRegionStart } from '../file-marks.js';
import { FileSystemError, GenModelsError } from '../errors.js';
import { fillSlots, findCollisions, type Collision } from '../merge/merge-hand-written.js';
import type { FileRecipe } from '../render/render-schema.js';
import { tidyBlankLines } from '../layout/tidy-blank-lines.js';

export interface ProducedFile extends GeneratedFile {
  readonly collisions: readonly Collision[];
  /** False when the fingerprint matched and the file was kept as it is. */
  readonly rendered: boolean;
}

export async function produceFile(
  recipe: FileRecipe,
  outDir: string,
  formatter: Formatter,
): Promise<ProducedFile> {
  const label = path.relative(process.cwd(), path.join(outDir, recipe.path)) || recipe.path;
  const onDisk = readIfExists(path.join(outDir, recipe.path), label);
  // A file gen-models did not write is left to the writer to refuse.
  const previous = generatedText(onDisk);
  const reading = previous === undefined ? undefined : readFingerprint(previous);
  if (previous !== undefined && isUpToDate(reading!, recipe.inputsHash)) {
    return { path: recipe.path, content: onDisk!, previous: onDisk, collisions: [], rendered: false };
  }
  // ts-morph is needed only when a person wrote into the file since it was generated.
  // Regions as gen-models wrote them hold nothing of a person's; edited ones are checked name by name.
  const generated =
    previous === undefined || reading?.noHandWrittenCode ? undefined : recipe.generatedNames();
  const handWritten: HandWrittenCode | undefined =
    generated === undefined
      ? undefined
      : extractHandWrittenCode(
          previous!,
          recipe.className,
          label,
          reading?.regionsUntouched ? undefined : { generated },
        );
  const collisions = handWritten === undefined ? [] : findCollisions(handWritten, generated!);
  const rendered = recipe.render();
  const keepsCode = handWritten !== undefined && holdsCode(handWritten);
  if (keepsCode) refuseMissingRegions(previous!, rendered.text, label);
  const filled = fillSlots(rendered.text, handWritten, label);
  // prettier takes ~9 ms a file: it runs only where the text is not already its output.
  const formatted =
    rendered.preformatted && !keepsCode && formatter.usesDefaults
      ? tidyBlankLines(filled)
      : await format(formatter, recipe, label, filled);
  const content = withFingerprint(formatted, recipe.inputsHash, keepsCode);
  return { path: recipe.path, content, previous: onDisk, collisions, rendered: true };
}

/**
 * The file on disk when it is exactly what a run with these inputs produces (its fingerprint's
 * inputs match and its regions are untouched), else undefined; read without rendering anything.
 */
export function upToDateFile(outDir: string, relativePath: string, inputsHash: string): string | undefined {
  const file = path.join(outDir, relativePath);
  let onDisk: string;
  try {
    onDisk = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const previous = generatedText(onDisk);
  return previous !== undefined && isUpToDate(readFingerprint(previous), inputsHash) ? onDisk : undefined;
}

/** A file gen-models wrote, without a byte-order mark (it would shift every position ts-morph reports by one). */
function generatedText(onDisk: string | null): string | undefined {
  return onDisk !== null && isGeneratedText(onDisk) ? onDisk.replace(/^\uFEFF/, '') : undefined;
}

function isUpToDate(reading: FingerprintReading, inputsHash: string): boolean {
  return reading.inputsHash === inputsHash && reading.regionsUntouched;
}

/** Hand-written code goes back by its position between regions: with a region deleted, it would land in the wrong place. */
function refuseMissingRegions(previous: string, rendered: string, label: string): void {
  const count = (text: string) => text.split('\n').filter(isRegionStart).length;
  const [found, expected] = [count(previous), count(rendered)];
  if (found < expected) {
    throw new HandWrittenCodeError(
      `${label}: ${expected - found} of its ${expected} "// #region generated" blocks ${expected - found === 1 ? 'was' : 'were'} deleted, so your code cannot be put back in its place; ` +
        'put the region back (copy it from a fresh generation into an empty folder), then generate again',
    );
  }
}

function readIfExists(file: string, label: string): string | null {
  if (!existsSync(file)) return null;
  if (statSync(file).isDirectory())
    throw new GenModelsError(`${label} is a folder, where gen-models writes a file; move the folder away`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new FileSystemError('read', label, error);
  }
}

async function format(
  formatter: Formatter,
  recipe: FileRecipe,
  label: string,
  source: string,
): Promise<string> {
  try {
    return await formatter.format(source);
  } catch (error) {
    throw new GenModelsError(
      syntaxErrorText(error as Error & { loc?: { start?: { line?: number } } }, recipe, label, source),
      { cause: error },
    );
  }
}

/**
 * A syntax error here comes from a method in the schema, code written into the file, or a custom
 * template: the message says which, so it does not read as a fault of the generator.
 */
function syntaxErrorText(
  error: Error & { loc?: { start?: { line?: number } } },
  recipe: FileRecipe,
  label: string,
  source: string,
): string {
  const problem = error.message.split('\n')[0]!;
  const line = error.loc?.start?.line;
  const text = line === undefined ? '' : (source.split('\n')[line - 1] ?? '').trim();
  const member =
    text === '' ? undefined : recipe.schemaMembers?.find((candidate) => candidate.source.includes(text));
  if (member !== undefined) {
    return `the ${member.kind} ${member.name} of model ${recipe.className} in the schema is not valid TypeScript: ${problem.replace(/ \(\d+:\d+\)$/, '')} at \`${text}\`; fix its source in the schema`;
  }
  return `${label} is not valid TypeScript after rendering: ${problem} (line:column in the rendered file; the code there is your own, or from a custom template)\n${error.message.split('\n').slice(1).join('\n')}`;
}
