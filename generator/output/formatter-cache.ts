/**
 * The prettier options of an output folder, remembered between runs, so that a run whose files
 * are up to date (or that renders only files laid out without prettier) need not import prettier
 * (~50 ms of such a run) to resolve them.
 *
 * What prettier reads to resolve them is the configuration files it finds from the output folder
 * up to the root of the file system, and the `.editorconfig` files: so the record holds, for the
 * folder and each one above it, every file there whose name prettier or EditorConfig could read
 * (`.prettierrc*`, `prettier.config.*`, `package.json`, `package.yaml`, `.editorconfig`), with
 * its stat. While the same such files exist with the same stats, and the same prettier is
 * installed, the options are what they were. A configuration written in JavaScript or TypeScript
 * can import other files, whose edits no stat here would show: then nothing is recorded and every
 * run asks prettier. The record is only a shortcut: missing or stale, prettier is asked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Options } from 'prettier';
import { fileStamp } from './file-stamp.js';

export interface FormatterRecord {
  readonly prettierVersion: string;
  /** Each candidate file from the output folder up to the root, with its stat. */
  readonly files: readonly { readonly path: string; readonly stamp: string }[];
  readonly options: Options;
  readonly usesDefaults: boolean;
}

/** Names prettier (configuration search) or EditorConfig may read in a folder. */
const CANDIDATE = /^(\.prettierrc.*|prettier\.config\..*|package\.(json|yaml)|\.editorconfig)$/;
/** Configuration files that can import others: not recorded. */
const EXECUTABLE = /\.(js|cjs|mjs|ts|cts|mts)$/;

/** The options recorded for `outDir`, when everything they were resolved from is unchanged. */
export function recordedOptions(
  record: FormatterRecord | undefined,
  outDir: string,
): Pick<FormatterRecord, 'options' | 'usesDefaults'> | undefined {
  if (record === undefined || record.prettierVersion !== prettierVersion()) return undefined;
  const files = candidateFiles(outDir);
  if (files === undefined || files.length !== record.files.length) return undefined;
  const same = files.every(
    (file, index) => file.path === record.files[index]!.path && file.stamp === record.files[index]!.stamp,
  );
  return same ? { options: record.options, usesDefaults: record.usesDefaults } : undefined;
}

/** The record of options just resolved by prettier for `outDir`; undefined when it cannot be trusted later. */
export function formatterRecord(
  outDir: string,
  options: Options,
  usesDefaults: boolean,
): FormatterRecord | undefined {
  const version = prettierVersion();
  const files = candidateFiles(outDir);
  if (version === undefined || files === undefined) return undefined;
  if (files.some((file) => EXECUTABLE.test(file.path))) return undefined;
  return { prettierVersion: version, files, options, usesDefaults };
}

/** Every candidate file from `outDir` up to the root, in that order; undefined when a folder cannot be read. */
function candidateFiles(outDir: string): { path: string; stamp: string }[] | undefined {
  const files: { path: string; stamp: string }[] = [];
  for (let folder = path.resolve(outDir); ; folder = path.dirname(folder)) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return undefined;
    }
    for (const name of names.filter((entry) => CANDIDATE.test(entry)).sort()) {
      const file = path.join(folder, name);
      files.push({ path: file, stamp: fileStamp(file) ?? 'gone' });
    }
    if (path.dirname(folder) === folder) return files;
  }
}

let version: string | undefined;

function prettierVersion(): string | undefined {
  try {
    version ??= (
      JSON.parse(readFileSync(require.resolve('prettier/package.json'), 'utf8')) as { version: string }
    ).version;
    return version;
  } catch {
    return undefined;
  }
}
