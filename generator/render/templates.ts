/**
 * The handlebars templates of a user's folder (`--templates DIR`): any file present there
 * replaces the package's file of the same name. The package's own files are laid out in code
 * (model-file.ts, index-file.ts); its templates/ print the same text and are the starting point
 * for a folder of one's own.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FileSystemError, GenModelsError } from '../errors.js';
import { slotMarker, type SlotScope } from '../file-marks.js';
import { packageRoot } from '../package-root.js';
import type { IndexView, ModelView } from './view-model.js';

type HandlebarsModule = typeof import('handlebars');

export interface Templates {
  /** The user's model template, or undefined where the package's file is laid out in code. */
  readonly model?: (view: ModelView) => string;
  readonly index?: (view: IndexView) => string;
  /**
   * The text of every template in effect, for the hash that decides whether a file is stale. The
   * package's templates count for the files laid out in code, which are their text (a test holds
   * them equal): so a fingerprint changes only when the package's output does.
   */
  readonly sources: string;
}

const TEMPLATE_FILES = { model: 'model.ts.hbs', index: 'index.ts.hbs' } as const;

export function defaultTemplatesDir(): string {
  return path.join(packageRoot(), 'templates');
}

export function loadTemplates(overrideDir?: string): Templates {
  if (overrideDir !== undefined) checkOverrideDir(overrideDir);
  const load = (file: string) => {
    const override = overrideDir === undefined ? undefined : path.join(overrideDir, file);
    if (override === undefined || !existsSync(override)) {
      return { source: read(path.join(defaultTemplatesDir(), file)), render: undefined };
    }
    const source = read(override);
    return { source, render: compile(override, source) };
  };
  const model = load(TEMPLATE_FILES.model);
  const index = load(TEMPLATE_FILES.index);
  return {
    ...(model.render === undefined ? {} : { model: model.render }),
    ...(index.render === undefined ? {} : { index: index.render }),
    sources: [model.source, index.source].join('\0'),
  };
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new FileSystemError('read the template', file, error);
  }
}

/** A folder that replaces nothing would be silently ignored: refused, as a missing one is. */
function checkOverrideDir(dir: string): void {
  if (!existsSync(dir)) throw new GenModelsError(`templates folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory())
    throw new GenModelsError(
      `--templates ${dir} is a file; give the folder that holds model.ts.hbs or index.ts.hbs`,
    );
  const names = Object.values(TEMPLATE_FILES);
  if (!names.some((name) => existsSync(path.join(dir, name)))) {
    throw new GenModelsError(
      `templates folder ${dir} holds neither ${names.join(' nor ')}; put your templates there (start from a copy of the package's templates/)`,
    );
  }
}

function compile(file: string, source: string): (view: object) => string {
  // handlebars takes tens of milliseconds to load: only runs with templates of their own pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const handlebars = (require('handlebars') as HandlebarsModule).create();
  // {{slot 'class' 1}} marks where hand-written code of the previous version goes back in.
  handlebars.registerHelper('slot', (scope: SlotScope, index: number) => slotMarker(scope, index));
  // handlebars compiles lazily; parsing here reports a broken template by name, before any rendering.
  try {
    handlebars.parse(source);
    // Generated code is TypeScript, not HTML: nothing is escaped, and missing names are errors.
    return handlebars.compile(source, { noEscape: true, strict: true });
  } catch (error) {
    throw new GenModelsError(`template ${file}: ${(error as Error).message}`, { cause: error });
  }
}
