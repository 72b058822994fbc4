/**
 * The pipeline, as a function: schema → IR → rendered, formatted files → written (or checked).
 * The CLI is a thin shell around it; programs can call it directly (`import { generate } from 'gen-models'`).
 */
import path from 'node:path';
import { UsageError } from './errors.js';
import type { SchemaIR } from './ir.js';
import { createFormatter } from './output/format.js';
import { loadSchemaFile } from './schema/load-schema.js';
import { loadTemplates } from './render/templates.js';
import { fileRecipes } from './render/render-schema.js';
import { produceFile } from './output/produce-file.js';
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
import type { TypeOverride } from './config/config-types.js';

export type RuntimeMode = 'bundled' | 'package';

/** Files rendered and formatted at once: enough to overlap file reads with formatting. */
const FILES_IN_FLIGHT = 8;

export interface GenerateOptions {
  /** Path of the YAML schema; or pass `schema` (an IR, e.g. from introspection). */
  readonly schemaPath?: string;
  readonly schema?: SchemaIR;
  /** Output folder (created when missing). */
  readonly outDir: string;
  /** 'bundled' (default) copies the runtime into `<outDir>/runtime`; 'package' imports `gen-models/runtime`. */
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
  /** Told how rendering goes on large schemas (the CLI prints it on stderr). */
  readonly onProgress?: (message: string) => void;
}

export interface GenerateResult {
  readonly schema: SchemaIR;
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
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const schema = applyTypeOverrides(
    options.schema ?? (await loadSchemaOption(options.schemaPath)),
    options.typeOverrides,
  );
  const outDir = path.resolve(options.outDir);
  const runtime = options.runtime ?? 'bundled';
  const templates = loadTemplates(options.templatesDir);
  const formatter = await createFormatter(outDir);
  const renderOptions = {
    runtimeModule: runtime === 'bundled' ? `./${RUNTIME_FOLDER}/index.js` : 'gen-models/runtime',
    sourceLabel: sourceLabel(schema, outDir),
  };
  const recipes = fileRecipes(schema, templates, formatter.options, renderOptions);
  const progress = progressReporter(recipes.length, options.onProgress);
  const produced = await mapLimited(recipes, FILES_IN_FLIGHT, async (recipe) => {
    const file = await produceFile(recipe, outDir, formatter);
    progress(file.rendered);
    return file;
  });
  const collisions = produced.flatMap((file) =>
    file.collisions.map((collision) => ({ file: path.join(options.outDir, file.path), collision })),
  );
  if (collisions.length > 0) throw new CollisionError(collisions);
  const files: GeneratedFile[] = produced.map(({ path, content, previous }) => ({ path, content, previous }));
  if (runtime === 'bundled') files.push(...runtimeBundle());
  const plan = planWrites(outDir, files);
  const upToDate = plan.files.every((file) => file.status === 'unchanged') && plan.orphans.length === 0;
  if (options.check) {
    return {
      schema,
      plan,
      written: [],
      upToDate,
      drift: upToDate ? '' : describeDrift(plan),
      pruned: [],
      keptOrphans: [],
    };
  }
  const written = applyPlan(plan);
  const { removable, keptOrphans } = options.prune
    ? sortOrphans(plan, options.force === true)
    : { removable: [], keptOrphans: [] };
  return { schema, plan, written, upToDate, drift: '', pruned: removeOrphans(plan, removable), keptOrphans };
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

async function loadSchemaOption(schemaPath: string | undefined): Promise<SchemaIR> {
  if (schemaPath === undefined)
    throw new UsageError('generate() needs schemaPath (a YAML file) or schema (an IR)');
  return loadSchemaFile(schemaPath);
}

/** How headers name the source: a path relative to the output folder, the same from any working directory. */
function sourceLabel(schema: SchemaIR, outDir: string): string {
  if (schema.source.kind === 'database') return `database "${schema.source.database}"`;
  return path.relative(outDir, path.resolve(schema.source.path)).split(path.sep).join('/');
}
