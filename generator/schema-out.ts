/**
 * `--schema-out FILE`: the introspected schema written as YAML, so a team can move from
 * database-first to schema-first in one step. Written atomically, and never over a file
 * gen-models did not write (that would be somebody's hand-made schema).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaIR } from './ir.js';
import { schemaToYaml } from './schema/to-yaml.js';
import { ForeignFileError } from './output/write.js';

const WRITTEN_MARKER = 'written by gen-models';

export type SchemaOutStatus = 'new' | 'changed' | 'unchanged';

export function writeSchemaYaml(
  schema: SchemaIR,
  file: string,
  options: { check?: boolean } = {},
): SchemaOutStatus {
  const yaml = schemaToYaml(schema);
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (previous !== undefined && !previous.slice(0, 400).includes(WRITTEN_MARKER)) {
    throw new ForeignFileError(
      [file],
      'it may be a hand-made schema: move it away or give --schema-out another file',
    );
  }
  const status: SchemaOutStatus =
    previous === undefined ? 'new' : previous === yaml ? 'unchanged' : 'changed';
  if (status === 'unchanged' || options.check) return status;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.gen-models-tmp-${process.pid}`);
  writeFileSync(temp, yaml);
  renameSync(temp, file);
  return status;
}
