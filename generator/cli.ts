#!/usr/bin/env node
/**
 * The `gen-models` command: argument parsing, the summary, and turning errors into one line per
 * problem on stderr with a non-zero exit. The work itself is `generate()`.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import yargs from 'yargs';
import { closestMatch } from '../runtime/did-you-mean.js';
import { generate, type GenerateResult } from './generate.js';
import type { SchemaOutStatus } from './schema-out.js';
import { GenModelsError, UsageError } from './errors.js';
import { RUNTIME_FOLDER } from './output/runtime-bundle.js';
import { packageVersion } from './package-root.js';
import { applyConfig, type ConfigurableArguments } from './config/apply-config.js';
import { findConfigFile } from './config/find-config.js';
import type { GenModelsConfig } from './config/config-types.js';
import { applyRenames, checkNamingForYaml, namingRules } from './config/naming.js';

/** What a configuration file can also give, and the flags only the command line has. */
interface CliArguments extends ConfigurableArguments {
  _: (string | number)[];
  db?: string;
  check: boolean;
  watch: boolean;
}

const EXAMPLES: [string, string][] = [
  ['$0 schema.yaml', 'write one typed model file per model, index.ts and the runtime into ./models'],
  ['$0 schema.yaml --out src/models', 'write them into src/models'],
  ['$0 schema.yaml --check', 'in CI: exit 1 with a diff when the committed files are stale'],
  ['$0 --from-db postgres://localhost/shop --out models', 'generate the models of an existing database'],
  [
    '$0 --from-db postgres://localhost/shop --schemas public,sales --exclude "*_archive"',
    'only some schemas, without archive tables',
  ],
  [
    '$0 --from-db postgres://localhost/shop --schema-out schema.yaml',
    'also write the schema as YAML, to go on schema-first',
  ],
  [
    '$0 plan schema.yaml --db postgres://localhost/shop',
    'review what sync({ alter: true }) would change in that database',
  ],
  ['$0 schema.yaml --watch', 'regenerate on every change of the schema, configuration or templates'],
  ['$0 schema.yaml --prune', 'also delete files of models that left the schema'],
  ['$0 schema.yaml --runtime package', 'import gen-models/runtime instead of bundling the runtime'],
  [
    '$0 schema.yaml --runtime sequelize',
    'the same models on the sequelize v6 package (npm install sequelize pg)',
  ],
  [
    '$0 --config gen-models.config.json',
    'take the options from a configuration file (see docs/configuration.md)',
  ],
];

function parser(argv: readonly string[]) {
  return (
    yargs(argv)
      .scriptName('gen-models')
      .usage(
        'Usage: $0 <schema.yaml> [options]\n       $0 --from-db <postgres-url> [options]\n\n' +
          'Generate strongly typed model classes from a YAML schema or an existing PostgreSQL database.',
      )
      .command('$0 [schema]', false, (command) =>
        command.positional('schema', { type: 'string', describe: 'The YAML schema file' }),
      )
      .command(
        'plan [schema]',
        'Show the SQL that sync({ alter: true }) would run on --db to match the schema (changes nothing)',
        (command) =>
          command
            .positional('schema', {
              type: 'string',
              describe: 'The YAML schema file (default: the configuration file\'s "schema")',
            })
            .option('db', {
              type: 'string',
              demandOption: true,
              describe: 'The database to compare with (postgres://... or pglite:///dir)',
            }),
      )
      .option('from-db', {
        type: 'string',
        requiresArg: true,
        describe: 'Read the schema from this PostgreSQL database (postgres://...) instead of a YAML file',
      })
      .option('schemas', {
        type: 'string',
        requiresArg: true,
        coerce: list,
        describe: 'With --from-db: comma-separated schemas to read (default: every user schema)',
      })
      .option('include', {
        type: 'string',
        requiresArg: true,
        coerce: list,
        describe:
          'With --from-db: only tables matching these comma-separated patterns (schema.table or table, * wildcards)',
      })
      .option('exclude', {
        type: 'string',
        requiresArg: true,
        coerce: list,
        describe: 'With --from-db: leave out tables matching these patterns',
      })
      .option('schema-out', {
        type: 'string',
        requiresArg: true,
        describe:
          'With --from-db: also write the schema as YAML to this file (database-first to schema-first)',
      })
      .option('keep-names', {
        type: 'boolean',
        default: false,
        describe: 'With --from-db: property names are the column names as they are (when valid)',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        requiresArg: true,
        default: 'models',
        describe: 'Output folder',
      })
      .option('runtime', {
        choices: ['bundled', 'package', 'sequelize'] as const,
        default: 'bundled' as const,
        describe:
          'bundled: copy the runtime into <out>/runtime (production needs only pg); package: import gen-models/runtime; sequelize: import the sequelize v6 package',
      })
      .option('templates', {
        type: 'string',
        requiresArg: true,
        describe: 'Folder of templates that replace the built-in ones of the same name',
      })
      .option('check', {
        type: 'boolean',
        default: false,
        describe: 'Write nothing; exit 1 and print a diff when files on disk are stale',
      })
      .option('prune', {
        type: 'boolean',
        default: false,
        describe: 'Delete generated files whose model left the schema (kept if they hold hand-written code)',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'With --prune: delete them even if they hold hand-written code',
      })
      .option('config', {
        type: 'string',
        requiresArg: true,
        describe:
          'Configuration file (default: gen-models.config.json/.yaml/.yml/.mjs found from here upwards); flags override it',
      })
      .option('watch', {
        type: 'boolean',
        default: false,
        describe:
          'Regenerate whenever the schema, the configuration file or a template changes (one line per run; Ctrl-C stops)',
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only errors' })
      .example(EXAMPLES)
      .version(packageVersion())
      .help()
      .alias('help', 'h')
      .strict()
      // A repeated option (--out a --out b) keeps the last value, as most command lines do.
      .parserConfiguration({ 'duplicate-arguments-array': false })
      .wrap(Math.min(110, process.stdout.columns || 110))
      .exitProcess(false)
  );
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Runs the command line and returns the exit code (never calls process.exit). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let parseError: UsageError | undefined;
  let output = '';
  const cli = parser(argv);
  const args = (await cli
    .fail((message, error) => {
      const text = error?.message ?? message;
      parseError = new UsageError(unknownArgumentHint(text, optionNames(cli)), {
        cause: error,
      });
    })
    .parseAsync(argv, {}, (_error, _argv, text) => {
      output = text;
    })) as unknown as CliArguments & { help?: boolean; version?: boolean };
  if (parseError) return reportError(parseError, io);
  if (output) {
    io.out(output);
    return 0;
  }
  if (args._[0] === 'plan') return runPlan(args, argv, io);
  if (args.watch) return runWatch(args, argv, io);
  return (await runOnce({ ...args }, argv, io)).code;
}

/** The parser's option names and aliases (yargs has getOptions(); @types/yargs omits it). */
function optionNames(cli: object): string[] {
  return Object.keys((cli as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
}

/** yargs' "Unknown argument(s): ouy" with the closest option for each: "; did you mean --out?". */
function unknownArgumentHint(message: string, options: readonly string[]): string {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (!unknown) return message;
  const longNames = options.filter((name) => name.length > 1 && !name.includes('-'));
  const hints = unknown[1]
    .split(', ')
    .map((name) => closestMatch(name.replace(/^-+/, ''), longNames))
    .filter((match): match is string => match !== undefined);
  return hints.length ? `${message}; did you mean ${hints.map((name) => `--${name}`).join(', ')}?` : message;
}

/** One run's exit code, and (when it got that far) the arguments as the configuration completed them. */
interface RunOutcome {
  readonly code: number;
  readonly result?: GenerateResult;
}

/** A whole run: the configuration read, the schema read or introspected, the files generated and reported. */
async function runOnce(
  args: CliArguments,
  argv: readonly string[],
  io: CliIo,
  watching = false,
): Promise<RunOutcome> {
  let config: GenModelsConfig | undefined;
  try {
    const configured = await applyConfig(args, argv);
    Object.assign(args, configured.args);
    config = configured.loaded?.config;
    // Watching prints one line per run, whatever the configuration's `quiet` says.
    if (watching) args.quiet = true;
  } catch (error) {
    return { code: reportError(error, io) };
  }
  const usage = usageProblem(args);
  if (usage !== undefined) return { code: reportError(new UsageError(usage), io) };
  if (args.schemaOut !== undefined && args.fromDb === undefined) {
    io.err('gen-models: --schema-out needs --from-db (it writes the schema read from a database as YAML)');
    return { code: 2 };
  }
  if ((args.schema === undefined) === (args.fromDb === undefined)) {
    io.err(
      args.schema === undefined
        ? 'gen-models: no schema given. Usage: gen-models <schema.yaml> [--out DIR] or gen-models --from-db <url>; see gen-models --help'
        : 'gen-models: give either a schema file or --from-db, not both',
    );
    return { code: 2 };
  }
  try {
    const schema =
      args.fromDb === undefined
        ? undefined
        : // Loaded when used, as plan-schema below: pg and the runtime cost a YAML run ~0.1 s to load.
          await (
            await import('./introspect/from-db.js')
          ).readDatabaseSchema(args.fromDb, introspectOptions(args, io, config));
    // Planned first, so that a hand-made file there stops the run before anything is written.
    const schemaOutModule = args.schemaOut === undefined ? undefined : await import('./schema-out.js');
    const schemaOut =
      schema &&
      schemaOutModule?.planSchemaYaml(applyRenames(schema, config?.naming?.rename), args.schemaOut!);
    const result = await generate({
      schemaPath: args.schema,
      schema,
      outDir: args.out,
      runtime: args.runtime,
      templatesDir: args.templates,
      check: args.check,
      prune: args.prune,
      force: args.force,
      typeOverrides: config?.typeOverrides,
      naming: config?.naming,
      onProgress: args.quiet ? undefined : (message) => io.err(`gen-models: ${message}`),
    });
    if (schemaOut !== undefined) {
      if (!args.check) schemaOutModule!.applySchemaYaml(schemaOut);
      reportSchemaOut(schemaOut.status, args, io);
    }
    const code = report(result, args, io);
    return {
      code: args.check && schemaOut !== undefined && schemaOut.status !== 'unchanged' ? 1 : code,
      result,
    };
  } catch (error) {
    return { code: reportError(error, io) };
  }
}

/**
 * `--watch`: a run now and one on every change of the schema, the configuration file or a
 * template, one line each (an error is printed and watching goes on); Ctrl-C stops it, after the
 * run in flight, with exit code 0.
 */
async function runWatch(args: CliArguments, argv: readonly string[], io: CliIo): Promise<number> {
  if (args.check) return reportError(new UsageError('--watch writes files; it does not go with --check'), io);
  const fromDb = await applyConfig({ ...args }, argv).then(
    (configured) => configured.args.fromDb,
    () => undefined, // a configuration error is the first run's to print
  );
  if (fromDb !== undefined)
    return reportError(
      new UsageError('--watch watches a YAML schema and the configuration; a database cannot be watched'),
      io,
    );
  const { watchAndRun } = await import('./watch.js');
  const stop = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  let firstRun = true;
  await watchAndRun({
    stop,
    run: async () => {
      const started = Date.now();
      const runArgs: CliArguments = { ...args };
      const { code, result } = await runOnce(runArgs, argv, io, true);
      if (code === 0 && result !== undefined) {
        io.out(watchLine(result, runArgs, Date.now() - started));
      } else if (code !== 0) {
        io.err(`gen-models: [${clock()}] the files are left as they were; watching for the fix`);
      }
      if (firstRun)
        io.err('gen-models: watching the schema, the configuration and templates (Ctrl-C to stop)');
      firstRun = false;
    },
    targets: async () => {
      const targetArgs: CliArguments = { ...args };
      // A configuration that does not load: the run prints why; the file is still watched for the fix.
      await applyConfig(targetArgs, argv).then(
        (configured) => Object.assign(targetArgs, configured.args),
        () => undefined,
      );
      return watchTargets(targetArgs);
    },
  });
  return 0;
}

/** `gen-models [12:00:01] 3 models → models/: 1 written, 2 unchanged (42 ms)` */
function watchLine(result: GenerateResult, args: CliArguments, ms: number): string {
  const outDir = path.relative(process.cwd(), result.plan.outDir) || '.';
  const isModelFile = (file: { path: string }) => !file.path.startsWith(`${RUNTIME_FOLDER}/`);
  const written = result.written.filter(isModelFile);
  const unchanged = result.plan.files.filter(isModelFile).length - written.length;
  const names =
    written.length > 0 && written.length <= 3 ? ` (${written.map((f) => f.path).join(', ')})` : '';
  return `gen-models: [${clock()}] ${result.modelCount} models from ${args.schema} → ${outDir}/: ${written.length} written${names}, ${unchanged} unchanged in ${ms} ms`;
}

const clock = (): string => new Date().toTimeString().slice(0, 8);

/** What the next run depends on: the schema, the configuration file, the templates folder. */
function watchTargets(args: CliArguments) {
  const files: string[] = [];
  const folders: string[] = [];
  let configFile: string | undefined;
  try {
    configFile = args.config ?? findConfigFile(process.cwd());
  } catch {
    // Two configuration files in one folder: the run said so; watch the folder for the fix.
    folders.push(process.cwd());
  }
  if (configFile !== undefined) files.push(configFile);
  if (args.schema !== undefined) files.push(args.schema);
  if (args.templates !== undefined) folders.push(args.templates);
  // Without a configuration file yet, one created here is seen.
  if (configFile === undefined) folders.push(process.cwd());
  return { files, folders };
}

/**
 * `plan`: the schema comes from the argument or the configuration file's `schema`, with the
 * configuration's renames applied as generation applies them (the same models, the same plan).
 */
async function runPlan(args: CliArguments, argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { args: configured, loaded } = await applyConfig({ ...args }, argv);
    if (configured.schema === undefined)
      throw new UsageError(
        loaded?.config.fromDb !== undefined
          ? `plan compares a YAML schema with --db; the configuration ${loaded.file} reads a database (fromDb): give the schema file`
          : 'plan needs a YAML schema: gen-models plan schema.yaml --db URL (or "schema" in a configuration file)',
      );
    checkNamingForYaml(loaded?.config.naming);
    const [{ loadSchemaFile }, { planSchemaChanges }, { formatSyncPlan }] = await Promise.all([
      import('./schema/load-schema.js'),
      import('./plan-schema.js'),
      import('../runtime/index.js'),
    ]);
    const schema = applyRenames(await loadSchemaFile(configured.schema), loaded?.config.naming?.rename);
    const plan = await planSchemaChanges(schema, args.db!);
    io.out(formatSyncPlan(plan));
    const count = (kind: string) =>
      plan.steps.filter((step) =>
        kind === 'blocked' ? step.blocked !== undefined : step.kind === kind && step.blocked === undefined,
      ).length;
    io.err(
      `gen-models: ${plan.steps.length} step(s): ${count('safe')} safe, ${count('destructive')} destructive ` +
        `(run only with sync({ alter: { drop: true } })), ${count('blocked')} blocked by the data`,
    );
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

/** Combinations yargs cannot check by itself. */
function usageProblem(args: CliArguments): string | undefined {
  if (args.force && !args.prune)
    return '--force only goes with --prune (it lets --prune delete files holding hand-written code)';
  if (args.out.trim() === '') return '--out needs a folder, e.g. --out src/models';
  if (existsSync(args.out) && !statSync(args.out).isDirectory())
    return `--out ${args.out} is a file; gen-models writes a folder of models there: choose a folder`;
  if (args.keepNames && args.fromDb === undefined)
    return '--keep-names needs --from-db (it keeps column names as property names)';
  if (args.fromDb !== undefined && !/^(postgres|postgresql):\/\/|^pglite:/.test(args.fromDb)) {
    return `--from-db takes a postgres://user:password@host:port/database URL (or pglite:///path/to/datadir), not "${args.fromDb}"`;
  }
  return undefined;
}

function reportSchemaOut(status: SchemaOutStatus, args: CliArguments, io: CliIo): void {
  const file = args.schemaOut!;
  if (args.check) {
    if (status !== 'unchanged')
      io.err(`gen-models: ${file} differs from the schema of the database; run without --check to write it`);
  } else if (!args.quiet && status !== 'unchanged') {
    io.out(`  ${status === 'new' ? 'created' : 'updated'}  ${file}`);
  }
}

function introspectOptions(args: CliArguments, io: CliIo, config: GenModelsConfig | undefined) {
  return {
    naming: namingRules(config?.naming, args.keepNames),
    schemas: args.schemas,
    include: args.include,
    exclude: args.exclude,
    keepNames: args.keepNames,
    onProgress: args.quiet ? undefined : (message: string) => io.err(`gen-models: ${message}`),
  };
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}

function report(result: GenerateResult, args: CliArguments, io: CliIo): number {
  const outDir = path.relative(process.cwd(), result.plan.outDir) || '.';
  const source =
    args.schema ??
    `database ${result.schema.source.kind === 'database' ? result.schema.source.database : ''}`;
  const models = result.modelCount;
  const pruned = new Set(result.pruned);
  for (const orphan of result.plan.orphans.filter((file) => !pruned.has(file))) {
    if (orphan.startsWith(`${RUNTIME_FOLDER}/`)) continue;
    const reason = result.keptOrphans.includes(orphan)
      ? 'it holds hand-written code, so --prune kept it (add --force to delete it anyway)'
      : 'run with --prune to delete it';
    io.err(
      `warning: ${path.join(outDir, orphan)} was generated earlier but its model is no longer in the schema; ${reason}`,
    );
  }
  const staleRuntime = result.plan.orphans.filter(
    (file) => file.startsWith(`${RUNTIME_FOLDER}/`) && !pruned.has(file),
  );
  if (staleRuntime.length > 0) {
    io.err(
      `warning: ${path.join(outDir, RUNTIME_FOLDER)}/ holds a copy of the runtime that these models no longer use (--runtime ${args.runtime}); run with --prune to delete it`,
    );
  }
  if (args.check) {
    if (result.upToDate) {
      if (!args.quiet) io.out(`gen-models: ${outDir} is up to date (${models} models)`);
      return 0;
    }
    io.out(result.drift);
    const stale = result.plan.files.filter((file) => file.status !== 'unchanged').length;
    const leftOver = result.plan.orphans.filter((file) => !pruned.has(file));
    const orphans = leftOver.filter((file) => !file.startsWith(`${RUNTIME_FOLDER}/`)).length;
    const rerun = `gen-models ${args.schema ?? `--from-db ${args.fromDb}`} --out ${outDir}`;
    const differ = `${stale} file(s) in ${outDir} differ from what ${source} generates`;
    const left = `${orphans} file(s) in ${outDir} are no longer in the schema`;
    const findings = [stale > 0 || orphans === 0 ? differ : undefined, orphans > 0 ? left : undefined].filter(
      (text) => text !== undefined,
    );
    io.err(`gen-models: ${findings.join(', and ')}; run ${rerun}${leftOver.length > 0 ? ' --prune' : ''}`);
    return 1;
  }
  if (!args.quiet) {
    const runtimeFiles = result.written.filter((file) => file.path.startsWith(`${RUNTIME_FOLDER}/`));
    for (const file of result.written.filter((written) => !runtimeFiles.includes(written))) {
      io.out(`  ${file.status === 'new' ? 'created' : 'updated'}  ${path.join(outDir, file.path)}`);
    }
    if (runtimeFiles.length > 0)
      io.out(`  copied   ${path.join(outDir, RUNTIME_FOLDER)}/ (the runtime, ${runtimeFiles.length} files)`);
    for (const file of result.pruned) io.out(`  deleted  ${path.join(outDir, file)}`);
    const unchanged = result.plan.files.length - result.written.length;
    io.out(
      `gen-models: ${models} models from ${source} → ${outDir}/: ${result.written.length} written, ${unchanged} unchanged`,
    );
  }
  return 0;
}

/** Exit code of an error that is not gen-models' own: a bug, reported with its stack. */
export const INTERNAL_ERROR_EXIT_CODE = 3;

/**
 * gen-models' own errors are one clean message (see GenModelsError) and their exit code; anything
 * else is a bug in gen-models, printed with its stack so that it can be reported.
 */
function reportError(error: unknown, io: CliIo): number {
  if (error instanceof GenModelsError) {
    io.err(error.startsWithLocation ? error.message : `gen-models: ${error.message}`);
    if (error instanceof UsageError) io.err('Run gen-models --help for usage.');
    return error.exitCode;
  }
  const trace = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  io.err(
    `gen-models: internal error, a bug in gen-models; please report it with the stack trace below.\n${trace}`,
  );
  return INTERNAL_ERROR_EXIT_CODE;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
