/**
 * Loads the handlebars templates: the package's own, or a user's folder (`--templates DIR`)
 * where any file present replaces the package's file of the same name.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
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
  if (overrideDir !== undefined && !existsSync(overrideDir)) {
    throw new Error(`templates folder ${overrideDir} does not exist`);
  }
  const overridePath = (file: string): string | undefined => {
    const override = overrideDir === undefined ? undefined : path.join(overrideDir, file);
    return override !== undefined && existsSync(override) ? override : undefined;
  };
  const templatePath = (file: string): string => overridePath(file) ?? path.join(defaultTemplatesDir(), file);
  const read = (file: string): string => readFileSync(templatePath(file), 'utf8');
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
      throw new Error(`template ${templatePath(name)}: ${(error as Error).message}`);
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
