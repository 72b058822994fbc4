/** A file the generator produces: its path inside the output folder (posix separators) and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
  /** The file's current text when the producer already read it (null: no such file), so it is read once. */
  readonly previous?: string | null;
}
