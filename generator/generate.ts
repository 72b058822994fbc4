/**
 * The pipeline, as a function: schema → IR → rendered, formatted files → written (or checked).
 * The CLI is a thin shell around it; programs can call it directly (`import { generate } from 'gen-models'`).
 */
import path from 'node:path';
import { UsageError } from './errors.js';
import type { SchemaIR } from './ir.js';
import { checkFormatter, formatterOf, resolveFormatter, type Formatter } from './output/format.js';
import { formatterRecord, recordedOptions, type FormatterRecord } from './output/formatter-cache.js';
import { readSchemaText } from './schema/read-schema-text.js';
import { fileStamp } from './output/file-stamp.js';
import {
  modelCacheOf,
  readRunCache,
  runCacheKeys,
  writeRunCache,
  type CachedFile,
  type RunCacheEntry,
} from './output/run-cache.js';
import { loadTemplates, type Templates } from './render/templates.js';
import type { RenderOptions } from './render/render-options.js';
import { fileRecipes } from './render/render-schema.js';
import { produceFile, type ProducedFile } from './output/produce-file.js';
import { keptByStamp, keptFile } from './output/reuse-files.js';
import type { EditRecord } from './schema/edited-models.js';
import { mapLimited } from './map-limited.js';
import type { GeneratedFile } from './output/generated-file.js';
import { CollisionError } from './merge/merge-hand-written.js';
import { runtimeBundle, RUNTIME_FOLDER } from './output/runtime-bundle.js';
import {
  applyPlan,
  describeDrift,
  planWrites,
  readText,
  removeOrphans,
  type PlannedFile,
  type WritePlan,
} from './output/write.js';
import { hasHandWrittenCode } from './merge/hand-written-code.js';
import { readFingerprint } from './output/fingerprint.js';
import { applyTypeOverrides } from './config/type-overrides.js';
import type { GenModelsConfig, NamingConfig, TypeOverride } from './config/config-types.js';
import type { SchemaOutStatus } from './schema-out.js';
import { applyRenames, checkNamingForYaml } from './config/naming.js';

export type RuntimeMode = 'bundled' | 'package' | 'sequelize';

const RUNTIME_MODULES: Readonly<Record<RuntimeMode, string>> = {
  bundled: `./${RUNTIME_FOLDER}/index.js`,
  package: 'gen-models/runtime',
  sequelize: 'sequelize',
};

/** Files rendered and formatted at once: enough to overlap file reads with formatting. */
const FILES_IN_FLIGHT = 8;

export interface GenerateOptions {
  /**
   * A configuration, as a gen-models.config file holds it (docs/configuration.md): its keys give
   * every option not given here (`schema` or `fromDb`, `out`, `runtime`, `typeOverrides`,
   * `naming`, `schemaOut`, ...). Over `configPath`'s, key by key.
   */
  readonly config?: GenModelsConfig;
  /** A configuration file (.json, .yaml, .mjs) read as the CLI reads it; its paths are relative to it. */
  readonly configPath?: string;
  /** Path of the YAML schema; or pass `schema` (an IR, e.g. from introspection). */
  readonly schemaPath?: string;
  readonly schema?: SchemaIR;
  /** Output folder (created when missing); may come from the configuration's `out`. */
  readonly outDir?: string;
  /**
   * 'bundled' (default) copies the runtime into `<outDir>/runtime`; 'package' imports `gen-models/runtime`;
   * 'sequelize' writes the same classes against the `sequelize` v6 package (docs/sequelize-runtime.md).
   */
  readonly runtime?: RuntimeMode;
  /** A folder whose templates replace the package's templates of the same name. */
  readonly templatesDir?: string;
  /** Write nothing; report whether the files on disk are what would be generated. */
  readonly check?: boolean;
  /** Delete generated files whose model left the schema (not those holding hand-written code, unless `force`). */
  readonly prune?: boolean;
  /** With `prune`: delete them even when they hold hand-written code. */
  readonly force?: boolean;
  /**
   * TypeScript types for attributes, by column, `Model.attribute`, `*` pattern or PostgreSQL type
   * (see docs/configuration.md); a key that matches nothing is an error.
   */
  readonly typeOverrides?: Readonly<Record<string, TypeOverride>>;
  /**
   * Naming (docs/configuration.md): `rename` applies to the schema given or read here; the case and
   * singular rules shape how --from-db names tables and columns (pass them to the introspection
   * that made `schema`), and are refused with a YAML schema, which names everything itself.
   */
  readonly naming?: NamingConfig;
  /** Told how rendering goes on large schemas (the CLI prints it on stderr). */
  readonly onProgress?: (message: string) => void;
}

export interface GenerateResult {
  /**
   * The schema generated from. A run where nothing changed does not read the YAML (see
   * output/run-cache.ts): then it is read when this is first asked for.
   */
  readonly schema: SchemaIR;
  /** How many models the schema has (known without reading it when nothing changed). */
  readonly modelCount: number;
  readonly plan: WritePlan;
  /** Files written by this run (empty with `check`). */
  readonly written: readonly PlannedFile[];
  /** True when every file on disk already equals what is generated. */
  readonly upToDate: boolean;
  /** With `check`: a unified diff of every stale file. */
  readonly drift: string;
  /** Orphaned files deleted by `prune`. */
  readonly pruned: readonly string[];
  /** Orphaned files `prune` kept because they hold hand-written code. */
  readonly keptOrphans: readonly string[];
  /** With the configuration's `fromDb` and `schemaOut`: the YAML file and whether it changed. */
  readonly schemaOut?: { readonly file: string; readonly status: SchemaOutStatus };
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  if (options.config === undefined && options.configPath === undefined) return generateModels(options);
  const { configuredOptions } = await import('./generate-config.js');
  const configured = await configuredOptions(options);
  const result = await generateModels(configured.options);
  const plan = configured.schemaOut;
  if (plan === undefined) return result;
  if (!options.check) (await import('./schema-out.js')).applySchemaYaml(plan);
  return Object.defineProperties(
    { schemaOut: { file: plan.file, status: plan.status } },
    Object.getOwnPropertyDescriptors(result),
  ) as GenerateResult;
}

async function generateModels(options: GenerateOptions): Promise<GenerateResult> {
  if (options.outDir === undefined)
    throw new UsageError('generate() needs outDir (or a configuration whose "out" names it)');
  const outDir = path.resolve(options.outDir);
  if (options.schema === undefined) checkNamingForYaml(options.naming);
  const schemaText = options.schema === undefined ? await readSchemaOption(options.schemaPath) : undefined;
  const runtime = options.runtime ?? 'bundled';
  const templates = loadTemplates(options.templatesDir);
  const lastRun = schemaText === undefined ? undefined : readRunCache(outDir);
  const { formatter, formatterRecord } = await outputFormatter(outDir, lastRun);
  const renderOptions: RenderOptions = {
    runtimeModule: RUNTIME_MODULES[runtime],
    sourceLabel: sourceLabel(options.schema?.source ?? { kind: 'yaml', path: options.schemaPath! }, outDir),
    // Only set for sequelize, so that the other runtimes' fingerprints stay as they were.
    ...(runtime === 'sequelize' ? { target: 'sequelize' as const } : {}),
  };
  const keys =
    schemaText === undefined
      ? undefined
      : runCacheKeys(
          schemaText,
          path.resolve(options.schemaPath!),
          templates.sources,
          formatter.options,
          renderOptions,
          options.typeOverrides ?? null,
          options.naming?.rename ?? null,
        );
  const cacheKey = keys?.key;
  const entryOf: RunEntryOf = (modelCount, files, edits) => ({
    key: cacheKey!,
    modelCount,
    files,
    ...(edits && { edits }),
    ...(formatterRecord && { formatter: formatterRecord }),
  });
  if (keys !== undefined && lastRun !== undefined) {
    const run: CachedRun = { options, outDir, runtime, text: schemaText!, keys, lastRun, entryOf };
    const shortcut =
      reusedRun(run, formatterRecord) ?? (await editedRun(run, { templates, formatter, renderOptions }));
    if (shortcut !== undefined) return shortcut;
  }
  const loaded =
    options.schema === undefined
      ? await loadYaml(schemaText!, options.schemaPath!)
      : { schema: options.schema };
  const schema = configuredSchema(loaded.schema, options);
  await checkFormatter(formatter, outDir);
  const recipes = fileRecipes(schema, templates, formatter.options, renderOptions);
  const progress = progressReporter(recipes.length, options.onProgress);
  const stamped = new Map(lastRun?.files.map((file) => [file.path, file]));
  const produced = await mapLimited(recipes, FILES_IN_FLIGHT, async (recipe) => {
    const file =
      keptByStamp(recipe, stamped.get(recipe.path), outDir) ?? (await produceFile(recipe, outDir, formatter));
    progress(file.rendered);
    return file;
  });
  const files = checkedFiles(produced, options.outDir!);
  const result = finish(options, outDir, runtime, files, schema.models.length, () => schema);
  if (cacheKey !== undefined) {
    const cached = recipes.map(({ path, inputsHash, targets }) => ({
      path,
      inputsHash,
      ...(targets && { targets }),
    }));
    const record =
      loaded.record !== undefined && recordsEdits(options)
        ? { baseKey: keys!.baseKey, record: loaded.record }
        : undefined;
    recordRun(outDir, entryOf(schema.models.length, cached, record), result, options);
  }
  return result;
}

/** The files to write; a collision of hand-written code with generated names refuses them all. */
function checkedFiles(produced: readonly ProducedFile[], outDir: string): GeneratedFile[] {
  const collisions = produced.flatMap((file) =>
    file.collisions.map((collision) => ({ file: path.join(outDir, file.path), collision })),
  );
  if (collisions.length > 0) throw new CollisionError(collisions);
  return produced.map(({ path, content, previous }) => ({ path, content, previous }));
}

/**
 * The formatter for files in `outDir`: from the options the last run recorded when nothing they
 * were resolved from changed (output/formatter-cache.ts; prettier is then not even imported),
 * else resolved by prettier; with the record to keep for the next run.
 */
async function outputFormatter(
  outDir: string,
  lastRun: RunCacheEntry | undefined,
): Promise<{ formatter: Formatter; formatterRecord: FormatterRecord | undefined }> {
  const recorded = recordedOptions(lastRun?.formatter, outDir);
  if (recorded !== undefined) {
    return {
      formatter: formatterOf(recorded.options, recorded.usesDefaults),
      formatterRecord: lastRun!.formatter,
    };
  }
  const formatter = await resolveFormatter(outDir);
  return { formatter, formatterRecord: formatterRecord(outDir, formatter.options, formatter.usesDefaults) };
}

/**
 * Whether a run may read only the edited models of the schema (output/edited-files.ts): not when
 * the configuration renames or retypes, whose checks see the whole schema.
 */
function recordsEdits(options: GenerateOptions): boolean {
  return options.naming?.rename === undefined && Object.keys(options.typeOverrides ?? {}).length === 0;
}

/** What the run cache records of a run, whichever path it takes. */
type RunEntryOf = (
  modelCount: number,
  files: readonly CachedFile[],
  edits: RunCacheEntry['edits'],
) => RunCacheEntry;

/** A YAML run with a run cache entry from the last run into the same folder. */
interface CachedRun {
  readonly options: GenerateOptions;
  readonly outDir: string;
  readonly runtime: RuntimeMode;
  readonly text: string;
  readonly keys: { readonly key: string; readonly baseKey: string };
  readonly lastRun: RunCacheEntry;
  readonly entryOf: RunEntryOf;
}

/** Nothing changed: the files of the last run, when every one on disk is still what it wrote. */
function reusedRun(run: CachedRun, formatterRecord: FormatterRecord | undefined): GenerateResult | undefined {
  const { options, outDir, lastRun } = run;
  if (lastRun.key !== run.keys.key) return undefined;
  const reused = reuseUpToDateFiles(outDir, lastRun, options.onProgress);
  if (reused === undefined) return undefined;
  const schema = lazySchema(run.text, options.schemaPath!, options);
  const result = finish(options, outDir, run.runtime, reused.files, reused.modelCount, schema);
  if (reused.restamp || formatterRecord !== lastRun.formatter)
    recordRun(outDir, run.entryOf(reused.modelCount, reused.cached, lastRun.edits), result, options);
  return result;
}

/**
 * An edit no other model can see (output/edited-files.ts): only the edited models read and
 * their files rendered; undefined when the run must read the whole schema.
 */
async function editedRun(
  run: CachedRun,
  render: { templates: Templates; formatter: Formatter; renderOptions: RenderOptions },
): Promise<GenerateResult | undefined> {
  const { options, outDir, lastRun } = run;
  const edits = recordsEdits(options) ? lastRun.edits : undefined;
  if (edits === undefined || edits.baseKey !== run.keys.baseKey) return undefined;
  // No checkFormatter: the run that recorded `edits` tried these same options (baseKey).
  const edited = await (
    await import('./output/edited-files.js')
  ).editedFiles({
    text: run.text,
    schemaPath: options.schemaPath!,
    outDir,
    lastRun,
    record: edits.record,
    salt: modelCacheOf(options.schemaPath!)?.salt ?? '',
    ...render,
  });
  if (edited === undefined) return undefined;
  const files = checkedFiles(edited.files, options.outDir!);
  const progress = progressReporter(files.length, options.onProgress);
  for (const file of edited.files) progress(file.rendered);
  const schema = lazySchema(run.text, options.schemaPath!, options);
  const result = finish(options, outDir, run.runtime, files, edited.modelCount, schema);
  const record = { baseKey: run.keys.baseKey, record: edited.record };
  recordRun(outDir, run.entryOf(edited.modelCount, edited.cached, record), result, options);
  return result;
}

/**
 * Remembers the run (output/run-cache.ts), with the stat of each file this run leaves as
 * generated: all of them after a write, the unchanged ones after --check.
 */
function recordRun(
  outDir: string,
  entry: RunCacheEntry,
  result: GenerateResult,
  options: GenerateOptions,
): void {
  const settled = new Set(
    result.plan.files
      .filter((file) => !options.check || file.status === 'unchanged')
      .map((file) => file.path),
  );
  writeRunCache(outDir, {
    ...entry,
    files: entry.files.map(({ path: file, inputsHash, targets }) => ({
      path: file,
      inputsHash,
      stamp: settled.has(file) ? fileStamp(path.join(outDir, file)) : undefined,
      ...(targets && { targets }),
    })),
  });
}

/**
 * With the run cache's entry for these inputs (output/run-cache.ts), the files when every one on
 * disk is still what they would be generated as: then the schema need not be read at all.
 */
function reuseUpToDateFiles(
  outDir: string,
  entry: RunCacheEntry,
  onProgress: ((message: string) => void) | undefined,
): { files: GeneratedFile[]; modelCount: number; cached: CachedFile[]; restamp: boolean } | undefined {
  const files: GeneratedFile[] = [];
  let restamp = false;
  for (const cached of entry.files) {
    const kept = keptFile(outDir, cached);
    if (kept === undefined) return undefined;
    restamp ||= kept.restamp;
    files.push({ path: cached.path, content: kept.content, previous: kept.content });
  }
  const progress = progressReporter(files.length, onProgress);
  for (let index = 0; index < files.length; index += 1) progress(false);
  return { files, modelCount: entry.modelCount, cached: [...entry.files], restamp };
}

/**
 * The schema of a run that did not need it, read only when a caller asks for it. The getter is
 * synchronous, so the parsers come by require() here rather than `await import()`: a run that
 * never asks does not load them (~0.15 s).
 */
function lazySchema(text: string, schemaPath: string, options: GenerateOptions): () => SchemaIR {
  let schema: SchemaIR | undefined;
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadSchemaText } = require('./schema/load-schema.js') as typeof import('./schema/load-schema.js');
    return (schema ??= configuredSchema(loadSchemaText(text, schemaPath), options));
  };
}

/**
 * The YAML schema, parsing only the models whose text changed when the model cache allows (then
 * with the record a later run needs to read only edited models).
 */
async function loadYaml(
  text: string,
  schemaPath: string,
): Promise<{ schema: SchemaIR; record?: EditRecord }> {
  const cache = modelCacheOf(schemaPath);
  if (cache === undefined)
    return { schema: (await import('./schema/load-schema.js')).loadSchemaText(text, schemaPath) };
  return (await import('./schema/load-incremental.js')).loadSchemaIncrementally(text, schemaPath, cache);
}

/** The configuration's renames, then its type overrides (whose keys use the names renamed). */
function configuredSchema(schema: SchemaIR, options: GenerateOptions): SchemaIR {
  return applyTypeOverrides(applyRenames(schema, options.naming?.rename), options.typeOverrides);
}

/** Plans, checks or writes the model files, with the runtime, and prunes. */
function finish(
  options: GenerateOptions,
  outDir: string,
  runtime: RuntimeMode,
  files: GeneratedFile[],
  modelCount: number,
  schemaOf: () => SchemaIR,
): GenerateResult {
  if (runtime === 'bundled') files.push(...runtimeBundle());
  const plan = planWrites(outDir, files);
  const upToDate = plan.files.every((file) => file.status === 'unchanged') && plan.orphans.length === 0;
  const result = (
    fields: Omit<GenerateResult, 'schema' | 'modelCount' | 'plan' | 'upToDate'>,
  ): GenerateResult => ({
    get schema() {
      return schemaOf();
    },
    modelCount,
    plan,
    upToDate,
    ...fields,
  });
  if (options.check) {
    return result({ written: [], drift: upToDate ? '' : describeDrift(plan), pruned: [], keptOrphans: [] });
  }
  const written = applyPlan(plan);
  const { removable, keptOrphans } = options.prune
    ? sortOrphans(plan, options.force === true)
    : { removable: [], keptOrphans: [] };
  return result({ written, drift: '', pruned: removeOrphans(plan, removable), keptOrphans });
}

/** Reports every tenth of the files rendered, on schemas large enough for a wait to be felt. */
function progressReporter(
  total: number,
  onProgress: ((message: string) => void) | undefined,
): (rendered: boolean) => void {
  const step = Math.max(50, Math.ceil(total / 10));
  let done = 0;
  let rendered = 0;
  return (wasRendered) => {
    done += 1;
    if (wasRendered) rendered += 1;
    if (onProgress && total >= 100 && (done % step === 0 || done === total)) {
      onProgress(`${done}/${total} files checked, ${rendered} rendered and formatted`);
    }
  };
}

/** Orphans that hold hand-written code are kept unless forced: deleting them would lose a person's work. */
function sortOrphans(plan: WritePlan, force: boolean): { removable: string[]; keptOrphans: string[] } {
  const removable: string[] = [];
  const keptOrphans: string[] = [];
  for (const orphan of plan.orphans) {
    // A runtime copy left from --runtime bundled is the runtime's own code, never a person's.
    const isRuntimeCopy = orphan.startsWith(`${RUNTIME_FOLDER}/`);
    const text = readText(path.join(plan.outDir, orphan));
    const className = path.basename(orphan, '.ts');
    // Code written into its regions counts too: the fingerprint shows whether they were edited.
    const holdsCode = !readFingerprint(text).regionsUntouched || hasHandWrittenCode(text, className, orphan);
    (force || isRuntimeCopy || !holdsCode ? removable : keptOrphans).push(orphan);
  }
  return { removable, keptOrphans };
}

async function readSchemaOption(schemaPath: string | undefined): Promise<string> {
  if (schemaPath === undefined)
    throw new UsageError('generate() needs schemaPath (a YAML file) or schema (an IR)');
  return readSchemaText(schemaPath);
}

/** How headers name the source: a path relative to the output folder, the same from any working directory. */
function sourceLabel(source: SchemaIR['source'], outDir: string): string {
  if (source.kind === 'database') return `database "${source.database}"`;
  return path.relative(outDir, path.resolve(source.path)).split(path.sep).join('/');
}
