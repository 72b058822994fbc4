/**
 * `--schema-out FILE`: the introspected schema written as YAML, so a team can move from
 * database-first to schema-first in one step. Planned before the models are generated (a file
 * gen-models did not write, somebody's hand-made schema, is refused before anything is written),
 * written after them, atomically, into a folder created when missing (as `--out` is).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FileSystemError, GenModelsError } from './errors.js';
import type { SchemaIR } from './ir.js';
import { schemaToYaml } from './schema/to-yaml.js';
import { ForeignFileError, writeFileAtomically } from './output/write.js';

const WRITTEN_MARKER = 'written by gen-models';

export type SchemaOutStatus = 'new' | 'changed' | 'unchanged';

export interface SchemaOutPlan {
  readonly file: string;
  readonly yaml: string;
  readonly status: SchemaOutStatus;
}

export function planSchemaYaml(schema: SchemaIR, file: string): SchemaOutPlan {
  const yaml = schemaToYaml(schema);
  const previous = readPrevious(file);
  if (previous !== undefined && !previous.slice(0, 400).includes(WRITTEN_MARKER)) {
    throw new ForeignFileError(
      [file],
      'it may be a hand-made schema: move it away or give --schema-out another file',
    );
  }
  const status: SchemaOutStatus =
    previous === undefined ? 'new' : previous === yaml ? 'unchanged' : 'changed';
  return { file, yaml, status };
}

export function applySchemaYaml(plan: SchemaOutPlan): void {
  if (plan.status !== 'unchanged') writeFileAtomically(plan.file, plan.yaml);
}

function readPrevious(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  if (statSync(file).isDirectory())
    throw new GenModelsError(
      `--schema-out ${file} is a folder; give the YAML file to write, e.g. ${path.join(file, 'schema.yaml')}`,
    );
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new FileSystemError('read', file, error);
  }
}
