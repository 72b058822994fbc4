/**
 * Reading a schema file, apart from parsing it: a run where nothing changed needs the text (for
 * the run cache's key) but not the YAML parsers that load-schema.ts brings (~0.15 s to load).
 */
import { readFile } from 'node:fs/promises';
import { FileSystemError, GenModelsError } from '../errors.js';

/** The text of a schema file, with messages for a missing file or a folder. */
export async function readSchemaText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GenModelsError(`${path} does not exist`, { cause: error });
    if (code !== 'EISDIR') throw new FileSystemError('read', path, error);
    throw new GenModelsError(
      `${path} is a folder; give the schema file itself, e.g. gen-models ${path.replace(/\/+$/, '')}/schema.yaml`,
    );
  }
}
