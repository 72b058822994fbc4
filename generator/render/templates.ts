/**
 * The handlebars templates of a user's folder (`--templates DIR`): any file present there
 * replaces the package's file of the same name. The package's own files are laid out in code
 * (model-file.ts, index-file.ts); its templates/ print the same text and are the starting point
 * for a folder of one's own.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
  if (overrideDir !== undefined && !existsSync(overrideDir)) {
    throw new Error(`templates folder ${overrideDir} does not exist`);
  }
  const load = (file: string) => {
    const override = overrideDir === undefined ? undefined : path.join(overrideDir, file);
    if (override === undefined || !existsSync(override)) {
      return { source: readFileSync(path.join(defaultTemplatesDir(), file), 'utf8'), render: undefined };
    }
    const source = readFileSync(override, 'utf8');
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
    throw new Error(`template ${file}: ${(error as Error).message}`);
  }
}
