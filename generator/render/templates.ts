/**
 * Loads the handlebars templates: the package's own, or a user's folder (`--templates DIR`)
 * where any file present replaces the package's file of the same name.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { FileSystemError, GenModelsError } from '../errors.js';
import { slotMarker, type SlotScope } from '../file-marks.js';
import { packageRoot } from '../package-root.js';
import type { IndexView, ModelView } from './view-model.js';

export interface Templates {
  model(view: ModelView): string;
  index(view: IndexView): string;
  /** The text of every template used, for the hash that decides whether a file is stale. */
  readonly sources: string;
  /** Which templates are the package's own, whose output needs no formatting pass. */
  readonly packaged: { readonly model: boolean; readonly index: boolean };
}

const TEMPLATE_FILES = { model: 'model.ts.hbs', index: 'index.ts.hbs' } as const;

export function defaultTemplatesDir(): string {
  return path.join(packageRoot(), 'templates');
}

export function loadTemplates(overrideDir?: string): Templates {
  if (overrideDir !== undefined) checkOverrideDir(overrideDir);
  const overridePath = (file: string): string | undefined => {
    const override = overrideDir === undefined ? undefined : path.join(overrideDir, file);
    return override !== undefined && existsSync(override) ? override : undefined;
  };
  const templatePath = (file: string): string => overridePath(file) ?? path.join(defaultTemplatesDir(), file);
  const read = (file: string): string => {
    try {
      return readFileSync(templatePath(file), 'utf8');
    } catch (error) {
      throw new FileSystemError('read the template', templatePath(file), error);
    }
  };
  const handlebars = Handlebars.create();
  // {{slot 'class' 1}} marks where hand-written code of the previous version goes back in.
  handlebars.registerHelper('slot', (scope: SlotScope, index: number) => slotMarker(scope, index));
  const text = { model: read(TEMPLATE_FILES.model), index: read(TEMPLATE_FILES.index) };
  // Generated code is TypeScript, not HTML: nothing is escaped, and missing names are errors.
  const options = { noEscape: true, strict: true };
  // handlebars compiles lazily; parsing here reports a broken template by name, before any rendering.
  const compileNamed = (name: string, source: string) => {
    try {
      handlebars.parse(source);
      return handlebars.compile(source, options);
    } catch (error) {
      throw new GenModelsError(`template ${templatePath(name)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  const model = compileNamed(TEMPLATE_FILES.model, text.model);
  const index = compileNamed(TEMPLATE_FILES.index, text.index);
  return {
    model: (view) => model(view),
    index: (view) => index(view),
    sources: [text.model, text.index].join('\0'),
    packaged: {
      model: overridePath(TEMPLATE_FILES.model) === undefined,
      index: overridePath(TEMPLATE_FILES.index) === undefined,
    },
  };
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
