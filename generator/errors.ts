/**
 * The base of every error gen-models reports to its user: a problem with the input (the schema,
 * the database, templates, files in the output folder) or with how it was called. The CLI prints
 * one of these as its message alone and exits with its `exitCode`; any other error is a bug in
 * gen-models, and is printed with its stack.
 */
export class GenModelsError extends Error {
  override readonly name: string = 'GenModelsError';
  /** The CLI's exit code: 1 a problem with the input or the output, 2 a usage error. */
  readonly exitCode: 1 | 2 = 1;
  /**
   * True when every line of the message starts with the place it is about (`file:line:column: `,
   * `models/User.ts: `): the CLI prints those as they are, editors turn them into links. Other
   * messages get `gen-models: ` in front.
   */
  readonly startsWithLocation: boolean = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** How gen-models was called makes no sense (options that do not go together, a missing argument). */
export class UsageError extends GenModelsError {
  override readonly name = 'UsageError';
  override readonly exitCode = 2;
}

/**
 * A file or folder could not be read or written. The message names the path the user knows (the
 * target, never a temporary name beside it) and the system's reason, without Node's own path.
 */
export class FileSystemError extends GenModelsError {
  override readonly name = 'FileSystemError';

  constructor(action: string, file: string, error: unknown) {
    super(`cannot ${action} ${file}: ${systemReason(error)}`, { cause: error });
  }
}

/**
 * `permission denied (EACCES)` from Node's `EACCES: permission denied, open '/x/.y.tmp-1'`: the
 * reason without the path, which may be a temporary name the user never chose.
 */
export function systemReason(error: unknown): string {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  const text = typeof message === 'string' ? message : String(error);
  const described = /^[A-Z0-9_]+: ([^,]+)/.exec(text)?.[1];
  if (code !== undefined && described !== undefined) return `${described} (${code})`;
  return text.split('\n')[0]!;
}
