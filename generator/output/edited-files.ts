/**
 * A run after a small edit of a large YAML schema: only the edited models are read
 * (schema/edited-models.ts) and only their files rendered; every other file is the last run's,
 * kept when the file on disk is still what that run wrote. Undefined whenever that does not hold
 * (the edit reaches other models, a file was edited or deleted, an edited model is new to the
 * run cache): the caller then reads the whole schema, so the output is the same either way.
 */
import { loadEditedModels, type EditRecord } from '../schema/edited-models.js';
import { oneModelRecipe } from '../render/render-schema.js';
import type { RenderOptions } from '../render/render-options.js';
import type { Templates } from '../render/templates.js';
import type { Formatter } from './format.js';
import { produceFile, type ProducedFile } from './produce-file.js';
import { keptByStamp, keptFile } from './reuse-files.js';
import type { CachedFile, RunCacheEntry } from './run-cache.js';

export interface EditedFiles {
  /** Every file, in the last run's order, edited ones rendered, with its collisions. */
  readonly files: readonly ProducedFile[];
  /** What the run cache records of this run's files. */
  readonly cached: readonly CachedFile[];
  readonly record: EditRecord;
  readonly modelCount: number;
}

export interface EditedRunInputs {
  readonly text: string;
  readonly schemaPath: string;
  readonly outDir: string;
  readonly lastRun: RunCacheEntry;
  readonly record: EditRecord;
  /** Stands for the generator's code (run-cache.ts's modelCacheOf). */
  readonly salt: string;
  readonly templates: Templates;
  readonly formatter: Formatter;
  readonly renderOptions: RenderOptions;
}

export async function editedFiles(inputs: EditedRunInputs): Promise<EditedFiles | undefined> {
  const edited = loadEditedModels(inputs.text, inputs.schemaPath, inputs.record, inputs.salt);
  if (edited === undefined) return undefined;
  const editedByPath = new Map(edited.models.map((model) => [`${model.name}.ts`, model]));
  const lastFiles = inputs.lastRun.files;
  if ([...editedByPath.keys()].some((file) => !lastFiles.some((cached) => cached.path === file)))
    return undefined;
  // The files kept first: one that is no longer what the last run wrote ends the attempt early.
  const kept = new Map<string, ProducedFile>();
  for (const cached of lastFiles) {
    if (editedByPath.has(cached.path)) continue;
    const file = keptFile(inputs.outDir, cached);
    if (file === undefined) return undefined;
    kept.set(cached.path, {
      path: cached.path,
      content: file.content,
      previous: file.content,
      collisions: [],
      rendered: false,
    });
  }
  const files: ProducedFile[] = [];
  const cached: CachedFile[] = [];
  for (const last of lastFiles) {
    const model = editedByPath.get(last.path);
    if (model === undefined) {
      files.push(kept.get(last.path)!);
      cached.push(last);
      continue;
    }
    const recipe = oneModelRecipe(
      model,
      last.targets ?? {},
      inputs.templates,
      inputs.formatter.options,
      inputs.renderOptions,
    );
    files.push(
      keptByStamp(recipe, last, inputs.outDir) ??
        (await produceFile(recipe, inputs.outDir, inputs.formatter)),
    );
    cached.push({
      path: last.path,
      inputsHash: recipe.inputsHash,
      ...(last.targets && { targets: last.targets }),
    });
  }
  return { files, cached, record: edited.record, modelCount: inputs.record.models.length };
}
